/**
 * npm run build [-- --out-dir DIR] [--index-only]
 *
 * Builds the site with Astro, then its search index with Pagefind, and checks the index by
 * searching it: one page per content/policies/*.md, every page in date order, every facet.
 * Exits non-zero with what is wrong and how to fix it, instead of shipping a broken search.
 *
 *   --out-dir DIR   build into DIR instead of dist/ (the tests build into .tmp/)
 *   --index-only    skip Astro: index an already built DIR again
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
import { POLICIES_DIR } from '../src/astro/content-dirs.ts';
import { indexSite, pagefindVersion } from './build-search-index.ts';

const USAGE = 'usage: npm run build [-- --out-dir DIR] [--index-only]';

interface Options {
  outDir: string;
  indexOnly: boolean;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { outDir: 'dist', indexOnly: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--index-only') o.indexOnly = true;
    else if (a === '--out-dir') {
      const v = argv[++i];
      if (!v) throw new Error(`--out-dir needs a folder name\n${USAGE}`);
      o.outDir = v;
    } else if (a === '-h' || a === '--help') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown argument ${a}\n${USAGE}`);
  }
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
  const started = performance.now();
  if (!options.indexOnly) astroBuild(options.outDir);
  const astroMs = performance.now() - started;
  const version = pagefindVersion();
  const indexStarted = performance.now();
  const report = await indexSite({ siteDir: options.outDir, policySlugs: policySlugs() });
  const checksMs = performance.now() - indexStarted - report.ms;
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
  console.log(`build: ${options.indexOnly ? '' : `astro ${s(astroMs)}, `}pagefind ${s(report.ms)}, checks ${s(checksMs)}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
