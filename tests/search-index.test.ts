/**
 * Searches the built index from Node, as the search page does in the browser (Pagefind's own
 * bundle, zh-CN), and holds the results against what the documents say (content/policies).
 * The site is built once per run by tests/support/global-build.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { yearsOf } from '../src/index/documents.ts';
import { looseQuery, missingPhrases, queryPhrases, toResultView, type PagefindResultData } from '../src/search/results.ts';
import { runSearch } from '../src/search/run.ts';
import { FILTER_NAMES, parseSearchState } from '../src/search/state.ts';
import { parseFacetTotals } from '../src/search/facets.ts';
import { paths } from '../src/site/paths.ts';
import { SHARD_MANIFEST, type ShardManifest } from '../src/search/shards.ts';
import { loadPagefind, type PagefindClient } from '../scripts/build-search-client.ts';
import { loadPolicies } from './support/fixtures.ts';

const docs = loadPolicies('content/policies');
let pf: PagefindClient;

/** A document's text as a reader sees it: title and body, without Markdown anchors and escapes. */
const plain = (markdown: string) => markdown.replace(/\{#[a-z0-9-]+\}/g, '').replace(/\\/g, '').replace(/^#+ /gm, '');
const texts = new Map(docs.map((d) => [d.slug, plain(`${d.data.title}\n${d.body}`)]));

/** Slugs of the documents that say every phrase of a query as written. */
const saying = (query: string) => docs.filter((d) => missingPhrases(texts.get(d.slug)!, queryPhrases(query)).length === 0).map((d) => d.slug).sort();

/** The parts of a document between headings with ids: `{id, text}` (heading text included). */
function sections(body: string): { id: string; text: string }[] {
  const out: { id: string; text: string }[] = [];
  for (const line of body.split('\n')) {
    const heading = /^#{2,6} .*\{#([a-z][a-z0-9-]*)\}\s*$/.exec(line);
    if (heading) out.push({ id: heading[1]!, text: '' });
    const last = out[out.length - 1];
    if (last) last.text += plain(line);
  }
  return out;
}

const slugOf = (url: string) => /^\/policies\/([a-z0-9-]+)\/(#.*)?$/.exec(url)?.[1] ?? url;

async function search(query: string | null, options?: Parameters<PagefindClient['search']>[1]): Promise<PagefindResultData[]> {
  const found = await pf.search(query, options);
  return Promise.all(found.results.map((r) => r.data()));
}

const found = async (query: string) => (await search(query)).map((d) => slugOf(d.url)).sort();

// Every assertion holds over one index and over the same site indexed in two shards (date ranges,
// searched through the manifest as the search page does: tests/support/global-build.ts).
const INDEXES = [
  { label: 'one index', dist: inject('searchDist'), shards: 1 },
  { label: 'two shards', dist: inject('searchDistShards'), shards: 2 },
];

describe.each(INDEXES)('over $label', ({ dist, shards }) => {
  beforeAll(async () => {
    const error = inject('searchBuildError');
    if (error) throw new Error(error);
    pf = await loadPagefind(dist);
  });

  describe('Chinese words', () => {
    // 2–4 characters, from the issue and the sample: measures' words, unit names, words that
    // only occur inside longer words in some documents.
    const WORDS = ['大班额', '班额', '小学', '中小学', '心理健康', '课后服务', '交流轮岗', '轮岗', '双减', '控辍保学', '市财政局', '督导', '学位', '编制'];
    for (const word of WORDS) {
      it(`finds every document that says ${word}`, async () => {
        const expected = saying(word);
        expect(expected.length, `the sample says ${word} somewhere`).toBeGreaterThan(0);
        expect(await found(word)).toEqual(expect.arrayContaining(expected));
      });
    }

    // A word inside a longer word: 小学 in 中小学, 班额 in 大班额. Each measure that has the
    // short word only as part of the long one must still come back, as a part of its document.
    const INSIDE: [string, string][] = [
      ['小学', '中小学'],
      ['班额', '大班额'],
      ['轮岗', '交流轮岗'],
      ['服务', '课后服务'],
    ];
    for (const [word, longer] of INSIDE) {
      it(`finds ${word} where it is only part of ${longer}, down to the measure`, async () => {
        const only = docs.flatMap((d) =>
          sections(d.body)
            .filter((s) => s.text.includes(longer) && !s.text.split(longer).join('').includes(word))
            .map((s) => `${paths.policy(d.slug)}#${s.id}`),
        );
        expect(only.length, `some section has ${word} only inside ${longer}`).toBeGreaterThan(0);
        const parts = (await search(word)).flatMap((d) => d.sub_results.map((s) => s.url));
        expect(parts).toEqual(expect.arrayContaining(only));
      });
    }

    const PHRASES = ['"大班额"', '"课后服务"', '"交流轮岗"', '"心理健康"', '"双减"', '"校外培训"', '"集团化办学"'];
    for (const phrase of PHRASES) {
      it(`finds exactly the documents that say ${phrase} when it is in quotes`, async () => {
        expect(await found(phrase)).toEqual(saying(phrase));
      });
    }

    // The search page's search (runSearch): a quoted phrase is found wherever it is written, also
    // where the browser cuts it into other words than the index did (中小学, 名校长, 县域, 辍学),
    // which Pagefind's phrase search alone misses.
    const PAGE_PHRASES = [...PHRASES, '"中小学"', '"名校长"', '"县域"', '"辍学"', '"小学"', '"班额"', '"市财政局"', '"课后延时服务"', '"教师交流"'];
    for (const phrase of PAGE_PHRASES) {
      it(`lists on the search page exactly the documents that say ${phrase}`, async () => {
        const outcome = await runSearch(pf, parseSearchState(`?q=${encodeURIComponent(phrase)}`));
        const slugs = (await Promise.all(outcome.results.map((r) => r.data()))).map((d) => slugOf(d.url)).sort();
        expect(slugs).toEqual(saying(phrase));
        expect(outcome.unchecked).toBe(0);
      });
    }

    it('reads Chinese quotation marks as quotes', async () => {
      const outcome = await runSearch(pf, parseSearchState(`?q=${encodeURIComponent('“课后服务”')}`));
      expect(outcome.results).toHaveLength(saying('"课后服务"').length);
    });

    it('counts the facets of a quoted search over the documents it lists', async () => {
      const outcome = await runSearch(pf, parseSearchState(`?q=${encodeURIComponent('"中小学"')}`));
      const years = outcome.counts['年份'] ?? {};
      // Each listed document counts once under each of its years (a report on 2022 dated 2023: twice).
      const urls = await Promise.all(outcome.results.map(async (r) => (await r.data()).url));
      const yearsListed = urls
        .map((url) => docs.find((d) => paths.policy(d.slug) === url)!)
        .reduce((n, d) => n + Math.max(1, yearsOf(d.data.period, d.data.date).length), 0);
      expect(Object.values(years).reduce((a, b) => a + b, 0)).toBe(yearsListed);
      expect(yearsListed).toBeGreaterThan(outcome.results.length);
    });

    it('finds more without quotes than with them, and the result list says which documents lack the phrase', async () => {
      const loose = await search('课后服务');
      const exact = await found('"课后服务"');
      expect(loose.length).toBeGreaterThan(exact.length);
      for (const data of loose) {
        const view = toResultView(data, '课后服务');
        expect(view.missing, data.url).toEqual(exact.includes(slugOf(data.url)) ? [] : ['课后服务']);
      }
    });
  });

  describe('results', () => {
    it('are policy pages only: no navigation, footer or citation text is indexed', async () => {
      expect(await search('"跳到正文"')).toEqual([]);
      expect(await search('"收录地方教育政策文件原文"')).toEqual([]);
      expect(await search('policy-kb.example')).toEqual([]);
      for (const data of await search(null)) expect(data.url).toMatch(/^\/policies\/[a-z0-9-]+\/$/);
    });

    it('split at headings, each part linking to its measure or section', async () => {
      const ids = new Map<string, Set<string>>(docs.map((d) => [d.slug, new Set(sections(d.body).map((s) => s.id))]));
      const results = await search('心理健康');
      expect(results.length).toBeGreaterThan(0);
      for (const data of results) {
        for (const part of data.sub_results.filter((s) => s.anchor)) {
          const [, slug, id] = /^\/policies\/([a-z0-9-]+)\/#([a-z][a-z0-9-]*)$/.exec(part.url) ?? [];
          expect(ids.get(slug!)?.has(id!), part.url).toBe(true);
        }
      }
    });

    for (const query of ['大班额', '"大班额"', '交流轮岗', '"课后服务"']) {
      it(`show, for ${query}, every measure and section that says it, as the page does`, async () => {
        // The page takes a quoted query's documents from it, and their parts from the loose search.
        const exact = new Set((await search(query)).map((d) => d.url));
        const results = (await search(looseQuery(query) ?? query)).filter((d) => exact.has(d.url));
        expect(results).toHaveLength(exact.size);
        for (const data of results) {
          const doc = docs.find((d) => d.slug === slugOf(data.url))!;
          const view = toResultView(data, query, 100);
          if (!saying(query).includes(doc.slug)) {
            // Found for the characters alone: the page says so instead of pretending.
            expect(view.missing, data.url).not.toEqual([]);
            continue;
          }
          const expected = sections(doc.body).filter((s) => missingPhrases(s.text, queryPhrases(query)).length === 0).map((s) => s.id);
          const shown = view.subResults.map((s) => s.anchor);
          expect(shown, data.url).toEqual(expect.arrayContaining(expected));
          expect(shown.filter((id) => !expected.includes(id!)), `${data.url}: parts that do not say ${query}`).toEqual([]);
        }
      });
    }

    it('highlight the words of the query in each part’s excerpt', async () => {
      for (const data of await search('心理健康')) {
        for (const part of toResultView(data, '心理健康').subResults) expect(part.excerptHtml).toMatch(/<mark>[^<]*(心理|健康)[^<]*<\/mark>/);
      }
    });

    it('put the document whose title is searched first', async () => {
      for (const doc of docs) {
        const [first] = await search(doc.data.title);
        expect(first?.url, doc.data.title).toBe(paths.policy(doc.slug));
      }
    });

    it('rank a measure whose heading has the words above the body text that mentions them', async () => {
      const doc = docs.find((d) => d.slug === 'jiyuan-2018-jiaoyuju-gongzuo-yaodian')!;
      const measure = doc.data.measures.find((m) => m.title === '优化资源配置总体布局')!;
      const data = (await search(measure.title)).find((d) => d.url === paths.policy(doc.slug))!;
      const score = (s: PagefindResultData['sub_results'][number]) => (s.weighted_locations ?? []).reduce((n, l) => n + l.balanced_score, 0);
      const best = [...data.sub_results].sort((a, b) => score(b) - score(a))[0];
      expect(best?.url).toBe(paths.anchor(doc.slug, measure.id));
      expect(toResultView(data, measure.title).subResults.map((s) => s.anchor)).toContain(measure.id);
    });
  });

  describe('filters', () => {
    it('the totals the search page carries for its short facets are the index’s own', async () => {
      const html = readFileSync(join(dist, 'search', 'index.html'), 'utf8');
      const attr = /data-facet-totals="([^"]*)"/.exec(html)?.[1]?.replace(/&#34;|&quot;/g, '"');
      const totals = parseFacetTotals(attr);
      expect(Object.keys(totals).length).toBeGreaterThan(0);
      await pf.preload(null, { filters: Object.fromEntries(Object.keys(totals).map((name) => [name, { any: [] }])) });
      const indexed = (await pf.search(null)).filters;
      for (const [name, counts] of Object.entries(totals)) {
        const nonZero = Object.fromEntries(Object.entries(indexed[name] ?? {}).filter(([, n]) => n > 0));
        expect(counts, name).toEqual(nonZero);
      }
    });

    const counted = (values: string[]) => values.reduce<Record<string, number>>((acc, v) => ({ ...acc, [v]: (acc[v] ?? 0) + 1 }), {});

    it('carry every facet, with a count per value that matches the documents', async () => {
      const filters = await pf.filters();
      expect(Object.keys(filters).sort()).toEqual([...FILTER_NAMES].sort());
      expect(filters['地区']).toEqual(counted(docs.map((d) => d.data.city ?? '未注明')));
      expect(filters['省份']).toEqual(counted(docs.map((d) => d.data.province ?? '未注明')));
      // A document is listed under every year of its period and its date's year (靖江's report on 2022, dated 2023: both).
      expect(filters['年份']).toEqual(counted(docs.flatMap((d) => yearsOf(d.data.period, d.data.date).map(String)).concat(docs.filter((d) => yearsOf(d.data.period, d.data.date).length === 0).map(() => '未注明'))));
      expect(filters['类型']).toEqual(counted(docs.map((d) => d.data.docType)));
      expect(filters['发布机构']).toEqual(counted(docs.map((d) => d.data.issuer ?? '未注明')));
      expect(Object.keys(filters['主题'] ?? {}).length).toBeGreaterThan(0);
      expect(Object.keys(filters['责任单位'] ?? {}).length).toBeGreaterThan(0);
    });

    it('narrow a search to a city, and widen again with a second city (any of a facet’s values)', async () => {
      const all = await found('教师');
      const jiyuan = await search('教师', { filters: { 地区: { any: ['济源市'] } } });
      expect(jiyuan.map((d) => slugOf(d.url))).toEqual(['jiyuan-2018-jiaoyuju-gongzuo-yaodian']);
      const two = await search('教师', { filters: { 地区: { any: ['济源市', '靖江市'] } } });
      expect(two).toHaveLength(2);
      expect(all.length).toBeGreaterThan(two.length);
    });

    it('combine facets with and: a city and a year it has no document in give nothing', async () => {
      expect(await search('教师', { filters: { 地区: { any: ['济源市'] }, 年份: { any: ['2023'] } } })).toEqual([]);
    });

    it('count what each value would leave of the current search', async () => {
      const response = await pf.search('大班额');
      const cities = response.filters['地区'] ?? {};
      for (const [city, n] of Object.entries(cities)) {
        const narrowed = await pf.search('大班额', { filters: { 地区: { any: [city] } } });
        expect(narrowed.results.length, city).toBe(n);
      }
    });

    it('find every document of a theme and of a responsible unit without a query', async () => {
      const filters = await pf.filters();
      for (const name of ['主题', '责任单位']) {
        const [value, n] = Object.entries(filters[name] ?? {})[0]!;
        expect(await search(null, { filters: { [name]: { any: [value] } } }), `${name} ${value}`).toHaveLength(n);
      }
    });
  });

  describe('sort by date', () => {
    it('lists every policy page, newest first, and reverses', async () => {
      const desc = (await search(null, { sort: { date: 'desc' } })).map((d) => slugOf(d.url));
      const asc = (await search(null, { sort: { date: 'asc' } })).map((d) => slugOf(d.url));
      expect([...desc].sort()).toEqual(docs.map((d) => d.slug).sort());
      expect(asc).toEqual([...desc].reverse());
      const dated = desc.map((s) => docs.find((d) => d.slug === s)!.data.date).filter((d): d is string => d !== null);
      expect(dated).toEqual([...dated].sort().reverse());
    });

    it('keeps every matching page when a search is sorted', async () => {
      const relevance = await found('教师');
      const byDate = (await search('教师', { sort: { date: 'desc' } })).map((d) => slugOf(d.url)).sort();
      expect(byDate).toEqual(relevance);
    });
  });

  describe('the index', () => {
    it('is written by the pinned Pagefind version', () => {
      const pinned = (JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> }).dependencies['pagefind'];
      const manifest = JSON.parse(readFileSync(join(dist, 'pagefind', SHARD_MANIFEST), 'utf8')) as ShardManifest;
      expect(manifest.shards.length).toBe(shards);
      expect(manifest.pagefind).toBe(pinned);
      for (const shard of manifest.shards) {
        const entry = JSON.parse(readFileSync(join(dist, 'pagefind', shard.path, 'pagefind-entry.json'), 'utf8')) as { version: string; languages: Record<string, unknown> };
        expect(entry.version).toBe(pinned);
        expect(Object.keys(entry.languages)).toEqual(['zh-cn']);
      }
      expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    });
  });
});
