import { describe, expect, it } from 'vitest';
import type { Comparator } from '../src/format/schema.ts';
import { metricIdentity } from '../src/compare/metric-identity.ts';
import { compareTargets, DIRECTION_LABELS, groupLabel, type TargetInput } from '../src/compare/target-compare.ts';
import { docSlug } from '../src/format/ids.ts';

interface Spec {
  slug?: string;
  place?: string;
  docYear?: number | null;
  index?: number;
  metric: string;
  comparator: Comparator;
  value?: number | null;
  unit?: string | null;
  year?: number | null;
  text?: string;
}

function target(s: Spec): TargetInput {
  const slug = docSlug(s.slug ?? 'doc-a');
  return {
    doc: { slug, title: `${slug} 文件`, place: s.place ?? '济源市', year: s.docYear === undefined ? 2020 : s.docYear, docType: '工作要点' },
    index: s.index ?? 1,
    target: {
      metric: s.metric,
      comparator: s.comparator,
      value: s.value === undefined ? null : s.value,
      valueMax: null,
      unit: s.unit === undefined ? null : s.unit,
      year: s.year === undefined ? null : s.year,
      text: s.text ?? s.metric,
    },
    requirement: '',
    measure: null,
  };
}

const compare = (targets: TargetInput[]) => compareTargets(targets);
const keys = (targets: TargetInput[]): string[] => compare(targets).groups.map((g) => g.key);
const rowSlugs = (targets: TargetInput[], key: string): string[] =>
  compare(targets).groups.find((g) => g.key === key)!.rows.map((r) => r.doc.slug);

describe('metricIdentity', () => {
  const id = (metric: string, comparator: Comparator = '>=', unit: string | null = '%', text = metric) => metricIdentity({ metric, text, comparator, unit });

  it('splits a share into the quantity and the whole it is a share of', () => {
    expect(id('骨干教师占交流轮岗教师总数比例')).toMatchObject({ quantity: '骨干教师', denominator: '交流轮岗教师总数' });
    expect(id('教师交流人数占应交流教职工总数的比例')).toMatchObject({ quantity: '教师交流人数', denominator: '应交流教职工总数' });
    expect(id('民办学校在校生占全市在校生的比重')).toMatchObject({ quantity: '民办学校在校生', denominator: '全市在校生' });
  });

  it('finds the whole in the sentence when the metric leaves it out', () => {
    const t = id('城镇学校教师交流轮岗比例', '>=', '%', '城镇学校教师交流轮岗比例不低于符合交流条件教师总数的10%');
    expect(t.denominator).toBe('符合交流条件教师总数');
    expect(id('交流人数', '>=', '%', '交流人数达到应交流教职工总数的10%以上').denominator).toBe('应交流教职工总数');
  });

  it('has no denominator when none is written', () => {
    expect(id('残疾儿童少年入学率').denominator).toBeNull();
    expect(id('学生每天在校锻炼', '=', '小时', '保证学生每天在校锻炼1小时').denominator).toBeNull();
  });

  it('drops scope words, punctuation and width, and reads 总数 and 总人数 as one whole', () => {
    expect(id('适龄残疾儿童少年入学率').measure).toBe(id('残疾儿童少年入学率').measure);
    expect(id('全市“义务教育”巩固率').measure).toBe(id('义务教育巩固率').measure);
    expect(id('交流', '>=', '%', '交流人数达到应交流教职工总人数的10%').measure).toBe(id('交流', '>=', '%', '交流人数达到应交流教职工总数的10%').measure);
  });

  it('tells directions apart: floors (≥, >, =, range), ceilings, increases, decreases, eliminations', () => {
    expect((['>=', '>', '=', 'range'] as Comparator[]).map((c) => id('x率', c).direction)).toEqual(['floor', 'floor', 'floor', 'floor']);
    expect((['<=', '<', 'increase', 'decrease', 'eliminate'] as Comparator[]).map((c) => id('x率', c).direction)).toEqual(['ceiling', 'ceiling', 'increase', 'decrease', 'eliminate']);
  });

  it('gives an elimination no unit and reads ％ as %', () => {
    expect(id('大班额', 'eliminate', '人').unit).toBeNull();
    expect(id('x率', '>=', ' ％ ').unit).toBe('%');
  });
});

describe('compareTargets', () => {
  it('puts targets of one metric, denominator, unit and direction from different documents in one group', () => {
    const result = compare([
      target({ slug: 'jiyuan', metric: '适龄残疾儿童少年入学率', comparator: '>=', value: 95, unit: '%' }),
      target({ slug: 'fujian', place: '福建省', metric: '残疾儿童少年入学率', comparator: '>=', value: 99, unit: '%' }),
    ]);
    expect(result.groups).toHaveLength(1);
    expect(result.groups[0]).toMatchObject({ metric: '残疾儿童少年入学率', denominator: null, direction: 'floor', unit: '%', documents: 2, places: 2 });
    expect(result.groups[0]!.rows.map((r) => r.target.value)).toEqual([99, 95]);
    expect(result.alone).toEqual([]);
  });

  it('never groups shares of different wholes, even on one theme', () => {
    const backbone = target({ slug: 'a', metric: '骨干教师占交流轮岗教师总数比例', comparator: '>=', value: 20, unit: '%' });
    const rotation = target({ slug: 'b', metric: '教师交流人数占应交流教职工总数比例', comparator: '>=', value: 10, unit: '%' });
    const result = compare([backbone, rotation]);
    expect(result.groups).toEqual([]);
    expect(result.alone).toEqual([backbone, rotation]);
  });

  it('groups shares of the same whole written in the metric or in the sentence', () => {
    const result = compare([
      target({ slug: 'a', metric: '骨干教师占交流轮岗教师总数比例', comparator: '>=', value: 20, unit: '%' }),
      target({ slug: 'b', metric: '骨干教师', text: '其中骨干教师不低于交流轮岗教师总数的25%', comparator: '>=', value: 25, unit: '%' }),
    ]);
    expect(result.groups.map((g) => [g.metric, g.denominator, g.rows.map((r) => r.doc.slug)])).toEqual([['骨干教师', '交流轮岗教师总数', ['b', 'a']]]);
  });

  it('does not compare 运动技能 with 艺术技能', () => {
    const result = compare([
      target({ slug: 'a', metric: '掌握运动技能', comparator: 'range', value: 1, unit: '项' }),
      target({ slug: 'b', metric: '学会艺术技能', comparator: 'range', value: 1, unit: '项' }),
    ]);
    expect(result.groups).toEqual([]);
    expect(result.alone).toHaveLength(2);
  });

  it('needs two documents: four targets of one document are no group', () => {
    const one = ['56人及以上大班额', '56人及以上大班额', '56人及以上大班额', '56人及以上大班额'].map((metric, i) =>
      target({ slug: 'only', index: i + 1, metric, comparator: 'eliminate', year: 2020 + i }),
    );
    const result = compare(one);
    expect(result.groups).toEqual([]);
    expect(result.alone).toHaveLength(4);
  });

  it('never puts % and 人 targets in one group', () => {
    const targets = [
      target({ slug: 'a', metric: '教师交流轮岗比例', comparator: '>=', value: 10, unit: '%' }),
      target({ slug: 'b', metric: '教师交流轮岗比例', comparator: '>=', value: 15, unit: '%' }),
      target({ slug: 'c', metric: '教师交流轮岗比例', comparator: '>=', value: 100, unit: '人' }),
      target({ slug: 'd', metric: '教师交流轮岗比例', comparator: '>=', value: 300, unit: '人' }),
    ];
    const result = compare(targets);
    expect(result.groups.map((g) => [g.unit, g.rows.map((r) => r.doc.slug)])).toEqual([
      ['%', ['b', 'a']],
      ['人', ['d', 'c']],
    ]);
  });

  it('reads full-width and padded units as the same unit', () => {
    const result = compare([
      target({ slug: 'a', metric: '教师交流轮岗比例', comparator: '>=', value: 10, unit: '％' }),
      target({ slug: 'b', metric: '教师交流轮岗比例', comparator: '>=', value: 15, unit: ' % ' }),
    ]);
    expect(result.groups.map((g) => g.unit)).toEqual(['%']);
  });

  it('keeps floors, ceilings, increases and decreases of one metric apart', () => {
    const targets = (['>=', '=', '<=', '<', 'decrease', 'increase'] as Comparator[]).flatMap((comparator, i) => [
      target({ slug: `a${i}`, metric: '大班额比例', comparator, value: 1, unit: '%' }),
    ]);
    expect(compare(targets).groups.map((g) => [g.direction, g.rows.map((r) => r.doc.slug)])).toEqual([
      ['floor', ['a0', 'a1']],
      ['ceiling', ['a2', 'a3']],
    ]);
  });

  it('orders floors highest first, a missing value last', () => {
    const targets = [
      target({ slug: 'ten', metric: '教师交流轮岗比例', comparator: '>=', value: 10, unit: '%' }),
      target({ slug: 'none', metric: '教师交流轮岗比例', comparator: '>=', value: null, unit: '%' }),
      target({ slug: 'thirty', metric: '教师交流轮岗比例', comparator: '>=', value: 30, unit: '%' }),
      target({ slug: 'twenty', metric: '教师交流轮岗比例', comparator: '>=', value: 20, unit: '%' }),
    ];
    expect(compare(targets).groups[0]!.rows.map((r) => r.doc.slug)).toEqual(['thirty', 'twenty', 'ten', 'none']);
  });

  it('orders ceilings lowest first', () => {
    const targets = [
      target({ slug: 'ten', metric: '大班额比例', comparator: '<=', value: 10, unit: '%' }),
      target({ slug: 'five', metric: '大班额比例', comparator: '<=', value: 5, unit: '%' }),
      target({ slug: 'eight', metric: '大班额比例', comparator: '<', value: 8, unit: '%' }),
    ];
    expect(compare(targets).groups[0]!.rows.map((r) => r.doc.slug)).toEqual(['five', 'eight', 'ten']);
  });

  it('groups eliminations of one thing whatever their unit, by deadline, undated last; other things apart', () => {
    const targets = [
      target({ slug: 'y2025', metric: '大班额', comparator: 'eliminate', unit: '人', year: 2025 }),
      target({ slug: 'undated', metric: '大班额', comparator: 'eliminate', unit: null, year: null }),
      target({ slug: 'y2020', metric: '大班额', comparator: 'eliminate', unit: '个', year: 2020 }),
      target({ slug: 'big', metric: '56人及以上大班额', comparator: 'eliminate', year: 2022 }),
    ];
    const result = compare(targets);
    expect(result.groups.map((g) => [g.metric, g.unit, g.rows.map((r) => r.doc.slug)])).toEqual([['大班额', null, ['y2020', 'y2025', 'undated']]]);
    expect(result.alone.map((t) => t.doc.slug)).toEqual(['big']);
  });

  it('orders equal requirements by deadline, then place, then newest document first', () => {
    const targets = [
      target({ slug: 'b-2019', place: '靖江市', docYear: 2019, metric: '教师交流轮岗比例', comparator: '>=', value: 10, unit: '%' }),
      target({ slug: 'a-2018', place: '济源市', docYear: 2018, metric: '教师交流轮岗比例', comparator: '>=', value: 10, unit: '%' }),
      target({ slug: 'a-2021', place: '济源市', docYear: 2021, metric: '教师交流轮岗比例', comparator: '>=', value: 10, unit: '%' }),
      target({ slug: 'dated', place: '靖江市', metric: '教师交流轮岗比例', comparator: '>=', value: 10, unit: '%', year: 2025 }),
    ];
    // Places compare by code point: 济 (U+6D4E) before 靖 (U+9756).
    expect(compare(targets).groups[0]!.rows.map((r) => r.doc.slug)).toEqual(['dated', 'a-2021', 'a-2018', 'b-2019']);
  });

  it('counts the documents and places of a group', () => {
    const result = compare([
      target({ slug: 'a', place: '济源市', index: 1, metric: '教师交流轮岗比例', comparator: '>=', value: 10, unit: '%' }),
      target({ slug: 'a', place: '济源市', index: 2, metric: '教师交流轮岗比例', comparator: '>=', value: 20, unit: '%' }),
      target({ slug: 'b', place: '济源市', metric: '教师交流轮岗比例', comparator: '>=', value: 15, unit: '%' }),
    ]);
    expect(result.groups[0]).toMatchObject({ documents: 2, places: 1 });
    expect(result.groups[0]!.rows.map((r) => [r.doc.slug, r.index])).toEqual([
      ['a', 2],
      ['b', 1],
      ['a', 1],
    ]);
  });

  it('puts groups of more documents first', () => {
    const result = compare([
      target({ slug: 'a', metric: '普通话普及率', comparator: '>=', value: 80, unit: '%' }),
      target({ slug: 'b', metric: '普通话普及率', comparator: '>=', value: 85, unit: '%' }),
      target({ slug: 'a', metric: '巩固率', comparator: '>=', value: 95, unit: '%' }),
      target({ slug: 'b', metric: '巩固率', comparator: '>=', value: 96, unit: '%' }),
      target({ slug: 'c', metric: '巩固率', comparator: '>=', value: 97, unit: '%' }),
    ]);
    expect(result.groups.map((g) => g.metric)).toEqual(['巩固率', '普通话普及率']);
  });

  it('returns nothing for no targets', () => {
    expect(compare([])).toEqual({ groups: [], alone: [] });
  });
});

describe('groupLabel', () => {
  it('names the metric, its whole, the direction and the unit', () => {
    expect(groupLabel({ metric: '骨干教师', denominator: '交流轮岗教师总数', direction: 'floor', unit: '%' })).toBe('骨干教师（占交流轮岗教师总数） · 不低于（下限） · %');
  });

  it('leaves out a missing whole and unit', () => {
    expect(groupLabel({ metric: '大班额', denominator: null, direction: 'eliminate', unit: null })).toBe('大班额 · 消除期限');
    expect(groupLabel({ metric: '教育支出', denominator: null, direction: 'increase', unit: null })).toBe(`教育支出 · ${DIRECTION_LABELS.increase}`);
  });
});
