import type { APIRoute, GetStaticPaths } from 'astro';
import { listFile } from '../../data-api/data-files.ts';
import { dataPaths, LIST_NAMES, type ListName } from '../../site/data-paths.ts';
import { getDataContext, serveDataFile } from '../../astro/data.ts';

export const getStaticPaths = (() => LIST_NAMES.map((name) => ({ params: { name } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const ctx = await getDataContext();
  const name = params.name as ListName;
  return serveDataFile(dataPaths.all(name, 'csv'), () => listFile(ctx, name, 'csv'));
};
