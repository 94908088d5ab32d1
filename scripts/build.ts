/**
 * npm run build [-- --out-dir DIR] [--index-only] [--search-shard-size N]
 *
 * Builds the site with Astro, then its search index with Pagefind, and checks the index by
 * searching it: one page per content/policies/*.md, every page in date order, every facet.
 * Exits non-zero with what is wrong and how to fix it, instead of shipping a broken search.
 *
 *   --out-dir DIR              build into DIR instead of dist/ (the tests build into .tmp/)
 *   --index-only               skip Astro: index an already built DIR again
 *   --search-shard-size N      index in shards of whole years above N policy pages (default 2,000;
 *                              or SEARCH_SHARD_SIZE); a shard whose pages did not change since the
 *                              last build is not indexed again (kept in <cache>/search-shards)
 *   --search-plan              print the shards of DIR's index (id and pages), one a line, and stop
 *   --search-shard ID --search-parts DIR
 *                              with --index-only: index only shard ID (repeatable) into DIR, for a
 *                              build split over machines; nothing else is written or checked
 *   --search-assemble DIR[,DIR…]
 *                              with --index-only: take every shard from these folders, lay out
 *                              DIR/pagefind and check it (docs/search.md: split builds)
 *
 * The policies are read from content/policies, or from POLICY_DIR when set (the benchmark).
 * The site's name and address come from content/site.yaml; SITE_URL and BASE_PATH override
 * the address: `SITE_URL=https://jyj.example.gov.cn BASE_PATH=/zck/ npm run build -- --out-dir DIR`.
 * The last line gives the time of each part: `build: astro 12.3 s, pagefind 1.1 s, checks 0.4 s`.
 */
// The site settings first: loading them checks content/site.yaml and sets BASE_PATH for Astro and the body renderer.
import { SITE, SITE_SETTINGS_FILE } from '../src/astro/settings.ts';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, totalmem } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { CACHE_DIR, POLICIES_DIR } from '../src/astro/content-dirs.ts';
import { indexSite, pagefindVersion, searchPlan } from './build-search-index.ts';
import { DEFAULT_SHARD_SIZE } from '../src/search/shards.ts';

const USAGE =
  'usage: npm run build [-- --out-dir DIR] [--index-only] [--search-shard-size N] [--search-plan] ' +
  '[--search-shard ID … --search-parts DIR] [--search-assemble DIR,DIR…]';

interface Options {
  outDir: string;
  indexOnly: boolean;
  shardSize: number;
  plan: boolean;
  only: string[];
  partsDir: string | null;
  assemble: string[];
}

function shardSizeOf(v: string | undefined, where: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${where} needs a whole number of pages ≥ 1, not ${JSON.stringify(v)}\n${USAGE}`);
  return n;
}

function parseArgs(argv: string[]): Options {
  const env = process.env.SEARCH_SHARD_SIZE;
  const o: Options = {
    outDir: 'dist',
    indexOnly: false,
    shardSize: env ? shardSizeOf(env, 'SEARCH_SHARD_SIZE') : DEFAULT_SHARD_SIZE,
    plan: false,
    only: [],
    partsDir: null,
    assemble: [],
  };
  const value = (i: number, what: string): string => {
    const v = argv[i];
    if (!v || v.startsWith('--')) throw new Error(`${argv[i - 1]} needs ${what}\n${USAGE}`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--index-only') o.indexOnly = true;
    else if (a === '--search-plan') o.plan = true;
    else if (a === '--search-shard-size') o.shardSize = shardSizeOf(argv[++i], a);
    else if (a === '--search-shard') o.only.push(value(++i, 'a shard id (see --search-plan)'));
    else if (a === '--search-parts') o.partsDir = value(++i, 'a folder');
    else if (a === '--search-assemble') o.assemble.push(...value(++i, 'folders, separated by commas').split(',').filter(Boolean));
    else if (a === '--out-dir') {
      const v = argv[++i];
      if (!v) throw new Error(`--out-dir needs a folder name\n${USAGE}`);
      o.outDir = v;
    } else if (a === '-h' || a === '--help') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown argument ${a}\n${USAGE}`);
  }
  if ((o.only.length > 0 || o.assemble.length > 0) && !o.indexOnly) throw new Error(`--search-shard and --search-assemble work on a built site: add --index-only\n${USAGE}`);
  if (o.only.length > 0 && o.partsDir === null) throw new Error(`--search-shard needs --search-parts DIR (where the shard goes)\n${USAGE}`);
  if (o.only.length > 0 && o.assemble.length > 0) throw new Error(`--search-shard and --search-assemble are separate steps: index the shards first, then assemble\n${USAGE}`);
  return o;
}

const require = createRequire(import.meta.url);

/**
 * Node's default heap (about 4 GB) runs out in Astro at some 5,000 documents; give it most of
 * the machine's memory instead, unless NODE_OPTIONS already sets a heap size.
 */
function heapArgs(): string[] {
  const set = process.env.NODE_OPTIONS ?? '';
  const args: string[] = [];
  if (!/--max-old-space-size/u.test(set)) args.push(`--max-old-space-size=${Math.floor((totalmem() / 1024 / 1024) * 0.75)}`);
  // Rendering thousands of pages makes short-lived trees; a larger young generation halves the
  // collections that promote them (about 8 % of the build at 1,000 documents, A/B on one machine).
  if (!/--max-semi-space-size/u.test(set)) args.push('--max-semi-space-size=64');
  return args;
}

/**
 * Renders the policy bodies into their cache while Astro builds (scripts/build-bodies.ts): Astro
 * uses one core, and reaches the policy pages after the content sync, the bundling and the
 * routes that sort before /policies/.
 */
function startBodyRenderer(): ChildProcess | null {
  // On one core it would only take turns with Astro.
  if (availableParallelism() < 2) return null;
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'build-bodies.ts')], { stdio: ['ignore', 'ignore', 'inherit'] });
  child.on('error', () => undefined);
  return child;
}

function astroBuild(outDir: string): void {
  const astro = join(dirname(require.resolve('astro/package.json')), 'astro.js');
  const bodies = startBodyRenderer();
  const run = spawnSync(process.execPath, [...heapArgs(), astro, 'build', '--outDir', outDir], { stdio: 'inherit' });
  // What it has not rendered by now is rendered already; its writes are whole (rename), so stopping it is safe.
  bodies?.kill();
  if (run.status !== 0) {
    throw new Error(`astro build failed (exit ${run.status ?? run.signal}): see its messages above`);
  }
}

function policySlugs(): string[] {
  return readdirSync(POLICIES_DIR)
    .filter((f) => f.endsWith('.md'))
    .map((f) => f.slice(0, -'.md'.length))
    .sort();
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  if (SITE.siteUrl === null) {
    console.warn(
      `warning: no public address (url in ${SITE_SETTINGS_FILE}, or SITE_URL): links stay site-relative, and the build leaves out ` +
        'the RSS feeds, sitemap.xml and canonical links. Set it before publishing.',
    );
  } else console.log(`site: ${SITE.name} at ${SITE.siteUrl}`);
  if (options.plan) {
    for (const s of await searchPlan(options.outDir, options.shardSize)) console.log(`${s.id}\t${s.pages}`);
    return 0;
  }
  const started = performance.now();
  if (!options.indexOnly) astroBuild(options.outDir);
  const astroMs = performance.now() - started;
  const version = pagefindVersion();
  const indexStarted = performance.now();
  const report = await indexSite({
    siteDir: options.outDir,
    policySlugs: policySlugs(),
    shardSize: options.shardSize,
    cacheDir: join(CACHE_DIR, 'search-shards'),
    ...(options.only.length > 0 ? { only: options.only, partsDir: options.partsDir! } : {}),
    ...(options.assemble.length > 0 ? { assemble: options.assemble } : {}),
  });
  const checksMs = performance.now() - indexStarted - report.ms;
  for (const s of report.shards) {
    const peak = s.peakMB === null ? '' : `, peak ${s.peakMB} MB`;
    console.log(`search shard ${s.id}: ${s.pages} pages, ${s.how}${s.how === 'indexed' ? ` in ${(s.ms / 1000).toFixed(1)} s${peak}` : ''}`);
  }
  if (options.only.length > 0) {
    if (report.problems.length > 0) {
      console.error(`\nerror: indexing shard(s) ${options.only.join(', ')} failed:`);
      for (const p of report.problems) console.error(`  - ${p}`);
      return 1;
    }
    console.log(`search: shard(s) ${options.only.join(', ')} written to ${options.partsDir}; assemble with --index-only --search-assemble`);
    return 0;
  }
  const where = relative(process.cwd(), join(options.outDir, 'pagefind')) || options.outDir;
  if (report.problems.length > 0) {
    console.error(`\nerror: the search index in ${where} is not right (Pagefind ${version}):`);
    for (const p of report.problems) console.error(`  - ${p}`);
    return 1;
  }
  console.log(
    `search: Pagefind ${version} indexed ${report.facts.pageCount} policy pages into ${where} ` +
      `in ${(report.ms / 1000).toFixed(1)} s; ${report.facts.filterNames.length} filters; all pages sortable by date`,
  );
  const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
  const indexed = report.shards.filter((x) => x.how === 'indexed').length;
  const peaks = report.shards.map((x) => x.peakMB ?? 0);
  console.log(
    `build: ${options.indexOnly ? '' : `astro ${s(astroMs)}, `}pagefind ${s(report.ms)}, checks ${s(checksMs)}; ` +
      `shards ${report.shards.length}, indexed ${indexed}, pagefind peak ${Math.max(0, ...peaks)} MB`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
