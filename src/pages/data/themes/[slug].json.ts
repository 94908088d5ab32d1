import type { APIRoute, GetStaticPaths } from 'astro';
import { themeFile } from '../../../data-api/data-files.ts';
import { dataPaths } from '../../../site/data-paths.ts';
import { getDataContext, getSite, serveDataFile } from '../../../astro/data.ts';

export const getStaticPaths = (async () => (await getSite()).themes.map((t) => ({ params: { slug: t.theme.slug } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const ctx = await getDataContext();
  return serveDataFile(dataPaths.theme(params.slug!, 'json'), () => themeFile(ctx, params.slug!, 'json'));
};
