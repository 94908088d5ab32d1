/**
 * The reference index: cited documents, their level, their match in the base, the measures
 * that carry them out, and the chain national → province → city → county, walked both ways.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lineage, levelOf, type LineageNode } from '../src/index/reference-index.ts';
import { buildSiteIndex } from '../src/index/site-index.ts';
import { loadSiteVocabulary } from '../src/astro/vocab.ts';
import { loadPolicies } from './support/fixtures.ts';
import { NATIONAL_TITLE, writeChain } from './support/lineage-chain.ts';

const vocab = loadSiteVocabulary();
const tmp = mkdtempSync(join(tmpdir(), 'lineage-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const docs = loadPolicies(writeChain(join(tmp, 'policies')));
const site = buildSiteIndex(docs, vocab);
const refs = site.references;
const bySlugTitle = (title: string) => refs.cited.find((c) => c.title === title || c.otherTitles.includes(title));

const flatten = (nodes: LineageNode[]): string[][] =>
  nodes.flatMap((n) => (n.children.length === 0 ? [[n.slug]] : flatten(n.children).map((p) => [n.slug, ...p])));

describe('buildReferenceIndex on a crafted three-level chain', () => {
  it('makes one cited document per document cited, whatever the spelling', () => {
    expect(refs.cited.map((c) => c.title).sort()).toEqual([NATIONAL_TITLE, '江苏省中小学心理健康教育提升行动方案', '泰州市中小學心理健康教育實施方案'].sort());
  });

  it('matches a cited document to the base by 文号 first, then by title (traditional spelling included)', () => {
    const province = bySlugTitle('江苏省中小学心理健康教育提升行动方案')!;
    expect([province.inBase?.slug, province.matchedBy]).toEqual(['jiangsu-2031-xinli-jiankang-fangan', '文号']);
    const city = bySlugTitle('泰州市中小學心理健康教育實施方案')!;
    expect([city.inBase?.slug, city.matchedBy]).toEqual(['taizhou-2031-xinli-jiankang-fangan', '标题']);
    expect(bySlugTitle(NATIONAL_TITLE)!.inBase).toBeNull();
  });

  it('tells the level of each cited document and says why', () => {
    const national = bySlugTitle(NATIONAL_TITLE)!;
    expect([national.level, national.levelReason]).toEqual(['国家', '标题中的“教育部”']);
    expect(bySlugTitle('江苏省中小学心理健康教育提升行动方案')!.level).toBe('省');
    expect(bySlugTitle('泰州市中小學心理健康教育實施方案')!.level).toBe('市');
    expect(refs.docLevels.get('jingjiang-2032-xinli-jiankang-fangan')).toBe('县');
  });

  it('lists under each citation the measures that quote the cited title first, then those sharing its theme', () => {
    const province = bySlugTitle('江苏省中小学心理健康教育提升行动方案')!;
    const [citation] = province.citations;
    expect(citation!.doc.slug).toBe('taizhou-2031-xinli-jiankang-fangan');
    expect(citation!.measures.map((m) => [m.id, m.why])).toEqual([
      ['m1', '引用原文'],
      ['m2', '共同主题：学生心理健康'],
    ]);
  });

  it('gives each document its basis (本文件的依据) and, when cited, its citing documents (下级文件落实情况)', () => {
    expect(refs.basisOf.get('taizhou-2031-xinli-jiankang-fangan')!.map((b) => b.cited.inBase?.slug)).toEqual(['jiangsu-2031-xinli-jiankang-fangan']);
    expect(refs.citedAs.get('taizhou-2031-xinli-jiankang-fangan')!.citations.map((c) => c.doc.slug)).toEqual(['jingjiang-2032-xinli-jiankang-fangan']);
    expect(refs.citedAs.has('jingjiang-2032-xinli-jiankang-fangan')).toBe(false);
  });

  it('walks the chain down from the national document to the county', () => {
    const national = bySlugTitle(NATIONAL_TITLE)!;
    const { up, down } = lineage(refs, { kind: 'cited', slug: national.slug });
    expect(up).toEqual([]);
    expect(flatten(down)).toEqual([['jiangsu-2031-xinli-jiankang-fangan', 'taizhou-2031-xinli-jiankang-fangan', 'jingjiang-2032-xinli-jiankang-fangan']]);
    expect(down[0]!.level).toBe('省');
  });

  it('walks the chain up from the county document to the national one', () => {
    const { up, down } = lineage(refs, { kind: 'policy', slug: 'jingjiang-2032-xinli-jiankang-fangan' });
    expect(down).toEqual([]);
    expect(flatten(up)).toEqual([['taizhou-2031-xinli-jiankang-fangan', 'jiangsu-2031-xinli-jiankang-fangan', bySlugTitle(NATIONAL_TITLE)!.slug]]);
    expect(up[0]!.children[0]!.children[0]!.kind).toBe('cited');
  });

  it('from the middle, shows both directions', () => {
    const { up, down } = lineage(refs, { kind: 'policy', slug: 'taizhou-2031-xinli-jiankang-fangan' });
    expect([flatten(up), flatten(down)]).toEqual([
      [['jiangsu-2031-xinli-jiankang-fangan', bySlugTitle(NATIONAL_TITLE)!.slug]],
      [['jingjiang-2032-xinli-jiankang-fangan']],
    ]);
  });

  it('keeps a cited document\'s URL when it joins the base', () => {
    const without = buildSiteIndex(docs.filter((d) => d.slug !== 'jiangsu-2031-xinli-jiankang-fangan'), vocab).references;
    const before = without.cited.find((c) => c.title === '江苏省中小学心理健康教育提升行动方案')!;
    expect(before.inBase).toBeNull();
    expect(before.slug).toBe(bySlugTitle('江苏省中小学心理健康教育提升行动方案')!.slug);
  });
});

describe('levelOf', () => {
  const places = vocab.placeLevels;
  it.each<[string, string | null, string | null]>([
    ['国务院办公厅关于全面加强和改进学校美育工作的意见', null, '国家'],
    ['中国教育现代化2035', null, '国家'],
    ['中华人民共和国义务教育法', null, '国家'],
    ['义务教育法', null, '国家'],
    ['关于开展评价工作的通知', '教基〔2017〕3号', '国家'],
    ['江苏教育现代化2035', null, '省'],
    ['广西壮族自治区学校美育教师配备三年行动计划', null, '省'],
    ['省政府办公厅关于全面加强和改进学校美育工作的实施意见', '川办发〔2016〕41号', '省'],
    ['关于学前教育的意见', '晋教基〔2017〕19号', '省'],
    ['关于推动泰州教育高质量发展行动方案(2023-2025)', null, '市'],
    ['济源市消除大班额专项规划(2016-2020年)', null, '市'],
    ['靖江市“5155”强师工程实施方案', null, '县'],
    ['中小学德育工作指南', null, null],
  ])('%s (%s) is %s', (title, docNumber, level) => {
    expect(levelOf(title, docNumber, places)?.level ?? null).toBe(level);
  });
});
