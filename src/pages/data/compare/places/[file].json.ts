import type { APIRoute, GetStaticPaths } from 'astro';
import { getComparisons } from '../../../../astro/data.ts';

export const getStaticPaths = (async () => [...(await getComparisons()).shards.keys()].map((file) => ({ params: { file } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => Response.json((await getComparisons()).shards.get(params.file!));
