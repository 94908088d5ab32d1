import type { APIRoute, GetStaticPaths } from 'astro';
import { themeFile } from '../../../lib/data-files.ts';
import { getDataContext, getSite, respond } from '../../../site/data.ts';

export const getStaticPaths = (async () => (await getSite()).themes.map((t) => ({ params: { slug: t.theme.slug } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => respond(themeFile(await getDataContext(), params.slug!, 'csv'));
