import { describe, expect, it } from 'vitest';
import {
  FACETS,
  facetOptions,
  isEmptyState,
  pagefindFilters,
  pagefindSort,
  parseSearchState,
  serializeSearchState,
  toggleFilter,
  type SearchState,
} from '../src/search/state.ts';

const state = (partial: Partial<SearchState>): SearchState => ({ q: '', filters: {}, sort: 'relevance', ...partial });
const facet = (param: string) => FACETS.find((f) => f.param === param)!;

describe('parseSearchState', () => {
  const cases: { why: string; search: string; expected: SearchState }[] = [
    { why: 'reads nothing from an empty query string', search: '', expected: state({}) },
    { why: 'reads the query, trimmed', search: '?q=%20大班额%20', expected: state({ q: '大班额' }) },
    { why: 'reads a query in quotes as written', search: '?q=%22课后服务%22', expected: state({ q: '"课后服务"' }) },
    { why: 'reads + as a space, as a GET form sends it', search: '?q=心理健康+课后服务', expected: state({ q: '心理健康 课后服务' }) },
    {
      why: 'reads repeated facet values in order, without duplicates',
      search: '?city=济源市&city=靖江市&city=济源市',
      expected: state({ filters: { city: ['济源市', '靖江市'] } }),
    },
    {
      why: 'reads every facet',
      search: '?city=济源市&province=河南省&year=2018&type=工作要点&issuer=济源市教育局&theme=课后服务&unit=市财政局',
      expected: state({
        filters: { city: ['济源市'], province: ['河南省'], year: ['2018'], type: ['工作要点'], issuer: ['济源市教育局'], theme: ['课后服务'], unit: ['市财政局'] },
      }),
    },
    { why: 'ignores unknown parameters and empty values', search: '?foo=1&city=&q=', expected: state({}) },
    { why: 'reads a date order', search: '?q=教师&sort=date-asc', expected: state({ q: '教师', sort: 'date-asc' }) },
    { why: 'falls back to relevance for an unknown order', search: '?sort=random', expected: state({}) },
  ];
  for (const c of cases) it(c.why, () => expect(parseSearchState(c.search)).toEqual(c.expected));

  it('cuts an overlong query instead of rejecting it', () => {
    expect(parseSearchState(`?q=${'教'.repeat(500)}`).q).toHaveLength(200);
  });
});

describe('serializeSearchState', () => {
  it('gives an empty string for the empty state, so /search/ stays /search/', () => {
    expect(serializeSearchState(state({}))).toBe('');
  });
  it('writes facets in page order whatever order they were chosen in', () => {
    const s = state({ q: '教师', filters: { unit: ['市财政局'], city: ['济源市'] } });
    expect(serializeSearchState(s)).toBe(`?q=${encodeURIComponent('教师')}&city=${encodeURIComponent('济源市')}&unit=${encodeURIComponent('市财政局')}`);
  });
  it('leaves out the default order', () => {
    expect(serializeSearchState(state({ q: 'x', sort: 'relevance' }))).toBe('?q=x');
    expect(serializeSearchState(state({ q: 'x', sort: 'date-desc' }))).toBe('?q=x&sort=date-desc');
  });
  it('round-trips every state through the URL', () => {
    const states = [
      state({ q: '"课后服务" 大班额', filters: { year: ['2023', '2018'], theme: ['消除大班额'] }, sort: 'date-asc' }),
      state({ filters: { issuer: ['未注明'] } }),
      state({ q: 'a&b=c?d#e' }),
    ];
    for (const s of states) expect(parseSearchState(serializeSearchState(s))).toEqual(s);
  });
});

describe('toggleFilter', () => {
  it('adds a value, then removes it and drops the emptied facet', () => {
    const on = toggleFilter(state({}), 'city', '济源市');
    expect(on.filters).toEqual({ city: ['济源市'] });
    expect(toggleFilter(on, 'city', '济源市').filters).toEqual({});
  });
  it('keeps other values and facets', () => {
    const s = state({ filters: { city: ['济源市'], year: ['2018'] } });
    expect(toggleFilter(s, 'city', '靖江市').filters).toEqual({ city: ['济源市', '靖江市'], year: ['2018'] });
  });
  it('does not change the state it was given', () => {
    const s = state({ filters: { city: ['济源市'] } });
    toggleFilter(s, 'city', '济源市');
    expect(s.filters).toEqual({ city: ['济源市'] });
  });
});

describe('pagefindFilters', () => {
  it('asks for any of a facet’s values, under the filter name the pages carry', () => {
    expect(pagefindFilters(state({ filters: { city: ['济源市', '靖江市'], unit: ['市财政局'] } }))).toEqual({
      地区: { any: ['济源市', '靖江市'] },
      责任单位: { any: ['市财政局'] },
    });
  });
  it('leaves out the facet being counted', () => {
    expect(pagefindFilters(state({ filters: { city: ['济源市'], year: ['2018'] } }), 'city')).toEqual({ 年份: { any: ['2018'] } });
  });
});

describe('pagefindSort', () => {
  it('sorts by relevance (no sort) when there is a query', () => expect(pagefindSort(state({ q: '教师' }))).toBeUndefined());
  it('lists newest first when there is no query to rank by', () => expect(pagefindSort(state({ filters: { city: ['济源市'] } }))).toEqual({ date: 'desc' }));
  it('follows a chosen date order', () => {
    expect(pagefindSort(state({ q: '教师', sort: 'date-asc' }))).toEqual({ date: 'asc' });
    expect(pagefindSort(state({ q: '教师', sort: 'date-desc' }))).toEqual({ date: 'desc' });
  });
});

describe('isEmptyState', () => {
  it('is empty without query and filters, whatever the order', () => expect(isEmptyState(state({ sort: 'date-asc' }))).toBe(true));
  it('is not empty with a filter alone', () => expect(isEmptyState(state({ filters: { year: ['2018'] } }))).toBe(false));
});

describe('facetOptions', () => {
  it('lists names by how many documents have them, then in pinyin order, 未注明 last', () => {
    const options = facetOptions(facet('city'), { 未注明: 9, 靖江市: 1, 济源市: 1, 福州市: 3 });
    expect(options.map((o) => o.value)).toEqual(['福州市', '济源市', '靖江市', '未注明']);
  });
  it('lists years newest first, 未注明 last', () => {
    const options = facetOptions(facet('year'), { '2018': 1, 未注明: 1, '2024': 1, '2023': 2 });
    expect(options.map((o) => o.value)).toEqual(['2024', '2023', '2018', '未注明']);
  });
  it('drops values without results but keeps a chosen one, so it can be switched off', () => {
    const options = facetOptions(facet('city'), { 济源市: 0, 靖江市: 2 }, ['济源市']);
    expect(options).toEqual([
      { value: '靖江市', count: 2, selected: false },
      { value: '济源市', count: 0, selected: true },
    ]);
  });
});

describe('the site’s default order (content/site.yaml defaultSort)', () => {
  it('is the order of a URL without sort=, and is left out of the URL it makes', () => {
    expect(parseSearchState('?q=%E7%8F%AD%E9%A2%9D', 'date-desc').sort).toBe('date-desc');
    expect(parseSearchState('?q=x&sort=relevance', 'date-desc').sort).toBe('relevance');
    expect(serializeSearchState({ q: 'x', filters: {}, sort: 'date-desc' }, 'date-desc')).toBe('?q=x');
    expect(serializeSearchState({ q: 'x', filters: {}, sort: 'relevance' }, 'date-desc')).toBe('?q=x&sort=relevance');
  });
});
