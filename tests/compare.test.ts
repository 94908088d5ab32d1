import { describe, expect, it } from 'vitest';
import {
  alignByTheme,
  cellText,
  comparisonExport,
  comparisonFileName,
  comparisonRows,
  docLabel,
  filterPicker,
  MAX_DOCS,
  metaOf,
  NOT_COVERED,
  parseCompareState,
  serializeCompareState,
  shortLabels,
  UNTHEMED_LABEL,
  visibleRows,
  type CompareDoc,
  type CompareMeasure,
  type CompareTarget,
  type PickerDoc,
  type ThemeRef,
} from '../src/compare/compare.ts';

const theme = (slug: string, name: string): ThemeRef => ({ slug, name, url: `/goals/${slug}/` });
const THEMES: ThemeRef[] = [
  theme('xiaochu-dabane', '消除大班额'),
  theme('jiaoshi-jiaoliu-lungang', '教师交流轮岗'),
  theme('kehou-fuwu', '课后服务'),
  theme('teshu-jiaoyu', '特殊教育'),
];

/** A target whose measured quantity is its metric; `scale` is its unit and direction. */
function target(metric: string, short: string, year: number | null = null, scale = '%|floor', anchor = 'target-1'): CompareTarget {
  return { metric, requirement: short, short, quantity: metric, scale, year, anchor };
}

function measure(id: string, title: string, targets: CompareTarget[] = [], units: string[] = [], number = `${id.slice(1)}.`): CompareMeasure {
  return { id, number, title, units, targets };
}

function doc(slug: string, over: Partial<CompareDoc> = {}): CompareDoc {
  return {
    slug,
    title: `${slug} 文件`,
    place: '济源市',
    year: 2018,
    docType: '工作要点',
    issuer: '济源市教育局',
    url: `/policies/${slug}/`,
    measures: [],
    themes: {},
    unthemed: [],
    ...over,
  };
}

// Two plans: both on 大班额 with different deadlines, both on rotation with the same target,
// only the first on 课后服务, each with a measure outside every theme.
const jiyuan = doc('jiyuan-2018', {
  measures: [
    measure('m1', '消除大班额', [target('56人及以上大班额', '消除', 2020, '|eliminate')], ['市教育局']),
    measure('m2', '推进教师交流', [target('教师交流比例', '≥10%')], ['市教育局', '市人社局']),
    measure('m3', '做好课后服务'),
    measure('m4', '加强新闻宣传'),
  ],
  themes: { 'xiaochu-dabane': [0], 'jiaoshi-jiaoliu-lungang': [1], 'kehou-fuwu': [2] },
  unthemed: [3],
});
const jingjiang = doc('jingjiang-2023', {
  place: '靖江市',
  year: 2023,
  docType: '汇报',
  issuer: '靖江市教育局',
  measures: [
    measure('m7', '化解大班额', [target('56人及以上大班额', '消除', 2022, '|eliminate')]),
    measure('m8', '教师轮岗', [target('教师交流比例', '≥10%')]),
    measure('m9', '意识形态工作'),
  ],
  themes: { 'xiaochu-dabane': [0], 'jiaoshi-jiaoliu-lungang': [1] },
  unthemed: [2],
});

describe('alignByTheme', () => {
  const table = alignByTheme([jiyuan, jingjiang], THEMES);

  it('makes one row per theme some document covers, in vocabulary order, then the unthemed row', () => {
    expect(table.rows.map((r) => r.theme?.slug ?? null)).toEqual(['xiaochu-dabane', 'jiaoshi-jiaoliu-lungang', 'kehou-fuwu', null]);
    expect(table.rows.some((r) => r.theme?.slug === 'teshu-jiaoyu')).toBe(false);
  });

  it('puts each document’s measures for a theme in its own column', () => {
    const row = table.rows[0]!;
    expect(row.cells.map((c) => c.map((m) => m.id))).toEqual([['m1'], ['m7']]);
    expect(row.covered).toBe(2);
  });

  it('marks a theme only one document covers as a coverage difference, and says who covers it', () => {
    const row = table.rows.find((r) => r.theme?.slug === 'kehou-fuwu')!;
    expect(row.cells.map((c) => c.length)).toEqual([1, 0]);
    expect(row.covered).toBe(1);
    expect(row.difference).toBe('coverage');
    expect(row.differences).toEqual(['济源市2018年涉及，靖江市2023年未涉及']);
  });

  it('marks a theme where both set different deadlines on one quantity, and says both', () => {
    const row = table.rows.find((r) => r.theme?.slug === 'xiaochu-dabane')!;
    expect(row.difference).toBe('targets');
    expect(row.differences).toEqual(['56人及以上大班额：济源市2018年：消除（2020年） vs 靖江市2023年：消除（2022年）']);
  });

  it('does not mark a theme every document covers with the same targets', () => {
    const row = table.rows.find((r) => r.theme?.slug === 'jiaoshi-jiaoliu-lungang')!;
    expect(row.difference).toBeNull();
    expect(row.differences).toEqual([]);
  });

  it('does not mark a theme every document covers without any target', () => {
    const a = doc('a', { measures: [measure('m1', '课后服务')], themes: { 'kehou-fuwu': [0] } });
    const b = doc('b', { measures: [measure('m5', '延时服务')], themes: { 'kehou-fuwu': [0] } });
    expect(alignByTheme([a, b], THEMES).rows[0]!.difference).toBeNull();
  });

  it('does not mark a theme because one side has a target the other sets no number for', () => {
    // The 课后服务 row of 济源 2018 vs the 实施方案 was flagged for 民办义务教育在校生比例≤15% alone.
    const a = doc('a', { measures: [measure('m1', '规范办学', [target('民办义务教育在校生比例', '≤15%', null, '%|ceiling')])], themes: { 'kehou-fuwu': [0] } });
    const b = doc('b', { place: '靖江市', measures: [measure('m1', '课后服务')], themes: { 'kehou-fuwu': [0] } });
    const row = alignByTheme([a, b], THEMES).rows[0]!;
    expect(row.difference).toBeNull();
    expect(row.differences).toEqual([]);
  });

  it('does not compare targets on different quantities, even of one theme', () => {
    const a = doc('a', { measures: [measure('m1', '甲', [target('骨干教师/交流轮岗教师', '≥20%')])], themes: { 'jiaoshi-jiaoliu-lungang': [0] } });
    const b = doc('b', { place: '靖江市', measures: [measure('m1', '乙', [target('教师交流人数/应交流教职工', '≥10%')])], themes: { 'jiaoshi-jiaoliu-lungang': [0] } });
    expect(alignByTheme([a, b], THEMES).rows[0]!.difference).toBeNull();
  });

  it('marks different values on one quantity, with the deadlines where given', () => {
    const a = doc('a', { measures: [measure('m1', '甲', [target('残疾儿童少年入学率', '≥95%', 2018)])], themes: { 'teshu-jiaoyu': [0] } });
    const b = doc('b', { place: '福建省', year: null, measures: [measure('m1', '乙', [target('残疾儿童少年入学率', '≥99%')])], themes: { 'teshu-jiaoyu': [0] } });
    const row = alignByTheme([a, b], THEMES).rows[0]!;
    expect(row.difference).toBe('targets');
    expect(row.differences).toEqual(['残疾儿童少年入学率：济源市2018年：≥95%（2018年） vs 福建省：≥99%']);
  });

  it('marks one quantity in different units or directions: one side has a target the other lacks', () => {
    const a = doc('a', { measures: [measure('m1', '甲', [target('教师交流', '≥10%', null, '%|floor')])], themes: { 'jiaoshi-jiaoliu-lungang': [0] } });
    const b = doc('b', { place: '靖江市', measures: [measure('m1', '乙', [target('教师交流', '≥100人', null, '人|floor')])], themes: { 'jiaoshi-jiaoliu-lungang': [0] } });
    const row = alignByTheme([a, b], THEMES).rows[0]!;
    expect(row.difference).toBe('targets');
    expect(row.differences).toEqual(['教师交流：济源市2018年：≥10% vs 靖江市2018年：≥100人']);
  });

  it('compares only the documents that set a target on the quantity, among three', () => {
    const t = (v: string) => [measure('m1', '甲', [target('巩固率', v)])];
    const a = doc('a', { measures: t('≥95%'), themes: { 'teshu-jiaoyu': [0] } });
    const b = doc('b', { place: '靖江市', measures: [measure('m1', '乙')], themes: { 'teshu-jiaoyu': [0] } });
    const c = doc('c', { place: '泉州市', measures: t('≥97%'), themes: { 'teshu-jiaoyu': [0] } });
    expect(alignByTheme([a, b, c], THEMES).rows[0]!.differences).toEqual(['巩固率：济源市2018年：≥95% vs 泉州市2018年：≥97%']);
  });

  it('compares the targets of a cell as a set, whichever of its measures holds them', () => {
    const t1 = target('教师交流比例', '≥10%');
    const t2 = target('骨干教师交流比例', '≥20%', 2025);
    const a = doc('a', { measures: [measure('m1', '甲', [t1, t2])], themes: { 'jiaoshi-jiaoliu-lungang': [0] } });
    const b = doc('b', { measures: [measure('m1', '乙', [t2]), measure('m2', '丙', [t1])], themes: { 'jiaoshi-jiaoliu-lungang': [0, 1] } });
    expect(alignByTheme([a, b], THEMES).rows[0]!.difference).toBeNull();
  });

  it('sees a changed deadline as a different target', () => {
    const a = doc('a', { measures: [measure('m1', '甲', [target('大班额', '消除', 2020, '|eliminate')])], themes: { 'xiaochu-dabane': [0] } });
    const b = doc('b', { measures: [measure('m1', '乙', [target('大班额', '消除', null, '|eliminate')])], themes: { 'xiaochu-dabane': [0] } });
    expect(alignByTheme([a, b], THEMES).rows[0]!.difference).toBe('targets');
  });

  it('ends with a row of the measures that serve no theme, with theme null', () => {
    const row = table.rows.at(-1)!;
    expect(row.theme).toBeNull();
    expect(row.cells.map((c) => c.map((m) => m.id))).toEqual([['m4'], ['m9']]);
    expect(row.difference).toBeNull();
  });

  it('never marks the unthemed row: its measures share no subject', () => {
    const b = { ...jingjiang, unthemed: [] };
    const row = alignByTheme([jiyuan, b], THEMES).rows.at(-1)!;
    expect(row.theme).toBeNull();
    expect(row.difference).toBeNull();
  });

  it('leaves the unthemed row out when every measure serves a theme', () => {
    const a = { ...jiyuan, unthemed: [] };
    const b = { ...jingjiang, unthemed: [] };
    expect(alignByTheme([a, b], THEMES).rows.every((r) => r.theme !== null)).toBe(true);
  });

  it('skips measure positions that are not in the document', () => {
    const a = doc('a', { measures: [measure('m1', '甲')], themes: { 'kehou-fuwu': [0, 5] }, unthemed: [9] });
    const rows = alignByTheme([a, a], THEMES).rows;
    expect(rows).toHaveLength(1);
    expect(rows[0]!.cells).toEqual([[a.measures[0]], [a.measures[0]]]);
  });

  it('gives the columns the documents’ facts without their measures', () => {
    expect(table.docs).toEqual([
      { slug: 'jiyuan-2018', title: 'jiyuan-2018 文件', place: '济源市', year: 2018, docType: '工作要点', issuer: '济源市教育局', url: '/policies/jiyuan-2018/' },
      metaOf(jingjiang),
    ]);
    expect(Object.keys(table.docs[1]!).sort()).toEqual(['docType', 'issuer', 'place', 'slug', 'title', 'url', 'year']);
  });
});

describe('docLabel', () => {
  it('joins place, year and type', () => {
    expect(docLabel({ place: '济源市', year: 2018, docType: '工作要点' })).toBe('济源市 · 2018年 · 工作要点');
  });

  it('says the year is not given when it is unknown', () => {
    expect(docLabel({ place: '未注明', year: null, docType: '实施方案' })).toBe('未注明 · 年份未注明 · 实施方案');
  });
});

describe('cellText', () => {
  it('says 未涉及 for an empty cell', () => {
    expect(cellText([])).toBe(NOT_COVERED);
    expect(NOT_COVERED).toBe('未涉及');
  });

  it('writes each measure on a line with its targets and units indented below', () => {
    const text = cellText([
      measure('m1', '消除大班额', [target('56人及以上大班额', '全面消除', 2020), target('大班额比例', '不高于 5%')], ['市教育局', '市发改委']),
      measure('m2', '规范招生', [], [], '(二)'),
    ]);
    expect(text).toBe(
      ['1. 消除大班额', '  指标：56人及以上大班额 全面消除（2020年）', '  指标：大班额比例 不高于 5%', '  责任单位：市教育局、市发改委', '(二) 规范招生'].join('\n'),
    );
  });

  it('does not start a line with a space when the measure has no number', () => {
    expect(cellText([measure('m1', '加强党建', [], [], '')])).toBe('加强党建');
  });
});

describe('comparisonRows', () => {
  const table = alignByTheme([jiyuan, jingjiang], THEMES);
  const rows = comparisonRows(table, 'https://kb.example');

  it('says first which rows it holds, then a header of document labels and titles and a row of absolute links', () => {
    expect(rows[0]!.slice(0, 2)).toEqual(['视图', '全部主题行：4 行']);
    expect(rows[1]).toEqual(['主题', '济源市 · 2018年 · 工作要点\njiyuan-2018 文件', '靖江市 · 2023年 · 汇报\njingjiang-2023 文件', '差异', '差异说明']);
    expect(rows[2]).toEqual(['文件链接', 'https://kb.example/policies/jiyuan-2018/', 'https://kb.example/policies/jingjiang-2023/', '', '']);
  });

  it('writes one row per theme with its cells, why it differs and what differs', () => {
    expect(rows.slice(3).map((r) => [r[0], r.at(-2), r.at(-1)])).toEqual([
      ['消除大班额', '指标要求不同', '56人及以上大班额：济源市2018年：消除（2020年） vs 靖江市2023年：消除（2022年）'],
      ['教师交流轮岗', '', ''],
      ['课后服务', '仅部分文件涉及', '济源市2018年涉及，靖江市2023年未涉及'],
      [UNTHEMED_LABEL, '', ''],
    ]);
    const kehou = rows.find((r) => r[0] === '课后服务')!;
    expect(kehou.slice(1, 3)).toEqual(['3. 做好课后服务', '未涉及']);
  });

  it('holds only the differences in the 只看差异 view, and says so', () => {
    const diff = comparisonRows(table, 'https://kb.example', true);
    expect(diff[0]![1]).toBe('只看差异：4 个主题行中存在差异的 2 行');
    expect(diff.slice(3).map((r) => r[0])).toEqual(['消除大班额', '课后服务']);
  });

  it('gives every row one cell per document plus the theme, difference and explanation columns', () => {
    for (const r of [...rows, ...comparisonRows(table, '', true)]) expect(r).toHaveLength(5);
  });
});

describe('visibleRows', () => {
  it('shows every row, or only those with a difference', () => {
    const table = alignByTheme([jiyuan, jingjiang], THEMES);
    expect(visibleRows(table, false)).toBe(table.rows);
    expect(visibleRows(table, true).map((r) => r.theme?.slug)).toEqual(['xiaochu-dabane', 'kehou-fuwu']);
  });
});

describe('shortLabels', () => {
  it('names a column by place and year, adding the type, then the column, where two would read the same', () => {
    expect(
      shortLabels([
        { place: '济源市', year: 2018, docType: '工作要点' },
        { place: '济源市', year: 2018, docType: '实施方案' },
        { place: '未注明', year: null, docType: '汇报' },
        { place: '未注明', year: null, docType: '汇报' },
      ]),
    ).toEqual(['济源市2018年工作要点', '济源市2018年实施方案', '未注明汇报（第3列）', '未注明汇报（第4列）']);
  });
});

describe('comparisonExport', () => {
  const table = alignByTheme([jiyuan, jingjiang], THEMES);
  const exported = comparisonExport(table, 'https://kb.example');

  it('gives each document an absolute link to its page, and says the view', () => {
    expect(exported).toMatchObject({ version: 2, view: 'all', viewLabel: '全部主题行：4 行', totalRows: 4 });
    expect(exported.docs.map((d) => d.href)).toEqual(['https://kb.example/policies/jiyuan-2018/', 'https://kb.example/policies/jingjiang-2023/']);
    expect(exported.docs[0]!.url).toBe('/policies/jiyuan-2018/');
  });

  it('links each measure to its anchor on the page of its own column’s document', () => {
    const row = exported.rows[0]!;
    expect(row.theme).toEqual(THEMES[0]);
    expect(row.difference).toBe('targets');
    expect(row.differences).toHaveLength(1);
    expect(row.cells[0]!.map((m) => m.href)).toEqual(['https://kb.example/policies/jiyuan-2018/#m1']);
    expect(row.cells[1]!.map((m) => m.href)).toEqual(['https://kb.example/policies/jingjiang-2023/#m7']);
    expect(row.cells[0]![0]!.targets).toEqual(jiyuan.measures[0]!.targets);
  });

  it('keeps empty cells and the unthemed row', () => {
    const kehou = exported.rows.find((r) => r.theme?.slug === 'kehou-fuwu')!;
    expect(kehou.cells[1]).toEqual([]);
    expect(exported.rows.at(-1)!.theme).toBeNull();
  });

  it('holds only the differences in the 只看差异 view', () => {
    const diff = comparisonExport(table, 'https://kb.example', true);
    expect(diff).toMatchObject({ view: 'differences', totalRows: 4 });
    expect(diff.rows.map((r) => r.theme?.slug)).toEqual(['xiaochu-dabane', 'kehou-fuwu']);
  });

  it('is plain JSON that survives a round trip', () => {
    expect(JSON.parse(JSON.stringify(exported))).toEqual(exported);
  });
});

describe('comparisonFileName', () => {
  it('names the places and years of the documents', () => {
    expect(
      comparisonFileName([
        { place: '济源市', year: 2018 },
        { place: '靖江市', year: 2023 },
      ]),
    ).toBe('对标分析-济源市2018-靖江市2023');
  });

  it('leaves out an unknown year', () => {
    expect(comparisonFileName([{ place: '未注明', year: null }, { place: '靖江市', year: 2023 }])).toBe('对标分析-未注明-靖江市2023');
  });

  it('strips characters a file name cannot hold, and spaces', () => {
    const name = comparisonFileName([{ place: 'A/B\\C:D*E?F"G<H>I|J K\tL', year: 2020 }]);
    expect(name).toBe('对标分析-ABCDEFGHIJKL2020');
    expect(name).not.toMatch(/[\\/:*?"<>|\s]/u);
  });
});

describe('filterPicker', () => {
  const docs: PickerDoc[] = [
    { slug: 'a', title: 'A', place: '济源市', year: 2018, docType: '工作要点' },
    { slug: 'b', title: 'B', place: '济源市', year: 2019, docType: '工作要点' },
    { slug: 'c', title: 'C', place: '靖江市', year: 2018, docType: '汇报' },
    { slug: 'd', title: 'D', place: '未注明', year: null, docType: '实施方案' },
  ];
  const slugs = (f: Parameters<typeof filterPicker>[1]): string[] => filterPicker(docs, f).map((d) => d.slug);

  it('passes every document when no filter is set', () => {
    expect(slugs({ place: null, year: null, type: null })).toEqual(['a', 'b', 'c', 'd']);
  });

  it('filters by place, by year as text and by type, together', () => {
    expect(slugs({ place: '济源市', year: null, type: null })).toEqual(['a', 'b']);
    expect(slugs({ place: null, year: '2018', type: null })).toEqual(['a', 'c']);
    expect(slugs({ place: null, year: null, type: '汇报' })).toEqual(['c']);
    expect(slugs({ place: '济源市', year: '2018', type: '工作要点' })).toEqual(['a']);
    expect(slugs({ place: '靖江市', year: '2019', type: null })).toEqual([]);
  });

  it('matches documents without a year with the year 未注明', () => {
    expect(slugs({ place: null, year: '未注明', type: null })).toEqual(['d']);
  });

  it('does not take a numeric-looking year for another', () => {
    expect(slugs({ place: null, year: '18', type: null })).toEqual([]);
  });
});

describe('parseCompareState', () => {
  it('reads the slugs in order and the differences-only flag', () => {
    expect(parseCompareState('?docs=jiyuan-2018,jingjiang-2023&diff=1')).toEqual({ docs: ['jiyuan-2018', 'jingjiang-2023'], diffOnly: true });
  });

  it('accepts a query without its question mark', () => {
    expect(parseCompareState('docs=a,b')).toEqual({ docs: ['a', 'b'], diffOnly: false });
  });

  it('drops repeated slugs, keeping the first place', () => {
    expect(parseCompareState('?docs=b,a,b,a').docs).toEqual(['b', 'a']);
  });

  it('drops malformed slugs', () => {
    expect(parseCompareState('?docs=Abc,a--b,-a,b-,../x,%E6%B5%8E%E6%BA%90,,a_b,ok-1').docs).toEqual(['ok-1']);
  });

  it('trims spaces around slugs', () => {
    expect(parseCompareState('?docs=+a+,%20b').docs).toEqual(['a', 'b']);
  });

  it('keeps at most four documents, counting after repeats are removed', () => {
    expect(MAX_DOCS).toBe(4);
    expect(parseCompareState('?docs=a,a,b,c,d,e,f').docs).toEqual(['a', 'b', 'c', 'd']);
  });

  it('joins several docs parameters', () => {
    expect(parseCompareState('?docs=a&docs=b,c').docs).toEqual(['a', 'b', 'c']);
  });

  it('shows only differences for diff=1 and nothing else', () => {
    expect(parseCompareState('?diff=1').diffOnly).toBe(true);
    expect(parseCompareState('?diff=true').diffOnly).toBe(false);
    expect(parseCompareState('?diff=0').diffOnly).toBe(false);
    expect(parseCompareState('').diffOnly).toBe(false);
  });

  it('reads an empty query as no documents', () => {
    expect(parseCompareState('')).toEqual({ docs: [], diffOnly: false });
  });
});

describe('serializeCompareState', () => {
  it('writes the slugs with plain commas and the flag', () => {
    expect(serializeCompareState({ docs: ['a', 'b-2'], diffOnly: true })).toBe('?docs=a,b-2&diff=1');
    expect(serializeCompareState({ docs: ['a'], diffOnly: false })).toBe('?docs=a');
    expect(serializeCompareState({ docs: [], diffOnly: true })).toBe('?diff=1');
  });

  it('writes nothing for an empty state', () => {
    expect(serializeCompareState({ docs: [], diffOnly: false })).toBe('');
  });

  it('round-trips through parseCompareState', () => {
    for (const state of [
      { docs: ['jiyuan-2018', 'jingjiang-2023', 'tongchou-2024', 'x1'], diffOnly: true },
      { docs: ['a', 'b'], diffOnly: false },
      { docs: [], diffOnly: true },
      { docs: [], diffOnly: false },
    ]) {
      expect(parseCompareState(serializeCompareState(state))).toEqual(state);
    }
  });

  it('normalises a messy query: parse then serialize gives the clean form', () => {
    expect(serializeCompareState(parseCompareState('?docs=a,,A,a,b&diff=1&x=2'))).toBe('?docs=a,b&diff=1');
  });
});
