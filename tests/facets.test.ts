import { describe, expect, it } from 'vitest';
import { byDateDesc, formatDate, sortableDate, summarize, yearOf, yearsOf } from '../src/index/documents.ts';
import { buildFacet, facetPages, groupByPlace, groupByYear } from '../src/index/facets.ts';
import { nameSlug, paths, UNKNOWN_SLUG } from '../src/site/paths.ts';
import { FIXTURE_POLICIES, loadPolicies } from './support/fixtures.ts';
import { docSlug } from '../src/format/ids.ts';

const docs = loadPolicies(FIXTURE_POLICIES).map(summarize);

describe('document facts', () => {
  it.each([
    ['2018-02-05', '2018年2月5日', '2018-02-05', 2018],
    ['2021-02', '2021年2月', '2021-02-00', 2021],
    ['2023', '2023年', '2023-00-00', 2023],
    [null, '未注明', '0000-00-00', null],
  ])('reads the date %s as %s', (date, label, sortable, year) => {
    expect(formatDate(date)).toBe(label);
    expect(sortableDate(date)).toBe(sortable);
    expect(yearOf(date)).toBe(year);
  });
  it('sorts newest first, undated documents last', () => {
    expect([...docs].sort(byDateDesc).map((d) => d.date)).toEqual(['2023-05-19', '2023-03-01', '2021-02', null]);
  });
  it('shows the province when the city is unknown, and 未注明 when both are', () => {
    const place = (slug: string) => docs.find((d) => d.slug === slug)!.place;
    expect(place('quanzhou-2023-jiaoyu-gongzuo-yaodian')).toBe('泉州市');
    expect(place('weizhuming-fayan')).toBe('未注明');
  });
});

describe('buildFacet', () => {
  it('groups documents by city, newest first, with 未注明 last', () => {
    const city = buildFacet('city', docs);
    expect(city.values.map((v) => [v.label, v.known, v.docs.length])).toEqual([
      ['靖江市', true, 1],
      ['泉州市', true, 2],
      ['未注明', false, 1],
    ]);
    expect(city.values[1]!.note).toBe('福建省');
    expect(city.values[1]!.docs.map((d) => d.date)).toEqual(['2023-03-01', '2021-02']);
    expect(city.values[2]!.slug).toBe(UNKNOWN_SLUG);
  });
  it('orders years newest first and puts each city page into year groups', () => {
    expect(buildFacet('year', docs).values.map((v) => v.label)).toEqual(['2023', '2021', '未注明']);
    const quanzhou = buildFacet('city', docs).values[1]!;
    expect(quanzhou.groups.map((g) => g.label)).toEqual(['2023年', '2021年']);
  });
  it('groups a year page by place, 地区未注明 last', () => {
    const y2023 = buildFacet('year', docs).values[0]!;
    expect(y2023.groups.map((g) => g.label)).toEqual(['靖江市', '泉州市']);
  });
  it('orders document types as the schema lists them', () => {
    expect(buildFacet('type', docs).values.map((v) => v.label)).toEqual(['工作要点', '汇报', '讲话']);
  });
  it('puts values whose names share a pinyin slug on one page', () => {
    // 蓟州区 (天津) and 冀州区 (衡水) are both jizhou-qu.
    const twins = [docs[0]!, docs[1]!].map((d, i) => ({ ...d, city: i === 0 ? '蓟州区' : '冀州区' }));
    expect(nameSlug('蓟州区')).toBe(nameSlug('冀州区'));
    const pages = facetPages(buildFacet('city', twins));
    expect(pages).toHaveLength(1);
    expect(pages[0]!.values.map((v) => v.label).sort()).toEqual(['冀州区', '蓟州区'].sort());
  });
});

describe('groupByYear and groupByPlace', () => {
  it('put unknown values in an explicit group at the end', () => {
    const sorted = [...docs].sort(byDateDesc);
    expect(groupByYear(sorted).at(-1)).toMatchObject({ label: '年份未注明', known: false });
    expect(groupByPlace(sorted).at(-1)).toMatchObject({ label: '地区未注明', known: false });
  });
});

describe('paths', () => {
  it('builds stable ASCII URLs from names, and the 未注明 page for null', () => {
    expect(paths.unitRole('市教育局')).toBe('/units/roles/shi-jiaoyuju/');
    expect(paths.city(null)).toBe('/cities/weizhuming/');
    expect(paths.year(2018)).toBe('/years/2018/');
    expect(paths.type('工作要点')).toBe('/types/gongzuo-yaodian/');
    expect(paths.anchor(docSlug('x'), 'm3')).toBe('/policies/x/#m3');
    expect(paths.target('x', 2, 2025)).toBe('/targets/2025/#x-t2');
    expect(paths.target('x', 3, null)).toBe('/targets/weizhuming/#x-t3');
    // An original is a plain file name (source.file has no folders); a saved web page is published as text.
    expect(paths.source('a b 文件.txt')).toBe('/sources/a%20b%20%E6%96%87%E4%BB%B6.txt');
    expect(paths.source('page.html')).toBe('/sources/page.html.txt');
  });
  it('never gives a real name the 未注明 page, and gives a name without pinyin a stable tag', () => {
    expect(nameSlug('未注明')).not.toBe(UNKNOWN_SLUG);
    expect(nameSlug('××')).toMatch(/^n-[a-z0-9]+$/);
    expect(nameSlug('××')).toBe(nameSlug('××'));
  });
});

describe('years a document is listed under (its period)', () => {
  it('are every year of its period and the year of its date', () => {
    expect(yearsOf({ start: 2022, end: 2022 }, '2023-01-10')).toEqual([2022, 2023]);
    expect(yearsOf({ start: 2023, end: 2027 }, '2023-03-01')).toEqual([2023, 2024, 2025, 2026, 2027]);
    expect(yearsOf(null, '2018-02-05')).toEqual([2018]);
    expect(yearsOf(null, null)).toEqual([]);
    expect(yearsOf({ start: 2024, end: 2024 }, null)).toEqual([2024]);
  });

  it('a very long period lists only its first and last years (and the date’s)', () => {
    expect(yearsOf({ start: 2000, end: 2050 }, '2001-05')).toEqual([2000, 2001, 2050]);
  });

  it('puts a report on 2022 dated 2023 under both years, and a plan under each year it runs', () => {
    const report = { ...docs[0]!, slug: docSlug('report'), years: yearsOf({ start: 2022, end: 2022 }, '2023-01-10'), year: 2023, date: '2023-01-10' };
    const plan = { ...docs[0]!, slug: docSlug('plan'), years: yearsOf({ start: 2024, end: 2026 }, '2024-02'), year: 2024, date: '2024-02' };
    const undated = { ...docs[0]!, slug: docSlug('undated'), years: [], year: null, date: null };
    const year = buildFacet('year', [report, plan, undated]);
    expect(year.values.map((v) => [v.label, v.docs.map((d) => d.slug)])).toEqual([
      ['2026', ['plan']],
      ['2025', ['plan']],
      ['2024', ['plan']],
      ['2023', ['report']],
      ['2022', ['report']],
      ['未注明', ['undated']],
    ]);
  });
});

describe('summarize', () => {
  it('computes a document’s summary once: the indexes that list it share one object', () => {
    const [doc] = loadPolicies(FIXTURE_POLICIES);
    const first = summarize(doc!);
    expect(summarize(doc!)).toBe(first);
    expect(summarize({ ...doc! })).not.toBe(first);
    expect(summarize({ ...doc! })).toEqual(first);
  });
});
