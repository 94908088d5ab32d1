import type { APIRoute, GetStaticPaths } from 'astro';
import { getComparisons } from '../../../astro/data.ts';

export const getStaticPaths = (async () => [...(await getComparisons()).docs.keys()].map((slug) => ({ params: { slug } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => Response.json((await getComparisons()).docs.get(params.slug!));
