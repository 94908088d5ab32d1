/**
 * The site's data, loaded and indexed once per build: every route calls `getSite()` and
 * picks what it renders. Content problems are printed once as warnings; the build goes on.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getCollection } from 'astro:content';
import matter from 'gray-matter';
import { buildSiteIndex, type SiteIndex } from '../lib/site-index.ts';
import type { PolicyDoc } from '../lib/documents.ts';
import { loadSiteVocabulary } from './vocab.ts';

/** Where the ingest keeps the original files. */
export const SOURCES_DIR = 'content/sources';

let site: Promise<SiteIndex> | null = null;

async function load(): Promise<SiteIndex> {
  const entries = await getCollection('policies');
  const docs: PolicyDoc[] = entries.map((e) => ({ slug: e.id, data: e.data, body: e.body ?? bodyFromFile(e.filePath) }));
  const index = buildSiteIndex(docs, { ...loadSiteVocabulary(), hasSource: (file) => existsSync(join(SOURCES_DIR, file)) });
  for (const problem of index.problems) console.warn(`[policy-kb] ${problem}`);
  return index;
}

/** The Markdown body of a policy file, for a collection that does not keep bodies (`retainBody: false`). */
function bodyFromFile(filePath: string | undefined): string {
  return filePath ? matter(readFileSync(filePath, 'utf8')).content : '';
}

/** The site index, built on first use and shared by all pages of the build. */
export function getSite(): Promise<SiteIndex> {
  site ??= load();
  return site;
}
