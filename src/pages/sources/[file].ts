/**
 * The original files the documents were ingested from, published from content/sources/ so that
 * every policy page links to its source. A saved web page is published as text under its name
 * plus `.txt` (src/lib/source.ts): served from the site's own origin as HTML, its scripts would run.
 */
import { readFileSync } from 'node:fs';
import type { APIRoute, GetStaticPaths } from 'astro';
import { publishedSourceName } from '../../lib/source.ts';
import { getSite } from '../../site/data.ts';
import { sourcePath } from '../../site/sources.ts';

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
