/**
 * npm run bench:shards -- --site bench-out/1000/dist [--sizes 250,500]
 *
 * The search index of a built site in one piece and in shards of each size, side by side: the
 * time and peak memory of Pagefind (largest shard), what a first search fetches from Pagefind's
 * bundle, the re-index after one page is edited, and, on 20 queries, whether the shards find the
 * same documents as one index and how many of one index's top 10 (by relevance) they share: as
 * they are, and counting ties (a document scoring, in one index, at least one index's 10th score
 * is in a top 10 under some tie-break; also within 1 % of it), and the share of one index's top-10
 * score the shards' top 10 keeps (by one index's scores).
 * Only the policy pages and the search page are copied (hard links) into a temporary folder, so
 * the site itself is not touched.
 */
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, unlinkSync, writeFileSync, linkSync, copyFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { RESULTS_FIRST } from '../../src/search/state.ts';
import { indexSite } from '../build-search-index.ts';
import { loadPagefind, loadStartFacets } from '../build-search-client.ts';

const QUERIES = [
  '大班额', '班额', '小学', '中小学', '心理健康', '课后服务', '交流轮岗', '轮岗', '双减', '控辍保学',
  '市财政局', '督导', '学位', '编制', '教师', '学前教育', '职业教育', '"课后服务"', '"心理健康"', '义务教育 优质均衡',
];
const FIRST_QUERY = '大班额';

function args(): { site: string; sizes: number[] } {
  const argv = process.argv.slice(2);
  const at = (name: string): string | undefined => ((i) => (i >= 0 ? argv[i + 1] : undefined))(argv.indexOf(name));
  const site = at('--site');
  if (!site || !existsSync(join(site, 'policies'))) throw new Error('usage: npm run bench:shards -- --site DIR [--sizes 250,500]  (DIR: a built site with policies/)');
  const sizes = (at('--sizes') ?? '250,500').split(',').map(Number);
  if (!sizes.every((n) => Number.isInteger(n) && n > 0)) throw new Error('--sizes needs whole numbers of pages, e.g. --sizes 250,500');
  return { site: resolve(site), sizes };
}

/** A site of the policy pages and the search page only, as hard links (copies across file systems). */
function stage(site: string, to: string): string[] {
  const slugs = readdirSync(join(site, 'policies')).filter((s) => existsSync(join(site, 'policies', s, 'index.html')));
  for (const rel of [...slugs.map((s) => join('policies', s, 'index.html')), join('search', 'index.html')]) {
    mkdirSync(dirname(join(to, rel)), { recursive: true });
    try {
      linkSync(join(site, rel), join(to, rel));
    } catch {
      copyFileSync(join(site, rel), join(to, rel));
    }
  }
  return slugs;
}

const sizeOf = (path: string): number => (existsSync(path) ? statSync(path).size : 0);

async function measure(dir: string, slugs: string[], shardSize: number, cache: string) {
  const cold = await indexSite({ siteDir: dir, policySlugs: slugs, shardSize, cacheDir: cache, quiet: true });
  if (cold.problems.length > 0) throw new Error(cold.problems.join('\n'));
  const client = await loadPagefind(dir);
  await loadStartFacets(client, dir);
  const first = await client.search(FIRST_QUERY);
  await Promise.all(first.results.slice(0, RESULTS_FIRST).map((r) => r.data()));
  const bundle = join(dir, 'pagefind');
  const firstKB = ['pagefind.js', 'pagefind-worker.js', ...client.filesFetched()].reduce((n, f) => n + sizeOf(join(bundle, f)), 0) / 1024;
  const ranked: Record<string, string[]> = {};
  const scores: Record<string, number[]> = {};
  for (const q of QUERIES) {
    const found = (await client.search(q)).results;
    scores[q] = found.map((r) => r.score);
    ranked[q] = await Promise.all(found.map(async (r) => (await r.data()).url));
  }
  // One page edited, as an edit of its document would change it; a new file, the link to the site's stays as it was.
  const page = join(dir, 'policies', slugs[0]!, 'index.html');
  const html = readFileSync(page, 'utf8').replace('</article>', '<p>补充说明:本段为基准测试修改。</p></article>');
  unlinkSync(page);
  writeFileSync(page, html);
  const again = await indexSite({ siteDir: dir, policySlugs: slugs, shardSize, cacheDir: cache, quiet: true });
  return {
    shards: cold.shards.length,
    coldSec: cold.ms / 1000,
    peakMB: Math.max(...cold.shards.map((s) => s.peakMB ?? 0)),
    firstKB,
    rebuildSec: again.ms / 1000,
    reindexed: again.shards.filter((s) => s.how === 'indexed').length,
    ranked,
    scores,
  };
}

/** Per query, the pages whose indexed text says every word of it as written: what staff expect to find. */
function saying(dir: string, slugs: string[]): Record<string, Set<string>> {
  const texts = slugs.map((slug) => {
    const html = readFileSync(join(dir, 'policies', slug, 'index.html'), 'utf8');
    const from = html.indexOf('data-pagefind-body');
    const article = html.slice(from, html.lastIndexOf('</article>'));
    const text = article.replace(/<div hidden data-pagefind-ignore>[\s\S]*?<\/div>/g, '').replace(/<[^>]+>/g, '').replace(/\s+/g, '');
    return [`/policies/${slug}/`, text] as const;
  });
  return Object.fromEntries(
    QUERIES.map((q) => {
      const words = q.replace(/"/g, '').split(/\s+/).filter(Boolean);
      return [q, new Set(texts.filter(([, t]) => words.every((w) => t.includes(w))).map(([u]) => u))];
    }),
  );
}

const { site, sizes } = args();
const work = mkdtempSync(join(tmpdir(), 'shard-compare-'));
try {
  const rows: { label: string; r: Awaited<ReturnType<typeof measure>> }[] = [];
  for (const size of [Number.MAX_SAFE_INTEGER, ...sizes]) {
    const dir = join(work, `site-${rows.length}`);
    const slugs = stage(site, dir);
    console.error(`indexing ${slugs.length} pages${size === Number.MAX_SAFE_INTEGER ? ' in one index' : ` in shards of at most ${size}`} …`);
    rows.push({ label: size === Number.MAX_SAFE_INTEGER ? 'one index' : `shards ≤ ${size}`, r: await measure(dir, slugs, size, join(work, `cache-${rows.length}`)) });
  }
  const one = rows[0]!.r;
  const truth = saying(join(work, 'site-0'), readdirSync(join(work, 'site-0', 'policies')));
  const missed = (r: typeof one): number[] => QUERIES.map((q) => [...truth[q]!].filter((u) => !r.ranked[q]!.includes(u)).length);
  console.log('| index | shards | Pagefind s | Pagefind peak MB (largest shard) | first search KB (Pagefind files) | re-index after one edit s (shards indexed) | queries finding the same documents | documents that say the query, missed (of all 20 queries) | top 10 shared with one index (min / mean) | … counting ties (min / mean) | … within 1 % of the 10th score (min / mean) | top-10 score kept (min / mean) | same first result |');
  console.log('|---|---:|---:|---:|---:|---|---:|---:|---|---|---|---|---:|');
  // One index's score of each document, per query, and its 10th score: the tie-aware figures compare to it.
  const oneScore = Object.fromEntries(QUERIES.map((q) => [q, new Map(one.ranked[q]!.map((u, i) => [u, one.scores[q]![i]!]))]));
  const tenth = (q: string): number => one.scores[q]![Math.min(9, one.scores[q]!.length - 1)] ?? 0;
  const minMean = (xs: number[], digits: number): string => `${Math.min(...xs).toFixed(digits)} / ${(xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(digits)}`;
  for (const { label, r } of rows) {
    const same = QUERIES.filter((q) => [...r.ranked[q]!].sort().join() === [...one.ranked[q]!].sort().join()).length;
    const shared = QUERIES.map((q) => {
      const top = new Set(one.ranked[q]!.slice(0, 10));
      return r.ranked[q]!.slice(0, 10).filter((u) => top.has(u)).length / Math.max(1, Math.min(10, top.size)) * 10;
    });
    const atLeast = (q: string, bar: number): number => r.ranked[q]!.slice(0, 10).filter((u) => (oneScore[q]!.get(u) ?? -Infinity) >= bar).length;
    const tied = QUERIES.map((q) => atLeast(q, tenth(q)));
    const near = QUERIES.map((q) => atLeast(q, tenth(q) * 0.99));
    const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
    const kept = QUERIES.map((q) => sum(r.ranked[q]!.slice(0, 10).map((u) => oneScore[q]!.get(u) ?? 0)) / Math.max(Number.MIN_VALUE, sum(one.scores[q]!.slice(0, 10))));
    console.log(`| ${label} | ${r.shards} | ${r.coldSec.toFixed(1)} | ${r.peakMB} | ${r.firstKB.toFixed(1)} | ${r.rebuildSec.toFixed(1)} (${r.reindexed} of ${r.shards}) | ${same} of ${QUERIES.length} | ${missed(r).reduce((a, b) => a + b, 0)} of ${QUERIES.reduce((n, q) => n + truth[q]!.size, 0)} | ${minMean(shared, 1)} | ${minMean(tied, 1)} | ${minMean(near, 1)} | ${minMean(kept, 2)} | ${QUERIES.filter((q) => r.ranked[q]![0] === one.ranked[q]![0]).length} of ${QUERIES.length} |`);
    const differ = QUERIES.filter((q) => [...r.ranked[q]!].sort().join() !== [...one.ranked[q]!].sort().join());
    const m = missed(r);
    if (m.some((x) => x > 0)) console.log(`|  | missed: ${QUERIES.filter((_, i) => m[i]! > 0).map((q) => `${q} ${m[QUERIES.indexOf(q)]} of ${truth[q]!.size}`).join(', ')} |`);
    if (differ.length > 0) console.log(`|  | found (this / one index): ${differ.map((q) => `${q} ${r.ranked[q]!.length}/${one.ranked[q]!.length}`).join(', ')} |`);
    // Ties: documents of this synthetic corpus repeat the same sentences, so many share a score.
    const ties = QUERIES.filter((q) => one.scores[q]!.slice(0, 11).filter((x) => x === tenth(q)).length > 1);
    const close = QUERIES.filter((q) => one.scores[q]!.filter((x) => x >= tenth(q) * 0.99).length > 10);
    if (label === 'one index') console.log(`|  | in one index: queries whose 10th and 11th scores tie ${ties.length} of ${QUERIES.length} (${ties.join(', ')}); more than 10 documents within 1 % of the 10th score ${close.length} of ${QUERIES.length} |`);
    const low = QUERIES.filter((_, i) => shared[i]! < 8);
    if (low.length > 0) console.log(`|  | top 10 below 8 (shared / counting ties / within 1 %): ${low.map((q, _, __, i = QUERIES.indexOf(q)) => `${q} ${shared[i]!.toFixed(0)}/${tied[i]}/${near[i]}`).join(', ')} |`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
