/**
 * The search page in Debian's Chromium, against the built site (tests/support/global-build.ts)
 * served on 127.0.0.1: typing, results, filters, following a result to its measure, the URL as
 * the state (back button, reload), the empty and no-result states, and the header box.
 */
import type { Page } from 'playwright-core';
import { missingPhrases, queryPhrases } from '../src/search/results.ts';
import { paths } from '../src/site/paths.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPolicies } from './support/fixtures.ts';
import { useServedSite, type ServedSite } from './support/served-site.ts';
import { docSlug } from '../src/format/ids.ts';

const JIYUAN = 'jiyuan-2018-jiaoyuju-gongzuo-yaodian';
/** The site of the suite running now: one index, or the same site with its index in shards. */
let site: ServedSite;
const INDEXES = [
  { label: 'one index', dist: 'searchDist', shards: 1 },
  { label: 'two shards', dist: 'searchDistShards', shards: 2 },
] as const;

async function open(path: string): Promise<Page> {
  const page = await site.browser.newPage({ viewport: { width: 1200, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  (page as Page & { errors: string[] }).errors = errors;
  await page.goto(`${site.url}${path}`);
  return page;
}

/** Waits until a search has finished rendering with this status line. */
const status = (page: Page, text: string) =>
  page.waitForFunction(
    (t) => document.querySelector('#search-status')?.textContent === t && ['done', 'none'].includes(document.querySelector('#search-app')?.getAttribute('data-state') ?? ''),
    text,
  );

const params = (page: Page) => new URL(page.url()).searchParams;
const resultTitles = (page: Page) => page.locator('.search-result-title').allTextContents();

describe.each(INDEXES)('over $label', ({ dist, shards }) => {
  const served = useServedSite(dist);
  beforeAll(() => {
    site = served;
  });

  describe('the search page', () => {
    it('shows suggestions and every facet before anything is asked, counted from the page without loading the index', async () => {
      const page = await site.browser.newPage({ viewport: { width: 1200, height: 900 } });
      const indexFetches: string[] = [];
      page.on('request', (r) => {
        if (r.url().includes('/pagefind/')) indexFetches.push(r.url());
      });
      await page.goto(`${site.url}${paths.search}`);
      await page.waitForFunction(() => document.querySelector('#search-app')?.getAttribute('data-state') === 'empty');
      expect(await page.locator('#search-empty').isVisible()).toBe(true);
      expect(await page.locator('#search-empty .chips a').allTextContents()).toContain('大班额');
      const facets = await page.locator('.search-facet summary').allTextContents();
      expect(facets).toEqual(expect.arrayContaining(['地区', '年份', '文件类型', '发布机构', '主题', '责任单位']));
      // The short facets' totals are those of the sample: one document of 济源市, five in all.
      const city = page.locator('.search-facet[data-param="city"] label', { hasText: '济源市' });
      expect(await city.locator('.search-count').textContent()).toBe('1');
      const cityCounts = (await page.locator('.search-facet[data-param="city"] .search-count').allTextContents()).map(Number);
      expect(cityCounts.reduce((a, b) => a + b, 0)).toBe(5);
      expect(indexFetches).toEqual([]);
      // Opening a long facet loads the index and counts it.
      await page.locator('.search-facet[data-param="unit"] summary').click();
      await page.waitForFunction(() => document.querySelectorAll('.search-facet[data-param="unit"] label').length > 0);
      expect(indexFetches.length).toBeGreaterThan(0);
      await page.close();
    });

    it('loads a long facet’s index only when the reader opens it, then counts its values', async () => {
      const page = await site.browser.newPage({ viewport: { width: 1200, height: 900 } });
      const filterFetches: string[] = [];
      page.on('request', (r) => {
        if (/\/pagefind\/(shards\/[^/]+\/)?filter\//.test(r.url())) filterFetches.push(r.url());
      });
      await page.goto(`${site.url}${paths.search}?q=${encodeURIComponent('大班额')}`);
      await status(page, '找到 3 份文件');
      const unit = page.locator('.search-facet[data-param="unit"]');
      // The sample names 25 units: a long facet, closed and not yet counted.
      expect(await unit.getAttribute('open')).toBeNull();
      expect(await unit.locator('label').count()).toBe(0);
      const before = filterFetches.length;
      expect(await page.locator('.search-facet[data-param="city"] label').count()).toBeGreaterThan(0);

      await unit.locator('summary').click();
      await page.waitForFunction(() => document.querySelectorAll('.search-facet[data-param="unit"] label').length > 0);
      // One filter index per shard.
      expect(filterFetches.length).toBe(before + shards);
      expect(await page.locator('.search-facet[data-param="unit"]').getAttribute('open')).not.toBeNull();
      const counts = await page.locator('.search-facet[data-param="unit"] .search-count').allTextContents();
      expect(counts.every((c) => Number(c) >= 1 && Number(c) <= 3)).toBe(true);
      // Choosing a unit keeps the facet open and counted.
      await page.locator('.search-facet[data-param="unit"] input').first().check();
      await page.waitForFunction(() => new URL(location.href).searchParams.has('unit'));
      await page.waitForFunction(() => document.querySelector('#search-app')?.getAttribute('data-state') === 'done');
      expect(await page.locator('.search-facet[data-param="unit"] input:checked').count()).toBe(1);
      await page.close();
    });

    it('searches as one types, groups results by document with their measures, and keeps the query in the URL', async () => {
      const page = await open(paths.search);
      await page.locator('#search-q').fill('大班额');
      await status(page, '找到 3 份文件');
      expect(params(page).get('q')).toBe('大班额');
      expect(await page.locator('.search-result').count()).toBe(3);
      // Each document lists the measures that say it, each linking to its anchor.
      for (const href of await page.locator('.search-parts a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
        expect(href).toMatch(/^\/policies\/[a-z0-9-]+\/#[a-z][a-z0-9-]*$/);
      }
      expect(await page.locator('.search-excerpt mark', { hasText: '大班额' }).count()).toBeGreaterThanOrEqual(3);
      // Excerpts hold text and <mark> only.
      const tags = await page.locator('.search-excerpt *').evaluateAll((els) => [...new Set(els.map((e) => e.tagName))]);
      expect(tags).toEqual(['MARK']);
      expect(await page.title()).toContain('大班额');
      await page.close();
    });

    it('narrows to a city, follows a measure to its anchor, and comes back to the same search', async () => {
      const page = await open(`${paths.search}?q=${encodeURIComponent('大班额')}`);
      await status(page, '找到 3 份文件');
      const city = page.locator('.search-facet[data-param="city"] label', { hasText: '济源市' });
      expect(await city.locator('.search-count').textContent()).toBe('1');
      await city.locator('input').check();
      await status(page, '找到 1 份文件');
      expect(params(page).getAll('city')).toEqual(['济源市']);
      expect(await resultTitles(page)).toEqual(['济源市教育局2018年工作要点']);
      // The other cities stay listed, to widen the search again (any of a facet's values).
      expect(await page.locator('.search-facet[data-param="city"] label').count()).toBeGreaterThan(1);

      const measure = page.locator('.search-parts a').first();
      const href = (await measure.getAttribute('href'))!;
      expect(href).toMatch(new RegExp(`^/policies/${JIYUAN}/#m\\d+$`));
      await measure.click();
      await page.waitForURL(`**${href}`);
      const id = href.split('#')[1]!;
      expect(await page.evaluate(() => location.hash)).toBe(`#${id}`);
      const top = await page.locator(`[id="${id}"]`).evaluate((el) => el.getBoundingClientRect().top);
      expect(top).toBeGreaterThanOrEqual(0);
      expect(top).toBeLessThan(900);

      await page.goBack();
      await status(page, '找到 1 份文件');
      expect(params(page).get('q')).toBe('大班额');
      expect(await page.locator('.search-facet[data-param="city"] input[value="济源市"]').isChecked()).toBe(true);

      await page.reload();
      await status(page, '找到 1 份文件');
      expect(await page.locator('#search-q').inputValue()).toBe('大班额');
      expect(await resultTitles(page)).toEqual(['济源市教育局2018年工作要点']);

      // Back again: the search before the filter.
      await page.goBack();
      await status(page, '找到 3 份文件');
      expect(params(page).getAll('city')).toEqual([]);
      await page.close();
    });

    it('lists the documents that say a word as written, and folds those with only its characters behind a count', async () => {
      const page = await open(`${paths.search}?q=${encodeURIComponent('课后服务')}`);
      await status(page, '找到 3 份文件');
      // The three say 课后服务; the rest only share characters (课程, 服务型机关) and wait behind a count.
      expect(await page.locator('#search-list .search-result-partial').count()).toBe(0);
      const summary = (await page.locator('#search-partial-summary').textContent())!;
      expect(summary).toMatch(/^另有 [1-9]\d* 份文件只含其中部分字词$/);
      expect(await page.locator('#search-partial-list .search-result').count()).toBe(0);
      await page.locator('#search-partial-summary').click();
      await page.waitForFunction(() => document.querySelectorAll('#search-partial-list .search-result').length > 0);
      expect(await page.locator('#search-partial-list .search-result-partial').count()).toBeGreaterThan(0);
      // No excerpt marks a lone character (课, 服) of the query.
      const marks = await page.locator('.search-excerpt mark').allTextContents();
      expect(marks.filter((m) => [...m].length === 1)).toEqual([]);
      await page.close();
    });

    it('finds the exact phrase in quotes, and only the documents that say it', async () => {
      const page = await open(`${paths.search}?q=${encodeURIComponent('"课后服务"')}`);
      await status(page, '找到 3 份文件');
      expect(await page.locator('#search-partial').isVisible()).toBe(false);
      expect(await page.locator('.search-result-partial').count()).toBe(0);
      // A phrase the browser cuts differently from the index is still found where it is written.
      await page.locator('#search-q').fill('"中小学"');
      await page.locator('#search-q').press('Enter');
      await status(page, '找到 5 份文件');
      expect(await page.locator('.search-excerpt mark', { hasText: '中小学' }).count()).toBeGreaterThan(0);
      await page.close();
    });

    it('after Enter, moves focus to the result count; a skip link jumps over the filters', async () => {
      const page = await open(paths.search);
      await page.waitForFunction(() => document.querySelector('#search-app')?.getAttribute('data-state') === 'empty');
      await page.locator('#search-q').fill('大班额');
      await page.locator('#search-q').press('Enter');
      await status(page, '找到 3 份文件');
      await page.waitForFunction(() => document.activeElement?.id === 'search-status');
      expect(await page.locator('#search-status').getAttribute('aria-live')).toBe('polite');
      // A few Tabs from the status (the order, the names found) reach the first result, not 39.
      let tabs = 0;
      while (tabs < 6 && !(await page.evaluate(() => document.activeElement?.closest('.search-result') !== null))) {
        await page.keyboard.press('Tab');
        tabs++;
      }
      expect(tabs).toBeGreaterThan(0);
      expect(tabs).toBeLessThanOrEqual(4);
      await page.locator('#search-q').focus();
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('#search-results');
      await page.close();
    });

    it('shows units and themes whose name the query gives, above the documents', async () => {
      const page = await open(`${paths.search}?q=${encodeURIComponent('大班额')}`);
      await status(page, '找到 3 份文件');
      await page.waitForFunction(() => !document.querySelector('#search-names')?.hasAttribute('hidden'));
      const theme = page.locator('#search-names a', { hasText: '大班额' }).first();
      expect(await theme.getAttribute('href')).toMatch(/^\/goals\/[a-z0-9-]+\/$/);
      await page.locator('#search-q').fill('市财政局');
      await page.locator('#search-q').press('Enter');
      await page.waitForFunction(() => [...document.querySelectorAll('#search-names a')].some((a) => a.textContent?.startsWith('市财政局') === true));
      const unit = page.locator('#search-names a', { hasText: '市财政局' }).first();
      expect(await unit.getAttribute('href')).toMatch(/^\/units\/[a-z0-9-]+\/$/);
      await page.close();
    });

    it('with a 责任单位 chosen, shows under each document only the measures of that unit', async () => {
      const page = await open(`${paths.search}?q=${encodeURIComponent('经费')}&unit=${encodeURIComponent('市财政局（关于进一步统筹推进义务教育优质均衡发展实施方案）')}`);
      await page.waitForFunction(() => document.querySelector('#search-app')?.getAttribute('data-state') === 'done');
      const anchors = await page.locator('#search-list .search-parts a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
      expect(anchors.length).toBeGreaterThan(0);
      for (const href of anchors) {
        // Each part shown is a measure whose 责任单位 include 市财政局, as its page says.
        const [path, id] = href.split('#');
        const measure = await page.context().request.get(`${site.url}${path}`);
        const html = await measure.text();
        const at = html.indexOf(`id="${id}"`);
        const next = html.indexOf('<h3', at + 1);
        expect(html.slice(at, next === -1 ? undefined : next), href).toContain('财政局');
      }
      await page.close();
    });

    it('on a phone, the filters fold away above the results', async () => {
      const page = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
      await page.goto(`${site.url}${paths.search}?q=${encodeURIComponent('大班额')}`);
      await status(page, '找到 3 份文件');
      expect(await page.locator('#search-filters').getAttribute('open')).toBeNull();
      const first = await page.locator('.search-result').first().evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
      expect(first).toBeLessThan(844);
      await page.close();
    });

    it('lists newest first unless asked otherwise, with the order in the URL', async () => {
      // The sample's content/site.yaml keeps the default, newest first: the URL carries no sort.
      const page = await open(`${paths.search}?q=${encodeURIComponent('教师')}`);
      await status(page, '找到 5 份文件');
      expect(params(page).get('sort')).toBeNull();
      expect(await page.locator('#search-sort').inputValue()).toBe('date-desc');
      const newestFirst = await resultTitles(page);
      expect(newestFirst[0]).toBe('市教育局2024年务虚会议材料');
      await page.locator('#search-sort').selectOption('date-asc');
      await page.waitForFunction(() => new URL(location.href).searchParams.get('sort') === 'date-asc');
      await status(page, '找到 5 份文件');
      // The undated document goes last newest first, and first oldest first.
      expect(await resultTitles(page)).toEqual([...newestFirst].reverse());
      await page.locator('#search-sort').selectOption('relevance');
      await page.waitForFunction(() => new URL(location.href).searchParams.get('sort') === 'relevance');
      await status(page, '找到 5 份文件');
      expect((await resultTitles(page)).sort()).toEqual([...newestFirst].sort());
      await page.close();
    });

    it('says when nothing is found, and suggests what to try', async () => {
      const page = await open(`${paths.search}?q=zzxqvw`);
      await status(page, '找到 0 份文件');
      expect(await page.locator('#search-none').isVisible()).toBe(true);
      expect(await page.locator('#search-none-title').textContent()).toBe('没有找到包含“zzxqvw”的文件');
      expect(await page.locator('#search-none .chips a').count()).toBeGreaterThan(0);
      await page.close();
    });

    it('lists a facet’s documents without a query, newest first', async () => {
      const page = await open(`${paths.search}?year=2023`);
      await status(page, '共 2 份文件');
      expect(await page.locator('.search-facet[data-param="year"] input[value="2023"]').isChecked()).toBe(true);
      await page.close();
    });
  });

  describe('Chinese in the browser (queries cut by Chromium’s Intl.Segmenter)', () => {
    const docs = loadPolicies('content/policies');
    const text = (d: (typeof docs)[number]) => `${d.data.title}${d.body}`.replace(/\{#[a-z0-9-]+\}|\\/g, '');
    const saying = (q: string) => docs.filter((d) => missingPhrases(text(d), queryPhrases(q)).length === 0).map((d) => paths.policy(d.slug)).sort();
    const WORDS = ['大班额', '班额', '小学', '中小学', '心理健康', '课后服务', '交流轮岗', '轮岗', '双减', '市财政局'];
    const PHRASES = ['"大班额"', '"课后服务"', '"交流轮岗"', '"心理健康"'];

    it('finds every document that says a 2–4 character word, and exactly those that say a quoted phrase', async () => {
      const page = await open(paths.search);
      // Written as text: vitest rewrites import() in functions it compiles, and this runs in the page.
      const found = (await page.evaluate(`(async (queries) => {
        // Opened as the search page opens it: the shards the manifest lists, merged into one; a
        // module of its own (the query), as the page's script has opened pagefind.js already.
        const pf = await import('/pagefind/pagefind.js?own');
        const manifest = await (await fetch('/pagefind/shards.json')).json();
        await pf.options({ basePath: '/pagefind/' + manifest.shards[0].path });
        await pf.init();
        for (const s of manifest.shards.slice(1)) await pf.mergeIndex('/pagefind/' + s.path, { baseUrl: '/' });
        const out = {};
        for (const q of queries) out[q] = (await Promise.all((await pf.search(q)).results.map((r) => r.data()))).map((d) => d.url).sort();
        return out;
      })(${JSON.stringify([...WORDS, ...PHRASES])})`)) as Record<string, string[]>;
      for (const w of WORDS) expect(found[w], w).toEqual(expect.arrayContaining(saying(w)));
      for (const p of PHRASES) expect(found[p], p).toEqual(saying(p));
      await page.close();
    });
  });
});

describe('the header search box', () => {
  const served = useServedSite();
  beforeAll(() => {
    site = served;
  });
  it('takes the cursor on /, and sends the query to the search page', async () => {
    const page = await open(paths.policy(docSlug(JIYUAN)));
    await page.locator('body').press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-q');
    await page.keyboard.type('心理健康');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/search/?q=*');
    await status(page, '找到 5 份文件');
    expect(await page.locator('#search-q').inputValue()).toBe('心理健康');
    // On the search page, / goes to the page's own box.
    await page.locator('h1').click();
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-q');
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
    await page.close();
  });
});
