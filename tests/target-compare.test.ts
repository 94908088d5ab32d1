import { describe, expect, it } from 'vitest';
import type { Comparator } from '../src/lib/schema.ts';
import { compareTargets, groupLabel, KIND_LABELS, sentenceAround, type TargetInput } from '../src/lib/target-compare.ts';
import { ThemeMatcher } from '../src/lib/themes.ts';
import { loadThemes } from '../src/site/vocab.ts';

const matcher = new ThemeMatcher(loadThemes());
const themesOf = (text: string): string[] => matcher.match(text);
const THEME_ORDER = matcher.themes.map(({ slug, name }) => ({ slug, name }));

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
  measureText?: string;
}

function target(s: Spec): TargetInput {
  const slug = s.slug ?? 'doc-a';
  return {
    doc: { slug, title: `${slug} 文件`, place: s.place ?? '济源市', year: s.docYear === undefined ? 2020 : s.docYear, docType: '工作要点' },
    index: s.index ?? 1,
    metric: s.metric,
    comparator: s.comparator,
    value: s.value === undefined ? null : s.value,
    unit: s.unit === undefined ? null : s.unit,
    year: s.year === undefined ? null : s.year,
    text: s.text ?? s.metric,
    requirement: '',
    measure: null,
    measureText: s.measureText ?? '',
  };
}

const compare = (targets: TargetInput[]) => compareTargets(targets, themesOf, THEME_ORDER);
const keys = (targets: TargetInput[]): string[] => compare(targets).groups.map((g) => g.key);
const rowSlugs = (targets: TargetInput[], key: string): string[] =>
  compare(targets).groups.find((g) => g.key === key)!.rows.map((r) => r.doc.slug);

describe('sentenceAround', () => {
  it('gives the sentence holding the phrase, with its closing mark', () => {
    expect(sentenceAround('改善办学条件。到2025年基本消除56人及以上大班额；严控招生规模。', '基本消除56人及以上大班额')).toBe('到2025年基本消除56人及以上大班额；');
  });

  it('starts at the text’s start for the first sentence and runs to its end for an unclosed last one', () => {
    expect(sentenceAround('全面消除大班额。其余', '全面消除')).toBe('全面消除大班额。');
    expect(sentenceAround('甲。交流比例不低于20%', '不低于20%')).toBe('交流比例不低于20%');
    expect(sentenceAround('没有句号的一句话', '句号')).toBe('没有句号的一句话');
  });

  it('splits at line breaks and at ASCII and full-width stops', () => {
    expect(sentenceAround('一\n二目标三\n四', '目标')).toBe('二目标三\n');
    expect(sentenceAround('a; b target c! d', 'target')).toBe(' b target c!');
    expect(sentenceAround('问？答目标！完', '目标')).toBe('答目标！');
  });

  it('keeps a phrase that itself holds a stop in one piece', () => {
    expect(sentenceAround('甲。乙。丙；丁', '乙。丙')).toBe('乙。丙；');
  });

  it('uses the first occurrence of the phrase', () => {
    expect(sentenceAround('目标一。目标二。', '目标')).toBe('目标一。');
  });

  it('is null when the phrase is not in the text', () => {
    expect(sentenceAround('教师交流轮岗。', '大班额')).toBeNull();
    expect(sentenceAround('', '大班额')).toBeNull();
  });
});

describe('compareTargets', () => {
  it('puts targets of one theme, kind and unit from different documents in one group', () => {
    const result = compare([
      target({ slug: 'jiyuan', metric: '教师交流轮岗比例', comparator: '>=', value: 10, unit: '%' }),
      target({ slug: 'jingjiang', place: '靖江市', metric: '教师交流轮岗比例', comparator: '>', value: 20, unit: '%' }),
    ]);
    expect(result.groups).toHaveLength(1);
    const g = result.groups[0]!;
    expect(g).toMatchObject({ key: 'jiaoshi-jiaoliu-lungang:floor:%', theme: { slug: 'jiaoshi-jiaoliu-lungang', name: '教师交流轮岗' }, metric: null, kind: 'floor', unit: '%', documents: 2, places: 2 });
    expect(result.alone).toBe(0);
  });

  it('never puts % and 人 targets in one group', () => {
    const targets = [
      target({ slug: 'a', metric: '教师交流轮岗比例', comparator: '>=', value: 10, unit: '%' }),
      target({ slug: 'b', metric: '教师交流轮岗比例', comparator: '>=', value: 15, unit: '%' }),
      target({ slug: 'c', metric: '教师交流轮岗人数', comparator: '>=', value: 100, unit: '人' }),
      target({ slug: 'd', metric: '教师交流轮岗人数', comparator: '>=', value: 300, unit: '人' }),
    ];
    const result = compare(targets);
    expect(result.groups.map((g) => g.key)).toEqual(['jiaoshi-jiaoliu-lungang:floor:%', 'jiaoshi-jiaoliu-lungang:floor:人']);
    for (const g of result.groups) expect(new Set(g.rows.map((r) => r.unit)).size).toBe(1);
  });

  it('does not group a lone % target with a 人 target of the same theme, and counts both alone', () => {
    const result = compare([
      target({ slug: 'a', metric: '教师交流轮岗比例', comparator: '>=', value: 10, unit: '%' }),
      target({ slug: 'b', metric: '教师交流轮岗人数', comparator: '>=', value: 100, unit: '人' }),
    ]);
    expect(result.groups).toEqual([]);
    expect(result.alone).toBe(2);
  });

  it('reads full-width and padded units as the same unit', () => {
    expect(
      keys([
        target({ slug: 'a', metric: '教师交流轮岗比例', comparator: '>=', value: 10, unit: '％' }),
        target({ slug: 'b', metric: '教师交流轮岗比例', comparator: '>=', value: 15, unit: ' % ' }),
      ]),
    ).toEqual(['jiaoshi-jiaoliu-lungang:floor:%']);
  });

  it('keeps floors, ceilings and changes of one theme apart', () => {
    const targets = [
      target({ slug: 'a', metric: '大班额比例', comparator: '>=', value: 1, unit: '%' }),
      target({ slug: 'b', metric: '大班额比例', comparator: '=', value: 2, unit: '%' }),
      target({ slug: 'c', metric: '大班额比例', comparator: '<=', value: 10, unit: '%' }),
      target({ slug: 'd', metric: '大班额比例', comparator: '<', value: 5, unit: '%' }),
      target({ slug: 'e', metric: '大班额比例', comparator: 'decrease', value: 3, unit: '%' }),
      target({ slug: 'f', metric: '大班额比例', comparator: 'increase', value: 1, unit: '%' }),
    ];
    expect(keys(targets)).toEqual(['xiaochu-dabane:floor:%', 'xiaochu-dabane:ceiling:%', 'xiaochu-dabane:change:%']);
  });

  it('counts a range as a floor', () => {
    expect(
      keys([
        target({ slug: 'a', metric: '教师交流轮岗比例', comparator: 'range', value: 10, unit: '%' }),
        target({ slug: 'b', metric: '教师交流轮岗比例', comparator: '>=', value: 15, unit: '%' }),
      ]),
    ).toEqual(['jiaoshi-jiaoliu-lungang:floor:%']);
  });

  it('orders floors highest first, a missing value last', () => {
    const targets = [
      target({ slug: 'ten', metric: '教师交流轮岗比例', comparator: '>=', value: 10, unit: '%' }),
      target({ slug: 'none', metric: '教师交流轮岗比例', comparator: '>=', value: null, unit: '%' }),
      target({ slug: 'thirty', metric: '教师交流轮岗比例', comparator: '>=', value: 30, unit: '%' }),
      target({ slug: 'twenty', metric: '教师交流轮岗比例', comparator: '>=', value: 20, unit: '%' }),
    ];
    expect(rowSlugs(targets, 'jiaoshi-jiaoliu-lungang:floor:%')).toEqual(['thirty', 'twenty', 'ten', 'none']);
  });

  it('orders ceilings lowest first', () => {
    const targets = [
      target({ slug: 'ten', metric: '大班额比例', comparator: '<=', value: 10, unit: '%' }),
      target({ slug: 'five', metric: '大班额比例', comparator: '<=', value: 5, unit: '%' }),
      target({ slug: 'eight', metric: '大班额比例', comparator: '<', value: 8, unit: '%' }),
    ];
    expect(rowSlugs(targets, 'xiaochu-dabane:ceiling:%')).toEqual(['five', 'eight', 'ten']);
  });

  it('groups eliminations whatever their unit and orders them by deadline, undated last', () => {
    const targets = [
      target({ slug: 'y2025', metric: '56人及以上大班额', comparator: 'eliminate', unit: '人', year: 2025 }),
      target({ slug: 'undated', metric: '大班额', comparator: 'eliminate', unit: null, year: null }),
      target({ slug: 'y2020', metric: '超大班额', comparator: 'eliminate', unit: '个', year: 2020 }),
      target({ slug: 'y2022', metric: '大班额', comparator: 'eliminate', unit: '%', year: 2022 }),
    ];
    const result = compare(targets);
    expect(result.groups.map((g) => g.key)).toEqual(['xiaochu-dabane:eliminate:']);
    expect(result.groups[0]!.unit).toBeNull();
    expect(result.groups[0]!.rows.map((r) => r.doc.slug)).toEqual(['y2020', 'y2022', 'y2025', 'undated']);
  });

  it('orders equal requirements by deadline, then place, then newest document first', () => {
    const targets = [
      target({ slug: 'b-2019', place: '靖江市', docYear: 2019, metric: '教师交流轮岗比例', comparator: '>=', value: 10, unit: '%' }),
      target({ slug: 'a-2018', place: '济源市', docYear: 2018, metric: '教师交流轮岗比例', comparator: '>=', value: 10, unit: '%' }),
      target({ slug: 'a-2021', place: '济源市', docYear: 2021, metric: '教师交流轮岗比例', comparator: '>=', value: 10, unit: '%' }),
      target({ slug: 'dated', place: '靖江市', metric: '教师交流轮岗比例', comparator: '>=', value: 10, unit: '%', year: 2025 }),
    ];
    // Places compare by code point: 济 (U+6D4E) before 靖 (U+9756).
    expect(rowSlugs(targets, 'jiaoshi-jiaoliu-lungang:floor:%')).toEqual(['dated', 'a-2021', 'a-2018', 'b-2019']);
  });

  it('shows no group of one target and counts such targets alone', () => {
    const result = compare([
      target({ slug: 'a', metric: '教师交流轮岗比例', comparator: '>=', value: 10, unit: '%' }),
      target({ slug: 'b', metric: '教师交流轮岗比例', comparator: '>=', value: 20, unit: '%' }),
      target({ slug: 'c', metric: '学前三年毛入园率', comparator: '>=', value: 90, unit: '%' }),
      target({ slug: 'd', metric: '56人及以上大班额', comparator: 'eliminate', year: 2025 }),
    ]);
    expect(result.groups.map((g) => g.key)).toEqual(['jiaoshi-jiaoliu-lungang:floor:%']);
    expect(result.alone).toBe(2);
  });

  it('puts a target naming two themes in both groups and does not count it alone when one is shown', () => {
    // 随迁子女入学比例 names 招生入学 (入学) and 随迁子女.
    const both = target({ slug: 'a', metric: '随迁子女入学比例', comparator: '>=', value: 85, unit: '%' });
    const other = target({ slug: 'b', metric: '随迁子女入学比例', comparator: '>=', value: 90, unit: '%' });
    expect(compare([both, other]).groups.map((g) => g.key)).toEqual(['zhaosheng-ruxue:floor:%', 'suiqian-zinv:floor:%']);
    const admission = target({ slug: 'c', metric: '划片招生比例', comparator: '>=', value: 99, unit: '%' });
    const result = compare([both, admission]);
    expect(result.groups.map((g) => g.key)).toEqual(['zhaosheng-ruxue:floor:%']);
    expect(result.alone).toBe(0);
  });

  it('finds the theme in the target’s text when its metric names none', () => {
    expect(
      keys([
        target({ slug: 'a', metric: '比例', text: '校长教师交流轮岗比例不低于10%', comparator: '>=', value: 10, unit: '%' }),
        target({ slug: 'b', metric: '教师交流轮岗比例', comparator: '>=', value: 15, unit: '%' }),
      ]),
    ).toEqual(['jiaoshi-jiaoliu-lungang:floor:%']);
  });

  it('finds the theme in the target’s own sentence of the measure, not in the rest of the measure', () => {
    const measureText = '推进教育信息化建设，学校宽带接入率达到100%。组织实施校长教师轮岗交流，交流比例不低于20%。';
    const rotation = target({ slug: 'a', metric: '比例', text: '交流比例不低于20%', comparator: '>=', value: 20, unit: '%', measureText });
    const other = target({ slug: 'b', metric: '教师交流轮岗比例', comparator: '>=', value: 10, unit: '%' });
    const result = compare([rotation, other]);
    expect(result.groups.map((g) => g.key)).toEqual(['jiaoshi-jiaoliu-lungang:floor:%']);
    const broadband = target({ slug: 'c', metric: '宽带接入率', text: '学校宽带接入率达到100%', comparator: '>=', value: 100, unit: '%', measureText });
    const net = target({ slug: 'd', metric: '教育信息化覆盖率', comparator: '>=', value: 90, unit: '%' });
    const split = compare([broadband, net, rotation, other]);
    expect(split.groups.map((g) => [g.key, g.rows.map((r) => r.doc.slug)])).toEqual([
      ['jiaoshi-jiaoliu-lungang:floor:%', ['a', 'b']],
      ['jiaoyu-xinxihua:floor:%', ['c', 'd']],
    ]);
  });

  it('looks no further than the metric when the metric names a theme', () => {
    const stub = (text: string): string[] => (text === 'M' ? ['jiaoshi-jiaoliu-lungang'] : text === 'T' ? ['xiaochu-dabane'] : []);
    const result = compareTargets(
      [target({ slug: 'a', metric: 'M', text: 'T', comparator: '>=', value: 1, unit: '%' }), target({ slug: 'b', metric: 'M', text: 'T', comparator: '>=', value: 2, unit: '%' })],
      stub,
      THEME_ORDER,
    );
    expect(result.groups.map((g) => g.key)).toEqual(['jiaoshi-jiaoliu-lungang:floor:%']);
  });

  it('groups targets with no theme by their metric with punctuation, spaces and width removed', () => {
    const result = compare([
      target({ slug: 'a', metric: '普通话普及率', comparator: '>=', value: 80, unit: '%' }),
      target({ slug: 'b', metric: '普通话 普及率。', comparator: '>=', value: 85, unit: '%' }),
      target({ slug: 'c', metric: '图书册数', comparator: '>=', value: 30, unit: '册' }),
    ]);
    expect(result.groups).toHaveLength(1);
    const g = result.groups[0]!;
    expect(g).toMatchObject({ key: '=普通话普及率:floor:%', theme: null, metric: '普通话普及率', kind: 'floor', unit: '%' });
    expect(g.rows.map((r) => r.doc.slug)).toEqual(['b', 'a']);
    expect(result.alone).toBe(1);
  });

  it('does not group theme-less targets whose metrics differ', () => {
    const result = compare([
      target({ slug: 'a', metric: '普通话普及率', comparator: '>=', value: 80, unit: '%' }),
      target({ slug: 'b', metric: '宽带接入率', comparator: '>=', value: 100, unit: '%' }),
    ]);
    expect(result.groups).toEqual([]);
    expect(result.alone).toBe(2);
  });

  it('treats theme slugs outside the theme order as no theme', () => {
    const stub = (): string[] => ['not-a-theme'];
    const result = compareTargets(
      [target({ slug: 'a', metric: '某指标', comparator: '>=', value: 1, unit: '项' }), target({ slug: 'b', metric: '某指标', comparator: '>=', value: 2, unit: '项' })],
      stub,
      THEME_ORDER,
    );
    expect(result.groups.map((g) => [g.key, g.theme])).toEqual([['=某指标:floor:项', null]]);
  });

  it('sorts groups by vocabulary order, then metric groups, then kind and unit', () => {
    const result = compare([
      target({ slug: 'a', metric: '普通话普及率', comparator: '>=', value: 80, unit: '%' }),
      target({ slug: 'b', metric: '普通话普及率', comparator: '>=', value: 85, unit: '%' }),
      target({ slug: 'c', metric: '教师交流轮岗比例', comparator: '<=', value: 30, unit: '%' }),
      target({ slug: 'd', metric: '教师交流轮岗比例', comparator: '<=', value: 40, unit: '%' }),
      target({ slug: 'e', metric: '教师交流轮岗比例', comparator: '>=', value: 10, unit: '%' }),
      target({ slug: 'f', metric: '教师交流轮岗比例', comparator: '>=', value: 15, unit: '%' }),
      target({ slug: 'g', metric: '大班额', comparator: 'eliminate', year: 2020 }),
      target({ slug: 'h', metric: '大班额', comparator: 'eliminate', year: 2022 }),
    ]);
    expect(result.groups.map((g) => g.key)).toEqual([
      'xiaochu-dabane:eliminate:',
      'jiaoshi-jiaoliu-lungang:floor:%',
      'jiaoshi-jiaoliu-lungang:ceiling:%',
      '=普通话普及率:floor:%',
    ]);
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

  it('returns nothing for no targets', () => {
    expect(compare([])).toEqual({ groups: [], alone: 0 });
  });
});

describe('groupLabel', () => {
  it('names the theme, the kind and the unit', () => {
    expect(groupLabel({ theme: { slug: 'jiaoshi-jiaoliu-lungang', name: '教师交流轮岗' }, metric: null, kind: 'floor', unit: '%' })).toBe('教师交流轮岗 · 不低于（下限） · %');
  });

  it('leaves out a missing unit', () => {
    expect(groupLabel({ theme: { slug: 'xiaochu-dabane', name: '消除大班额' }, metric: null, kind: 'eliminate', unit: null })).toBe('消除大班额 · 消除期限');
  });

  it('names the metric of a group without a theme', () => {
    expect(groupLabel({ theme: null, metric: '普通话普及率', kind: 'ceiling', unit: '%' })).toBe('普通话普及率 · 不高于（上限） · %');
    expect(groupLabel({ theme: null, metric: null, kind: 'change', unit: null })).toBe(KIND_LABELS.change);
  });

  it('labels the groups compareTargets makes', () => {
    const result = compare([
      target({ slug: 'a', metric: '大班额', comparator: 'eliminate', year: 2020 }),
      target({ slug: 'b', metric: '大班额', comparator: 'eliminate', year: 2022 }),
    ]);
    expect(result.groups.map(groupLabel)).toEqual(['消除大班额 · 消除期限']);
  });
});
