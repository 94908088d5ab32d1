import { describe, expect, it } from 'vitest';
import { isResponsibilityLine, readOutline } from '../src/format/body-outline.ts';
import type { PolicyDoc } from '../src/index/documents.ts';
import { textSimilarity } from '../src/compare/similarity.ts';
import {
  buildYearOverYear,
  compareMeasures,
  CONTINUED_SIMILARITY,
  MATCH_SIMILARITY,
  pairWithPreviousYear,
  seriesKey,
  targetSignature,
  type ComparableMeasure,
  type SeriesDoc,
} from '../src/compare/year-over-year.ts';
import { loadPolicies } from './support/fixtures.ts';

function doc(slug: string, year: number | null, over: Partial<SeriesDoc> = {}): SeriesDoc {
  return {
    slug,
    issuer: '济源市教育局',
    city: '济源市',
    province: '河南省',
    year,
    docType: '工作要点',
    sortDate: year === null ? '0000-00-00' : `${year}-02-01`,
    ...over,
  };
}

const pairs = (docs: SeriesDoc[]): Record<string, string> => Object.fromEntries(pairWithPreviousYear(docs));

describe('seriesKey', () => {
  it('groups documents by issuer, place and family of types', () => {
    expect(seriesKey(doc('a', 2018))).toBe(seriesKey(doc('b', 2019, { docType: '工作计划' })));
    expect(seriesKey(doc('a', 2018))).not.toBe(seriesKey(doc('b', 2019, { docType: '实施方案' })));
    expect(seriesKey(doc('a', 2018))).not.toBe(seriesKey(doc('b', 2019, { issuer: '济源市人民政府' })));
    expect(seriesKey(doc('a', 2018))).not.toBe(seriesKey(doc('b', 2019, { city: '焦作市' })));
    expect(seriesKey(doc('a', 2018, { docType: '实施方案' }))).toBe(seriesKey(doc('b', 2019, { docType: '行动方案' })));
    expect(seriesKey(doc('a', 2018, { docType: '工作总结' }))).toBe(seriesKey(doc('b', 2019, { docType: '汇报' })));
  });

  it('is null without a place', () => {
    expect(seriesKey(doc('a', 2018, { city: null, province: null }))).toBeNull();
  });

  it('is null without a year', () => {
    expect(seriesKey(doc('a', null))).toBeNull();
  });

  it('is null for a type outside the known families', () => {
    expect(seriesKey(doc('a', 2018, { docType: '其他' }))).toBeNull();
    expect(seriesKey(doc('a', 2018, { docType: '意见' }))).toBeNull();
  });

  it('falls back to the province when the city is unknown and the issuer is known', () => {
    const key = seriesKey(doc('a', 2018, { city: null, issuer: '河南省教育厅' }));
    expect(key).not.toBeNull();
    expect(key).toContain('河南省');
  });

  it('never puts an anonymous document of a province without a city into a series', () => {
    expect(seriesKey(doc('a', 2018, { city: null, issuer: null }))).toBeNull();
  });

  it('puts documents without an issuer in a series of their place', () => {
    expect(seriesKey(doc('a', 2018, { issuer: null }))).toBe(seriesKey(doc('b', 2020, { issuer: null })));
    expect(seriesKey(doc('a', 2018, { issuer: null }))).not.toBe(seriesKey(doc('b', 2020)));
  });
});

describe('pairWithPreviousYear', () => {
  it('pairs each document with one from the nearest earlier year of its series', () => {
    expect(pairs([doc('y2021', 2021), doc('y2018', 2018), doc('y2019', 2019)])).toEqual({ y2019: 'y2018', y2021: 'y2019' });
  });

  it('prefers a document of the same type in the previous year', () => {
    const result = pairs([
      doc('plan-2019', 2019, { docType: '工作计划', sortDate: '2019-01-10' }),
      doc('points-2019', 2019, { docType: '工作要点', sortDate: '2019-12-01' }),
      doc('plan-2020', 2020, { docType: '工作计划' }),
      doc('points-2020', 2020, { docType: '工作要点' }),
    ]);
    expect(result).toEqual({ 'plan-2020': 'plan-2019', 'points-2020': 'points-2019' });
  });

  it('takes the latest document of the family when the previous year has none of the same type', () => {
    const result = pairs([
      doc('plan-early', 2019, { docType: '工作计划', sortDate: '2019-01-10' }),
      doc('plan-late', 2019, { docType: '工作计划', sortDate: '2019-09-01' }),
      doc('points-2020', 2020, { docType: '工作要点' }),
    ]);
    expect(result).toEqual({ 'points-2020': 'plan-late' });
  });

  it('takes the latest of several same-type documents of the previous year', () => {
    const result = pairs([
      doc('b', 2019, { sortDate: '2019-09-01' }),
      doc('a', 2019, { sortDate: '2019-03-01' }),
      doc('c', 2020),
    ]);
    expect(result).toEqual({ c: 'b' });
  });

  it('does not pair documents of the same year', () => {
    expect(pairs([doc('a', 2019, { sortDate: '2019-01-01' }), doc('b', 2019, { sortDate: '2019-06-01' })])).toEqual({});
  });

  it('pairs documents of one year with the previous year only, never with each other', () => {
    const result = pairs([doc('old', 2018), doc('a', 2019, { sortDate: '2019-01-01' }), doc('b', 2019, { sortDate: '2019-06-01' })]);
    expect(result).toEqual({ a: 'old', b: 'old' });
  });

  it('never pairs documents without a city or province, even of the same issuer and type', () => {
    const anon = { city: null, province: null, issuer: '市教育局' };
    expect(pairs([doc('a', 2019, anon), doc('b', 2020, anon)])).toEqual({});
  });

  it('never pairs a document with one of another place, issuer or family', () => {
    expect(
      pairs([
        doc('jiyuan', 2019),
        doc('jiaozuo', 2020, { city: '焦作市', issuer: '焦作市教育局' }),
        doc('gov', 2020, { issuer: '济源市人民政府' }),
        doc('programme', 2020, { docType: '实施方案' }),
        doc('undated', null),
        doc('other', 2020, { docType: '其他' }),
      ]),
    ).toEqual({});
  });

  it('does not depend on the order of its input', () => {
    const docs = [doc('a', 2017), doc('b', 2018, { docType: '工作计划' }), doc('c', 2018), doc('d', 2020), doc('e', 2020, { docType: '工作计划' })];
    const expected = { b: 'a', c: 'a', d: 'c', e: 'b' };
    expect(pairs(docs)).toEqual(expected);
    expect(pairs([...docs].reverse())).toEqual(expected);
  });
});

// Synthetic measures for the rules.
const RING = '组织实施校长教师轮岗交流，教师交流人数达到应交流教职工总数的10%以上，新教师的分配继续向山区农村学校倾斜。';
const CLASS = '建立消除大班额工作台账，实行销号管理，避免新的大班额产生，到2025年基本消除56人及以上大班额。';
const NET = '推进网络学习空间人人通的建设与应用，开展信息技术与课程融合研究，加强教育信息化深度应用工作。';
const SPORT = '深入开展阳光体育运动，确保学生每天校园体育活动时间不少于1小时，全面实施学生体质健康监测。';
const m = (id: string, text: string, targets: string[] = []): ComparableMeasure => ({ id, text, targets });

describe('compareMeasures', () => {
  it('calls a measure with the same text and targets continued', () => {
    const result = compareMeasures([m('p1', RING, ['a', 'b'])], [m('c1', `${RING}`, ['b', 'a'])]);
    expect(result.measures).toEqual([{ id: 'c1', status: 'continued', previous: 'p1', similarity: 1 }]);
    expect(result.counts).toEqual({ continued: 1, changed: 0, new: 0, dropped: 0 });
  });

  it('calls a measure with the same text but other targets changed', () => {
    const result = compareMeasures([m('p1', RING, ['教师交流|>=|10|%'])], [m('c1', RING, ['教师交流|>=|20|%'])]);
    expect(result.measures[0]).toMatchObject({ status: 'changed', previous: 'p1', similarity: 1 });
  });

  it('calls a measure that lost one of its targets changed', () => {
    const result = compareMeasures([m('p1', RING, ['a', 'b'])], [m('c1', RING, ['a'])]);
    expect(result.measures[0]!.status).toBe('changed');
  });

  it('calls a matched measure below CONTINUED_SIMILARITY changed even with the same targets', () => {
    const edited = RING.replace('新教师的分配继续向山区农村学校倾斜', '完善校长教师调配制度');
    const similarity = textSimilarity(RING, edited);
    expect(similarity).toBeGreaterThanOrEqual(MATCH_SIMILARITY);
    expect(similarity).toBeLessThan(CONTINUED_SIMILARITY);
    const result = compareMeasures([m('p1', RING)], [m('c1', edited)]);
    expect(result.measures[0]).toMatchObject({ status: 'changed', previous: 'p1' });
  });

  it('calls a measure like none of the earlier ones new, and an earlier one nothing matches dropped', () => {
    const result = compareMeasures([m('p1', RING), m('p2', CLASS)], [m('c1', NET), m('c2', RING)]);
    expect(result.measures).toEqual([
      { id: 'c1', status: 'new', previous: null, similarity: null },
      { id: 'c2', status: 'continued', previous: 'p1', similarity: 1 },
    ]);
    expect(result.dropped).toEqual(['p2']);
    expect(result.counts).toEqual({ continued: 1, changed: 0, new: 1, dropped: 1 });
  });

  it('matches each earlier measure at most once, giving it to the most similar later one', () => {
    const closer = RING.replace('10%', '15%');
    const further = RING.replace('新教师的分配继续向山区农村学校倾斜', '完善校长教师调配制度');
    const result = compareMeasures([m('p1', RING)], [m('c1', further), m('c2', closer)]);
    expect(result.measures.map((x) => [x.id, x.status, x.previous])).toEqual([
      ['c1', 'new', null],
      ['c2', 'continued', 'p1'],
    ]);
    expect(result.dropped).toEqual([]);
  });

  it('pairs greedily, most similar first, even where another assignment would match more', () => {
    // c1 is p1 itself, so it takes p1; c2 is like p1 only, so it is left new and p2 dropped,
    // though c1–p2 and c2–p1 would have matched two measures.
    const p1 = RING + CLASS;
    const p2 = RING + NET;
    const c1 = RING + CLASS;
    const c2 = CLASS + SPORT;
    expect(textSimilarity(c1, p2)).toBeGreaterThanOrEqual(MATCH_SIMILARITY);
    expect(textSimilarity(c2, p1)).toBeGreaterThanOrEqual(MATCH_SIMILARITY);
    expect(textSimilarity(c2, p2)).toBeLessThan(MATCH_SIMILARITY);
    const result = compareMeasures([m('p1', p1), m('p2', p2)], [m('c1', c1), m('c2', c2)]);
    expect(result.measures.map((x) => [x.id, x.previous])).toEqual([
      ['c1', 'p1'],
      ['c2', null],
    ]);
    expect(result.dropped).toEqual(['p2']);
  });

  it('pairs identical measures by nearest position', () => {
    const result = compareMeasures([m('p1', RING), m('p2', RING)], [m('c1', RING), m('c2', RING)]);
    expect(result.measures.map((x) => x.previous)).toEqual(['p1', 'p2']);
  });

  it('rounds the similarity to three decimals', () => {
    const edited = RING.replace('新教师的分配继续向山区农村学校倾斜', '完善校长教师调配制度');
    const result = compareMeasures([m('p1', RING)], [m('c1', edited)]);
    const exact = textSimilarity(RING, edited);
    expect(result.measures[0]!.similarity).toBe(Math.round(exact * 1000) / 1000);
    expect(String(result.measures[0]!.similarity).split('.')[1]!.length).toBeLessThanOrEqual(3);
  });

  it('calls everything new for an empty previous document, and everything dropped for an empty later one', () => {
    expect(compareMeasures([], [m('c1', RING)]).counts).toEqual({ continued: 0, changed: 0, new: 1, dropped: 0 });
    const gone = compareMeasures([m('p1', RING), m('p2', CLASS)], []);
    expect(gone.dropped).toEqual(['p1', 'p2']);
    expect(gone.counts).toEqual({ continued: 0, changed: 0, new: 0, dropped: 2 });
  });
});

describe('buildYearOverYear', () => {
  it('compares each paired document with its predecessor only', () => {
    const measures: Record<string, ComparableMeasure[]> = {
      a: [m('m1', RING), m('m2', CLASS)],
      b: [m('m1', RING), m('m2', NET)],
      c: [m('m1', SPORT)],
    };
    const asked: string[] = [];
    const result = buildYearOverYear([doc('a', 2018), doc('b', 2019), doc('c', 2019, { city: null, province: null })], (slug) => {
      asked.push(slug);
      return measures[slug]!;
    });
    expect([...result.keys()]).toEqual(['b']);
    expect(result.get('b')).toMatchObject({ doc: 'b', previous: 'a', dropped: ['m2'], counts: { continued: 1, changed: 0, new: 1, dropped: 1 } });
    expect(asked.sort()).toEqual(['a', 'b']);
  });
});

describe('targetSignature', () => {
  it('writes every part of a target, empty for what is missing', () => {
    expect(targetSignature({ metric: '教师交流比例', comparator: '>=', value: 10, unit: '%', year: 2025 })).toBe('教师交流比例|>=|10||%|2025');
    expect(targetSignature({ metric: '大班额', comparator: 'eliminate', value: null, valueMax: null, unit: null, year: null })).toBe('大班额|eliminate||||');
    expect(targetSignature({ metric: '班额', comparator: 'range', value: 45, valueMax: 50, unit: '人', year: null })).toBe('班额|range|45|50|人|');
  });
});

// The thresholds against the five sample documents in content/policies.
// A measure is compared by its title and text, without its 责任单位 lines.
const SAMPLES = loadPolicies('content/policies');

interface SampleMeasure extends ComparableMeasure {
  doc: string;
  title: string;
  /** The measure's text under its heading, without responsibility lines. */
  body: string;
}

function sampleMeasures(d: PolicyDoc): SampleMeasure[] {
  const outline = readOutline(d.body);
  return d.data.measures.map((x) => {
    const body = (outline.paragraphs.get(x.id) ?? []).filter((p) => !isResponsibilityLine(p)).join('\n');
    return {
      doc: d.slug,
      id: x.id,
      title: x.title,
      body,
      text: `${x.title}\n${body}`,
      targets: d.data.targets.filter((t) => t.measure === x.id).map(targetSignature),
    };
  });
}

const ALL = SAMPLES.flatMap(sampleMeasures);
const bySlug = new Map<string, SampleMeasure[]>(SAMPLES.map((d) => [d.slug, sampleMeasures(d)]));
const find = (slug: string, id: string): SampleMeasure => {
  const found = bySlug.get(slug)?.find((x) => x.id === id);
  if (!found) throw new Error(`no measure ${id} in ${slug}`);
  return found;
};
const JIYUAN = 'jiyuan-2018-jiaoyuju-gongzuo-yaodian';
const TONGCHOU = 'tongchou-tuijin-yiwu-jiaoyu-youzhi-junheng';
const JINGJIANG = 'jingjiang-2022-lvxing-jiaoyu-zhize-qingkuang-huibao';

/** The measure with `from` replaced by `to` in its body (which must contain it). */
function edit(x: SampleMeasure, from: string, to: string, targets: readonly string[] = x.targets): SampleMeasure {
  expect(x.body).toContain(from);
  const body = x.body.replace(from, to);
  return { ...x, body, text: `${x.title}\n${body}`, targets };
}

/** Sentences of a body, each with its closing mark. */
const sentences = (body: string): string[] => body.match(/[^。；！？\n]+[。；！？]?/gu)?.filter((s) => s.trim() !== '') ?? [];

/** Every number of a body with its last digit changed (2025 → 2026, 10 → 11, 9 → 0). */
function numberEdits(x: SampleMeasure): { number: string; text: string }[] {
  return [...x.body.matchAll(/\d+/gu)].map((hit) => {
    const n = hit[0];
    const changed = n.slice(0, -1) + String((Number(n.at(-1)) + 1) % 10);
    const body = x.body.slice(0, hit.index) + changed + x.body.slice(hit.index + n.length);
    return { number: n, text: `${x.title}\n${body}` };
  });
}

describe('thresholds on the sample documents', () => {
  it('reads the five sample documents with 111 measures, each with text', () => {
    expect(SAMPLES).toHaveLength(5);
    expect(ALL).toHaveLength(111);
    for (const x of ALL) expect(x.body.length, `${x.doc}#${x.id}`).toBeGreaterThan(10);
  });

  it('finds no two different sample measures more than 0.22 alike, well below MATCH_SIMILARITY', () => {
    let max = { similarity: 0, a: '', b: '' };
    for (let i = 0; i < ALL.length; i++) {
      for (let j = i + 1; j < ALL.length; j++) {
        const similarity = textSimilarity(ALL[i]!.text, ALL[j]!.text);
        if (similarity > max.similarity) max = { similarity, a: `${ALL[i]!.doc}#${ALL[i]!.id}`, b: `${ALL[j]!.doc}#${ALL[j]!.id}` };
      }
    }
    // 0.216: 济源 m22 (特殊教育) against 统筹推进 m13 (特殊教育), from two documents.
    expect(max.similarity).toBeLessThan(MATCH_SIMILARITY);
    expect(max.similarity).toBeLessThanOrEqual(0.22);
    expect(max.similarity).toBeCloseTo(0.216, 3);
    expect([max.a, max.b]).toEqual([`${JIYUAN}#m22`, `${TONGCHOU}#m13`]);
  });

  it('matches no measure of one sample document with a measure of another', () => {
    for (const a of SAMPLES) {
      for (const b of SAMPLES) {
        if (a === b) continue;
        const result = compareMeasures(bySlug.get(a.slug)!, bySlug.get(b.slug)!);
        expect(result.counts, `${b.slug} against ${a.slug}`).toEqual({ continued: 0, changed: 0, new: b.data.measures.length, dropped: a.data.measures.length });
      }
    }
  });

  it('calls every measure of a sample document continued against itself', () => {
    for (const d of SAMPLES) {
      const own = bySlug.get(d.slug)!;
      const result = compareMeasures(own, own);
      expect(result.counts).toEqual({ continued: own.length, changed: 0, new: 0, dropped: 0 });
      expect(result.measures.every((x) => x.previous === x.id && x.similarity === 1)).toBe(true);
    }
  });

  it('reports a sample measure whose target rose from 10% to 20% as changed, still at least CONTINUED_SIMILARITY alike', () => {
    const before = find(JIYUAN, 'm23');
    expect(before.targets).toEqual(['教师交流人数占应交流教职工总数比例|>=|10||%|']);
    const after = edit(before, '总数的10%以上', '总数的20%以上', ['教师交流人数占应交流教职工总数比例|>=|20||%|']);
    const [change] = compareMeasures([before], [after]).measures;
    expect(change!.status).toBe('changed');
    expect(change!.previous).toBe('m23');
    expect(change!.similarity).toBeGreaterThanOrEqual(CONTINUED_SIMILARITY);
  });

  it('reports a sample measure whose deadline moved from 2025 to 2026 as changed, still at least CONTINUED_SIMILARITY alike', () => {
    const before = find(TONGCHOU, 'm2');
    const data = SAMPLES.find((d) => d.slug === TONGCHOU)!.data.targets.filter((t) => t.measure === 'm2');
    expect(data.filter((t) => t.year === 2025)).toHaveLength(2);
    const moved = data.map((t) => targetSignature(t.year === 2025 ? { ...t, year: 2026 } : t));
    const after = edit(before, '到2025年基本消除', '到2026年基本消除', moved);
    const [change] = compareMeasures([before], [after]).measures;
    expect(change!.status).toBe('changed');
    expect(change!.similarity).toBeGreaterThanOrEqual(CONTINUED_SIMILARITY);
  });

  it('calls a sample measure continued when a year that is no target changes', () => {
    const before = find(JIYUAN, 'm10');
    expect(before.targets).toEqual([]);
    const after = edit(before, '(2016-2018)', '(2017-2019)');
    const [change] = compareMeasures([before], [after]).measures;
    expect(change!.status).toBe('continued');
    expect(change!.similarity!).toBeLessThan(1);
  });

  it('leaves every sample measure at least 0.97 alike when one of its years changes', () => {
    const edits = ALL.flatMap((x) => numberEdits(x).filter((e) => /^(19|20)\d\d$/u.test(e.number)).map((e) => textSimilarity(x.text, e.text)));
    expect(edits.length).toBeGreaterThan(20);
    // 0.977 at the lowest (靖江 m13, 2023 → 2024).
    expect(Math.min(...edits)).toBeGreaterThanOrEqual(0.97);
  });

  it('leaves sample measures of 80 characters or more at least 0.97 alike when any one number changes', () => {
    const edits = ALL.filter((x) => [...x.text].length >= 80).flatMap((x) => numberEdits(x).map((e) => textSimilarity(x.text, e.text)));
    expect(edits.length).toBeGreaterThan(90);
    // 0.973 at the lowest (济源 m22, 95% → 96%).
    expect(Math.min(...edits)).toBeGreaterThanOrEqual(0.97);
  });

  it('leaves the shortest sample measures less than 0.97 alike when a number changes', () => {
    // 济源 m18 has 35 characters: 第21届 → 第22届 replaces 2 of its 30 bigrams.
    const short = find(JIYUAN, 'm18');
    const s18 = textSimilarity(short.text, edit(short, '第21届', '第22届').text);
    expect(s18).toBeCloseTo(0.933, 3);
    expect(s18).toBeLessThan(CONTINUED_SIMILARITY);
    // 靖江 m16 has 74 characters.
    const m16 = find(JINGJIANG, 'm16');
    const s16 = Math.min(...numberEdits(m16).map((e) => textSimilarity(m16.text, e.text)));
    expect(s16).toBeLessThan(0.97);
    expect(s16).toBeGreaterThanOrEqual(CONTINUED_SIMILARITY);
  });

  it('matches a sample measure that keeps half its sentences and rewrites the rest, as changed', () => {
    // 济源 m4 (正党风促政风带行风): six sentences; the last three give way to the last three of 济源 m23 (教师管理).
    const before = find(JIYUAN, 'm4');
    const own = sentences(before.body);
    expect(own).toHaveLength(6);
    const other = sentences(find(JIYUAN, 'm23').body);
    const body = [...own.slice(0, 3), ...other.slice(3)].join('');
    const after = { ...before, body, text: `${before.title}\n${body}` };
    const [change] = compareMeasures([before], [after]).measures;
    expect(change!.status).toBe('changed');
    expect(change!.previous).toBe('m4');
    expect(change!.similarity!).toBeGreaterThanOrEqual(MATCH_SIMILARITY);
    expect(change!.similarity!).toBeLessThan(0.7);
  });

  it('matches every sample measure of four or more sentences that keeps its first half and drops the rest, as changed', () => {
    const long = ALL.filter((x) => sentences(x.body).length >= 4);
    expect(long.length).toBeGreaterThanOrEqual(35);
    const found: number[] = [];
    for (const x of long) {
      const own = sentences(x.body);
      const half = own.slice(0, Math.ceil(own.length / 2)).join('');
      const [change] = compareMeasures([x], [{ ...x, text: `${x.title}\n${half}` }]).measures;
      expect(change!.status, `${x.doc}#${x.id}`).toBe('changed');
      found.push(change!.similarity!);
    }
    // Dropping half leaves more than half the bigrams' worth: 0.578 at the lowest, 0.75 on average.
    expect(Math.min(...found)).toBeGreaterThanOrEqual(MATCH_SIMILARITY);
    const mean = found.reduce((a, b) => a + b, 0) / found.length;
    expect(mean).toBeGreaterThan(0.7);
  });

  it('keeps sample measures about 0.5 to 0.6 alike when half their sentences are rewritten at the same length', () => {
    // The first half of the sentences stays; the rest is replaced by as many characters of the next sample document's text.
    const slugs: string[] = SAMPLES.map((d) => d.slug);
    const long = ALL.filter((x) => sentences(x.body).length >= 4);
    const found = long.map((x) => {
      const own = sentences(x.body);
      const keep = Math.ceil(own.length / 2);
      const dropped = [...own.slice(keep).join('')].length;
      const donor = bySlug.get(slugs[(slugs.indexOf(x.doc) + 1) % slugs.length]!)!.map((y) => sentences(y.body).join('')).join('');
      const body = own.slice(0, keep).join('') + [...donor].slice(0, dropped).join('');
      return { id: `${x.doc}#${x.id}`, similarity: textSimilarity(x.text, `${x.title}\n${body}`) };
    });
    const mean = found.reduce((a, b) => a + b.similarity, 0) / found.length;
    expect(mean).toBeGreaterThan(0.5);
    expect(mean).toBeLessThan(0.65);
    // One of 39 falls just under MATCH_SIMILARITY (济源 m7, 0.397: its two kept sentences are its shortest).
    expect(found.filter((f) => f.similarity < MATCH_SIMILARITY).map((f) => f.id)).toEqual([`${JIYUAN}#m7`]);
  });

  it('sorts a revised sample document into continued, changed, new and dropped measures', () => {
    const before = bySlug.get(JIYUAN)!;
    const after = before
      .filter((x) => x.id !== 'm18')
      .map((x) => (x.id === 'm23' ? edit(x, '总数的10%以上', '总数的20%以上', ['教师交流人数占应交流教职工总数比例|>=|20||%|']) : x))
      .concat([{ ...find(TONGCHOU, 'm13'), id: 'm37' }]);
    const result = compareMeasures(before, after);
    expect(result.counts).toEqual({ continued: 34, changed: 1, new: 1, dropped: 1 });
    expect(result.measures.find((x) => x.id === 'm23')).toMatchObject({ status: 'changed', previous: 'm23' });
    expect(result.measures.find((x) => x.id === 'm37')).toMatchObject({ status: 'new', previous: null });
    expect(result.dropped).toEqual(['m18']);
  });
});

describe('targetSignature and implied years', () => {
  const target = { metric: '教师交流比例', comparator: '>=', value: 10, unit: '%' };
  it('treats an implied year (the plan year) as no deadline: annual plans repeating a target have not changed it', () => {
    expect(targetSignature({ ...target, year: 2018, yearImplied: true })).toBe(targetSignature({ ...target, year: 2019, yearImplied: true }));
    expect(targetSignature({ ...target, year: 2018, yearImplied: true })).toBe(targetSignature({ ...target, year: null }));
  });
  it('keeps a deadline the text sets', () => {
    expect(targetSignature({ ...target, year: 2020 })).not.toBe(targetSignature({ ...target, year: 2018, yearImplied: true }));
    expect(targetSignature({ ...target, year: 2020 })).not.toBe(targetSignature({ ...target, year: 2022 }));
  });
});
