/**
 * npm run bench [-- --sizes 100,1000,10000] [--no-baseline] [--no-rebuild] [--keep] [--heap MB] [--search-shard-size N]
 *
 * Builds synthetic knowledge bases of N documents (scripts/bench/corpus.ts, seeded: the same N
 * gives the same corpus) and prints a table of figures:
 *
 *   - ingest: `npm run ingest` of the N raw files (documents per second, wall clock, CLI start included);
 *   - build: `npm run build` (scripts/build.ts: Astro, then Pagefind, then the checks of the index)
 *     from a cold content cache, with the time of each part, and the site index on its own
 *     (buildSiteIndex over the N documents, in this process);
 *   - peak memory (the largest single process of the ingest and builds, from /usr/bin/time);
 *   - pages written, size of dist/ and of the search index;
 *   - bytes a browser fetches for a first search (the /search/ page, its CSS and JS, Pagefind's
 *     script, worker, wasm, metadata, filters, index chunks and the first page of results) and
 *     for a theme page and the comparison page;
 *   - the rebuild after editing one document (`npm run build` again, content cache kept);
 *   - a bare Astro baseline (scripts/bench/baseline) on the same Markdown, and our build as a ratio to it.
 *
 *   --heap MB  give every build (ours and the baseline) a Node heap of MB megabytes
 *
 * Each corpus lives in bench-out/<N>/ (raw/, policies/, sources/, cache/, dist/). The build reads
 * it through POLICY_DIR, SOURCES_DIR and ASTRO_CACHE_DIR, so content/ and the project's own
 * content cache are left alone. Figures go to stdout and to bench-out/results.json.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readFrontmatter } from '../src/format/frontmatter.ts';
import { loadPlaces, loadUnitAliases } from '../src/ingest/vocab.ts';
import type { PolicyDoc } from '../src/index/documents.ts';
import { ingestText, type Ingested } from '../src/extract/pipeline.ts';
import type { Gazetteer } from '../src/vocab/places.ts';
import { policySchema } from '../src/format/schema.ts';
import { RESULTS_FIRST, SORTS, type SearchState, type SortOrder } from '../src/search/state.ts';
import { searchFirstScreen } from '../src/search/run.ts';
import { buildSiteIndex } from '../src/index/site-index.ts';
import { loadSiteVocabulary } from '../src/astro/vocab.ts';
import { loadPagefind, loadStartFacets } from './build-search-client.ts';
import { citiesOf, poolFrom, syntheticDoc } from './bench/corpus.ts';
import { docSlug } from '../src/format/ids.ts';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'bench-out');
const BIN = join(ROOT, 'node_modules/.bin');
/** The query of the first-search figure; the page loads the open facets before it, and the data of the first results it lists. */
const FIRST_QUERY = '大班额';

/** The goals of the issue. */
const GOALS = { growth: 2.2, baselineRatio: 1.5, ingestPerSec: 200, firstSearchKB: 300, peakMB: 8 * 1024 };

interface Parts {
  /** Why the run failed, when it did (then the parts are unknown). */
  failed?: string;
  totalSec: number;
  astroSec: number | null;
  pagefindSec: number | null;
  checksSec: number | null;
  peakMB: number | null;
  /** Search index shards of the build, and how many Pagefind indexed (the others were reused). */
  shards?: number | null;
  indexedShards?: number | null;
  /** Pagefind's peak memory: that of its largest shard. */
  pagefindPeakMB?: number | null;
}

interface Row {
  n: number;
  ingestPerSec: number;
  ingestPeakMB: number | null;
  build: Parts;
  siteIndexSec: number;
  baselineSec: number | null;
  baseline: Parts | null;
  peakMB: number | null;
  pages: number | null;
  distMB: number | null;
  indexMB: number | null;
  firstSearchKB: number | null;
  /** The same bytes as a host sends them (text gzipped). */
  firstSearchWireKB: number | null;
  /** The first search in detail: the page's default order, the other orders, and one filtered by a city. */
  search: {
    order: SortOrder;
    first: SearchBytes;
    others: Partial<Record<SortOrder, SearchBytes | null>>;
    city: string | null;
    filtered: SearchBytes | null;
  } | null;
  themePageKB: number | null;
  comparePageKB: number | null;
  rebuild: Parts | null;
  /** Search index shards of the build (1: one index). */
  shards: number | null;
}

function args(): { sizes: number[]; baseline: boolean; rebuild: boolean; keep: boolean; heapMB: number | null; shardSize: number | null } {
  const argv = process.argv.slice(2);
  const i = argv.indexOf('--sizes');
  const sizes = i >= 0 ? (argv[i + 1] ?? '').split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0) : [100];
  if (sizes.length === 0) throw new Error('--sizes needs whole numbers separated by commas, e.g. --sizes 100,1000');
  const h = argv.indexOf('--heap');
  const heapMB = h >= 0 ? Number(argv[h + 1]) : null;
  if (heapMB !== null && !(heapMB > 0)) throw new Error('--heap needs a size in MB, e.g. --heap 12288');
  const s = argv.indexOf('--search-shard-size');
  const shardSize = s >= 0 ? Number(argv[s + 1]) : null;
  if (shardSize !== null && !(Number.isInteger(shardSize) && shardSize > 0)) throw new Error('--search-shard-size needs a whole number of pages, e.g. --search-shard-size 500');
  return { sizes, baseline: !argv.includes('--no-baseline'), rebuild: !argv.includes('--no-rebuild'), keep: argv.includes('--keep'), heapMB, shardSize };
}

class RunError extends Error {
  constructor(
    message: string,
    readonly sec: number,
    readonly peakMB: number | null,
  ) {
    super(message);
  }
}

/** Runs a command under /usr/bin/time when present, for wall time and peak memory (of the largest process). */
function timed(cmd: string, argv: string[], env: Record<string, string>, log?: string): { sec: number; peakMB: number | null; stdout: string } {
  const useTime = existsSync('/usr/bin/time');
  const options = { cwd: ROOT, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env }, encoding: 'utf8' as const, maxBuffer: 1 << 30 };
  const t0 = performance.now();
  const r = useTime ? spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...argv], options) : spawnSync(cmd, argv, options);
  const sec = (performance.now() - t0) / 1000;
  // The whole output, for a look at the phases afterwards (Astro prints the time of each).
  if (log) writeFileSync(log, `${r.stdout ?? ''}\n${r.stderr ?? ''}`);
  const kb = useTime ? Number(/(\d+)\s*$/.exec(r.stderr.trim())?.[1]) : NaN;
  const peakMB = Number.isFinite(kb) ? Math.round(kb / 1024) : null;
  if (r.status !== 0) {
    process.stderr.write(r.stdout.slice(-4000) + r.stderr.slice(-4000));
    const name = `${cmd.replace(/^.*\//, '')} ${argv[0] ?? ''}`;
    throw new RunError(`${name} failed (exit ${r.status ?? r.signal}) after ${sec.toFixed(0)} s, peak ${peakMB ?? '?'} MB`, sec, peakMB);
  }
  return { sec, peakMB, stdout: r.stdout };
}

/**
 * Bytes of a file as a static host sends it: HTML, CSS, JS and JSON gzipped (as any host does
 * for text), Pagefind's index files as they are (Pagefind compresses them itself).
 */
function wireSizeOf(path: string): number {
  if (!existsSync(path)) return 0;
  return /\.(?:html|css|m?js|json|csv)$/u.test(path) ? gzipSync(readFileSync(path)).length : statSync(path).size;
}

function sizeOf(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.size;
  return readdirSync(path).reduce((sum, n) => sum + sizeOf(join(path, n)), 0);
}

function countPages(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { recursive: true, encoding: 'utf8' })) if (e.endsWith('.html')) n++;
  return n;
}

/**
 * Bytes of a page and what the browser loads with it from the same site: its stylesheets and
 * scripts (Pagefind's bundle left out) and `extra` files its script fetches. Download links
 * (`<a href="….json">`) are not loaded, so they do not count.
 */
function pageWeight(dist: string, page: string, extra: string[] = [], size = sizeOf): number | null {
  const file = join(dist, page, 'index.html');
  if (!existsSync(file)) return null;
  const html = readFileSync(file, 'utf8');
  let total = size(file);
  const seen = new Set<string>();
  const loaded = [...html.matchAll(/<(?:link|script)\b[^>]*\b(?:href|src)="(\/[^"#?]+\.(?:css|js|mjs))"/g)].map((m) => m[1]!);
  for (const path of [...loaded, ...extra]) {
    if (path.startsWith('/pagefind/') || seen.has(path)) continue;
    seen.add(path);
    total += size(join(dist, path));
  }
  return total;
}

/** The JSON the comparison page fetches for a comparison of the first two documents. */
function compareFetches(dist: string): string[] {
  const docs = readdirSync(join(dist, 'data', 'compare')).filter((f) => f.endsWith('.json') && f !== 'index.json').sort().slice(0, 2);
  return ['/data/compare/index.json', ...docs.map((f) => `/data/compare/${f}`)];
}

/** What one search fetches, as the page runs it. */
interface SearchBytes {
  files: number;
  wire: number;
  /** Shards open when its first screen was shown, of all. */
  shardsOpened: number;
  shards: number;
}

/** The search page's default order, as the build wrote it (content/site.yaml defaultSort). */
function defaultSortOf(dist: string): SortOrder {
  const sort = /data-default-sort="([^"]*)"/.exec(readFileSync(join(dist, 'search', 'index.html'), 'utf8'))?.[1] ?? '';
  return (SORTS as readonly string[]).includes(sort) ? (sort as SortOrder) : 'relevance';
}

/**
 * What a browser fetches for a search opened from a link (`/search/?q=…`), as the page runs it:
 * the /search/ page and its assets, pagefind.js and its worker, the shard manifest, then what
 * Pagefind reads (entry, wasm, metadata, the filter indexes of the facets the page shows open,
 * index chunks) in the shards the first screen needs, and the fragments of the documents it lists.
 * What the page fetches after the first screen (the older shards, for the full counts) is not counted.
 */
async function searchBytes(dist: string, state: SearchState): Promise<SearchBytes | null> {
  const page = pageWeight(dist, 'search');
  if (page === null || !existsSync(join(dist, 'pagefind', 'pagefind.js'))) return null;
  const client = await loadPagefind(dist, { lazy: true });
  await loadStartFacets(client, dist);
  const found = await searchFirstScreen(client.index, state, RESULTS_FIRST);
  await Promise.all(found.results.slice(0, RESULTS_FIRST).map((r) => r.data()));
  const bundle = ['pagefind.js', 'pagefind-worker.js', 'shards.json', ...client.filesFetched()].map((f) => join(dist, 'pagefind', f));
  return {
    files: page + bundle.reduce((n, f) => n + sizeOf(f), 0),
    wire: pageWeight(dist, 'search', [], wireSizeOf)! + bundle.reduce((n, f) => n + wireSizeOf(f), 0),
    shardsOpened: client.index.opened(),
    shards: client.index.manifest.shards.length,
  };
}

/** The city with the most documents (for the filtered search figure). */
async function commonestCity(dist: string): Promise<string | null> {
  const client = await loadPagefind(dist);
  const cities = Object.entries((await client.filters())['地区'] ?? {}).sort((a, b) => b[1] - a[1]);
  return cities[0]?.[0] ?? null;
}

/** The first search in the page's default order, in the other orders, and filtered by the commonest city. */
async function searchFigures(dist: string): Promise<Row['search']> {
  const order = defaultSortOf(dist);
  const state = (sort: SortOrder, filters: SearchState['filters'] = {}): SearchState => ({ q: FIRST_QUERY, filters, sort });
  const first = await searchBytes(dist, state(order));
  if (first === null) return null;
  const others: Partial<Record<SortOrder, SearchBytes | null>> = {};
  for (const sort of SORTS) if (sort !== order) others[sort] = await searchBytes(dist, state(sort));
  const city = await commonestCity(dist);
  const filtered = city === null ? null : await searchBytes(dist, state(order, { city: [city] }));
  return { order, first, others, city, filtered };
}

/** Writes the raw corpus and ingests it with the ingest CLI, as a user would. */
function ingestCorpus(n: number, dir: string, pool: ReturnType<typeof poolFrom>, cities: ReturnType<typeof citiesOf>): { perSec: number; peakMB: number | null } {
  const raw = join(dir, 'raw');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(raw, { recursive: true });
  for (let i = 0; i < n; i++) {
    const d = syntheticDoc(i, pool, cities);
    writeFileSync(join(raw, d.name), d.text);
  }
  const run = timed(join(BIN, 'tsx'), ['scripts/ingest.ts', raw, '--out', join(dir, 'policies'), '--sources', join(dir, 'sources')], {}, join(dir, 'ingest.log'));
  return { perSec: n / run.sec, peakMB: run.peakMB };
}

/** `npm run build` into `dist`, with the time of its parts from the line scripts/build.ts ends with. */
function fullBuild(dist: string, env: Record<string, string>, log: string): Parts {
  const run = timed(join(BIN, 'tsx'), ['scripts/build.ts', '--out-dir', dist], env, log);
  const line = /^build: .*$/m.exec(run.stdout)?.[0] ?? '';
  const part = (name: string, unit = 's'): number | null => {
    const m = new RegExp(`\\b${name} ([\\d.]+) ${unit}`).exec(line);
    return m ? Number(m[1]) : null;
  };
  const count = (name: string): number | null => ((m) => (m ? Number(m[1]) : null))(new RegExp(`\\b${name} (\\d+)\\b`).exec(line));
  return {
    totalSec: run.sec,
    astroSec: part('astro'),
    pagefindSec: part('pagefind'),
    checksSec: part('checks'),
    peakMB: run.peakMB,
    shards: count('shards'),
    indexedShards: count('indexed'),
    pagefindPeakMB: part('pagefind peak', 'MB'),
  };
}

/** buildSiteIndex over the corpus, as the build runs it once (reading and validating the files not counted): the figure the scale test used to time. */
function siteIndexSeconds(policies: string): number {
  const docs: PolicyDoc[] = readdirSync(policies)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => {
      const read = readFrontmatter(readFileSync(join(policies, f), 'utf8'));
      return { slug: docSlug(f), data: policySchema.parse(read?.data), body: read?.body ?? '' };
    });
  const vocab = loadSiteVocabulary();
  // The best of three runs: the first one also pays for compiling the code (JIT), which says nothing about growth.
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now();
    const site = buildSiteIndex(docs, vocab);
    best = Math.min(best, (performance.now() - t0) / 1000);
    if (site.stats.documents !== docs.length) throw new Error(`site index has ${site.stats.documents} documents, expected ${docs.length}`);
  }
  return best;
}

function samplePool(): { pool: ReturnType<typeof poolFrom>; cities: ReturnType<typeof citiesOf> } {
  const places = loadPlaces();
  const aliases = loadUnitAliases();
  const dir = join(ROOT, 'content/sources');
  const docs: Ingested[] = readdirSync(dir).map((name) => ingestText(readFileSync(join(dir, name), 'utf8'), { sourceFile: name, places, aliases }));
  const gazetteer = JSON.parse(readFileSync(join(ROOT, 'content/vocab/places.json'), 'utf8')) as Gazetteer;
  return { pool: poolFrom(docs), cities: citiesOf(gazetteer) };
}

const maxOf = (...xs: (number | null)[]): number | null => xs.reduce<number | null>((m, x) => (x === null ? m : Math.max(m ?? 0, x)), null);

/** A build that failed: its time and memory until then, and why. */
function failedRun(e: unknown): Parts {
  if (!(e instanceof RunError)) throw e;
  return { totalSec: e.sec, astroSec: null, pagefindSec: null, checksSec: null, peakMB: e.peakMB, failed: e.message };
}

async function benchOne(n: number, baseline: boolean, pool: ReturnType<typeof poolFrom>, cities: ReturnType<typeof citiesOf>): Promise<Row> {
  const dir = join(OUT, String(n));
  console.error(`  ingest of ${n} raw files …`);
  const ingest = ingestCorpus(n, dir, pool, cities);
  const policies = join(dir, 'policies');
  const dist = join(dir, 'dist');
  const env: Record<string, string> = { POLICY_DIR: policies, SOURCES_DIR: join(dir, 'sources'), ASTRO_CACHE_DIR: join(dir, 'cache') };
  // Node's default heap (about 4 GB here) is too small for Astro at 10,000 documents, ours and the baseline alike.
  if (opts.heapMB) env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=${opts.heapMB}`.trim();
  if (opts.shardSize) env.SEARCH_SHARD_SIZE = String(opts.shardSize);
  console.error('  site index …');
  const siteIndexSec = siteIndexSeconds(policies);
  console.error('  npm run build (cold content cache) …');
  let build: Parts;
  try {
    build = fullBuild(dist, env, join(dir, 'build.log'));
  } catch (e) {
    build = failedRun(e);
  }
  const ok = !build.failed;
  const search = ok ? await searchFigures(dist) : null;
  const firstSearch = search?.first ?? null;
  // The heaviest theme page: the one a reader is likeliest to find slow.
  const goals = ok && existsSync(join(dist, 'goals'))
    ? readdirSync(join(dist, 'goals'))
        .filter((g) => existsSync(join(dist, 'goals', g, 'index.html')))
        .sort((a, b) => statSync(join(dist, 'goals', b, 'index.html')).size - statSync(join(dist, 'goals', a, 'index.html')).size)[0]
    : undefined;
  const measured = {
    pages: ok ? countPages(dist) : null,
    distMB: ok ? sizeOf(dist) / 2 ** 20 : null,
    indexMB: ok && existsSync(join(dist, 'pagefind')) ? sizeOf(join(dist, 'pagefind')) / 2 ** 20 : null,
    firstSearchKB: firstSearch === null ? null : firstSearch.files / 1024,
    firstSearchWireKB: firstSearch === null ? null : firstSearch.wire / 1024,
    search,
    themePageKB: goals ? (pageWeight(dist, `goals/${goals}`) ?? 0) / 1024 : null,
    // /compare/?docs=a,b: the page, its script, the picker index and the two documents' data.
    comparePageKB: ok ? ((p) => (p === null ? null : p / 1024))(pageWeight(dist, 'compare', compareFetches(dist))) : null,
  };
  // Rebuild after editing one document: the content layer cache keeps the others.
  let rebuild: Parts | null = null;
  if (ok && opts.rebuild) {
    const first = readdirSync(policies).sort()[0]!;
    appendFileSync(join(policies, first), '\n补充说明:本段为基准测试修改。\n');
    console.error('  npm run build after editing one document …');
    try {
      rebuild = fullBuild(dist, env, join(dir, 'rebuild.log'));
    } catch (e) {
      rebuild = failedRun(e);
    }
  }
  let baselineRun: Parts | null = null;
  if (baseline) {
    console.error('  bare Astro baseline …');
    try {
      const run = timed(join(BIN, 'astro'), ['build', '--force', '--root', 'scripts/bench/baseline', '--outDir', join(dir, 'baseline-dist')], env, join(dir, 'baseline.log'));
      baselineRun = { totalSec: run.sec, astroSec: run.sec, pagefindSec: null, checksSec: null, peakMB: run.peakMB };
    } catch (e) {
      baselineRun = failedRun(e);
    }
  }
  return {
    n,
    ingestPerSec: ingest.perSec,
    ingestPeakMB: ingest.peakMB,
    build,
    siteIndexSec,
    baselineSec: baselineRun && !baselineRun.failed ? baselineRun.totalSec : null,
    baseline: baselineRun,
    peakMB: maxOf(ingest.peakMB, build.peakMB, rebuild?.peakMB ?? null),
    ...measured,
    rebuild,
    shards: build.shards ?? null,
  };
}

const f = (x: number | null, d = 1): string => (x === null ? 'n/a' : x.toFixed(d));

/** `NNN KB (order; first screen from k of n shards)` for one search's bytes. */
function searchLine(b: SearchBytes | null, order: string): string {
  if (b === null) return 'n/a';
  return `${f(b.files / 1024)} KB (${order === '' ? '' : `${order}; `}first screen from ${b.shardsOpened} of ${b.shards} shards)`;
}

function table(rows: Row[]): string {
  const lines = [
    '| N | ingest docs/s | build s (astro + pagefind + checks) | site index s | baseline s | build / baseline | astro / baseline | peak MB | pagefind peak MB | shards | pages | dist MB | index MB | first search KB (gzip) | theme page KB | compare page KB | rebuild 1 doc s (astro + pagefind + checks; shards indexed) |',
    '|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  const parts = (p: Parts | null): string =>
    p === null
      ? 'n/a'
      : p.failed
        ? `FAILED: ${p.failed}`
        : `${f(p.totalSec)} (${f(p.astroSec)} + ${f(p.pagefindSec)} + ${f(p.checksSec)}${p.shards ? `; ${p.indexedShards ?? '?'} of ${p.shards}` : ''})`;
  for (const r of rows) {
    const ratio = (x: number | null): string => (r.baselineSec && x !== null ? `×${(x / r.baselineSec).toFixed(2)}` : 'n/a');
    lines.push(
      `| ${r.n} | ${f(r.ingestPerSec, 0)} | ${parts(r.build)} | ${f(r.siteIndexSec, 2)} | ${r.baseline?.failed ? `FAILED: ${r.baseline.failed}` : f(r.baselineSec)} | ${ratio(r.build.failed ? null : r.build.totalSec)} | ${ratio(r.build.astroSec)} | ` +
        `${r.peakMB ?? 'n/a'} | ${r.build.pagefindPeakMB ?? 'n/a'} | ${r.shards ?? 'n/a'} | ${r.pages ?? 'n/a'} | ${f(r.distMB)} | ${f(r.indexMB, 2)} | ${f(r.firstSearchKB)} (${f(r.firstSearchWireKB)}) | ${f(r.themePageKB)} | ${f(r.comparePageKB)} | ${parts(r.rebuild)} |`,
    );
  }
  return lines.join('\n');
}

/** Growth between consecutive sizes, and each goal of the issue as met or missed at the sizes measured. */
function verdicts(rows: Row[]): string {
  const lines: string[] = [];
  const growth = (label: string, t: (r: Row) => number | null): void => {
    for (let i = 1; i < rows.length; i++) {
      const a = rows[i - 1]!;
      const b = rows[i]!;
      const ta = t(a);
      const tb = t(b);
      if (ta === null || tb === null) continue;
      const k = b.n / a.n;
      // The goal: time at 2N ≤ 2.2 × time at N, i.e. at most 10 % above linear.
      const limit = (GOALS.growth / 2) * k;
      lines.push(`growth of ${label} ${a.n} → ${b.n}: ×${(tb / ta).toFixed(2)} time for ×${k.toFixed(1)} documents (linear + 10 % = ×${limit.toFixed(2)}) ${tb / ta <= limit ? 'met' : 'MISSED'}`);
    }
  };
  growth('build', (r) => (r.build.failed ? null : r.build.totalSec));
  growth('astro', (r) => r.build.astroSec);
  growth('pagefind', (r) => r.build.pagefindSec);
  growth('site index', (r) => r.siteIndexSec);
  const each = (goal: string, ok: (r: Row) => boolean | null, value: (r: Row) => string): void => {
    for (const r of rows) {
      const v = ok(r);
      lines.push(`N = ${r.n}: ${goal}: ${value(r)} ${v === null ? 'not measured' : v ? 'met' : 'MISSED'}`);
    }
  };
  each('builds end to end', (r) => !r.build.failed, (r) => r.build.failed ?? `${r.build.totalSec.toFixed(0)} s`);
  const ratio = (r: Row): number | null => (r.baselineSec && !r.build.failed ? r.build.totalSec / r.baselineSec : null);
  each(`build at most ${GOALS.baselineRatio}× the bare baseline`, (r) => ((x) => (x === null ? null : x <= GOALS.baselineRatio))(ratio(r)), (r) => f(ratio(r), 2));
  each(`ingest at least ${GOALS.ingestPerSec} documents/s`, (r) => r.ingestPerSec >= GOALS.ingestPerSec, (r) => `${r.ingestPerSec.toFixed(0)}/s`);
  each(
    `first search at most ${GOALS.firstSearchKB} KB`,
    (r) => (r.firstSearchKB === null ? null : r.firstSearchKB <= GOALS.firstSearchKB),
    (r) => `${f(r.firstSearchKB)} KB as files (${f(r.firstSearchWireKB)} KB as a host sends them, text gzipped), ${searchLine(r.search?.first ?? null, r.search?.order ?? '')}`,
  );
  for (const r of rows) {
    if (!r.search) continue;
    const others = Object.entries(r.search.others).map(([sort, b]) => `${sort} ${searchLine(b ?? null, '')}`);
    lines.push(`N = ${r.n}: the same search in the other orders: ${others.join('; ')}; filtered by 地区 ${r.search.city ?? '?'} (${r.search.order}): ${searchLine(r.search.filtered, '')}`);
  }
  each(
    'rebuild after one edit: search index part at most 0.2 × its cold time',
    (r) => (r.rebuild?.pagefindSec == null || !r.build.pagefindSec ? null : r.rebuild.pagefindSec <= 0.2 * r.build.pagefindSec),
    (r) => `${f(r.rebuild?.pagefindSec ?? null)} of ${f(r.build.pagefindSec)} s (${r.rebuild?.indexedShards ?? '?'} of ${r.rebuild?.shards ?? '?'} shards indexed)`,
  );
  each('peak memory under 8 GB', (r) => (r.peakMB === null ? null : r.peakMB < GOALS.peakMB), (r) => `${r.peakMB ?? 'n/a'} MB`);
  return lines.join('\n');
}

const opts = args();
const { pool, cities } = samplePool();
const rows: Row[] = [];
for (const n of opts.sizes) {
  console.error(`bench: N = ${n} …`);
  rows.push(await benchOne(n, opts.baseline, pool, cities));
  console.error(table(rows.slice(-1)));
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'results.json'), JSON.stringify(rows, null, 2));
  if (!opts.keep) for (const sub of ['raw', 'sources', 'cache', 'baseline-dist']) rmSync(join(OUT, String(n), sub), { recursive: true, force: true });
}
console.log(table(rows));
console.log(verdicts(rows));
