import { describe, expect, it } from 'vitest';
import { alignByTheme, visibleRows } from '../src/compare/compare.ts';
import { buildComparisons, buildPicker } from '../src/data-api/comparison-data.ts';
import type { PolicyDoc } from '../src/index/documents.ts';
import { buildSiteIndex } from '../src/index/site-index.ts';
import { metricIdentity } from '../src/compare/metric-identity.ts';
import { groupLabel } from '../src/compare/target-compare.ts';
import { loadSiteVocabulary } from '../src/astro/vocab.ts';
import { FIXTURE_POLICIES, loadPolicies } from './support/fixtures.ts';
import { docSlug } from '../src/format/ids.ts';

const vocab = loadSiteVocabulary();
const comparisonsOf = (docs: PolicyDoc[]) => {
  const site = buildSiteIndex(docs, vocab);
  return { site, c: buildComparisons(site, { themes: vocab.themes.themes }) };
};
const samples = comparisonsOf(loadPolicies('content/policies'));
const fixtures = comparisonsOf(loadPolicies(FIXTURE_POLICIES));

const JIYUAN = 'jiyuan-2018-jiaoyuju-gongzuo-yaodian';
const FANGAN = 'tongchou-tuijin-yiwu-jiaoyu-youzhi-junheng';

describe('compareDocOf', () => {
  it('keeps every measure of a document once, in order, with its units and targets', () => {
    const doc = samples.c.docs.get(JIYUAN)!;
    expect(doc.measures.map((m) => m.id)).toEqual(Array.from({ length: 36 }, (_, i) => `m${i + 1}`));
    expect(doc).toMatchObject({ place: '济源市', year: 2018, docType: '工作要点', url: `/policies/${JIYUAN}/` });
    const m23 = doc.measures.find((m) => m.id === 'm23')!;
    expect(m23.targets).toEqual([expect.objectContaining({ metric: '教师交流人数占应交流教职工总数比例', requirement: '不低于 10%', anchor: 'target-2' })]);
  });

  it('files each measure under every theme it serves, and the rest as unthemed', () => {
    const doc = samples.c.docs.get(FANGAN)!;
    const positions = new Set([...Object.values(doc.themes).flat(), ...doc.unthemed]);
    expect(positions.size).toBe(doc.measures.length);
    const rotation = doc.themes['jiaoshi-jiaoliu-lungang']!.map((i) => doc.measures[i]!.title);
    expect(rotation).toContain('深入实施教师“县管校聘”改革');
    expect(doc.unthemed.every((i) => !Object.values(doc.themes).some((list) => list.includes(i)))).toBe(true);
  });

  it('puts lead units first and names each unit once', () => {
    const quanzhou = fixtures.c.docs.get('quanzhou-2023-jiaoyu-gongzuo-yaodian')!;
    expect(quanzhou.measures[0]!.units).toEqual(['市教育局', '市财政局', '市住建局']);
  });
});

describe('alignByTheme on the sample documents', () => {
  it('shows teacher rotation in 济源 and in the 实施方案, whose shares of different wholes are no difference', () => {
    const table = alignByTheme([samples.c.docs.get(JIYUAN)!, samples.c.docs.get(FANGAN)!], samples.c.picker.themes);
    const row = table.rows.find((r) => r.theme?.name === '教师交流轮岗')!;
    expect(row.covered).toBe(2);
    // 交流人数占应交流教职工总数 (济源) vs 占符合交流条件教师总数 and 骨干教师占交流轮岗教师总数 (实施方案).
    expect(row.difference).toBeNull();
    expect(row.cells[0]!.map((m) => m.number)).toContain('23.');
  });
});

describe('buildPicker', () => {
  const docs = samples.site.docs;
  it('lists every document newest first with counts of places, years and types, unknown last', () => {
    const { picker, shards } = buildPicker(docs, vocab.themes.themes);
    expect(picker.total).toBe(5);
    expect(picker.docs!.map((d) => d.year)).toEqual([2024, 2023, 2023, 2018, null]);
    expect(picker.years.at(-1)).toEqual({ value: '未注明', count: 1 });
    expect(picker.years[0]).toEqual({ value: '2024', count: 1 });
    expect(picker.places.map((p) => p.value)).toEqual(['福建省', '济源市', '靖江市', '未注明']);
    expect(shards.size).toBe(0);
  });

  it('splits a large base into one file per place and leaves the inline list out', () => {
    const { picker, shards } = buildPicker(docs, vocab.themes.themes, 2);
    expect(picker.docs).toBeNull();
    expect(picker.shards.reduce((n, s) => n + s.count, 0)).toBe(5);
    const unknown = picker.shards.find((s) => s.places.includes('未注明'))!;
    expect(shards.get(unknown.file)!.map((d) => d.place)).toEqual(['未注明', '未注明']);
    expect(picker.shards.at(-1)).toBe(unknown);
  });
});

describe('year over year in the comparisons', () => {
  it('compares 泉州 2023 with 泉州 2021, and no anonymous document with anything', () => {
    expect([...fixtures.c.previousOf]).toEqual([['quanzhou-2023-jiaoyu-gongzuo-yaodian', 'quanzhou-2021-jiaoyu-gongzuo-yaodian']]);
    const c = fixtures.c.changes.get('quanzhou-2023-jiaoyu-gongzuo-yaodian')!;
    expect(c.rows.map((r) => r.status)).toEqual(['new', 'new', 'new']);
    expect(c.dropped.map((m) => m.title)).toEqual(['加强学生心理健康教育']);
    expect(c.counts).toEqual({ continued: 0, changed: 0, new: 3, dropped: 1 });
  });

  it('pairs none of the five samples: no two share an issuer, a place and a kind of document', () => {
    expect(samples.c.changes.size).toBe(0);
  });

  it('finds a measure carried over with a changed number as changed, and one copied as continued', () => {
    const [a2021, a2023] = loadPolicies(FIXTURE_POLICIES).filter((d) => d.slug.startsWith('quanzhou'));
    // The 2021 plan rewritten as the 2023 one with the rotation share raised: one changed measure.
    const before: PolicyDoc = { ...a2023!, slug: docSlug('quanzhou-2022'), data: { ...a2023!.data, date: '2022-03-01', targets: a2023!.data.targets.map((t) => (t.value === 10 ? { ...t, value: 5, text: '交流轮岗教师比例不低于5%' } : t)) }, body: a2023!.body.replace('不低于10%', '不低于5%') };
    const { c } = comparisonsOf([a2021!, before, a2023!]);
    const later = c.changes.get('quanzhou-2023-jiaoyu-gongzuo-yaodian')!;
    expect(later.previous.slug).toBe('quanzhou-2022');
    expect(later.rows.map((r) => [r.measure.id, r.status])).toEqual([
      ['m1', 'continued'],
      ['m2', 'continued'],
      ['m3', 'changed'],
    ]);
    expect(later.dropped).toEqual([]);
  });
});

describe('target comparison of the sample documents', () => {
  it('groups only the targets of two documents that measure the same thing', () => {
    expect(samples.c.targets.groups.map((g) => [groupLabel(g), g.rows.map((r) => [r.doc.place, r.target.value])])).toEqual([
      ['残疾儿童少年入学率 · 不低于（下限） · %', [['福建省', 99], ['济源市', 95]]],
      ['各学段家庭经济困难学生资助覆盖率 · 不低于（下限） · %', [['济源市', 100], ['福建省', 100]]],
    ]);
  });

  it('mixes no metrics in a group: one quantity, one whole, one unit, one direction, two documents or more', () => {
    for (const g of samples.c.targets.groups) {
      expect(new Set(g.rows.map((r) => metricIdentity(r.target).key)).size).toBe(1);
      expect(g.documents).toBeGreaterThanOrEqual(2);
    }
  });

  it('lists every other target as standing alone', () => {
    const grouped = samples.c.targets.groups.reduce((n, g) => n + g.rows.length, 0);
    expect(grouped + samples.c.targets.alone.length).toBe(samples.site.targets.rows.length);
    const metrics = samples.c.targets.alone.map((t) => t.target.metric);
    expect(metrics).toContain('骨干教师占交流轮岗教师总数比例');
    expect(metrics).toContain('教师交流人数占应交流教职工总数比例');
    expect(metrics).toContain('掌握运动技能');
    expect(metrics).toContain('学会艺术技能');
  });
});

describe('只看差异 on the sample: 济源 2018 against the 实施方案', () => {
  const table = alignByTheme([samples.c.docs.get(JIYUAN)!, samples.c.docs.get(FANGAN)!], samples.c.picker.themes);
  const kept = visibleRows(table, true);

  // Each row checked against both documents' measures:
  // - 学生心理健康: 济源 m17 (心理健康教育); the 实施方案 has no measure on it (心理健康 only in its appendix's staffing).
  // - 学前普惠: 济源 m6, m7, m19 (学前教育); the 实施方案 is about compulsory schooling only.
  // - 特殊教育: both set an enrolment rate for disabled children: 济源 m22 达到95%以上, 实施方案 m13 达99%以上.
  // - 校园安全: 济源 m35 (平安校园); no measure of the 实施方案 is on school safety.
  // - 党建引领: 济源 m1–m5 (学习十九大精神, 两学一做, 基层党组织…); the 实施方案 has no party-building measure.
  // - 职业教育: 济源 m7, m21, m25 (职业教育); none in the 实施方案.
  // - 教育督导: 济源 m32 创新教育督导; the 实施方案 speaks of 督导 only in its closing 工作保障, which holds no measure.
  // - 家校共育: the 实施方案 m15 (德育 with families); no 济源 measure on it.
  it('keeps the rows where one document covers a theme the other does not, or where both set different numbers on one quantity', () => {
    expect(kept.map((r) => [r.theme?.name, r.difference])).toEqual([
      ['学生心理健康', 'coverage'],
      ['学前普惠', 'coverage'],
      ['特殊教育', 'targets'],
      ['校园安全', 'coverage'],
      ['党建引领', 'coverage'],
      ['职业教育', 'coverage'],
      ['教育督导', 'coverage'],
      ['家校共育', 'coverage'],
    ]);
    expect(kept.find((r) => r.theme?.name === '特殊教育')!.differences).toEqual(['残疾儿童少年入学率：济源市2018年：≥95% vs 福建省：≥99%']);
  });

  it('does not keep a row for a target only one side sets, nor the measures outside every theme', () => {
    const names = kept.map((r) => r.theme?.name ?? null);
    expect(names).not.toContain('课后服务');
    expect(names).not.toContain('消除大班额');
    expect(names).not.toContain(null);
    expect(table.rows.length).toBeGreaterThan(kept.length * 3);
  });
});
