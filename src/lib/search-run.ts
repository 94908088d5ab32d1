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
import { looseQuery, missingPhrases, queryPhrases, type PagefindApi, type PagefindResult } from './search-results.ts';
import { FACETS, pagefindFilters, pagefindSort, type SearchState } from './search-state.ts';

/** At most this many documents found without quotes are checked for a quoted phrase. */
export const RESCUE_LIMIT = 60;

export type FilterCounts = Record<string, Record<string, number>>;

export interface SearchOutcome {
  /** The documents, in order; for a quoted phrase, with their parts from the loose search. */
  results: PagefindResult[];
  /** Per filter and value: how many documents there would be with that value chosen. */
  counts: FilterCounts;
  /** Documents found without quotes that were not checked for the phrase (beyond RESCUE_LIMIT). */
  unchecked: number;
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

/** Runs the search a state asks for (not the empty state: the page shows suggestions for that). */
export async function runSearch(api: PagefindApi, state: SearchState): Promise<SearchOutcome> {
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
  if (loose === null) return { results: found.results, counts, unchecked: 0 };

  // A quoted phrase: its documents, plus those the loose search finds that say it as written;
  // every document's parts come from the loose search (the phrase search reports one per page).
  const looser = (await api.search(loose, options)).results;
  const exact = new Set(found.results.map((r) => r.id));
  const others = looser.filter((r) => !exact.has(r.id));
  const checked = others.slice(0, RESCUE_LIMIT);
  const datas = await Promise.all(checked.map((r) => r.data()));
  const phrases = queryPhrases(state.q);
  const rescued = new Set(checked.filter((_, i) => missingPhrases(datas[i]!.content, phrases).length === 0).map((r) => r.id));
  counts = addFilterCounts(
    counts,
    datas.filter((_, i) => rescued.has(checked[i]!.id)),
  );
  const inOrder = looser.filter((r) => exact.has(r.id) || rescued.has(r.id));
  const listed = new Set(inOrder.map((r) => r.id));
  return {
    results: [...inOrder, ...found.results.filter((r) => !listed.has(r.id))],
    counts,
    unchecked: others.length - checked.length,
  };
}
