/**
 * The site's data, loaded and indexed once per build: every route calls `getSite()` and
 * picks what it renders. Content problems are printed once as warnings; the build goes on.
 */
import { getCollection } from 'astro:content';
import { policyFile } from './policy-files.ts';
import { docSlug } from '../format/ids.ts';
import { buildComparisons, type Comparisons } from '../data-api/comparison-data.ts';
import { fileBytes, type DataContext, type DataFile } from '../data-api/data-files.ts';
import { SITE } from './settings.ts';
import { buildSiteIndex, type SiteIndex } from '../index/site-index.ts';
import type { DocSummary, PolicyDoc } from '../index/documents.ts';
import { reviewList, type ReviewDoc } from '../extract/review.ts';
import type { NameEntry } from '../search/names.ts';
import { paths } from '../site/paths.ts';
import { SOURCES_DIR } from './content-dirs.ts';
import { loadSiteVocabulary } from './vocab.ts';
import { sourcePath } from './sources.ts';

/** Where the ingest keeps the original files (content/sources, or SOURCES_DIR when set). */
export { SOURCES_DIR };

let site: Promise<SiteIndex> | null = null;
let comparisons: Promise<Comparisons> | null = null;
const vocabulary = loadSiteVocabulary();

async function load(): Promise<SiteIndex> {
  const entries = await getCollection('policies');
  const docs: PolicyDoc[] = entries.map((e) => ({ slug: docSlug(e.id), data: e.data, body: e.body ?? bodyFromFile(e.filePath) }));
  const index = buildSiteIndex(docs, { ...vocabulary, hasSource: (file) => sourcePath(file) !== null });
  for (const problem of index.problems) console.warn(`[policy-kb] ${problem}`);
  return index;
}

/** The Markdown body of a policy file, for a collection that does not keep bodies: as the loader's check read it. */
function bodyFromFile(filePath: string | undefined): string {
  return filePath ? policyFile(filePath).body : '';
}

/** The site index, built on first use and shared by all pages of the build. */
export function getSite(): Promise<SiteIndex> {
  site ??= load();
  return site;
}

/** The comparison data (picker, per-document columns, year over year, target groups), built on first use. */
export function getComparisons(): Promise<Comparisons> {
  comparisons ??= getSite().then((s) =>
    buildComparisons(s, { themes: vocabulary.themes.themes }),
  );
  return comparisons;
}

/** The documents with facts an editor should check, newest first. */
export async function getReviewList(): Promise<ReviewDoc<DocSummary>[]> {
  const s = await getSite();
  return reviewList(s.docs, (d) => s.policies.get(d.slug)!.doc.data);
}

/** The unit and theme names the search box finds, each with its page. */
export async function getSearchNames(): Promise<NameEntry[]> {
  const s = await getSite();
  return [
    ...s.units.units.map((u): NameEntry => ({ kind: 'unit', name: u.label, href: paths.unit(u.slug), weight: u.tasks })),
    ...s.themes.map((t): NameEntry => ({ kind: 'theme', name: t.theme.name, href: paths.theme(t.theme.slug), weight: t.counts.measures })),
  ];
}

/** What the /data/ files are made from. */
export async function getDataContext(): Promise<DataContext> {
  return { site: await getSite(), comparisons: await getComparisons(), origin: SITE.origin ?? '', bodyOf: vocabulary.bodyOf };
}

/** A data file as the response of a static endpoint. */
export function respond(file: DataFile): Response {
  return new Response(file.body, { headers: { 'Content-Type': file.type } });
}

// The /data/ page shows each download's size: whichever of it and the file's endpoint comes first
// makes the file once; the page keeps only the size, the endpoint takes the file.
const madeFiles = new Map<string, DataFile>();
const fileSizes = new Map<string, number>();

/** The response of the endpoint serving `href`, made by `make` unless the /data/ page made it already. */
export function serveDataFile(href: string, make: () => DataFile): Response {
  const file = madeFiles.get(href) ?? make();
  madeFiles.delete(href);
  fileSizes.set(href, fileBytes(file));
  return respond(file);
}

/** The size in bytes of the file served at `href`. */
export function dataFileSize(href: string, make: () => DataFile): number {
  let size = fileSizes.get(href);
  if (size === undefined) {
    const file = make();
    madeFiles.set(href, file);
    size = fileBytes(file);
    fileSizes.set(href, size);
  }
  return size;
}
