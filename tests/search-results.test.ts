import { describe, expect, it } from 'vitest';
import { addFilterCounts } from '../src/search/run.ts';
import {
  highlightPhrases,
  looseQuery,
  missingPhrases,
  partTexts,
  sayingFirst,
  partTitle,
  queryPhrases,
  safeExcerpt,
  toResultView,
  type PagefindResultData,
  type PagefindSubResult,
} from '../src/search/results.ts';

describe('safeExcerpt', () => {
  const cases: { why: string; input: string; expected: string }[] = [
    { why: 'keeps Pagefind’s marks', input: '城镇<mark>大班额</mark>全面消除', expected: '城镇<mark>大班额</mark>全面消除' },
    { why: 'merges the marks of adjacent words into one', input: '城镇<mark>大班</mark><mark>额</mark>全面', expected: '城镇<mark>大班额</mark>全面' },
    { why: 'merges marks separated by zero-width spaces and drops those spaces', input: '<mark>课后</mark>\u200b<mark>服务</mark>\u200b体系', expected: '<mark>课后服务</mark>体系' },
    { why: 'keeps escaped text escaped', input: '&lt;script&gt;alert(1)&lt;/script&gt; <mark>x</mark>', expected: '&lt;script&gt;alert(1)&lt;/script&gt; <mark>x</mark>' },
    { why: 'escapes any other tag, should one ever get through', input: '<img src=x onerror=alert(1)><mark>x</mark>', expected: '&lt;img src=x onerror=alert(1)&gt;<mark>x</mark>' },
    { why: 'escapes a mark with attributes, which Pagefind never writes', input: '<mark onclick="x()">y</mark>', expected: '&lt;mark onclick=&quot;x()&quot;&gt;y</mark>' },
  ];
  for (const c of cases) it(c.why, () => expect(safeExcerpt(c.input)).toBe(c.expected));
});

describe('highlightPhrases', () => {
  const cases: { why: string; input: string; phrases: string[]; expected: string }[] = [
    { why: 'marks the phrase where it occurs, not the scattered characters Pagefind matched', input: '消除大校<mark>额和大</mark>班<mark>额</mark>.', phrases: ['大班额'], expected: '消除大校额和<mark>大班额</mark>.' },
    { why: 'marks every occurrence', input: '消除<mark>大班</mark>额、大校额和大班额', phrases: ['大班额'], expected: '消除<mark>大班额</mark>、大校额和<mark>大班额</mark>' },
    { why: 'marks each phrase, longest first', input: '课后服务和服务', phrases: ['服务', '课后服务'], expected: '<mark>课后服务</mark>和<mark>服务</mark>' },
    { why: 'keeps Pagefind’s marks when no phrase occurs as written', input: '化解<mark>班</mark>额', phrases: ['大班额'], expected: '化解<mark>班</mark>额' },
    { why: 'matches Latin letters in any case', input: 'Pagefind 索引', phrases: ['pagefind'], expected: '<mark>Pagefind</mark> 索引' },
    { why: 'never marks inside escaped markup', input: '&lt;b&gt;教师&lt;/b&gt;', phrases: ['<b>'], expected: '<mark>&lt;b&gt;</mark>教师&lt;/b&gt;' },
  ];
  for (const c of cases) it(c.why, () => expect(highlightPhrases(c.input, c.phrases)).toBe(c.expected));
});

describe('queryPhrases', () => {
  const cases: [string, string[]][] = [
    ['大班额', ['大班额']],
    ['  心理健康  课后服务 ', ['心理健康', '课后服务']],
    ['"课后服务"', ['课后服务']],
    ['“课后服务”', ['课后服务']],
    ['"每個 月 都" 教师', ['每個月都', '教师']],
    ['"未闭合的引号', ['未闭合的引号']],
    ['Pagefind 搜索', ['pagefind', '搜索']],
    ['""', []],
  ];
  for (const [query, expected] of cases) it(`reads ${JSON.stringify(query)} as ${JSON.stringify(expected)}`, () => expect(queryPhrases(query)).toEqual(expected));
});

describe('missingPhrases', () => {
  it('finds a phrase across the zero-width spaces of indexed Chinese text', () => {
    expect(missingPhrases('城镇大班\u200b额全面消除', ['大班额'])).toEqual([]);
  });
  it('names a phrase whose characters occur but not together', () => {
    expect(missingPhrases('大力推进，班子建设，额度', ['大班额', '班子'])).toEqual(['大班额']);
  });
});

describe('looseQuery', () => {
  it('is null for a query without quotes', () => expect(looseQuery('大班额 教师')).toBeNull());
  it('drops the quotes of a phrase', () => expect(looseQuery('"课后服务" 教师')).toBe('课后服务 教师'));
  it('reads Chinese quotation marks too', () => expect(looseQuery('“课后服务”')).toBe('课后服务'));
  it('is null for quotes around nothing', () => expect(looseQuery('""')).toBeNull());
});

describe('partTexts', () => {
  it('cuts Pagefind’s word-split content at the headings', () => {
    const raw = ['标题', '. ', '开头', '1.', '消除', '大班', '额', '2.', '其他'].join('\u200b');
    const texts = partTexts({
      content: '',
      raw_content: raw,
      anchors: [
        { element: 'div', id: 'text', text: '', location: 2 },
        { element: 'h3', id: 'm1', text: '1. 消除大班额', location: 3 },
        { element: 'mark', id: 'target-1', text: '大班额', location: 5 },
        { element: 'h3', id: 'm2', text: '2. 其他', location: 7 },
      ],
    });
    expect(Object.fromEntries(texts)).toEqual({ '': '标题. 开头', m1: '1.消除大班额', m2: '2.其他' });
  });
  it('splits other text at whitespace', () => {
    const texts = partTexts({ content: 'intro text Heading body', anchors: [{ element: 'h2', id: 'h', text: 'Heading', location: 2 }] });
    expect(texts.get('h')).toBe('Heading body');
  });
});

describe('partTitle', () => {
  const sub = (title: string, anchor?: PagefindSubResult['anchor']): PagefindSubResult => ({ title, url: '/p/#m2', excerpt: '', anchor });
  it('keeps a full heading text', () => {
    expect(partTitle(sub('6. 优化资源配置总体布局', { element: 'h3', id: 'm6', location: 5 }))).toBe('6. 优化资源配置总体布局');
  });
  it('completes a heading whose text sits in a target mark with an id right after its number', () => {
    const anchors = [
      { element: 'h4', id: 'm2', text: '2.', location: 991 },
      { element: 'mark', id: 'target-1', text: '全面消除大校额和大班额', location: 993 },
      { element: 'h4', id: 'm3', text: '3. 下一项', location: 1020 },
    ];
    expect(partTitle(sub('2.', anchors[0]), anchors)).toBe('2. 全面消除大校额和大班额');
  });
  it('does not borrow text from the next heading', () => {
    const anchors = [
      { element: 'h4', id: 'm2', text: '(三)', location: 10 },
      { element: 'h4', id: 'm3', text: '3. 下一项', location: 11 },
    ];
    expect(partTitle(sub('(三)', anchors[0]), anchors)).toBe('(三)');
  });
  it('trusts a data-pagefind-title', () => {
    expect(partTitle(sub('2. 全面消除大班额', { element: 'h4', id: 'm2', title: '2. 全面消除大班额', location: 1 }), [])).toBe('2. 全面消除大班额');
  });
});

describe('toResultView', () => {
  const part = (id: string | null, title: string, plain: string, score: number): PagefindSubResult => ({
    title,
    url: id ? `/policies/x/#${id}` : '/policies/x/',
    excerpt: plain,
    plain_excerpt: plain,
    anchor: id ? { element: 'h3', id, text: title, location: 0 } : undefined,
    weighted_locations: [{ weight: 1, balanced_score: score, location: 0 }],
  });
  const data = (subs: PagefindSubResult[], content = '城镇大班额全面消除'): PagefindResultData => ({
    url: '/policies/x/',
    content,
    excerpt: '<mark>x</mark>',
    meta: { title: '济源市教育局2018年工作要点', place: '济源市', year: '2018', date: '2018年2月5日' },
    filters: {},
    sub_results: subs,
    word_count: 10,
  });

  it('shows the measures that say the phrase before ones that only share its characters', () => {
    const view = toResultView(data([part('m1', '1. 甲', '大力推进班子建设', 50), part('m6', '6. 乙', '消除大班额专项规划', 5)]), '大班额');
    expect(view.subResults.map((s) => s.anchor)).toEqual(['m6']);
    expect(view.moreSubResults).toBe(0);
  });
  it('falls back to the best-scoring parts when no part says the phrase, and names what is missing', () => {
    const subs = [1, 2, 3, 4, 5].map((n) => part(`m${n}`, `${n}.`, n % 2 ? '大' : '班', 10 - n));
    const view = toResultView(data(subs, '大 班'), '大班额');
    expect(view.subResults.map((s) => s.anchor)).toEqual(['m1', 'm2', 'm3', 'm4']);
    expect(view.missing).toEqual(['大班额']);
  });
  it('shows at most four parts, in document order, and counts the rest', () => {
    const subs = [1, 2, 3, 4, 5, 6].map((n) => part(`m${n}`, `${n}.`, '大班额', n));
    const view = toResultView(data(subs), '大班额');
    expect(view.subResults.map((s) => s.anchor)).toEqual(['m3', 'm4', 'm5', 'm6']);
    expect(view.moreSubResults).toBe(2);
  });
  it('shows the document’s opening only when no measure matched', () => {
    expect(toResultView(data([part(null, '标题', '大班额', 9), part('m2', '2.', '大班额', 1)]), '大班额').subResults.map((s) => s.anchor)).toEqual(['m2']);
    expect(toResultView(data([part(null, '标题', '大班额', 9)]), '大班额').subResults.map((s) => s.anchor)).toEqual([null]);
  });
  it('carries the facts the list shows', () => {
    const view = toResultView(data([]), '');
    expect([view.title, view.place, view.date]).toEqual(['济源市教育局2018年工作要点', '济源市', '2018年2月5日']);
  });
});

describe('sayingFirst', () => {
  it('puts the documents that say the phrase first, keeping each group’s order', () => {
    const view = (url: string, missing: string[]) => ({ url, missing }) as unknown as Parameters<typeof sayingFirst>[0][number];
    const ordered = sayingFirst([view('a', ['x']), view('b', []), view('c', ['x']), view('d', [])]);
    expect(ordered.map((v) => v.url)).toEqual(['b', 'd', 'a', 'c']);
  });
});

describe('addFilterCounts', () => {
  it('adds each document’s values to the counts, without changing the counts given', () => {
    const counts = { 地区: { 济源市: 1 } };
    const out = addFilterCounts(counts, [{ filters: { 地区: ['济源市'], 年份: ['2018'] } }, { filters: { 地区: ['靖江市'] } }]);
    expect(out).toEqual({ 地区: { 济源市: 2, 靖江市: 1 }, 年份: { '2018': 1 } });
    expect(counts).toEqual({ 地区: { 济源市: 1 } });
  });
});
