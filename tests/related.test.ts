import { describe, expect, it } from 'vitest';
import { sortableDate, type DocSummary } from '../src/index/documents.ts';
import { buildRelated, mainThemes, sameIssuerOtherYears, type RelatedInput } from '../src/index/related.ts';
import { buildSiteIndex } from '../src/index/site-index.ts';
import { loadSiteVocabulary } from '../src/astro/vocab.ts';
import { loadPolicies } from './support/fixtures.ts';
import { docSlug } from '../src/format/ids.ts';

function doc(slug: string, over: Partial<DocSummary> = {}): DocSummary {
  const date = over.date === undefined ? '2020-01-01' : over.date;
  return {
    slug: docSlug(slug),
    title: slug,
    place: over.city ?? '未注明',
    city: null,
    province: null,
    year: date === null ? null : Number(date.slice(0, 4)),
    years: date === null ? [] : [Number(date.slice(0, 4))],
    date,
    dateLabel: '',
    sortDate: sortableDate(date),
    docType: '工作要点',
    docNumber: null,
    issuer: null,
    measureCount: 0,
    targetCount: 0,
    ...over,
  };
}
const input = (d: DocSummary, themes: string[] = [], units: string[] = []): RelatedInput => ({ doc: d, themes, units });

describe('buildRelated', () => {
  it('ranks the same city and rarer shared themes above a unit every document names', () => {
    const inputs = [
      input(doc('a', { city: '济源市' }), ['shuangjian', 'kehou-fuwu'], ['市教育局']),
      input(doc('b', { city: '济源市' }), [], ['市教育局']),
      input(doc('c'), ['shuangjian', 'kehou-fuwu'], ['市教育局']),
      input(doc('d'), [], ['市教育局']),
      input(doc('e'), ['kehou-fuwu', 'xueqian-puhui'], ['市教育局']),
    ];
    const related = buildRelated(inputs).get('a')!;
    expect(related.map((r) => r.doc.slug)).toEqual(['c', 'b']);
    expect(related[0]!.reasons).toEqual({ place: null, themes: ['shuangjian', 'kehou-fuwu'], units: ['市教育局'] });
    expect(related[1]!.reasons).toEqual({ place: '济源市', themes: [], units: ['市教育局'] });
  });
  it('relates documents of one province only when they also share a theme', () => {
    const inputs = [
      input(doc('a', { city: '济源市', province: '河南省' }), ['shuangjian']),
      input(doc('b', { city: '郑州市', province: '河南省' }), ['shuangjian']),
      input(doc('c', { city: '洛阳市', province: '河南省' }), ['kehou-fuwu']),
    ];
    const related = buildRelated(inputs).get('a')!;
    expect(related.map((r) => [r.doc.slug, r.reasons.place, r.reasons.themes])).toEqual([['b', '河南省', ['shuangjian']]]);
  });
  it('relates nothing to a document that shares only one theme, or only units', () => {
    const related = buildRelated([input(doc('a'), ['x', 'y'], ['市财政局']), input(doc('b'), ['y', 'z'], ['市财政局'])]);
    expect(related.get('a')).toEqual([]);
  });
  it('keeps at most `limit` documents, five unless told', () => {
    const inputs = Array.from({ length: 20 }, (_, i) => input(doc(`d${i}`, { city: '泉州市' })));
    expect(buildRelated(inputs, { limit: 3 }).get('d0')).toHaveLength(3);
    expect(buildRelated(inputs).get('d0')).toHaveLength(5);
  });
  it('looks only at the documents nearest in date when a key is shared by many', () => {
    const inputs = Array.from({ length: 500 }, (_, i) =>
      input(doc(`d${String(i).padStart(3, '0')}`, { date: `${2000 + Math.floor(i / 20)}-01-01` }), ['a', 'b']),
    );
    const related = buildRelated(inputs, { fullPosting: 10, window: 5, limit: 20 }).get('d250')!;
    expect(related).toHaveLength(10);
    for (const r of related) expect(Math.abs(Number(r.doc.slug.slice(1)) - 250)).toBeLessThanOrEqual(5);
  });
});

describe('mainThemes', () => {
  it('keeps the themes at least two measures serve, most first, and drops those one measure touches', () => {
    expect(mainThemes([['a', 'b'], ['a'], ['c'], ['b', 'a'], ['d']])).toEqual(['a', 'b']);
  });
  it('keeps every theme of a document of three measures or fewer', () => {
    expect(mainThemes([['a'], ['b']])).toEqual(['a', 'b']);
  });
});

describe('related documents of the sample', () => {
  const docs = loadPolicies('content/policies');
  const site = buildSiteIndex(docs, loadSiteVocabulary());
  it('no longer relates the 济源 2018 工作要点 to every document through 16 to 25 shared themes', () => {
    const view = site.policies.get('jiyuan-2018-jiaoyuju-gongzuo-yaodian')!;
    expect(view.related.length).toBeLessThan(docs.length - 1);
    for (const r of view.related) {
      expect(r.reason).toMatch(/^同一主题：/);
      expect(r.reason).not.toMatch(/等 \d+ 个/);
    }
  });
  it('gives every document at most five related documents, each with its reason', () => {
    for (const view of site.policies.values()) {
      expect(view.related.length).toBeLessThanOrEqual(5);
      for (const r of view.related) expect(r.reason).not.toBe('');
    }
  });
});

describe('sameIssuerOtherYears', () => {
  const issuer = '泉州市教育局';
  const docs = [
    doc('y2018', { issuer, date: '2018-02' }),
    doc('y2019', { issuer, date: '2019-03' }),
    doc('y2020a', { issuer, date: '2020-01' }),
    doc('y2020b', { issuer, date: '2020-06' }),
    doc('y2021', { issuer, date: '2021-01' }),
    doc('undated', { issuer, date: null }),
    doc('other', { issuer: '靖江市教育局', date: '2019-01' }),
    doc('none', { date: '2019-01' }),
  ];
  const result = sameIssuerOtherYears(docs, 3);
  it("lists the same issuer's documents of other years, nearest first, newest first in the list", () => {
    expect(result.get('y2020a')!.map((d) => d.slug)).toEqual(['y2021', 'y2019', 'y2018']);
  });
  it('never lists a document of the same year or of another issuer', () => {
    expect(result.get('y2020b')!.map((d) => d.slug)).not.toContain('y2020a');
    expect(result.get('other')).toEqual([]);
    expect(result.has('none')).toBe(false);
  });
  it('counts an undated document as another year', () => {
    expect(sameIssuerOtherYears(docs, 10).get('y2018')!.map((d) => d.slug)).toContain('undated');
  });
});
