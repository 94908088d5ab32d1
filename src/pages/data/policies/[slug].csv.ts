import type { APIRoute, GetStaticPaths } from 'astro';
import { policyFile } from '../../../lib/data-files.ts';
import { getDataContext, getSite, respond } from '../../../site/data.ts';

export const getStaticPaths = (async () => (await getSite()).docs.map((d) => ({ params: { slug: d.slug } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => respond(policyFile(await getDataContext(), params.slug!, 'csv'));
