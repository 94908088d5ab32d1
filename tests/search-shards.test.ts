/**
 * The search index in shards: the plan (which page goes in which shard), the joining of
 * date-ordered results, and a build split over two processes into two folders, then assembled.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { PagefindResult, PagefindSearchResponse } from '../src/search/results.ts';
import { SHARD_FILTER, joinByRelevance, joinShardResponses, openShardIndex, scoredAsOneWord, shardWeights, planShards, shardChunkSize, shardedApi, type PagefindModule, type ShardManifest } from '../src/search/shards.ts';
import { needsEveryShard, searchFirstScreen } from '../src/search/run.ts';
import type { SearchState } from '../src/search/state.ts';
import { loadPagefind } from '../scripts/build-search-client.ts';
import { indexedPart } from '../scripts/build-search-index.ts';

const page = (url: string, sortDate: string) => ({ url, sortDate });

describe('planShards', () => {
  const pages = [
    page('/p/a/', '2024-03-01'),
    page('/p/b/', '2024-00-00'),
    page('/p/c/', '2023-05-02'),
    page('/p/d/', '2021-01-01'),
    page('/p/e/', '2020-12-31'),
    page('/p/f/', '0000-00-00'),
  ];

  it('keeps one index up to the shard size', () => {
    const plan = planShards(pages, 6);
    expect(plan.map((s) => [s.id, s.path, s.pages])).toEqual([['all', '', 6]]);
  });

  it('packs whole years, newest first, as many as fit; undated documents go with the oldest years', () => {
    const plan = planShards(pages, 3);
    expect(plan.map((s) => [s.id, s.urls])).toEqual([
      ['2023-2024', ['/p/a/', '/p/b/', '/p/c/']],
      ['0000-2021', ['/p/d/', '/p/e/', '/p/f/']],
    ]);
    expect(plan.every((s) => s.path === `shards/${s.id}/`)).toBe(true);
  });

  it('gives a year that fills a shard a shard of its own', () => {
    const plan = planShards(pages, 2);
    expect(plan.map((s) => [s.id, s.pages])).toEqual([
      ['2024', 2],
      ['2021-2023', 2],
      ['0000-2020', 2],
    ]);
  });

  it('puts the newest pages, a quarter of the shard size, in a shard of their own, cut between two dates', () => {
    const many = [
      ...Array.from({ length: 6 }, (_, i) => page(`/n/${i}/`, `2025-0${i + 1}-01`)),
      page('/n/x/', '2024-12-01'),
      page('/n/y/', '2024-12-01'),
      ...Array.from({ length: 9 }, (_, i) => page(`/o/${i}/`, `2023-0${i + 1}-01`)),
    ];
    const plan = planShards(many, 12);
    expect(plan.map((s) => [s.id, s.pages, s.newest, s.oldest])).toEqual([
      ['newest', 3, '2025', '2025'],
      ['2024-2025', 5, '2025', '2024'],
      ['2023', 9, '2023', '2023'],
    ]);
    expect(plan[0]!.urls).toEqual(['/n/3/', '/n/4/', '/n/5/']);
    // A head that would split one date takes the whole date instead.
    const sameDay = planShards([...Array.from({ length: 4 }, (_, i) => page(`/s/${i}/`, '2025-05-05')), ...many.slice(6)], 8, 2);
    expect(sameDay[0]).toMatchObject({ id: 'newest', pages: 4 });
    // Every page in exactly one shard.
    expect(plan.flatMap((s) => s.urls).sort()).toEqual(many.map((p) => p.url).sort());
  });

  it('cuts a year larger than the shard size into parts of contiguous dates, never one date in two parts', () => {
    const year = [
      page('/y/1/', '2024-12-01'),
      page('/y/2/', '2024-11-05'),
      page('/y/3/', '2024-11-05'),
      page('/y/4/', '2024-06-01'),
      page('/y/5/', '2024-02-01'),
      page('/y/6/', '2024-00-00'),
      page('/y/7/', '2023-01-01'),
    ];
    expect(planShards(year, 3).map((s) => [s.id, s.urls])).toEqual([
      ['2024.1', ['/y/1/', '/y/2/', '/y/3/']],
      ['2024.2', ['/y/4/', '/y/5/', '/y/6/']],
      ['2023', ['/y/7/']],
    ]);
    // A cut at 2 would part the two pages of 2024-11-05: it comes before them instead.
    expect(planShards(year, 2).map((s) => [s.id, s.urls])).toEqual([
      ['2024.1', ['/y/1/']],
      ['2024.2', ['/y/2/', '/y/3/']],
      ['2024.3', ['/y/4/', '/y/5/']],
      ['2024.4', ['/y/6/']],
      ['2023', ['/y/7/']],
    ]);
  });

  it('plans the same whatever order the pages come in', () => {
    expect(planShards([...pages].reverse(), 3)).toEqual(planShards(pages, 3));
  });

  it('rejects a size that is not a whole number of pages', () => {
    expect(() => planShards(pages, 0)).toThrow(/whole number/);
  });
});

describe('shardChunkSize', () => {
  it('divides Pagefind’s chunk among the shards, and leaves one index alone', () => {
    expect(shardChunkSize(1)).toBeNull();
    expect(shardChunkSize(4)).toBe(5000);
    expect(shardChunkSize(100)).toBe(2000);
  });
});

const result = (id: string): PagefindResult => ({ id, score: 1, data: async () => ({ url: `/${id}/` }) as never });
const response = (ids: string[], filters: PagefindSearchResponse['filters']): PagefindSearchResponse => ({
  results: ids.map(result),
  unfilteredResultCount: 9,
  filters,
  totalFilters: filters,
});

describe('joinShardResponses', () => {
  it('joins the lists in the order given and adds the counts, without the shard filter', () => {
    const joined = joinShardResponses([
      response(['a', 'b'], { 年份: { '2024': 2 }, 地区: { 甲市: 1 }, [SHARD_FILTER]: { '2024': 2 } }),
      response(['c'], { 年份: { '2023': 1 }, 地区: { 甲市: 1, 乙市: 0 }, [SHARD_FILTER]: { '2023': 1 } }),
    ]);
    expect(joined.results.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(joined.filters).toEqual({ 年份: { '2024': 2, '2023': 1 }, 地区: { 甲市: 2, 乙市: 0 } });
    expect(joined.unfilteredResultCount).toBe(9);
  });
});

describe('shardedApi', () => {
  // A stand-in for merged pagefind.js: each shard holds pages with a date; the merged search
  // zips the shards' sorted lists as Pagefind does (wrong across shards), a filtered one keeps a shard.
  const shards: Record<string, [string, string][]> = {
    '2024': [
      ['a', '2024-05-01'],
      ['b', '2024-01-01'],
    ],
    '2022-2023': [
      ['c', '2023-02-01'],
      ['d', '2022-07-01'],
    ],
  };
  const manifest: ShardManifest = {
    pagefind: '1.6.0',
    shards: Object.keys(shards).map((id) => ({ id, path: `shards/${id}/`, pages: 2, newest: id.slice(-4), oldest: id.slice(0, 4) })),
  };
  const calls: unknown[] = [];
  const fake = {
    options: async () => undefined,
    init: async () => undefined,
    preload: async () => undefined,
    filters: async () => ({ 年份: { '2024': 2 }, [SHARD_FILTER]: { '2024': 2 } }),
    async search(_term: string | null, o: { filters?: Record<string, unknown>; sort?: Record<string, 'asc' | 'desc'> } = {}) {
      calls.push(o);
      const only = o.filters?.[SHARD_FILTER] as string | undefined;
      const lists = Object.entries(shards)
        .filter(([id]) => only === undefined || id === only)
        .map(([, pages]) => [...pages].sort((x, y) => (x[1] < y[1] ? 1 : -1)).map(([id]) => id))
        .map((ids) => (o.sort?.date === 'asc' ? ids.reverse() : ids));
      const zipped: string[] = [];
      for (let i = 0; i < 2; i++) for (const l of lists) if (l[i]) zipped.push(l[i]!);
      return response(zipped, { [SHARD_FILTER]: { [only ?? 'all']: zipped.length } });
    },
  };
  const api = shardedApi(fake, manifest);

  it('orders by date exactly, newest shard first, and oldest first when ascending', async () => {
    expect((await fake.search(null, { sort: { date: 'desc' } })).results.map((r) => r.id)).toEqual(['a', 'c', 'b', 'd']);
    expect((await api.search(null, { sort: { date: 'desc' } })).results.map((r) => r.id)).toEqual(['a', 'b', 'c', 'd']);
    expect((await api.search(null, { sort: { date: 'asc' } })).results.map((r) => r.id)).toEqual(['d', 'c', 'b', 'a']);
  });

  it('keeps the reader’s filters on each shard’s search, by date and by relevance of one word; a quoted phrase, several words or none is one merged search', async () => {
    calls.length = 0;
    await api.search('学位', { filters: { 地区: { any: ['甲市'] } }, sort: { date: 'desc' } });
    expect(calls).toEqual([
      { filters: { 地区: { any: ['甲市'] }, [SHARD_FILTER]: '2024' }, sort: { date: 'desc' } },
      { filters: { 地区: { any: ['甲市'] }, [SHARD_FILTER]: '2022-2023' }, sort: { date: 'desc' } },
    ]);
    calls.length = 0;
    const relevance = await api.search('学位', { filters: { 地区: { any: ['甲市'] } } });
    expect(calls).toEqual([{ filters: { 地区: { any: ['甲市'] }, [SHARD_FILTER]: '2024' } }, { filters: { 地区: { any: ['甲市'] }, [SHARD_FILTER]: '2022-2023' } }]);
    expect(relevance.results.map((r) => r.id).sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(relevance.filters[SHARD_FILTER]).toBeUndefined();
    for (const term of ['"学位"', '义务教育 优质均衡', null]) {
      calls.length = 0;
      await api.search(term, {});
      expect(calls).toHaveLength(1);
    }
    expect(Object.keys(await api.filters())).toEqual(['年份']);
  });
});

describe('shardWeights and joinByRelevance', () => {
  // Pagefind's idf of a word in `n` of `pages` pages (pagefind_web, search.rs).
  const idf = (pages: number, n: number): number => Math.log((pages - n + 0.5) / (n + 0.5) + 1);
  const scored = (id: string, score: number): PagefindResult => ({ ...result(id), score });
  const counted = (results: PagefindResult[], matching: Record<string, number>): PagefindSearchResponse => ({ results, unfilteredResultCount: 1000, filters: {}, totalFilters: { [SHARD_FILTER]: matching } });

  it('ranks as one index would when a word is in nearly every page: 小学 in 915 of 916 pages and in all 84 of 2015’s', () => {
    const shards = [
      { id: '2016-2025', pages: 916 },
      { id: '2015', pages: 84 },
    ];
    const matching = { '2016-2025': 915, '2015': 84 };
    // y says 小学 a little more often than x, so one index (999 of 1,000 pages) puts y first …
    const tfX = 1.0;
    const tfY = 1.2;
    expect(idf(1000, 999) * tfY).toBeGreaterThan(idf(1000, 999) * tfX);
    // … but 2015's own idf is four times one index's, so Pagefind's merge puts x first.
    const perShard = [counted([scored('y', idf(916, 915) * tfY)], matching), counted([scored('x', idf(84, 84) * tfX)], matching)];
    expect(idf(84, 84) * tfX).toBeGreaterThan(idf(916, 915) * tfY);
    const joined = joinByRelevance(perShard, shardWeights(shards, matching));
    expect(joined.results.map((r) => r.id)).toEqual(['y', 'x']);
    expect(joined.results[0]!.score).toBeCloseTo(idf(1000, 999) * tfY, 6);
    expect(joined.results[1]!.score).toBeCloseTo(idf(1000, 999) * tfX, 6);
  });

  it('weighs each shard in the order given, whatever its id (2015 sorts first as an object key), and leaves a shard without matches at 1', () => {
    const w = shardWeights(
      [
        { id: '2024-2025', pages: 190 },
        { id: '2015', pages: 84 },
        { id: '2016-2023', pages: 726 },
      ],
      { '2024-2025': 10, '2015': 40 },
    );
    expect(w[0]).toBeCloseTo(idf(1000, 50) / idf(190, 10), 9);
    expect(w[1]).toBeCloseTo(idf(1000, 50) / idf(84, 40), 9);
    expect(w[2]).toBe(1);
  });

  it('re-weights a search of one word only: not a quoted phrase, not several words as Pagefind cuts them, not a search without words', () => {
    for (const one of ['小学', '教师', '学前教育', ' 编制 ']) expect(scoredAsOneWord(one), one).toBe(true);
    for (const not of ['心理健康', '轮岗', '义务教育 优质均衡', '"课后服务"', '济源市教育局2018年教育工作要点', '  ']) expect(scoredAsOneWord(not), not).toBe(false);
    expect(scoredAsOneWord(null)).toBe(false);
  });
});

describe('openShardIndex and searchFirstScreen', () => {
  // A stand-in for pagefind.js: the shards merged so far, newest first; every page matches every
  // query; a search filtered to one shard sees only that shard's pages.
  const pages: Record<string, string[]> = { '2024': ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'], '2023': ['b1', 'b2', 'b3'], '2020-2022': ['c1', 'c2'] };
  const manifest: ShardManifest = {
    pagefind: '1.6.0',
    // Newest first, spelled out: an object's keys that look like numbers iterate in ascending order.
    shards: ['2024', '2023', '2020-2022'].map((id) => ({ id, path: `shards/${id}/`, pages: pages[id]!.length, newest: id.slice(-4), oldest: id.slice(0, 4) })),
  };
  function fakeModule() {
    const merged: string[] = [];
    const preloadedIn: string[][] = [];
    let primary = '';
    const module: PagefindModule = {
      options: async (o) => {
        primary = ((o.mergeFilter as Record<string, string> | undefined)?.[SHARD_FILTER]) ?? '';
      },
      init: async () => void merged.push(primary),
      mergeIndex: async (_path, o) => void merged.push((o?.mergeFilter as Record<string, string>)[SHARD_FILTER]!),
      preload: async () => void preloadedIn.push([...merged]),
      filters: async () => ({}),
      search: async (_term, o = {}) => {
        const only = o.filters?.[SHARD_FILTER];
        const ids = merged.filter((id) => only === undefined || id === only).flatMap((id) => pages[id]!);
        return response(ids, { 地区: { 甲市: ids.length } });
      },
    };
    return { module, merged, preloadedIn };
  }
  const state = (sort: SearchState['sort']): SearchState => ({ q: '学位', filters: {}, sort });

  it('shows a newest-first search from the newest shard when it holds a screen, and says the counts are not complete', async () => {
    const { module, merged } = fakeModule();
    const index = await openShardIndex(module, manifest, '/pagefind/', {});
    const first = await searchFirstScreen(index, state('date-desc'), 5);
    expect(merged).toEqual(['2024']);
    expect(first.complete).toBe(false);
    expect(first.results.map((r) => r.id)).toEqual(pages['2024']);
    expect(first.counts['地区']).toEqual({ 甲市: 6 });
    // The rest opened behind it: the same documents first, then the older ones, counted in full.
    await index.openAll();
    const all = await searchFirstScreen(index, state('date-desc'), 5);
    expect(all.complete).toBe(true);
    expect(all.results.map((r) => r.id)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'b1', 'b2', 'b3', 'c1', 'c2']);
    expect(all.counts['地区']).toEqual({ 甲市: 11 });
  });

  it('opens older shards one at a time until the screen is full', async () => {
    const { module, merged } = fakeModule();
    const index = await openShardIndex(module, manifest, '/pagefind/', {});
    const first = await searchFirstScreen(index, state('date-desc'), 8);
    expect(merged).toEqual(['2024', '2023']);
    expect(first.results).toHaveLength(9);
    expect(first.complete).toBe(false);
  });

  it('opens every shard before a search by relevance or oldest first', async () => {
    for (const sort of ['relevance', 'date-asc'] as const) {
      const { module, merged } = fakeModule();
      const index = await openShardIndex(module, manifest, '/pagefind/', {});
      const first = await searchFirstScreen(index, state(sort), 5);
      expect(merged).toEqual(['2024', '2023', '2020-2022']);
      expect(first.complete).toBe(true);
    }
    expect(needsEveryShard({ q: '', filters: {}, sort: 'date-desc' })).toBe(true);
    expect(needsEveryShard({ q: '', filters: { city: ['甲市'] }, sort: 'relevance' })).toBe(false);
  });

  it('loads the filter indexes asked for before in each shard opened later, and opens each shard once however many ask', async () => {
    const { module, merged, preloadedIn } = fakeModule();
    const index = await openShardIndex(module, manifest, '/pagefind/', {});
    await index.api.preload(null, { filters: { 年份: { any: [] } } });
    await Promise.all([index.openNext(), index.openNext(), index.openNext(), index.openNext()]);
    expect(merged).toEqual(['2024', '2023', '2020-2022']);
    expect(preloadedIn).toEqual([['2024'], ['2024', '2023'], ['2024', '2023', '2020-2022']]);
    expect(index.complete()).toBe(true);
    expect(await index.openNext()).toBe(false);
  });
});

describe('a first screen over the sample indexed in two shards (real Pagefind)', () => {
  it('comes from the newest shard alone when it holds the screen, fetching nothing of the older one, and stays first when the rest arrives', async () => {
    const error = inject('searchBuildError');
    if (error) throw new Error(error);
    const client = await loadPagefind(inject('searchDistShards'), { lazy: true });
    const [newest, older] = client.index.manifest.shards;
    const state: SearchState = { q: '教师', filters: {}, sort: 'date-desc' };
    const first = await searchFirstScreen(client.index, state, 1);
    expect(first.complete).toBe(false);
    expect(first.results.length).toBeGreaterThanOrEqual(1);
    expect(client.filesFetched().some((f) => f.startsWith(older!.path))).toBe(false);
    for (const r of first.results) expect((await r.data()).meta.date ?? '').toMatch(new RegExp(`^(${newest!.oldest}|${newest!.newest})`));

    await client.index.openAll();
    const all = await searchFirstScreen(client.index, state, 1);
    expect(all.complete).toBe(true);
    expect(client.filesFetched().some((f) => f.startsWith(older!.path))).toBe(true);
    expect(all.results.length).toBeGreaterThan(first.results.length);
    expect(all.results.slice(0, first.results.length).map((r) => r.id)).toEqual(first.results.map((r) => r.id));
    const eager = await loadPagefind(inject('searchDist'));
    expect(all.results.map((r) => r.id).length).toBe((await eager.search('"教师"', { sort: { date: 'desc' } })).results.length);
  });
});

describe('indexedPart', () => {
  it('changes with the indexed article and the language, not with the page around it', () => {
    const html = (nav: string, body: string, lang = 'zh-CN') => `<html lang="${lang}"><nav>${nav}</nav><article data-pagefind-body><p>${body}</p></article><footer>${nav}</footer></html>`;
    expect(indexedPart(html('首页', '正文'))).toBe(indexedPart(html('首页 相关文件', '正文')));
    expect(indexedPart(html('首页', '正文'))).not.toBe(indexedPart(html('首页', '正文改')));
    expect(indexedPart(html('首页', '正文'))).not.toBe(indexedPart(html('首页', '正文', 'en')));
  });
});

describe('a build split over processes', () => {
  const work = mkdtempSync(join(tmpdir(), 'search-split-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const run = (args: string[]) =>
    promisify(execFile)('node_modules/.bin/tsx', ['scripts/build.ts', ...args], {
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ASTRO_CACHE_DIR: join(work, 'cache') },
      maxBuffer: 16 * 1024 * 1024,
    });

  it('indexes two shards in separate processes into separate folders, and assembles them into one searchable index', async () => {
    const error = inject('searchBuildError');
    if (error) throw new Error(error);
    // The built sample (one index) and a copy of its pages to index in shards.
    const single = inject('searchDist');
    const site = join(work, 'site');
    cpSync(single, site, { recursive: true });
    rmSync(join(site, 'pagefind'), { recursive: true, force: true });
    const size = '3';
    const plan = (await run(['--out-dir', site, '--search-plan', '--search-shard-size', size])).stdout
      .trim()
      .split('\n')
      .map((l) => l.split('\t')[0]!);
    expect(plan.length).toBe(2);

    // Two processes, as two machines of a CI matrix would run them (the shards folders apart).
    const parts = plan.map((_, i) => join(work, `part-${i}`));
    await Promise.all(plan.map((id, i) => run(['--out-dir', site, '--index-only', '--search-shard-size', size, '--search-shard', id, '--search-parts', parts[i]!])));
    expect(existsSync(join(site, 'pagefind'))).toBe(false);
    for (const [i, id] of plan.entries()) expect(existsSync(join(parts[i]!, id, 'pagefind-entry.json'))).toBe(true);

    const assembled = await run(['--out-dir', site, '--index-only', '--search-shard-size', size, '--search-assemble', parts.join(',')]);
    expect(assembled.stdout).toMatch(/shards 2, indexed 0/);
    const manifest = JSON.parse(readFileSync(join(site, 'pagefind', 'shards.json'), 'utf8')) as ShardManifest;
    expect(manifest.shards.map((s) => s.id)).toEqual(plan);

    // The assembled index finds what the single index finds, in the same date order.
    const one = await loadPagefind(single);
    const split = await loadPagefind(site);
    const urls = async (pf: typeof one, q: string | null, sort?: 'desc') =>
      Promise.all((await pf.search(q, sort ? { sort: { date: sort } } : {})).results.map(async (r) => (await r.data()).url));
    for (const q of ['大班额', '"课后服务"', '教师']) expect((await urls(split, q)).sort(), q).toEqual((await urls(one, q)).sort());
    expect(await urls(split, null, 'desc')).toEqual(await urls(one, null, 'desc'));
    // Four build processes one after another: 8 s on an idle machine, over 40 s on a busy one.
  }, 120_000);

  it('refuses a part indexed from other pages, naming the shard', async () => {
    // The site of the test above with every policy page edited after its parts were indexed.
    const other = join(work, 'other');
    cpSync(join(work, 'site'), other, { recursive: true });
    for (const slug of readdirSync(join(other, 'policies'))) {
      const f = join(other, 'policies', slug, 'index.html');
      writeFileSync(f, readFileSync(f, 'utf8').replace('</article>', '<p>补充说明</p></article>'));
    }
    const parts = [join(work, 'part-0'), join(work, 'part-1')].join(',');
    await expect(run(['--out-dir', other, '--index-only', '--search-shard-size', '3', '--search-assemble', parts])).rejects.toThrow(/search shard \S+ in \S+ was indexed from other pages/);
  });
});
