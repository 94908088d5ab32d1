/**
 * The original files the documents were ingested from, published as they are kept under
 * content/sources/, so that every policy page links to its source.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite, SOURCES_DIR } from '../../site/data.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const site = await getSite();
  return site.sources.map((file) => ({ params: { file } }));
};

export const GET: APIRoute = ({ params }) => new Response(readFileSync(join(SOURCES_DIR, String(params.file))));
