/**
 * The search index in shards: which policy pages go in which shard (planShards, at build time),
 * and one PagefindApi over all shards (shardedApi, in the browser and in the Node client).
 *
 * Why shards: Pagefind 1.6 holds about 1.8 MB per page until it writes an index, so one index of
 * a province-sized base needs tens of GB; one Pagefind run per shard, one at a time, needs only
 * what the largest shard needs, and a rebuild re-indexes only the shard whose pages changed.
 *
 * Why by date: Pagefind's merged date order is wrong (each index scores its pages by their
 * position in its own sorted list and the lists are zipped), but shards that are contiguous date
 * ranges, each searched with the sort and joined newest shard first, give exactly one index's
 * order. So a shard is a run of whole years, newest first; a document goes by its date (a plan
 * whose period spans years goes by the year it was issued), and an undated document, whose sort
 * key is 0000-00-00, with the oldest years.
 *
 * Facets and sub-results come from Pagefind's own merge (`mergeIndex`): one pagefind.js, the
 * wasm loaded once, filter counts added across shards. Each shard is tagged with a synthetic
 * filter (`mergeFilter`) so a search can ask one shard at a time: date order joins the shards'
 * lists, relevance of one word re-weights each shard's scores to common word statistics (shardWeights).
 *
 * Import-free apart from types: the browser bundles it.
 */
import type { PagefindApi, PagefindResult, PagefindSearchOptions, PagefindSearchResponse } from './results.ts';

/** The manifest the build writes beside the bundle (`/pagefind/shards.json`) and the page reads first. */
export const SHARD_MANIFEST = 'shards.json';

/** The synthetic filter each shard's pages carry (its shard id), never shown as a facet. */
export const SHARD_FILTER = '_shard';

/** Above this many policy pages the index is built in shards (`--search-shard-size`). */
export const DEFAULT_SHARD_SIZE = 2000;

/** Pagefind cuts index chunks at this many postings whatever the size of the index. */
export const PAGEFIND_CHUNK_SIZE = 20000;

export interface ShardEntry {
  /** `2024`, `2021-2023`, or `all` for an index in one piece. */
  id: string;
  /** The shard's bundle relative to /pagefind/, ending with `/` (Pagefind's mergeIndex compares prefixes); '' for one piece. */
  path: string;
  pages: number;
  /** Years of the sort dates it holds ('0000' for undated documents). */
  newest: string;
  oldest: string;
}

export interface ShardManifest {
  /** Pagefind's version: shards built by different versions must not be mixed. */
  pagefind: string;
  /** Newest first. */
  shards: ShardEntry[];
}

export interface PagePlace {
  /** The page's URL in the index (`/policies/<slug>/`). */
  url: string;
  /** Its `data-pagefind-sort="date"` value: YYYY-MM-DD, 0000 for unknown parts. */
  sortDate: string;
}

export interface PlannedShard extends ShardEntry {
  urls: string[];
}

const yearOf = (sortDate: string): string => (/^\d{4}/.exec(sortDate)?.[0] ?? '0000');

/**
 * Which pages go in which shard: one shard (`all`) when there are at most `size` pages; else the
 * newest `newest` pages (a quarter of `size`: the shard `newest`), then runs of whole years of the
 * rest, newest first, each as many years as fit in `size` pages. A year larger than `size` is cut
 * into parts of at most `size` pages at date boundaries (`2024.1` the newest part), so no shard,
 * and no Pagefind run, is larger than `size` however many documents a year has. One date is never
 * in two shards. Deterministic: every machine of a split build plans the same.
 *
 * Why a small newest shard: a search newest first (the default order) shows its first screen from
 * the newest shard alone when that holds five results, and what it fetches grows with the shard's
 * pages (its metadata, its index chunks): 323 KB from a newest shard of two years (1,900 pages) at
 * 10,000 documents. New documents land there too, so indexing them again is quick.
 */
export function planShards(pages: readonly PagePlace[], size: number, newest = Math.floor(size / 4)): PlannedShard[] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`shard size must be a whole number of pages ≥ 1, not ${size}`);
  if (pages.length <= size) {
    const years = [...new Set(pages.map((p) => yearOf(p.sortDate)))].sort().reverse();
    return [{ id: 'all', path: '', pages: pages.length, newest: years[0] ?? '0000', oldest: years.at(-1) ?? '0000', urls: pages.map((p) => p.url).sort() }];
  }
  if (newest < 1 || newest >= size) return planYears(pages, size);
  const sorted = [...pages].sort(newestFirst);
  const cut = dateBoundary(sorted, newest);
  const head = sorted.slice(0, cut);
  const first: PlannedShard = { id: 'newest', path: 'shards/newest/', pages: head.length, newest: yearOf(head[0]!.sortDate), oldest: yearOf(head.at(-1)!.sortDate), urls: head.map((p) => p.url).sort() };
  return [first, ...planYears(sorted.slice(cut), size)];
}

/** Newest date first; the URL breaks ties, so every machine sorts the same. */
function newestFirst(a: PagePlace, b: PagePlace): number {
  return a.sortDate !== b.sortDate ? (a.sortDate < b.sortDate ? 1 : -1) : a.url < b.url ? -1 : 1;
}

/** Where to cut pages sorted newest first near `at` so that one date is not on both sides: back to a change of date, or forward when one date fills the part. */
function dateBoundary(sorted: readonly PagePlace[], at: number): number {
  let back = Math.min(at, sorted.length);
  while (back > 0 && back < sorted.length && sorted[back]!.sortDate === sorted[back - 1]!.sortDate) back--;
  if (back > 0) return back;
  let forward = Math.min(at, sorted.length);
  while (forward < sorted.length && sorted[forward]!.sortDate === sorted[forward - 1]!.sortDate) forward++;
  return forward;
}

/** Runs of whole years, newest first, as many as fit in `size` pages; a year larger than `size` in parts. */
function planYears(pages: readonly PagePlace[], size: number): PlannedShard[] {
  if (pages.length === 0) return [];
  const byYear = new Map<string, PagePlace[]>();
  for (const p of pages) {
    const y = yearOf(p.sortDate);
    byYear.set(y, [...(byYear.get(y) ?? []), p]);
  }
  const years = [...byYear.keys()].sort().reverse();
  const shard = (id: string, newest: string, oldest: string, urls: string[]): PlannedShard => ({ id, path: `shards/${id}/`, pages: urls.length, newest, oldest, urls: [...urls].sort() });
  const out: PlannedShard[] = [];
  let run: string[] = [];
  let count = 0;
  const close = (): void => {
    if (run.length === 0) return;
    const newest = run[0]!;
    const oldest = run.at(-1)!;
    out.push(shard(newest === oldest ? newest : `${oldest}-${newest}`, newest, oldest, run.flatMap((y) => byYear.get(y)!.map((p) => p.url))));
    run = [];
    count = 0;
  };
  for (const y of years) {
    const inYear = byYear.get(y)!;
    if (inYear.length > size) {
      close();
      for (const [i, part] of cutByDate(inYear, size).entries()) out.push(shard(`${y}.${i + 1}`, y, y, part));
      continue;
    }
    if (count + inYear.length > size) close();
    run.push(y);
    count += inYear.length;
  }
  close();
  return out;
}

/** A year's pages, newest first, in parts of at most `size` pages, each cut between two different dates where it can be. */
function cutByDate(inYear: readonly PagePlace[], size: number): string[][] {
  const sorted = [...inYear].sort(newestFirst);
  const parts = Math.ceil(sorted.length / size);
  const target = Math.ceil(sorted.length / parts);
  const out: string[][] = [];
  let from = 0;
  while (from < sorted.length) {
    let to = Math.min(from + target, sorted.length);
    // Back off to a change of date, so one date is never in two shards (unless one date has more than a part).
    let back = to;
    while (back > from + 1 && back < sorted.length && sorted[back]!.sortDate === sorted[back - 1]!.sortDate) back--;
    if (back === sorted.length || sorted[back]!.sortDate !== sorted[back - 1]!.sortDate) to = back;
    out.push(sorted.slice(from, to).map((p) => p.url));
    from = to;
  }
  return out;
}

/**
 * The index chunk size for shards of an index: Pagefind's 20,000 postings divided among the
 * shards, so that a first search fetches about what one index would (measured in the issue:
 * 4 shards 299 KB at 20,000, 175 KB at 5,000; one index 154 KB). Null for one index.
 */
export function shardChunkSize(shards: number): number | null {
  return shards <= 1 ? null : Math.max(2000, Math.round(PAGEFIND_CHUNK_SIZE / shards));
}

/** Reads a manifest, saying what is wrong with one that is not. */
export function parseShardManifest(json: unknown, where: string): ShardManifest {
  const m = json as Partial<ShardManifest> | null;
  const ok =
    m !== null &&
    typeof m === 'object' &&
    typeof m.pagefind === 'string' &&
    Array.isArray(m.shards) &&
    m.shards.length > 0 &&
    m.shards.every((s) => typeof s?.id === 'string' && typeof s.path === 'string' && (s.path === '' || s.path.endsWith('/')) && !s.path.includes('..'));
  if (!ok) throw new Error(`${where} is not a search shard manifest (pagefind version and a list of shards with id and path): rebuild the index with \`npm run build\``);
  return m as ShardManifest;
}

/** Filter counts without the synthetic shard filter. */
function withoutShardFilter<T>(filters: Record<string, T>): Record<string, T> {
  const { [SHARD_FILTER]: _, ...rest } = filters;
  return rest;
}

type Counts = Record<string, Record<string, number>>;

function addCounts(into: Counts, more: Counts): Counts {
  for (const [name, values] of Object.entries(more)) {
    const bucket = (into[name] ??= {});
    for (const [value, n] of Object.entries(values)) bucket[value] = (bucket[value] ?? 0) + n;
  }
  return into;
}

/**
 * One date-ordered response from the responses of each shard searched with the sort, in the
 * order of `responses` (newest shard first for a descending sort): the lists joined, the counts
 * added (shards hold disjoint pages, so the sums are exact).
 */
export function joinShardResponses(responses: readonly PagefindSearchResponse[]): PagefindSearchResponse {
  const results: PagefindResult[] = responses.flatMap((r) => r.results);
  const filters = withoutShardFilter(responses.reduce<Counts>((acc, r) => addCounts(acc, r.filters), {}));
  const totalFilters = withoutShardFilter(responses.reduce<Counts>((acc, r) => addCounts(acc, r.totalFilters ?? {}), {}));
  // Every shard's search ran in all indexes; the count before filters is the same in each.
  const unfilteredResultCount = responses[0]?.unfilteredResultCount ?? 0;
  return { results, filters, totalFilters, unfilteredResultCount };
}

/** Pagefind's idf (pagefind_web, search.rs): ln((N − n + 0.5) / (n + 0.5) + 1), N pages in the index, n of them matching. */
const pagefindIdf = (pages: number, matching: number): number => Math.log((pages - matching + 0.5) / (matching + 0.5) + 1);

/**
 * Whether Pagefind searches `term` as one word scored by its word statistics, the case where
 * shardWeights is exact. Not a quoted phrase (every page scores 1), not a search without words,
 * and not several words: Pagefind cuts a Chinese query with Intl.Segmenter as this does (心理健康
 * is 心理 健康), and for several words the shard counts are of pages with all of them, far rarer
 * than each word, so a weight from them would reorder the pages (a title searched would not come first).
 */
export function scoredAsOneWord(term: string | null): boolean {
  const text = term?.trim() ?? '';
  if (text === '' || /^".+"$/.test(text) || /\s/.test(text)) return false;
  // The site's language (<html lang="zh-CN">), which Pagefind segments with; without Intl.Segmenter Pagefind does not segment either.
  if (typeof Intl.Segmenter !== 'function') return true;
  return [...new Intl.Segmenter('zh-CN', { granularity: 'word' }).segment(text)].filter((w) => /[\p{L}\p{N}]/u.test(w.segment)).length === 1;
}

/**
 * Per shard (in the order given), the factor that puts its relevance scores on one index's scale. Pagefind multiplies
 * each word's score by its idf, computed from the pages of the index it searched, so a word in
 * nearly every page of a small shard gets an idf several times one index's (小学: 84 of 84 pages
 * against 999 of 1,000), and merged scores are not comparable. `matching` is the pages of each
 * shard that match the search before the reader's filters (Pagefind's totalFilters of the shard
 * filter). Exact for a search of one word (scoredAsOneWord) but for the shard's average page
 * length, which Pagefind does not return.
 */
export function shardWeights(shards: readonly Pick<ShardEntry, 'id' | 'pages'>[], matching: Readonly<Record<string, number>>): number[] {
  const pages = shards.reduce((n, s) => n + s.pages, 0);
  const all = shards.reduce((n, s) => n + (matching[s.id] ?? 0), 0);
  const common = pagefindIdf(pages, all);
  return shards.map((s) => ((matching[s.id] ?? 0) > 0 ? common / pagefindIdf(s.pages, matching[s.id]!) : 1));
}

/** One relevance-ordered response from each shard's response: its scores times the shard's weight (same order), best first. */
export function joinByRelevance(responses: readonly PagefindSearchResponse[], factors: readonly number[]): PagefindSearchResponse {
  const joined = joinShardResponses(responses);
  const results = responses.flatMap((r, i) => r.results.map((x) => ({ ...x, score: x.score * (factors[i] ?? 1) })));
  return { ...joined, results: results.sort((a, b) => b.score - a.score) };
}

/** What the sharded API needs of pagefind.js: its API plus mergeIndex. */
export interface PagefindModule extends PagefindApi {
  mergeIndex(indexPath: string, options?: Record<string, unknown>): Promise<void>;
}

/**
 * The shards a page has opened so far, newest first, and the way to open the older ones.
 *
 * Why lazily: every shard brings its own metadata, filter indexes and index chunks, so a search
 * over all of them at 10,000 documents fetched twice what the 300 KB budget allows. A search in
 * date order, newest first, can show its first screen from the newest shards alone (they hold the
 * first results exactly), and open the rest behind it for the full count and the facet counts.
 * A search by relevance, or oldest first, needs every shard before its first result.
 */
export interface ShardIndex {
  /** The API over the shards opened so far. */
  readonly api: PagefindApi;
  readonly manifest: ShardManifest;
  /** How many shards are open, counted from the newest. */
  opened(): number;
  complete(): boolean;
  /** Opens the next older shard (false when all are open); filter indexes preloaded before are loaded in it too. */
  openNext(): Promise<boolean>;
  openAll(): Promise<void>;
}

/**
 * Opens the newest shard of `manifest` in one Pagefind module (`bundleUrl` is the folder of
 * /pagefind/, ending with `/`); the others are merged into it as they are asked for. `options`
 * are Pagefind's (baseUrl, excerptLength).
 */
export async function openShardIndex(module: PagefindModule, manifest: ShardManifest, bundleUrl: string, options: Record<string, unknown>): Promise<ShardIndex> {
  const first = manifest.shards[0];
  if (!first) throw new Error('the search shard manifest lists no shard');
  const sharded = manifest.shards.length > 1;
  // Before init: the primary index is the newest shard's bundle, tagged with its shard id.
  await module.options({ ...options, basePath: `${bundleUrl}${first.path}`, ...(sharded ? { mergeFilter: { [SHARD_FILTER]: first.id } } : {}) });
  await module.init();
  let opened = 1;
  // Merging a shard while a search runs gave wrong results (a search saw a shard half loaded), so
  // merges, searches and preloads take turns.
  let turn: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const done = turn.then(work);
    turn = done.catch(() => undefined);
    return done;
  };
  // Filter indexes asked for so far: Pagefind counts a facet only where its index is loaded, so
  // each shard opened later loads them too.
  const preloads: PagefindSearchOptions[] = [];
  const inner = sharded ? shardedApi(module, manifest, () => opened) : module;
  const api: PagefindApi = {
    options: (o) => inner.options(o),
    init: () => inner.init(),
    filters: () => exclusive(() => inner.filters()),
    search: (term, o) => exclusive(() => inner.search(term, o)),
    preload: (term, o) =>
      exclusive(() => {
        if (term === null && o?.filters) preloads.push(o);
        return inner.preload(term, o);
      }),
  };
  const openNext = (): Promise<boolean> =>
    exclusive(async () => {
      const next = manifest.shards[opened];
      if (!next) return false;
      // Each merged index takes its own options: without baseUrl its URLs would start at its own folder.
      await module.mergeIndex(`${bundleUrl}${next.path}`, { ...options, mergeFilter: { [SHARD_FILTER]: next.id } });
      opened++;
      for (const o of preloads) await module.preload(null, o);
      return true;
    });
  return {
    api,
    manifest,
    opened: () => opened,
    complete: () => opened >= manifest.shards.length,
    openNext,
    async openAll() {
      while (await openNext());
    },
  };
}

/**
 * Opens every shard of `manifest` and returns the API over them all: relevance from the merged
 * index, date order joined shard by shard (what the build's checks and the tests search with).
 */
export async function openShards(module: PagefindModule, manifest: ShardManifest, bundleUrl: string, options: Record<string, unknown>): Promise<PagefindApi> {
  const index = await openShardIndex(module, manifest, bundleUrl, options);
  await index.openAll();
  return index.api;
}

/**
 * The API over merged shards; exported for the tests (a fake module stands for pagefind.js).
 * `opened` says how many shards, newest first, are merged so far (all when not given).
 */
export function shardedApi(module: PagefindApi, manifest: ShardManifest, opened: () => number = () => manifest.shards.length): PagefindApi {
  const clean = (r: PagefindSearchResponse): PagefindSearchResponse => ({ ...r, filters: withoutShardFilter(r.filters), totalFilters: withoutShardFilter(r.totalFilters ?? {}) });
  return {
    options: (o) => module.options(o),
    init: () => module.init(),
    preload: (term, o) => module.preload(term, o),
    filters: async () => withoutShardFilter(await module.filters()),
    async search(term: string | null, o: PagefindSearchOptions = {}): Promise<PagefindSearchResponse> {
      const direction = Object.values(o.sort ?? {})[0];
      const open = manifest.shards.slice(0, opened());
      if (direction === undefined) {
        if (!scoredAsOneWord(term) || open.length < 2) return clean(await module.search(term, o));
        const responses = await Promise.all(open.map((s) => module.search(term, { ...o, filters: { ...(o.filters ?? {}), [SHARD_FILTER]: s.id } })));
        return joinByRelevance(responses, shardWeights(open, responses[0]?.totalFilters?.[SHARD_FILTER] ?? {}));
      }
      const shards = direction === 'desc' ? open : [...open].reverse();
      const responses = await Promise.all(shards.map((s) => module.search(term, { ...o, filters: { ...(o.filters ?? {}), [SHARD_FILTER]: s.id } })));
      return joinShardResponses(responses);
    },
  };
}
