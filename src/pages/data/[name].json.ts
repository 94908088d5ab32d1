import type { APIRoute, GetStaticPaths } from 'astro';
import { listFile } from '../../lib/data-files.ts';
import { LIST_NAMES, type ListName } from '../../lib/data-paths.ts';
import { getDataContext, respond } from '../../site/data.ts';

export const getStaticPaths = (() => LIST_NAMES.map((name) => ({ params: { name } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => respond(listFile(await getDataContext(), params.name as ListName, 'json'));
