import type { APIRoute, GetStaticPaths } from 'astro';
import { policyFile } from '../../../data-api/data-files.ts';
import { dataPaths } from '../../../site/data-paths.ts';
import { getDataContext, getSite, serveDataFile } from '../../../astro/data.ts';

export const getStaticPaths = (async () => (await getSite()).docs.map((d) => ({ params: { slug: d.slug } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const ctx = await getDataContext();
  return serveDataFile(dataPaths.policy(params.slug!, 'json'), () => policyFile(ctx, params.slug!, 'json'));
};
