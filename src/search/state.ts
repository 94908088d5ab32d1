/**
 * The state of the search page — query, chosen filter values, order — and its URL.
 *
 * The URL is the only place the state lives: the page reads it on load and on back/forward,
 * and writes it on every change, so a search can be shared, bookmarked and reloaded.
 *
 *   /search/?q=大班额&city=济源市&city=靖江市&year=2023&sort=date-desc
 *
 * Pure: no DOM, no Pagefind; the page script (src/browser/search-page.ts) does the rest.
 */

/** One facet of the search page: a Pagefind filter the policy pages carry. */
export interface Facet {
  /** The URL parameter: short ASCII, so shared links stay readable. */
  readonly param: string;
  /** The filter's name in the index (`data-pagefind-filter="地区"` on the policy page). */
  readonly filter: string;
  /** Heading of the facet on the search page. */
  readonly label: string;
  /** How the facet's values are listed: years newest first, names by how many documents. */
  readonly order: 'year' | 'count';
}

/**
 * The facets, in the order the page shows them. The filter names are the ones the policy
 * page writes (src/components/PagefindData.astro); the build checks the index has them all.
 */
export const FACETS = [
  { param: 'city', filter: '地区', label: '地区', order: 'count' },
  { param: 'province', filter: '省份', label: '省份', order: 'count' },
  { param: 'year', filter: '年份', label: '年份', order: 'year' },
  { param: 'type', filter: '类型', label: '文件类型', order: 'count' },
  { param: 'issuer', filter: '发布机构', label: '发布机构', order: 'count' },
  { param: 'theme', filter: '主题', label: '主题', order: 'count' },
  { param: 'unit', filter: '责任单位', label: '责任单位', order: 'count' },
  // The documents a document cites (src/index/reference-index.ts), most cited first.
  { param: 'basis', filter: '依据文件', label: '依据文件', order: 'count' },
] as const satisfies readonly Facet[];

export type FacetParam = (typeof FACETS)[number]['param'];

/** Pagefind filter names the index must carry (checked by the build). */
export const FILTER_NAMES: readonly string[] = FACETS.map((f) => f.filter);

/** Orders of the result list; relevance is the default when there is a query. */
export const SORTS = ['relevance', 'date-desc', 'date-asc'] as const;
export type SortOrder = (typeof SORTS)[number];

/** The sort key every policy page carries (`data-pagefind-sort="date"`). */
export const SORT_KEY = 'date';

export interface SearchState {
  /** The query as typed, trimmed; empty when there is none. */
  q: string;
  /** Chosen values per facet; a facet without a choice is absent. */
  filters: Partial<Record<FacetParam, string[]>>;
  sort: SortOrder;
}

/** Longest query kept from a URL: longer text is cut, not rejected. */
export const MAX_QUERY_LENGTH = 200;

/**
 * Documents listed at first, and added by each 显示更多. Each listed document costs its
 * fragment (its whole indexed text, some 7 KB): five fill more than a screen with their measures,
 * and keep a first search within 300 KB; the reader who wants more gets ten at a time.
 */
export const RESULTS_FIRST = 5;
export const RESULTS_MORE = 10;


/** The state a URL's query string describes. Unknown parameters and empty values are ignored. */
export function parseSearchState(search: string | URLSearchParams, defaultSort: SortOrder = 'relevance'): SearchState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const q = (params.get('q') ?? '').trim().slice(0, MAX_QUERY_LENGTH);
  const filters: SearchState['filters'] = {};
  for (const facet of FACETS) {
    const values = unique(params.getAll(facet.param).map((v) => v.trim()).filter((v) => v !== ''));
    if (values.length > 0) filters[facet.param] = values;
  }
  const sortParam = params.get('sort');
  const sort: SortOrder = (SORTS as readonly string[]).includes(sortParam ?? '') ? (sortParam as SortOrder) : defaultSort;
  return { q, filters, sort };
}

/** The query string of a state (`?q=…&city=…`), or '' for the empty state. Canonical: facets in page order; the site's default order left out. */
export function serializeSearchState(state: SearchState, defaultSort: SortOrder = 'relevance'): string {
  const params = new URLSearchParams();
  if (state.q.trim() !== '') params.set('q', state.q.trim());
  for (const facet of FACETS) {
    for (const value of state.filters[facet.param] ?? []) params.append(facet.param, value);
  }
  if (state.sort !== defaultSort) params.set('sort', state.sort);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** True when the state asks for nothing: no query and no filter (the page shows suggestions). */
export function isEmptyState(state: SearchState): boolean {
  return state.q === '' && Object.keys(state.filters).length === 0;
}

/** The state with one facet value switched on or off. */
export function toggleFilter(state: SearchState, param: FacetParam, value: string): SearchState {
  const current = state.filters[param] ?? [];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  const filters = { ...state.filters };
  if (next.length === 0) delete filters[param];
  else filters[param] = next;
  return { ...state, filters };
}

/** A Pagefind filter over one facet's values: any of them (OR inside a facet, AND across facets). */
export type PagefindFilters = Record<string, { any: string[] }>;

/** The `filters` option of `pagefind.search`, leaving out one facet when counting that facet's values. */
export function pagefindFilters(state: SearchState, except?: FacetParam): PagefindFilters {
  const out: PagefindFilters = {};
  for (const facet of FACETS) {
    const values = state.filters[facet.param];
    if (values && values.length > 0 && facet.param !== except) out[facet.filter] = { any: [...values] };
  }
  return out;
}

/**
 * The `sort` option of `pagefind.search`. Without a query there is no relevance, so the list is
 * newest first; with one, relevance unless the reader chose a date order.
 */
export function pagefindSort(state: SearchState): Record<string, 'asc' | 'desc'> | undefined {
  if (state.sort === 'date-desc' || (state.sort === 'relevance' && state.q === '')) return { [SORT_KEY]: 'desc' };
  if (state.sort === 'date-asc') return { [SORT_KEY]: 'asc' };
  return undefined;
}

/** One value of a facet as the page lists it. */
export interface FacetOption {
  value: string;
  count: number;
  selected: boolean;
}

/** The value that stands for "the document does not say" (ui-text.ts UNKNOWN); listed last. */
const UNKNOWN_VALUE = '未注明';
const zh = new Intl.Collator('zh-CN');

/**
 * A facet's values in display order, with their counts. Values with no result are dropped
 * unless chosen (a chosen value must stay visible so it can be switched off).
 */
export function facetOptions(facet: Facet, counts: Record<string, number>, selected: readonly string[] = []): FacetOption[] {
  const values = new Set([...Object.keys(counts), ...selected]);
  const options = [...values]
    .map((value) => ({ value, count: counts[value] ?? 0, selected: selected.includes(value) }))
    .filter((o) => o.count > 0 || o.selected);
  return options.sort((a, b) => {
    const unknown = Number(a.value === UNKNOWN_VALUE) - Number(b.value === UNKNOWN_VALUE);
    if (unknown !== 0) return unknown;
    if (facet.order === 'year') return b.value.localeCompare(a.value, 'en', { numeric: true });
    return b.count - a.count || zh.compare(a.value, b.value);
  });
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
