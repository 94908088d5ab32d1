import type { APIRoute, GetStaticPaths } from 'astro';
import { changesFile } from '../../../data-api/data-files.ts';
import { getComparisons, getDataContext, respond } from '../../../astro/data.ts';

export const getStaticPaths = (async () => [...(await getComparisons()).changes.keys()].map((slug) => ({ params: { slug } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => respond(changesFile(await getDataContext(), params.slug!, 'csv'));
