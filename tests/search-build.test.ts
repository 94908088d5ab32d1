/**
 * The build's search-index check: the rules on their own, and the indexer on tiny sites made
 * here (a few HTML files), so each way a site can break search fails the build with a message.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { indexProblems, type IndexFacts } from '../src/search/build.ts';
import { FILTER_NAMES } from '../src/search/state.ts';
import { indexSite } from '../scripts/build-search-index.ts';

const URLS = ['/policies/a/', '/policies/b/'];
const expected = { policyUrls: URLS, filterNames: FILTER_NAMES, language: 'zh-cn' };
const good: IndexFacts = { errors: [], pageCount: 2, languages: ['zh-cn'], sortedUrls: [...URLS], filterNames: [...FILTER_NAMES] };

describe('indexProblems', () => {
  it('finds nothing wrong with one sortable page per document and every filter', () => {
    expect(indexProblems(good, expected)).toEqual([]);
  });
  const cases: { why: string; facts: Partial<IndexFacts>; says: RegExp }[] = [
    { why: 'passes on Pagefind’s own errors', facts: { errors: ['exit 1: no html files'] }, says: /Pagefind reported an error: exit 1/ },
    { why: 'fails when a policy page was not indexed', facts: { pageCount: 1 }, says: /indexed 1 page\(s\), expected 2 .*lacks data-pagefind-body/ },
    { why: 'fails when other pages were indexed too', facts: { pageCount: 30 }, says: /indexed 30 page\(s\), expected 2 .*other than a policy page/ },
    { why: 'fails when a page is in another language', facts: { languages: ['zh-cn', 'unknown'] }, says: /language\(s\) "unknown".*lang="zh-CN"/ },
    { why: 'fails when a page has no date to sort by', facts: { sortedUrls: ['/policies/a/'] }, says: /\/policies\/b\/: every policy page needs a data-pagefind-sort="date"/ },
    { why: 'fails when a non-policy page is searchable', facts: { sortedUrls: [...URLS, '/cities/'] }, says: /not policy pages, e\.g\. \/cities\// },
    { why: 'fails when a facet is missing', facts: { filterNames: FILTER_NAMES.filter((f) => f !== '责任单位') }, says: /lacks filter\(s\) "责任单位"/ },
  ];
  for (const c of cases) {
    it(c.why, () => {
      const problems = indexProblems({ ...good, ...c.facts }, expected);
      expect(problems.join('\n')).toMatch(c.says);
    });
  }
});

// ---- The indexer on tiny sites ----

const work = mkdtempSync(join(tmpdir(), 'search-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const filters = (extra = '') =>
  FILTER_NAMES.map((f) => `<span data-pagefind-filter="${f}">值</span>`).join('') + extra;

function policyPage(title: string, { sort = true, lang = 'zh-CN' } = {}): string {
  return `<!doctype html><html lang="${lang}"><body><nav>导航 网站地图</nav>
<article data-pagefind-body><h1>${title}</h1>
<div hidden>${filters()}${sort ? '<span data-pagefind-sort="date">2018-02-05</span>' : ''}</div>
<h3 id="m1">1. 消除大班额</h3><p>全面消除大班额现象。</p></article><footer>页脚</footer></body></html>`;
}

function makeSite(name: string, files: Record<string, string>): string {
  const dir = join(work, name);
  for (const [path, html] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), html);
  }
  return dir;
}

describe('indexSite', () => {
  it('indexes only the policy pages and finds nothing wrong', async () => {
    const site = makeSite('good', {
      'index.html': '<!doctype html><html lang="zh-CN"><body><h1>首页</h1></body></html>',
      // Outside /policies/: not read, even with the attribute.
      'units/x/index.html': policyPage('单位页'),
      'policies/a/index.html': policyPage('甲文件'),
      'policies/b/index.html': policyPage('乙文件'),
    });
    const report = await indexSite({ siteDir: site, policySlugs: ['a', 'b'], quiet: true });
    expect(report.problems).toEqual([]);
    expect(report.facts.pageCount).toBe(2);
    expect(report.facts.sortedUrls.sort()).toEqual(URLS);
  });

  it('fails when a policy page has no sort key, naming the page', async () => {
    const site = makeSite('unsorted', { 'policies/a/index.html': policyPage('甲文件'), 'policies/b/index.html': policyPage('乙文件', { sort: false }) });
    const report = await indexSite({ siteDir: site, policySlugs: ['a', 'b'], quiet: true });
    expect(report.problems.join('\n')).toMatch(/\/policies\/b\/: every policy page needs a data-pagefind-sort="date"/);
  });

  it('fails when a policy page is missing from the site', async () => {
    const site = makeSite('missing', { 'policies/a/index.html': policyPage('甲文件') });
    const report = await indexSite({ siteDir: site, policySlugs: ['a', 'b'], quiet: true });
    expect(report.problems.join('\n')).toMatch(/indexed 1 page\(s\), expected 2/);
  });

  it('fails when a page is not zh-CN', async () => {
    const site = makeSite('english', { 'policies/a/index.html': policyPage('甲文件'), 'policies/b/index.html': policyPage('乙文件', { lang: 'en' }) });
    const report = await indexSite({ siteDir: site, policySlugs: ['a', 'b'], quiet: true });
    expect(report.problems.join('\n')).toMatch(/language\(s\) "en"/);
  });

  it('fails with Pagefind’s message when there is nothing to index', async () => {
    const site = makeSite('empty', { 'readme.txt': 'no html' });
    const report = await indexSite({ siteDir: site, policySlugs: ['a'], quiet: true });
    expect(report.problems[0]).toMatch(/Pagefind reported an error: exit 1: .*not able to build an index/s);
  });
});
