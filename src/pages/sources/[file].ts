/**
 * The original files the documents were ingested from, published from content/sources/ so that
 * every policy page links to its source. A saved web page is published as text under its name
 * plus `.txt` (src/format/source.ts): served from the site's own origin as HTML, its scripts would run.
 */
import { readFileSync } from 'node:fs';
import type { APIRoute, GetStaticPaths } from 'astro';
import { publishedSourceName } from '../../format/source.ts';
import { getSite } from '../../astro/data.ts';
import { sourcePath } from '../../astro/sources.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const site = await getSite();
  return site.sources.map((file) => ({ params: { file: publishedSourceName(file) }, props: { file } }));
};

export const GET: APIRoute = ({ props }) => {
  const path = sourcePath(String(props.file));
  // The site index only lists originals that sourcePath accepts.
  if (path === null) throw new Error(`content/sources: ${String(props.file)} can no longer be read`);
  return new Response(readFileSync(path));
};
