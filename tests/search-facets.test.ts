import { describe, expect, it } from 'vitest';
import { facetSizes, filterIndexesOf, openFacets, parseFacetSizes, policyFilters } from '../src/search/facets.ts';
import type { SearchState } from '../src/search/state.ts';
import { buildSiteIndex } from '../src/index/site-index.ts';
import { loadSiteVocabulary } from '../src/astro/vocab.ts';
import { FIXTURE_POLICIES, loadPolicies } from './support/fixtures.ts';

const site = buildSiteIndex(loadPolicies(FIXTURE_POLICIES), loadSiteVocabulary());
const views = [...site.policies.values()];
const empty: SearchState = { q: '', filters: {}, sort: 'relevance' };

describe('policyFilters', () => {
  it('gives every page one value of each single facet, 未注明 where the document does not say', () => {
    for (const view of views) {
      const names = policyFilters(view).map(([name]) => name);
      for (const single of ['地区', '省份', '年份', '类型', '发布机构']) expect(names.filter((n) => n === single)).toHaveLength(1);
    }
    const noCity = views.find((v) => v.doc.data.city === undefined);
    if (noCity) expect(policyFilters(noCity)).toContainEqual(['地区', '未注明']);
  });
  it('lists each theme and responsible body of a page as its own value, the issuer too', () => {
    const view = views.find((v) => v.unitBodies.length > 1)!;
    expect(policyFilters(view).filter(([n]) => n === '责任单位').map(([, v]) => v)).toEqual(view.unitBodies.map((u) => u.label));
    expect(view.unitBodies.map((u) => u.label)).toContain('泉州市教育局');
  });
});

describe('facetSizes', () => {
  it('counts distinct values per facet over the pages', () => {
    const sizes = facetSizes(views);
    expect(sizes.type).toBe(new Set(views.map((v) => v.doc.data.docType)).size);
    expect(sizes.unit).toBe(new Set(views.flatMap((v) => v.unitBodies.map((u) => u.label))).size);
  });
});

describe('openFacets', () => {
  const sizes = { city: 3, province: 2, year: 4, type: 2, issuer: 5, theme: 12, unit: 40 };
  it('opens the short facets and keeps the long ones closed', () => {
    expect(openFacets(sizes, empty)).toEqual(['city', 'province', 'year', 'type', 'issuer']);
  });
  it('opens a long facet in use, so its chosen value can be switched off', () => {
    expect(openFacets(sizes, { ...empty, filters: { unit: ['市教育局'] } })).toContain('unit');
  });
  it('keeps a facet as the reader opened or closed it, whatever the rule says', () => {
    const choice = new Map([
      ['unit', true],
      ['city', false],
    ] as const);
    expect(openFacets(sizes, { ...empty, filters: { city: ['济源市'] } }, choice)).toEqual(['province', 'year', 'type', 'issuer', 'unit']);
  });
  it('treats a facet of unknown size as long', () => {
    expect(openFacets({ type: 2 }, empty)).toEqual(['type']);
  });
});

describe('filterIndexesOf and parseFacetSizes', () => {
  it('names the Pagefind filters of the facets', () => {
    expect(filterIndexesOf(['unit', 'city'])).toEqual({ 地区: { any: [] }, 责任单位: { any: [] } });
  });
  it('reads the sizes the page carries and drops what is not a count', () => {
    expect(parseFacetSizes('{"city":3,"unit":"x","year":-1,"bogus":2}')).toEqual({ city: 3 });
    expect(parseFacetSizes('not json')).toEqual({});
    expect(parseFacetSizes(undefined)).toEqual({});
  });
});
