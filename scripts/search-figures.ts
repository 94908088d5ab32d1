/**
 * npm run search:figures [-- --site DIR] [--compare PAGEFIND_DIR] [--scale N] [--queries 大班额,小学]
 *
 * Prints the figures docs/search.md records about search on a built site (default dist/, built by
 * `npm run build`): index size, indexing time and peak memory, bytes the first query and each
 * further query fetch, and for each test query how many documents it finds against how many
 * contain it as written.
 *
 *   --compare DIR  also index the site with another Pagefind npm package (e.g. one installed with
 *                  `npm i --prefix /tmp/pf152 pagefind@1.5.2`: DIR = /tmp/pf152/node_modules/pagefind)
 *   --scale N      also time indexing a site of N copies of every policy page (memory grows with it)
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { queryPhrases } from '../src/search/results.ts';
import { RESULTS_FIRST } from '../src/search/state.ts';
import { loadPagefind, loadStartFacets } from './build-search-client.ts';
import { pagefindBinary, POLICY_GLOB } from './build-search-index.ts';

const USAGE = 'usage: npm run search:figures [-- --site DIR] [--compare PAGEFIND_DIR] [--scale N] [--queries q1,q2]';
/** Queries of the issue and the tests: words, words inside longer words, a phrase in quotes, unit names. */
const DEFAULT_QUERIES = ['大班额', '班额', '小学', '中小学', '心理健康', '课后服务', '"课后服务"', '交流轮岗', '轮岗', '双减', '市教育局', '市财政局', '控辍保学'];
/** Files of the bundle only Pagefind's own UIs load; this site's page does not. */
const UI_FILE = /^pagefind-(ui|modular-ui|component-ui|highlight)\./;

interface Options {
  site: string;
  compare: string | null;
  scale: number;
  queries: string[];
}

function parseArgs(argv: string[]): Options {
  const o: Options = { site: 'dist', compare: null, scale: 0, queries: DEFAULT_QUERIES };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value\n${USAGE}`);
      return v;
    };
    if (a === '--site') o.site = value();
    else if (a === '--compare') o.compare = value();
    else if (a === '--scale') o.scale = Number(value());
    else if (a === '--queries') o.queries = value().split(',').filter((q) => q !== '');
    else if (a === '-h' || a === '--help') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown argument ${a}\n${USAGE}`);
  }
  if (!Number.isInteger(o.scale) || o.scale < 0) throw new Error(`--scale must be a whole number, not ${o.scale}`);
  return o;
}

function filesUnder(dir: string): { path: string; bytes: number }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => {
      const path = join(d.parentPath, d.name);
      return { path: relative(dir, path), bytes: statSync(path).size };
    });
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

/** Runs a Pagefind binary on a site into `out`, with wall time and peak memory when /usr/bin/time is there. */
function runIndexer(binary: string, site: string, out: string): { seconds: number; peakMB: number | null; version: string } {
  rmSync(out, { recursive: true, force: true });
  const timed = existsSync('/usr/bin/time');
  const args = ['--site', site, '--glob', POLICY_GLOB, '--output-path', out, '--quiet'];
  const started = performance.now();
  const run = timed ? spawnSync('/usr/bin/time', ['-v', binary, ...args], { encoding: 'utf8' }) : spawnSync(binary, args, { encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`${binary} failed (exit ${run.status}): ${run.stderr}`);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr ?? '');
  const version = (JSON.parse(readFileSync(join(out, 'pagefind-entry.json'), 'utf8')) as { version: string }).version;
  return { seconds, peakMB: rss ? Number(rss[1]) / 1024 : null, version };
}

/** The documents (policy slugs) whose title or body says a phrase as written: the yardstick for counts. */
function literalTruth(): (phrases: string[]) => string[] {
  const dir = 'content/policies';
  const docs = readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .map((f) => {
      const source = readFileSync(join(dir, f), 'utf8');
      const title = /^title: *'?(.*?)'?$/m.exec(source)?.[1] ?? '';
      const body = source.replace(/^---\n[\s\S]*?\n---\n/, '').replace(/\{#[a-z0-9-]+\}/g, '');
      return { slug: f.slice(0, -3), text: `${title}${body}`.replace(/\s+/g, '').toLowerCase() };
    });
  return (phrases) => docs.filter((d) => phrases.every((p) => d.text.includes(p))).map((d) => d.slug);
}

interface QueryFigure {
  query: string;
  found: number;
  truth: number;
  missed: number;
  bytes: number;
}

/**
 * Per query: documents found against documents that say it (with a client that loads every
 * result), then bytes as the page fetches them (search, then the first page of results) with a
 * fresh client, so the first query pays for loading Pagefind and later ones reuse what it loaded.
 */
async function queryFigures(bundleSite: string, site: string, queries: string[]): Promise<{ first: number; script: number; perQuery: QueryFigure[] }> {
  const truth = literalTruth();
  const counter = await loadPagefind(bundleSite);
  const counts = new Map<string, { found: number; truth: number; missed: number }>();
  for (const query of queries) {
    const found = await counter.search(query);
    const slugs = new Set((await Promise.all(found.results.map((r) => r.data()))).map((d) => d.url.replace(/^\/policies\/|\/$/g, '')));
    const expected = truth(queryPhrases(query));
    counts.set(query, { found: found.results.length, truth: expected.length, missed: expected.filter((s) => !slugs.has(s)).length });
  }
  const client = await loadPagefind(bundleSite);
  const perQuery: QueryFigure[] = [];
  let before = 0;
  // The page loads the filter indexes of the facets it shows open, before its first search.
  await loadStartFacets(client, site);
  for (const query of queries) {
    const found = await client.search(query);
    await Promise.all(found.results.slice(0, RESULTS_FIRST).map((r) => r.data()));
    perQuery.push({ query, ...counts.get(query)!, bytes: client.bytesFetched() - before });
    before = client.bytesFetched();
  }
  return { first: perQuery[0]?.bytes ?? 0, script: client.scriptBytes, perQuery };
}

async function figuresFor(label: string, binary: string, site: string, work: string, queries: string[]): Promise<void> {
  const bundleSite = join(work, label);
  const out = join(bundleSite, 'pagefind');
  const run = runIndexer(binary, site, out);
  const files = filesUnder(out);
  const total = files.reduce((n, f) => n + f.bytes, 0);
  const used = files.filter((f) => !UI_FILE.test(f.path));
  const sum = (re: RegExp) => used.filter((f) => re.test(f.path)).reduce((n, f) => n + f.bytes, 0);
  const count = (re: RegExp) => used.filter((f) => re.test(f.path)).length;
  console.log(`\n## Pagefind ${run.version}`);
  console.log(`indexing: ${run.seconds.toFixed(2)} s wall, peak memory ${run.peakMB === null ? 'n/a (no /usr/bin/time)' : `${run.peakMB.toFixed(0)} MB`}`);
  console.log(`bundle: ${kb(total)} in ${files.length} files; without Pagefind's own UIs ${kb(used.reduce((n, f) => n + f.bytes, 0))}`);
  console.log(
    `  index chunks ${count(/^index\//)} (${kb(sum(/^index\//))}), fragments ${count(/^fragment\//)} (${kb(sum(/^fragment\//))}), ` +
      `filter chunks ${count(/^filter\//)} (${kb(sum(/^filter\//))}), meta ${kb(sum(/\.pf_meta$/))}, wasm ${kb(sum(/^wasm\./))}, ` +
      `pagefind.js ${kb(sum(/^pagefind\.js$/))}, worker ${kb(sum(/^pagefind-worker\.js$/))}`,
  );
  const q = await queryFigures(bundleSite, site, queries);
  const worker = sum(/^pagefind-worker\.js$/);
  console.log(
    `first query: ${kb(q.first + q.script + worker)} (pagefind.js ${kb(q.script)} + worker ${kb(worker)} + entry, wasm, meta, filter and index chunks, fragments of up to ${RESULTS_FIRST} results)`,
  );
  console.log('| query | found | contain it | missed | bytes fetched |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const f of q.perQuery) console.log(`| ${f.query} | ${f.found} | ${f.truth} | ${f.missed} | ${kb(f.bytes)} |`);
}

/** A site of `n` copies of every policy page, to see how indexing grows. */
function scaledSite(site: string, n: number, work: string): string {
  const scaled = join(work, `scaled-${n}`);
  rmSync(scaled, { recursive: true, force: true });
  for (const slug of readdirSync(join(site, 'policies'))) {
    for (let k = 0; k < n; k++) cpSync(join(site, 'policies', slug), join(scaled, 'policies', `${slug}-${k}`), { recursive: true });
  }
  return scaled;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const site = resolve(options.site);
  if (!existsSync(join(site, 'policies'))) throw new Error(`no built site in ${site}: run \`npm run build\` first (or pass --site DIR)`);
  const work = mkdtempSync(join(tmpdir(), 'search-figures-'));
  mkdirSync(work, { recursive: true });
  const pages = readdirSync(join(site, 'policies')).length;
  console.log(`# Search figures for ${relative(process.cwd(), site) || site}: ${pages} policy pages`);
  console.log('bytes are file sizes as served (Pagefind compresses its files itself); "contain-it" = documents whose text has every phrase of the query as written');
  const binaries: [string, string][] = [['installed', await pagefindBinary()]];
  if (options.compare) {
    binaries.push(['compare', await pagefindBinary(resolve(options.compare))]);
  }
  try {
    for (const [label, binary] of binaries) await figuresFor(label, binary, site, work, options.queries);
    if (options.scale > 0) {
      const scaled = scaledSite(site, options.scale, work);
      console.log(`\n## Indexing ${options.scale} copies of every policy page (${options.scale * pages} pages; repeated text, so fewer distinct words than real documents)`);
      for (const [, binary] of binaries) {
        const run = runIndexer(binary, scaled, join(work, 'scaled-out'));
        const size = filesUnder(join(work, 'scaled-out')).filter((f) => !UI_FILE.test(f.path)).reduce((n, f) => n + f.bytes, 0);
        console.log(`Pagefind ${run.version}: ${run.seconds.toFixed(1)} s, peak memory ${run.peakMB === null ? 'n/a' : `${run.peakMB.toFixed(0)} MB`}, index ${kb(size)}`);
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
