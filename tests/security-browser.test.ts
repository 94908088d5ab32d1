/**
 * The built sample site in Debian's Chromium, as an attacker would try it (issue 10): the
 * Content-Security-Policy of every page holds without one violation on the pages that run
 * scripts, no URL parameter of /search/ or /compare/ is reflected as markup, and the compare
 * page's CSV download defuses formulas in the browser too.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../src/format/csv.ts';
import { paths } from '../src/site/paths.ts';
import { CSP_DIRECTIVES } from '../src/astro/csp.ts';
import { useServedSite } from './support/served-site.ts';

const JIYUAN = 'jiyuan-2018-jiaoyuju-gongzuo-yaodian';
const FANGAN = 'tongchou-tuijin-yiwu-jiaoyu-youzhi-junheng';
const site = useServedSite();

interface Watched extends Page {
  /** CSP violations reported in the page (securitypolicyviolation events) and on the console. */
  violations: string[];
  dialogs: string[];
  errors: string[];
}

/** A page that records CSP violations, dialogs and script errors from its first byte on. */
async function watched(): Promise<Watched> {
  const page = (await site.browser.newPage({ viewport: { width: 1200, height: 900 }, acceptDownloads: true })) as Watched;
  page.violations = [];
  page.dialogs = [];
  page.errors = [];
  await page.exposeFunction('__reportViolation', (v: string) => page.violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportViolation: (v: string) => void }).__reportViolation(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) page.violations.push(m.text());
  });
  page.on('dialog', (d) => {
    page.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => page.errors.push(e.message));
  return page;
}

const searchDone = (page: Page) =>
  page.waitForFunction(() => ['done', 'none', 'empty', 'error'].includes(document.querySelector('#search-app')?.getAttribute('data-state') ?? ''));

describe('the Content-Security-Policy', () => {
  it('is on every page, with the directives the site promises', async () => {
    const page = await watched();
    for (const path of ['/', `/policies/${JIYUAN}/`, paths.search, '/compare/', '/units/', '/data/']) {
      await page.goto(`${site.url}${path}`);
      const csp = await page.locator('head meta[http-equiv="content-security-policy"]').getAttribute('content');
      expect(csp, path).not.toBeNull();
      for (const directive of CSP_DIRECTIVES) expect(csp, path).toContain(directive);
      expect(csp, path).toMatch(/script-src 'self' 'wasm-unsafe-eval'( 'sha256-[^']+')*;/);
      expect(csp, path).not.toMatch(/unsafe-inline|script-src[^;]*\*/);
    }
    await page.close();
  }, 120_000);

  it('reports no violation on the home page, a policy page, a search with results, and a comparison', async () => {
    const page = await watched();
    await page.goto(`${site.url}/`);
    await page.goto(`${site.url}/policies/${JIYUAN}/#m23`);
    await page.goto(`${site.url}${paths.search}?q=${encodeURIComponent('大班额')}`);
    await page.waitForFunction(() => document.querySelector('#search-app')?.getAttribute('data-state') === 'done');
    expect(await page.locator('.search-result').count()).toBeGreaterThan(0);
    // Typing runs Pagefind's WebAssembly again, and opening a long facet loads its filter index.
    await page.locator('#search-q').fill('课后服务');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === '课后服务' && document.querySelector('#search-app')?.getAttribute('data-state') === 'done');
    await page.goto(`${site.url}/compare/?docs=${JIYUAN},${FANGAN}`);
    await page.waitForFunction(() => document.querySelectorAll('#compare-table thead th .doc-title').length === 2);
    expect(page.violations).toEqual([]);
    expect(page.errors).toEqual([]);

    // The listener does see a violation: an inline script is refused, and reported.
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__ran = true';
      document.body.append(s);
    });
    await expect.poll(() => page.violations.length).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran)).toBeUndefined();
    await page.close();
  }, 120_000);
});

/** Reflected-XSS payloads: markup, attribute and URL breakouts, each marking the page if it ever becomes markup or runs. */
const PAYLOADS = [
  '<script>alert("xss-script")</script>',
  '<img src=x onerror=alert("xss-img") data-xss>',
  '"><svg onload=alert("xss-svg") data-xss>',
  "'><iframe src=javascript:alert('xss-iframe') data-xss></iframe>",
  '</title><script>alert(1)</script>',
  '<a href="javascript:alert(1)" data-xss>x</a>',
  'javascript:alert("xss-url")',
  '{{constructor.constructor("alert(1)")()}}',
  '<details open ontoggle=alert("xss-details") data-xss>',
  '大班额<b data-xss>粗</b>',
];

const SEARCH_PARAMS = ['q', 'city', 'province', 'year', 'type', 'issuer', 'theme', 'unit', 'sort'];

/** True when the page holds no element made from a payload, and no payload ran. */
async function clean(page: Watched): Promise<{ injected: number; dialogs: string[] }> {
  const injected = await page.evaluate(() => document.querySelectorAll('[data-xss], iframe, svg[onload], img[onerror], details[ontoggle]').length);
  return { injected, dialogs: page.dialogs };
}

describe('reflected XSS', () => {
  it.each(PAYLOADS)('every /search/ parameter carrying %j: nothing injected, nothing run', async (payload) => {
    const page = await watched();
    const query = SEARCH_PARAMS.map((p) => `${p}=${encodeURIComponent(payload)}`).join('&');
    await page.goto(`${site.url}${paths.search}?${query}`);
    await searchDone(page);
    expect(await page.inputValue('#search-q')).toBe(payload.trim().slice(0, 200));
    expect(await clean(page)).toEqual({ injected: 0, dialogs: [] });
    // Typing it into the box, too.
    await page.locator('#search-q').fill(payload);
    await page.waitForFunction((p) => new URL(location.href).searchParams.get('q') === p.trim(), payload);
    await searchDone(page);
    expect(await clean(page)).toEqual({ injected: 0, dialogs: [] });
    await page.close();
  }, 60_000);

  it.each(PAYLOADS)('every /compare/ parameter carrying %j: nothing injected, nothing run', async (payload) => {
    const page = await watched();
    await page.goto(`${site.url}/compare/?docs=${encodeURIComponent(payload)}&diff=${encodeURIComponent(payload)}`);
    await page.waitForLoadState('networkidle');
    expect(await clean(page)).toEqual({ injected: 0, dialogs: [] });
    await page.goto(`${site.url}/compare/?docs=${JIYUAN},${encodeURIComponent(payload)}&diff=1`);
    await page.waitForLoadState('networkidle');
    expect(await clean(page)).toEqual({ injected: 0, dialogs: [] });
    await page.close();
  }, 60_000);
});

describe('the compare page’s CSV download', () => {
  it('defuses formulas in the browser: leading spaces, ASCII and full-width formula characters', async () => {
    const page = await watched();
    // Hostile text as a policy file could give it: the place and a measure's number and title.
    await page.route(`**/data/compare/${JIYUAN}.json`, async (route) => {
      const response = await route.fetch();
      const data = (await response.json()) as { place: string | null; measures: { number: string; title: string }[] };
      data.place = '＝HYPERLINK("http://evil.example/","点击")';
      data.measures[0]!.number = ' =1+1';
      data.measures[0]!.title = '＋cmd';
      await route.fulfill({ response, json: data });
    });
    await page.goto(`${site.url}/compare/?docs=${JIYUAN},${FANGAN}`);
    await page.waitForFunction(() => document.querySelectorAll('#compare-table thead th .doc-title').length === 2);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-csv').click()]);
    const cells = parseCsv(readFileSync((await download.path())!, 'utf8')).flat();
    const hostile = cells.filter((c) => c.includes('HYPERLINK') || c.includes('=1+1'));
    expect(hostile.length).toBeGreaterThan(0);
    // The cells that hold the hostile text as they begin are defused; the text may also stand
    // inside a sentence (a difference described in words), where a spreadsheet reads no formula.
    expect(hostile.filter((c) => c.startsWith("'"))).toEqual(expect.arrayContaining([expect.stringMatching(/^'＝HYPERLINK/u)]));
    for (const cell of cells) expect(/^[\s\u00a0\u3000]*[=+\-@＝＋－＠]/u.test(cell), cell).toBe(false);
    await page.close();
  }, 60_000);
});
