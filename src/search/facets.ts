/**
 * Which facet values a policy page gives the search index, and which facets the search page
 * loads when. Pagefind keeps one filter index per facet and counts only the facets whose index
 * is loaded; the long ones (地区, 发布机构, 主题, 责任单位 in a large base) are most of what a
 * first search would fetch, so the page loads a facet's index only when the facet is shown open.
 */
import type { PolicyView } from '../index/site-index.ts';
import { FACETS, type FacetParam, type PagefindFilters, type SearchState } from './state.ts';
import { UNKNOWN } from '../site/ui-text.ts';

/** A facet with at most this many values starts open (a longer one is a click away). */
export const SHORT_FACET = 8;

/** Number of distinct values per facet across the knowledge base. */
export type FacetSizes = Partial<Record<FacetParam, number>>;

/** The Pagefind filters of one policy page, as [filter name, value] (a list facet repeats). */
export function policyFilters(view: PolicyView): [string, string][] {
  const d = view.doc.data;
  const s = view.summary;
  return [
    ['地区', d.city ?? UNKNOWN],
    ['省份', d.province ?? UNKNOWN],
    // Every year the document is about, as the year pages list it.
    ...(s.years.length === 0 ? [UNKNOWN] : s.years.map(String)).map((y): [string, string] => ['年份', y]),
    ['类型', d.docType],
    ['发布机构', d.issuer ?? UNKNOWN],
    ...view.themes.map((t): [string, string] => ['主题', t.name]),
    ...view.unitBodies.map((u): [string, string] => ['责任单位', u.label]),
    ...view.citedTitles.map((t): [string, string] => ['依据文件', t]),
  ];
}

/** How many distinct values each facet has over these pages. */
export function facetSizes(views: Iterable<PolicyView>): FacetSizes {
  const values = new Map<string, Set<string>>();
  for (const view of views) {
    for (const [name, value] of policyFilters(view)) {
      let set = values.get(name);
      if (!set) values.set(name, (set = new Set()));
      set.add(value);
    }
  }
  const sizes: FacetSizes = {};
  for (const facet of FACETS) sizes[facet.param] = values.get(facet.filter)?.size ?? 0;
  return sizes;
}

/**
 * How many documents carry each value of the short facets (those that start open), keyed by
 * Pagefind filter name as `pagefind.search(null)` reports them. The search page shows these with
 * no query and no filter, so it opens no shard of the index until the reader asks for something.
 */
export function facetTotals(views: Iterable<PolicyView>, sizes: FacetSizes): Record<string, Record<string, number>> {
  const short = new Set<string>(FACETS.filter((f) => (sizes[f.param] ?? Infinity) <= SHORT_FACET).map((f) => f.filter));
  const totals: Record<string, Record<string, number>> = Object.fromEntries([...short].map((name) => [name, {}]));
  for (const view of views) {
    // A page counts once per value, however often it lists it (Pagefind's count is of pages).
    const seen = new Set<string>();
    for (const [name, value] of policyFilters(view)) {
      const key = `${name}\u0000${value}`;
      if (!short.has(name) || seen.has(key)) continue;
      seen.add(key);
      totals[name]![value] = (totals[name]![value] ?? 0) + 1;
    }
  }
  return totals;
}

/** Reads the totals the search page carries (`data-facet-totals`); anything unreadable is left out. */
export function parseFacetTotals(json: string | undefined): Record<string, Record<string, number>> {
  let raw: unknown;
  try {
    raw = JSON.parse(json ?? '{}');
  } catch {
    return {};
  }
  const out: Record<string, Record<string, number>> = {};
  if (typeof raw !== 'object' || raw === null) return out;
  for (const facet of FACETS) {
    const values = (raw as Record<string, unknown>)[facet.filter];
    if (typeof values !== 'object' || values === null) continue;
    const counts = Object.entries(values).filter((e): e is [string, number] => typeof e[1] === 'number' && Number.isInteger(e[1]) && e[1] >= 0);
    out[facet.filter] = Object.fromEntries(counts);
  }
  return out;
}

/**
 * The facets shown open: as the reader left them (`choice`: opened or closed by hand), else
 * those with a value chosen (it must stay in sight to be switched off) and the short ones.
 * A facet of unknown size counts as long.
 */
export function openFacets(sizes: FacetSizes, state: SearchState, choice: ReadonlyMap<FacetParam, boolean> = new Map()): FacetParam[] {
  const byRule = (param: FacetParam): boolean => (state.filters[param]?.length ?? 0) > 0 || (sizes[param] ?? Infinity) <= SHORT_FACET;
  return FACETS.filter((f) => choice.get(f.param) ?? byRule(f.param)).map((f) => f.param);
}

/**
 * A `filters` option that makes `pagefind.preload(null, …)` fetch these facets' filter indexes
 * and nothing else; never used for a real search (an empty `any` would match nothing).
 */
export function filterIndexesOf(params: readonly FacetParam[]): PagefindFilters {
  const out: PagefindFilters = {};
  for (const facet of FACETS) if (params.includes(facet.param)) out[facet.filter] = { any: [] };
  return out;
}

/** Reads the sizes the search page carries (`data-facet-sizes`); anything unreadable is unknown. */
export function parseFacetSizes(json: string | undefined): FacetSizes {
  let raw: unknown;
  try {
    raw = JSON.parse(json ?? '{}');
  } catch {
    return {};
  }
  const sizes: FacetSizes = {};
  if (typeof raw !== 'object' || raw === null) return sizes;
  for (const facet of FACETS) {
    const n = (raw as Record<string, unknown>)[facet.param];
    if (typeof n === 'number' && Number.isFinite(n) && n >= 0) sizes[facet.param] = n;
  }
  return sizes;
}
