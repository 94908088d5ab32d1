import { describe, expect, it } from 'vitest';
import { isResponsibilityLine, readOutline, tocTree, unescapeMarkdown } from '../src/format/body-outline.ts';
import { parseResponsibility } from '../src/extract/units.ts';

const body = `前言段落。

## 一、 总体要求 {#s1}

### 1\\. 深入学习 {#m1}

第一段,含 \\*星号\\* 与 &amp;lt;script&amp;gt;。
第一段的第二行。

责任单位:市教育局、财政局

### 2\\. 加强建设 {#m2}

## 二、 保障措施 {#s2}

#### 未标锚点的标题

保障段落。
`;

describe('readOutline', () => {
  const outline = readOutline(body);
  it('reads every anchored heading with its depth and unescaped text', () => {
    expect(outline.headings).toEqual([
      { depth: 2, id: 's1', text: '一、 总体要求' },
      { depth: 3, id: 'm1', text: '1. 深入学习' },
      { depth: 3, id: 'm2', text: '2. 加强建设' },
      { depth: 2, id: 's2', text: '二、 保障措施' },
    ]);
  });
  it('gives the paragraphs under each heading, up to the next heading', () => {
    expect(outline.paragraphs.get('m1')).toEqual(['第一段,含 *星号* 与 &lt;script&gt;。\n第一段的第二行。', '责任单位:市教育局、财政局']);
    expect(outline.paragraphs.get('m2')).toEqual([]);
    expect(outline.paragraphs.get('s2')).toEqual(['#### 未标锚点的标题', '保障段落。']);
  });
});

describe('unescapeMarkdown', () => {
  it.each([
    ['1\\. 标题', '1. 标题'],
    ['\\<b\\>', '<b>'],
    ['A &amp; B', 'A & B'],
    ['&#20013;&#x6587;', '中文'],
    ['&unknown;', '&unknown;'],
  ])('turns %s into %s', (escaped, text) => {
    expect(unescapeMarkdown(escaped)).toBe(text);
  });
});

describe('isResponsibilityLine', () => {
  it.each([
    ['责任单位:市教育局', true],
    ['牵头单位：市教育局；配合单位：财政局', true],
    ['【责任单位】市教育局', false],
    ['【责任单位】:市教育局', true],
    ['配合部门:市财政局', true],
    ['各责任单位要加强协作', false],
    ['牵头责任单位：市教育局', true],
    ['协同配合单位：市财政局、市人社局', true],
    ['责任科室：基础教育科', true],
    ['责任处室:规划处', true],
  ])('%s → %s', (text, yes) => {
    expect(isResponsibilityLine(text)).toBe(yes);
  });

  it.each(['牵头责任单位：市教育局', '牵头考核单位：市教育局', '责任科室：基础教育科', '配合部门：市财政局', '责任单位:市发改局、教育局'])(
    'agrees with the ingest: %s is a line of units to both',
    (line) => {
      expect(parseResponsibility(line)?.units.length ?? 0).toBeGreaterThan(0);
      expect(isResponsibilityLine(line)).toBe(true);
    },
  );
});

describe('tocTree', () => {
  it('nests headings by depth and marks measures', () => {
    const tree = tocTree(readOutline(body).headings, new Set(['m1', 'm2']));
    expect(tree.map((n) => [n.id, n.measure, n.children.map((c) => [c.id, c.measure])])).toEqual([
      ['s1', false, [['m1', true], ['m2', true]]],
      ['s2', false, []],
    ]);
  });
  it('keeps a document that starts below the top level', () => {
    expect(tocTree([{ depth: 3, id: 'm1', text: 'a' }, { depth: 2, id: 's1', text: 'b' }]).map((n) => n.id)).toEqual(['m1', 's1']);
  });
});
