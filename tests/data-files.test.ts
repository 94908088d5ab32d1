import { describe, expect, it } from 'vitest';
import { buildComparisons } from '../src/data-api/comparison-data.ts';
import { BOM, parseCsv } from '../src/format/csv.ts';
import { apiIndexFile, changesFile, listFile, policyFile, themeFile, JSON_TYPE } from '../src/data-api/data-files.ts';
import type { PolicyDoc } from '../src/index/documents.ts';
import { buildSiteIndex } from '../src/index/site-index.ts';
import { loadSiteVocabulary } from '../src/astro/vocab.ts';
import { FIXTURE_POLICIES, loadPolicies } from './support/fixtures.ts';

const ORIGIN = 'https://kb.example';
const vocab = loadSiteVocabulary();
const contextOf = (docs: PolicyDoc[]) => {
  const site = buildSiteIndex(docs, vocab);
  const comparisons = buildComparisons(site, { themes: vocab.themes.themes });
  return { site, comparisons, origin: ORIGIN, bodyOf: vocab.bodyOf };
};
const samples = contextOf(loadPolicies('content/policies'));
const fixtures = contextOf(loadPolicies(FIXTURE_POLICIES));
const JIYUAN = 'jiyuan-2018-jiaoyuju-gongzuo-yaodian';

/** A CSV file as records keyed by its header row. */
function records(body: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(body);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

describe('whole-base lists', () => {
  it('lists every citation of the samples: citing document, cited title, 文号, relation, place, year', () => {
    const data = JSON.parse(listFile(samples, 'references', 'json').body) as { count: number; items: { doc: string; citedTitle: string; relation: string; place: string; level: string | null; citedUrl: string }[] };
    const cited = samples.site.references.cited.reduce((n, c) => n + c.citations.length, 0);
    expect(data.count).toBe(cited);
    expect(data.items).toContainEqual(expect.objectContaining({
      doc: JIYUAN, citedTitle: '济源市消除大班额专项规划(2016-2020年)', relation: '落实', place: '济源市', level: '市',
    }));
    expect(data.items.find((r) => r.citedTitle === '深化新时代教育评价改革总体方案')?.relation).toBe('落实');
    const rows = records(listFile(samples, 'references', 'csv').body);
    expect(rows).toHaveLength(cited);
    expect(rows.find((r) => r['被引文件'] === '关于推动泰州教育高质量发展行动方案(2023-2025)')).toMatchObject({ 地区: '靖江市', 关系: '落实', 被引文件层级: '市' });
  });

  it('writes the documents as CSV that Excel reads as UTF-8, one row per document', () => {
    const file = listFile(samples, 'documents', 'csv');
    expect(file.type).toBe('text/csv; charset=utf-8');
    expect(file.body.startsWith(BOM)).toBe(true);
    const rows = records(file.body);
    expect(rows).toHaveLength(5);
    const jiyuan = rows.find((r) => r['标识'] === JIYUAN)!;
    expect(jiyuan).toMatchObject({ 标题: '济源市教育局2018年工作要点', 文号: '济教〔2018〕1号', 措施数: '36', 链接: `${ORIGIN}/policies/${JIYUAN}/` });
    // Unknown facts stay empty, never guessed.
    const speech = rows.find((r) => r['标识'] === '2023-jiaoyuju-dangzu-shuji-juchang-zai-jiaoyu')!;
    expect(speech['城市']).toBe('');
  });

  it('gives every measure of the base in JSON with a link to its anchor', () => {
    const data = JSON.parse(listFile(samples, 'measures', 'json').body) as { version: number; count: number; items: { doc: string; id: string; url: string; units: string[] }[] };
    expect(data.version).toBe(1);
    expect(data.count).toBe(samples.site.stats.measures);
    const m1 = data.items.find((m) => m.doc === 'tongchou-tuijin-yiwu-jiaoyu-youzhi-junheng' && m.id === 'm1')!;
    expect(m1.url).toBe(`${ORIGIN}/policies/tongchou-tuijin-yiwu-jiaoyu-youzhi-junheng/#m1`);
    expect(m1.units.length).toBeGreaterThan(0);
  });

  it('lists the targets and the comparable target groups with the same figures', () => {
    const targets = records(listFile(samples, 'targets', 'csv').body);
    expect(targets).toHaveLength(samples.site.stats.targets);
    const groups = JSON.parse(listFile(samples, 'target-groups', 'json').body) as { count: number; groups: number; alone: number; items: { group: string | null; doc: string; index: number; label: string; value: number | null }[] };
    // Every target once: in its group, or standing alone.
    expect(groups.count).toBe(samples.site.stats.targets);
    expect(new Set(groups.items.map((i) => `${i.doc}#${i.index}`)).size).toBe(samples.site.stats.targets);
    expect(groups.items.filter((i) => i.group === null)).toHaveLength(groups.alone);
    expect(new Set(groups.items.flatMap((i) => (i.group === null ? [] : [i.group]))).size).toBe(groups.groups);
    expect(groups.items.some((i) => i.label === '残疾儿童少年入学率 · 不低于（下限） · %' && i.value === 99)).toBe(true);
    expect(groups.items.find((i) => i.value === 20 && i.doc === 'tongchou-tuijin-yiwu-jiaoyu-youzhi-junheng')?.label).toBe('无同类可比');
  });
});

describe('one document', () => {
  it('exports its goals, measures with their text, targets and units', () => {
    const data = JSON.parse(policyFile(samples, JIYUAN, 'json').body) as {
      document: { title: string; issuer: string; previous: string | null };
      goals: { id: string; measures: string[] }[];
      measures: { id: string; text: string }[];
      targets: { measure: string | null; url: string }[];
      units: { name: string; roleName: string }[];
    };
    expect(data.document).toMatchObject({ title: '济源市教育局2018年工作要点', issuer: '济源市教育局', previous: null });
    expect(data.goals).toHaveLength(8);
    expect(data.measures).toHaveLength(36);
    expect(data.measures.find((m) => m.id === 'm23')!.text).toContain('10%');
    expect(data.measures.every((m) => !/^责任单位/mu.test(m.text))).toBe(true);
    expect(data.targets.find((t) => t.measure === 'm23')!.url).toBe(`${ORIGIN}/policies/${JIYUAN}/#target-2`);
  });

  it('names for each unit the body it stands for and links that body’s page', () => {
    const data = JSON.parse(policyFile(samples, 'tongchou-tuijin-yiwu-jiaoyu-youzhi-junheng', 'json').body) as { units: { name: string; body: string; roleName: string; url: string }[] };
    // The 实施方案 names no city: its 市教育局 is its own, on a page of that document's body.
    expect(data.units.find((u) => u.name === '市教育局')).toEqual({
      name: '市教育局',
      body: '市教育局',
      roleName: '市教育局',
      url: `${ORIGIN}/units/shi-jiaoyuju-tongchou-tuijin-yiwu-jiaoyu-youzhi-junheng/`,
    });
  });

  it('writes its measures as CSV with the text in a quoted field that keeps its line breaks', () => {
    const body = policyFile(samples, 'tongchou-tuijin-yiwu-jiaoyu-youzhi-junheng', 'csv').body;
    const rows = records(body);
    expect(rows).toHaveLength(samples.site.policies.get('tongchou-tuijin-yiwu-jiaoyu-youzhi-junheng')!.doc.data.measures.length);
    expect(rows[0]!['责任单位']).toContain('、');
    const multiLine = rows.find((r) => r['内容']!.includes('\n'));
    if (multiLine) expect(body).toContain(`"${multiLine['内容']!.replace(/"/gu, '""')}"`);
  });

  it('names the document it cannot find', () => {
    expect(() => policyFile(samples, 'no-such-doc', 'json')).toThrow('no-such-doc');
  });
});

describe('themes and changes', () => {
  it('lists a theme’s measures by place and year', () => {
    const rows = records(themeFile(samples, 'jiaoshi-jiaoliu-lungang', 'csv').body);
    expect(new Set(rows.map((r) => r['地区']))).toEqual(new Set(['济源市', '福建省', '靖江市', '未注明']));
    expect(rows.some((r) => r['量化指标']!.includes('不低于 10%'))).toBe(true);
  });

  it('writes a year-over-year comparison with the dropped measures last', () => {
    const rows = records(changesFile(fixtures, 'quanzhou-2023-jiaoyu-gongzuo-yaodian', 'csv').body);
    expect(rows.map((r) => r['状态'])).toEqual(['新增', '新增', '新增', '不再提及']);
    expect(rows.at(-1)!['上一文件措施']).toBe('加强学生心理健康教育');
    const json = JSON.parse(changesFile(fixtures, 'quanzhou-2023-jiaoyu-gongzuo-yaodian', 'json').body) as { previous: string; counts: Record<string, number> };
    expect(json).toMatchObject({ previous: 'quanzhou-2021-jiaoyu-gongzuo-yaodian', counts: { new: 3, dropped: 1 } });
  });
});

describe('/data/index.json', () => {
  it('links every list, document and theme in both formats', () => {
    const file = apiIndexFile(fixtures);
    expect(file.type).toBe(JSON_TYPE);
    const index = JSON.parse(file.body) as { lists: Record<string, { csv: string }>; policies: { slug: string; json: string }[]; changes: { doc: string }[] };
    expect(Object.keys(index.lists)).toEqual(['documents', 'measures', 'goals', 'targets', 'units', 'target-groups', 'references']);
    expect(index.lists.units!.csv).toBe(`${ORIGIN}/data/units.csv`);
    expect(index.policies).toHaveLength(4);
    expect(index.changes.map((c) => c.doc)).toEqual(['quanzhou-2023-jiaoyu-gongzuo-yaodian']);
  });
});
