/**
 * One search of the search page, against Pagefind's API (the browser's, or the Node client of
 * the tests): the documents in order, the facet counts, and for a quoted phrase the documents
 * Pagefind's phrase search missed.
 *
 * Why the rescue: Pagefind cuts a quoted phrase with the browser's Intl.Segmenter (ICU4C) and
 * looks for those words in a row, but the index was cut by ICU4X, which sometimes cuts the same
 * text differently (中小学 → 中 + 小学 in the browser, 中小 + 学 in the index), so the phrase
 * search misses documents that say it. The same words without quotes find them; their indexed
 * text tells which really say the phrase.
 */
import { looseQuery, missingPhrases, queryPhrases, type PagefindApi, type PagefindResult } from './results.ts';
import type { ShardIndex } from './shards.ts';
import { FACETS, isEmptyState, pagefindFilters, pagefindSort, SORT_KEY, type SearchState } from './state.ts';

/** At most this many documents found without quotes are checked for a quoted phrase. */
export const RESCUE_LIMIT = 60;

export type FilterCounts = Record<string, Record<string, number>>;

export interface SearchOutcome {
  /** The documents, in order; for a quoted phrase, with their parts from the loose search. */
  results: PagefindResult[];
  /**
   * For a Chinese query without quotes: the documents Pagefind also found that contain only some
   * characters or words of it (课程、服务 for 课后服务), in order; shown apart, behind a count.
   */
  partial: PagefindResult[];
  /** Per filter and value: how many documents there would be with that value chosen. */
  counts: FilterCounts;
  /** Documents found without quotes that were not checked for the phrase (beyond RESCUE_LIMIT). */
  unchecked: number;
  /**
   * True when only the documents of a first screen were checked for the phrase (runSearch's
   * `firstScreen`): the first documents are right, the list after them and the counts are not yet.
   */
  pending: boolean;
}

/** Counts with each document's filter values added (for documents a search did not count). */
export function addFilterCounts(counts: FilterCounts, documents: readonly { filters: Record<string, string[]> }[]): FilterCounts {
  const out: FilterCounts = Object.fromEntries(Object.entries(counts).map(([name, values]) => [name, { ...values }]));
  for (const doc of documents) {
    for (const [name, values] of Object.entries(doc.filters)) {
      const bucket = (out[name] ??= {});
      for (const value of values) bucket[value] = (bucket[value] ?? 0) + 1;
    }
  }
  return out;
}

/**
 * The query that asks for each Chinese word of an unquoted query as written: `课后服务 经费` →
 * `"课后服务" "经费"`. Null when the query has quotes already, or no Chinese word of two or more
 * characters (a single character, or Latin words, are searched as they are).
 */
export function asWrittenQuery(query: string): string | null {
  if (/["“”]/.test(query)) return null;
  const words = query.split(/\s+/).filter(Boolean);
  if (!words.some((w) => /\p{Script=Han}/u.test(w) && [...w].length >= 2)) return null;
  return words.map((w) => (/\p{Script=Han}/u.test(w) && [...w].length >= 2 ? `"${w}"` : w)).join(' ');
}

/**
 * Runs the search a state asks for (not the empty state: the page shows suggestions for that).
 *
 * Pagefind cuts a Chinese query into words and characters and finds every page that has them
 * anywhere, so 课后服务 also finds pages that only say 课程 and 服务型机关. A query without quotes
 * is therefore searched as written first (each Chinese word as a phrase, with the phrase rescue
 * below); what the loose search finds beyond that is returned apart as `partial`.
 */
export async function runSearch(api: PagefindApi, state: SearchState, firstScreen?: number): Promise<SearchOutcome> {
  const written = asWrittenQuery(state.q);
  if (written !== null) {
    const saying = await runQuoted(api, { ...state, q: written }, firstScreen);
    const loose = await api.search(state.q, { filters: pagefindFilters(state), sort: pagefindSort(state) });
    const found = new Set(saying.results.map((r) => r.id));
    // Not yet: documents not checked for the words as written would be counted among them.
    return { ...saying, partial: saying.pending ? [] : loose.results.filter((r) => !found.has(r.id)) };
  }
  return runQuoted(api, state, firstScreen);
}

/**
 * The search of a query as it is (its quoted phrases rescued). With `firstScreen`, documents are
 * checked for the phrase in the order they are listed, a screen at a time, only until the first
 * `firstScreen` are known (each check fetches a document's whole text: 60 of them were 540 KB).
 */
async function runQuoted(api: PagefindApi, state: SearchState, firstScreen?: number): Promise<SearchOutcome> {
  // Pagefind knows only ASCII quotes; a Chinese keyboard types “”.
  const term = state.q === '' ? null : state.q.replace(/[“”]/g, '"');
  const options = { filters: pagefindFilters(state), sort: pagefindSort(state) };
  const found = await api.search(term, options);
  // Counts of a facet in use come from the search without that facet (any of its values).
  let counts: FilterCounts = { ...found.filters };
  for (const facet of FACETS) {
    if (!state.filters[facet.param]) continue;
    const without = await api.search(term, { filters: pagefindFilters(state, facet.param) });
    counts[facet.filter] = without.filters[facet.filter] ?? {};
  }

  const loose = looseQuery(state.q);
  if (loose === null) return { results: found.results, partial: [], counts, unchecked: 0, pending: false };

  // A quoted phrase: its documents, plus those the loose search finds that say it as written;
  // every document's parts come from the loose search (the phrase search reports one per page).
  const looser = (await api.search(loose, options)).results;
  const exact = new Set(found.results.map((r) => r.id));
  const others = looser.filter((r) => !exact.has(r.id));
  const phrases = queryPhrases(state.q);
  const rescued = new Set<string>();
  const checkable = Math.min(others.length, RESCUE_LIMIT);
  let checked = 0;
  // Walk the loose list in order: `pos` is how far every document is known to be listed or not.
  let pos = 0;
  let listed = 0;
  for (;;) {
    for (; pos < looser.length && exact.has(looser[pos]!.id); pos++) listed++;
    if (checked >= checkable || (firstScreen !== undefined && listed >= firstScreen)) break;
    // As many as the screen still lacks (each may not say it), or all there are to check.
    const room = Math.min(checkable - checked, firstScreen === undefined ? checkable : firstScreen - listed);
    const batch: PagefindResult[] = [];
    let end = pos;
    for (; end < looser.length && batch.length < room; end++) if (!exact.has(looser[end]!.id)) batch.push(looser[end]!);
    const datas = await Promise.all(batch.map((r) => r.data()));
    checked += batch.length;
    const saying = datas.filter((d, i) => {
      const says = missingPhrases(d.content, phrases).length === 0;
      if (says) rescued.add(batch[i]!.id);
      return says;
    });
    counts = addFilterCounts(counts, saying);
    for (; pos < end; pos++) if (exact.has(looser[pos]!.id) || rescued.has(looser[pos]!.id)) listed++;
  }
  const inOrder = looser.filter((r) => exact.has(r.id) || rescued.has(r.id));
  const inList = new Set(inOrder.map((r) => r.id));
  return {
    results: [...inOrder, ...found.results.filter((r) => !inList.has(r.id))],
    partial: [],
    counts,
    unchecked: others.length - checked,
    pending: checked < checkable,
  };
}

/**
 * True when a state's results need every shard before the first one can be shown: relevance
 * (each shard holds some of the best pages), oldest first (the oldest shard opens last), and the
 * empty state (its facet counts are totals). Newest first does not: the newest shards hold the
 * first results exactly.
 */
export function needsEveryShard(state: SearchState): boolean {
  return isEmptyState(state) || pagefindSort(state)?.[SORT_KEY] !== 'desc';
}

/**
 * The search of a state over as few shards as its first screen needs: every shard when
 * needsEveryShard says so, else the newest shards, one more at a time until `need` documents are
 * found or every shard is open. `complete` says whether the counts cover the whole index; if not,
 * open the rest (`index.openAll()`) and search again for the full counts.
 */
export async function searchFirstScreen(index: ShardIndex, state: SearchState, need: number): Promise<SearchOutcome & { complete: boolean }> {
  if (needsEveryShard(state)) await index.openAll();
  for (;;) {
    const opened = index.opened();
    const outcome = await runSearch(index.api, state, need);
    // Another caller (the page completing an earlier search) may have opened a shard meanwhile:
    // then this outcome mixes searches over different shards, so search again.
    if (index.opened() !== opened) continue;
    if (outcome.results.length >= need || index.complete()) return { ...outcome, complete: index.complete() && !outcome.pending };
    await index.openNext();
  }
}
