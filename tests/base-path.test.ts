/**
 * A bureau's deployment: the sample site built with a public address and a base path
 * (`SITE_URL=https://jyj.example.gov.cn BASE_PATH=/zck/ npm run build -- --out-dir DIR`) into a
 * temporary folder, served under /zck/ as an nginx location would serve it, and clicked
 * through in Chromium: links, a citation, search, a data download.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH, launchChromium } from './support/browser.ts';
import { attr, byTag, checkLinks, readBuiltSite, type BuiltPage } from './support/built-site.ts';
import { serveStatic, type StaticServer } from './support/static-server.ts';

const ORIGIN = 'https://jyj.example.gov.cn';
const BASE = '/zck/';
const POLICY = 'jiyuan-2018-jiaoyuju-gongzuo-yaodian';

let dir: string;
let dist: string;
let buildOutput = '';
let pages: Map<string, BuiltPage>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'policy-kb-base-'));
  dist = join(dir, 'site');
  const { stdout, stderr } = await promisify(execFile)('node_modules/.bin/tsx', ['scripts/build.ts', '--out-dir', dist], {
    env: { ...process.env, SITE_URL: ORIGIN, BASE_PATH: BASE, ASTRO_CACHE_DIR: join(dir, 'cache'), ASTRO_TELEMETRY_DISABLED: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  buildOutput = stdout + stderr;
  pages = readBuiltSite(dist);
}, 600_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a site built for https://jyj.example.gov.cn/zck/', () => {
  it('says where it is published, and writes the site at the top of the folder', () => {
    expect(buildOutput).toContain(`at ${ORIGIN}${BASE}`);
    expect(buildOutput).not.toContain('warning: no public address');
    expect(existsSync(join(dist, 'index.html'))).toBe(true);
    expect(existsSync(join(dist, 'pagefind', 'pagefind.js'))).toBe(true);
  });
  it('has every internal link under /zck/, and each one resolves', async () => {
    const { links, problems } = await checkLinks(dist, pages, { origin: ORIGIN, base: BASE });
    expect(links).toBeGreaterThan(500);
    expect(problems).toEqual([]);
  });
  it('gives canonical links and citations with the public address', () => {
    const policy = pages.get(`/policies/${POLICY}/`)!;
    const canonical = byTag(policy, 'link').find((l) => attr(l, 'rel') === 'canonical');
    expect(attr(canonical!, 'href')).toBe(`${ORIGIN}${BASE}policies/${POLICY}/`);
    const cite = byTag(policy, 'a', 'cite-url').map((a) => attr(a, 'href'));
    expect(cite).toContain(`${ORIGIN}${BASE}policies/${POLICY}/#m23`);
  });
  it('writes data records whose links carry the public address and the base path', () => {
    const docs = JSON.parse(readFileSync(join(dist, 'data', 'documents.json'), 'utf8')) as { items: { url: string; data: string }[] };
    expect(docs.items.length).toBe(5);
    for (const d of docs.items) {
      expect(d.url.startsWith(`${ORIGIN}${BASE}policies/`)).toBe(true);
      expect(d.data.startsWith(`${ORIGIN}${BASE}data/policies/`)).toBe(true);
    }
  });
});

describe('feeds and sitemap of a site with a public address', () => {
  it('writes an RSS 2.0 feed of the newest documents, with absolute links under /zck/', () => {
    const feed = readFileSync(join(dist, 'rss.xml'), 'utf8');
    expect(feed).toMatch(/^<\?xml[^>]*\?><rss version="2\.0"/u);
    expect(feed).toContain('<title>教育政策知识库</title>');
    const links = [...feed.matchAll(/<item><title>[^<]*<\/title><link>([^<]+)<\/link>/gu)].map((m) => m[1]);
    expect(links).toHaveLength(5);
    for (const link of links) expect(link!.startsWith(`${ORIGIN}${BASE}policies/`)).toBe(true);
    expect(feed).toContain(`<link>${ORIGIN}${BASE}policies/${POLICY}/</link>`);
  });
  it('writes a feed per place, linked from its page', () => {
    const city = pages.get('/cities/ji-yuan-shi/')!;
    const alternate = byTag(city, 'link').filter((l) => attr(l, 'type') === 'application/rss+xml').map((l) => attr(l, 'href'));
    expect(alternate).toEqual([`${BASE}cities/ji-yuan-shi/rss.xml`, `${BASE}rss.xml`]);
    const feed = readFileSync(join(dist, 'cities', 'ji-yuan-shi', 'rss.xml'), 'utf8');
    expect([...feed.matchAll(/<item>/gu)]).toHaveLength(1);
    expect(feed).toContain(`${ORIGIN}${BASE}policies/${POLICY}/`);
    expect(existsSync(join(dist, 'cities', 'weizhuming', 'rss.xml'))).toBe(false);
  });
  it('writes a sitemap of every page at the public address, without the 404 page', () => {
    const index = readFileSync(join(dist, 'sitemap-index.xml'), 'utf8');
    expect(index).toContain(`<loc>${ORIGIN}${BASE}sitemap-0.xml</loc>`);
    const map = readFileSync(join(dist, 'sitemap-0.xml'), 'utf8');
    const locs = [...map.matchAll(/<loc>([^<]+)<\/loc>/gu)].map((m) => m[1]!);
    expect(locs).toContain(`${ORIGIN}${BASE}`);
    expect(locs).toContain(`${ORIGIN}${BASE}policies/${POLICY}/`);
    expect(locs.every((l) => l.startsWith(`${ORIGIN}${BASE}`))).toBe(true);
    expect(locs.some((l) => l.includes('404'))).toBe(false);
    expect(locs.length).toBe([...pages.keys()].filter((p) => p !== '/404.html').length);
  });
});

describe.skipIf(!existsSync(CHROMIUM_PATH))('served under /zck/, in Chromium', () => {
  let server: StaticServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await serveStatic(dist, BASE);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('follows the navigation, a citation and a data download from the home page', async () => {
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const tab = await context.newPage();
    const failed: string[] = [];
    tab.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    await tab.goto(`${server.url}${BASE}`);
    await tab.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '地区' }).click();
    await tab.waitForURL(`${server.url}${BASE}cities/`);
    await tab.goto(`${server.url}${BASE}policies/${POLICY}/#m23`);
    const cite = tab.locator('#m23 + details.cite');
    await cite.locator('summary').click();
    await cite.getByRole('button', { name: '复制链接' }).click();
    expect(await tab.evaluate(() => navigator.clipboard.readText())).toBe(`${ORIGIN}${BASE}policies/${POLICY}/#m23`);
    await tab.goto(`${server.url}${BASE}data/`);
    const csv = tab.locator('a[href$="/data/documents.csv"]').first();
    const response = await tab.request.get(new URL((await csv.getAttribute('href'))!, tab.url()).href);
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain('济源市教育局2018年工作要点');
    expect(failed).toEqual([]);
    await context.close();
  }, 60_000);

  it('searches, and a result leads to its measure under /zck/', async () => {
    const tab = await browser.newPage();
    await tab.goto(`${server.url}${BASE}search/?q=${encodeURIComponent('大班额')}`);
    const first = tab.locator('#search-list a').first();
    await first.waitFor();
    const href = (await first.getAttribute('href'))!;
    expect(href.startsWith(`${BASE}policies/`)).toBe(true);
    await first.click();
    await tab.waitForURL((url) => url.pathname.startsWith(`${BASE}policies/`));
    expect(await tab.locator('h1').count()).toBe(1);
    await tab.close();
  }, 60_000);
});
