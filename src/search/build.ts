/**
 * What must be true of the search index after a build, as a list of problems (empty: fine).
 * The build script gathers the facts (scripts/build-search-index.ts) and fails on any problem;
 * keeping the rules here makes them testable without building anything.
 */

/** What the build learned from Pagefind and from searching the written index. */
export interface IndexFacts {
  /** Errors Pagefind reported while indexing or writing. */
  errors: string[];
  /** Pages Pagefind says it indexed. */
  pageCount: number;
  /** Languages of the written index (`pagefind-entry.json`). */
  languages: string[];
  /** URLs a search for every page (no query, sorted by date) returns. */
  sortedUrls: string[];
  /** Filter names the index carries. */
  filterNames: string[];
}

/** What the build expects: one page per policy document, with every facet and the sort key. */
export interface IndexExpectations {
  /** URL of each policy document's page (`/policies/<slug>/`), one per content/policies/*.md. */
  policyUrls: string[];
  filterNames: readonly string[];
  /** The language every page declares (`<html lang="zh-CN">` → `zh-cn`). */
  language: string;
}

/** Every way the index falls short of the expectations, each saying how to fix it. */
export function indexProblems(facts: IndexFacts, expected: IndexExpectations): string[] {
  const problems: string[] = facts.errors.map((e) => `Pagefind reported an error: ${e}`);
  const n = expected.policyUrls.length;
  if (facts.pageCount !== n) {
    problems.push(
      `Pagefind indexed ${facts.pageCount} page(s), expected ${n} (one per content/policies/*.md): ` +
        (facts.pageCount > n
          ? 'a page other than a policy page carries data-pagefind-body, or a policy page is built twice'
          : 'a policy page lacks data-pagefind-body on its <article>, or was not built'),
    );
  }
  const others = facts.languages.filter((l) => l !== expected.language);
  if (others.length > 0) {
    problems.push(
      `the index has pages in language(s) ${others.map((l) => `"${l}"`).join(', ')} besides "${expected.language}": ` +
        `every page must be <html lang="zh-CN">, or the search page (zh-CN) will not find them`,
    );
  }
  const sorted = new Set(facts.sortedUrls);
  const unsorted = expected.policyUrls.filter((u) => !sorted.has(u));
  if (unsorted.length > 0) {
    problems.push(
      `${unsorted.length} policy page(s) missing from date-sorted results, e.g. ${unsorted.slice(0, 3).join(', ')}: ` +
        `every policy page needs a data-pagefind-sort="date" element inside its data-pagefind-body`,
    );
  }
  const policySet = new Set(expected.policyUrls);
  const strays = facts.sortedUrls.filter((u) => !policySet.has(u));
  if (strays.length > 0) {
    problems.push(
      `the index holds page(s) that are not policy pages, e.g. ${strays.slice(0, 3).join(', ')}: ` +
        `only the policy page's <article> may carry data-pagefind-body`,
    );
  }
  const missingFilters = expected.filterNames.filter((f) => !facts.filterNames.includes(f));
  if (missingFilters.length > 0) {
    problems.push(
      `the index lacks filter(s) ${missingFilters.map((f) => `"${f}"`).join(', ')}: ` +
        `the policy page must carry data-pagefind-filter="…" for each (src/components/PagefindData.astro)`,
    );
  }
  return problems;
}
