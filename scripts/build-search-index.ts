/**
 * Indexes a built site with the Pagefind CLI and checks the result by searching it, so a
 * broken index fails the build instead of shipping (Pagefind only logs most problems, and its
 * Node API indexes every page even when some carry data-pagefind-body, so the CLI it is).
 *
 * Large bases are indexed in shards (src/search/shards.ts: the plan and how the page searches
 * them): each shard's pages are staged as hard links in a folder of their own, so the CLI, which
 * takes no list of files, reads only them, and URLs stay as the site has them.
 *
 *   const report = await indexSite({ siteDir: 'dist', policySlugs: ['jiyuan-2018-…', …] });
 *   if (report.problems.length > 0) …
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, link, mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { indexProblems, type IndexFacts } from '../src/search/build.ts';
import { FILTER_NAMES, SORT_KEY } from '../src/search/state.ts';
import { withoutBase } from '../src/site/base-path.ts';
import { paths } from '../src/site/paths.ts';
import { DEFAULT_SHARD_SIZE, SHARD_MANIFEST, planShards, shardChunkSize, type PagePlace, type PlannedShard, type ShardManifest } from '../src/search/shards.ts';
import { loadPagefind } from './build-search-client.ts';
import { docSlug } from '../src/format/ids.ts';

export interface IndexOptions {
  /** The built site (Astro's outDir); the bundle is written to `<siteDir>/pagefind`. */
  siteDir: string;
  /** Slug of every policy document (content/policies/<slug>.md): each must be one indexed page. */
  policySlugs: string[];
  /** The Pagefind executable; defaults to the one the `pagefind` npm package installed. */
  binary?: string;
  /** Keep Pagefind's own warnings off the console (they are in the report's errors either way). */
  quiet?: boolean;
  /** Build the index in shards above this many policy pages (DEFAULT_SHARD_SIZE). */
  shardSize?: number;
  /**
   * Where shard bundles are kept between builds (`<cache>/search-shards`), by a hash of their
   * pages: a shard whose pages did not change is not indexed again. None: nothing is reused.
   */
  cacheDir?: string;
  /** Index only these shards (ids of the plan) into `partsDir`, for a build split over machines; no checks. */
  only?: string[];
  /** With `only`: the folder the shard bundles go to (`<partsDir>/<id>/` and `<partsDir>/<id>.json`). */
  partsDir?: string;
  /** Take every shard from these folders (written with `only`) instead of indexing, then check. */
  assemble?: string[];
}

/** What happened to one shard in this build. */
export interface ShardRun {
  id: string;
  pages: number;
  /** 'indexed' by Pagefind now, 'reused' from the cache, or 'assembled' from a part folder. */
  how: 'indexed' | 'reused' | 'assembled';
  /** Milliseconds Pagefind took (0 when not indexed). */
  ms: number;
  /** Pagefind's peak memory in MB, when /usr/bin/time could measure it. */
  peakMB: number | null;
}

export interface IndexReport {
  facts: IndexFacts;
  /** What is wrong with the index; the build fails when this is not empty. */
  problems: string[];
  /** Milliseconds Pagefind took to index and write. */
  ms: number;
  /** Each shard of the index (one, `all`, below the shard size), newest first. */
  shards: ShardRun[];
}

/** The policy pages, relative to the site (paths.policy: `/policies/<slug>/`). */
export const POLICY_GLOB = `${withoutBase(paths.policy(docSlug('x'))).split('/')[1]}/**/*.html`;

/** The language code Pagefind gives `<html lang="zh-CN">`. */
export const INDEX_LANGUAGE = 'zh-cn';

/** The folder of the installed `pagefind` npm package (its package.json is not exported). */
export function pagefindPackageDir(): string {
  const require = createRequire(import.meta.url);
  for (const modules of require.resolve.paths('pagefind') ?? []) {
    if (existsSync(join(modules, 'pagefind', 'package.json'))) return join(modules, 'pagefind');
  }
  throw new Error('the pagefind package is not installed: run `npm ci`');
}

/** The installed Pagefind's version. */
export function pagefindVersion(): string {
  return (JSON.parse(readFileSync(join(pagefindPackageDir(), 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * The Pagefind executable of the installed `pagefind` package: the extended build (with Chinese
 * segmentation) from its platform package, e.g. @pagefind/linux-x64, found as its own wrapper does.
 */
export async function pagefindBinary(packageDir = pagefindPackageDir()): Promise<string> {
  const resolver = pathToFileURL(join(packageDir, 'lib', 'resolveBinary.js')).href;
  const { resolveBinaryPath } = (await import(resolver)) as { resolveBinaryPath: (names: string[]) => string };
  const binary = resolveBinaryPath(['pagefind_extended']);
  if (!binary.includes('pagefind_extended')) {
    throw new Error(`Pagefind binary ${binary} is not the extended build: Chinese pages need it (reinstall the pagefind package)`);
  }
  return binary;
}

interface Entry {
  version: string;
  languages: Record<string, { page_count: number }>;
}

/**
 * Filters a page carries only when its document has themes, responsible units or references
 * (src/components/PagefindData.astro): a knowledge base whose documents name none has none.
 */
const LIST_FILTERS: readonly string[] = ['主题', '责任单位', '依据文件'];

/** The list filters some policy page carries; reads pages until it has found them all. */
async function listFiltersOnPages(siteDir: string, policyUrls: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const url of policyUrls) {
    const html = await readFile(join(siteDir, url, 'index.html'), 'utf8').catch(() => '');
    for (const f of LIST_FILTERS) if (html.includes(`data-pagefind-filter="${f}"`)) found.add(f);
    if (found.size === LIST_FILTERS.length) break;
  }
  return found;
}

/** A policy page as Pagefind will see it. */
interface SitePage extends PagePlace {
  /** Path of its HTML file relative to the site. */
  file: string;
  /** Hash of what Pagefind reads of it: the language and the data-pagefind-body element. */
  hash: string;
}

const sha = (text: string | Buffer): string => createHash('sha256').update(text).digest('hex');

/**
 * What of a page reaches the index: its <html lang> (the index language) and everything from the
 * element carrying data-pagefind-body to the end of the last </article> (text, weights, anchors,
 * filters, meta and the sort key are all inside it). Navigation, related documents and the like
 * outside it change when other documents change; they must not make a shard look changed.
 */
export function indexedPart(html: string): string {
  const lang = /<html\b[^>]*\blang="([^"]*)"/i.exec(html)?.[1] ?? '';
  const from = html.indexOf('data-pagefind-body');
  const to = html.lastIndexOf('</article>');
  return `${lang}\n${from < 0 ? html : html.slice(from, to > from ? to : undefined)}`;
}

/** Every HTML file under the policy folder, with its URL, sort date and hash. */
async function sitePages(siteDir: string): Promise<SitePage[]> {
  const root = POLICY_GLOB.split('/')[0]!;
  const entries = await readdir(join(siteDir, root), { recursive: true, withFileTypes: true }).catch(() => []);
  const pages: SitePage[] = [];
  for (const e of entries) {
    if (!e.isFile() || !e.name.endsWith('.html')) continue;
    const file = relative(siteDir, join(e.parentPath, e.name)).split(sep).join('/');
    const html = await readFile(join(siteDir, file), 'utf8');
    const url = `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
    const sortDate = /data-pagefind-sort="date"[^>]*>([^<]*)</.exec(html)?.[1]?.trim() ?? '';
    pages.push({ file, url, sortDate, hash: sha(indexedPart(html)) });
  }
  return pages.sort((a, b) => (a.url < b.url ? -1 : 1));
}

/** The key of a shard's bundle: the Pagefind version, chunk size and every page with its hash. */
function shardKey(shard: PlannedShard, byUrl: Map<string, SitePage>, version: string, chunkSize: number | null): string {
  return sha([`pagefind ${version}`, `chunk ${chunkSize ?? 'default'}`, ...shard.urls.map((u) => `${u} ${byUrl.get(u)!.hash}`)].join('\n'));
}

/** Links (or, across file systems, copies) every file of `from` into `to`, except those `skip` names. */
async function linkTree(from: string, to: string, skip: (name: string) => boolean = () => false): Promise<void> {
  for (const e of await readdir(from, { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || skip(e.name)) continue;
    const src = join(e.parentPath, e.name);
    const dst = join(to, relative(from, src));
    await mkdir(dirname(dst), { recursive: true });
    await link(src, dst).catch(() => copyFile(src, dst));
  }
}

/** Pagefind's UI files: the site searches with its own page, so shards do not carry them. */
const isUiFile = (name: string): boolean => /^pagefind-(.*-)?ui\.(js|css)$|^pagefind-highlight\.js$/.test(name);

/** Runs Pagefind over `siteDir` (or the pages staged from it) into `outputPath`; its peak memory when measurable. */
function runPagefind(binary: string, site: string, outputPath: string, quiet: boolean, chunkSize: number | null, errors: string[]): { ms: number; peakMB: number | null } {
  const timeFile = join(tmpdir(), `pagefind-time-${process.pid}-${Date.now()}`);
  const timer = existsSync('/usr/bin/time');
  // --quiet: Pagefind prints only warnings and errors, and they reach the console as they are.
  // --glob: only the policy pages are indexed, so Pagefind need not read and parse the other
  // pages (a third of its time at 1,000 documents, and a sixth of its memory).
  const args = ['--site', site, '--glob', POLICY_GLOB, '--output-path', outputPath, '--quiet'];
  const env = chunkSize === null ? process.env : { ...process.env, PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: String(chunkSize) };
  const started = performance.now();
  const run = timer
    ? spawnSync('/usr/bin/time', ['-f', '%M', '-o', timeFile, binary, ...args], { stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'pipe'], encoding: 'utf8', env })
    : spawnSync(binary, args, { stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'pipe'], encoding: 'utf8', env });
  const ms = performance.now() - started;
  if (run.stderr && !quiet) process.stderr.write(run.stderr);
  let peakMB: number | null = null;
  if (timer && existsSync(timeFile)) {
    const kb = Number(readFileSync(timeFile, 'utf8').trim().split('\n').at(-1));
    peakMB = Number.isFinite(kb) ? Math.round(kb / 1024) : null;
    void rm(timeFile, { force: true });
  }
  if (run.error) errors.push(`could not run ${binary}: ${run.error.message}`);
  else if (run.status !== 0) errors.push(`exit ${run.status ?? run.signal}: ${run.stderr.replace(/^Command exited.*$/m, '').trim() || 'see its messages above'}`);
  return { ms, peakMB };
}

/** Indexes one shard's pages, staged as hard links so Pagefind reads only them, into `outputPath`. */
async function indexShard(siteDir: string, shard: PlannedShard, byUrl: Map<string, SitePage>, outputPath: string, binary: string, quiet: boolean, chunkSize: number | null, errors: string[]): Promise<{ ms: number; peakMB: number | null }> {
  // Names of this process: two builds sharing a cache may index the same shard at once.
  const stage = `${outputPath}.stage-${process.pid}`;
  await rm(stage, { recursive: true, force: true });
  await mkdir(stage, { recursive: true });
  for (const url of shard.urls) {
    const file = byUrl.get(url)!.file;
    await mkdir(dirname(join(stage, file)), { recursive: true });
    await link(join(siteDir, file), join(stage, file)).catch(() => copyFile(join(siteDir, file), join(stage, file)));
  }
  const tmp = `${outputPath}.tmp-${process.pid}`;
  await rm(tmp, { recursive: true, force: true });
  const run = runPagefind(binary, stage, tmp, quiet, chunkSize, errors);
  await rm(stage, { recursive: true, force: true });
  if (errors.length === 0) {
    await rm(outputPath, { recursive: true, force: true });
    // Another build may have put the same bundle there meanwhile: theirs is as good as ours.
    await rename(tmp, outputPath).catch(() => rm(tmp, { recursive: true, force: true }));
  } else await rm(tmp, { recursive: true, force: true });
  return run;
}

/** Part folders of a split build: a shard's bundle `<dir>/<id>/` and its entry `<dir>/<id>.json` (with its key). */
interface PartEntry {
  id: string;
  key: string;
  pages: number;
}

/** Shard bundles in the cache unused for this long are removed (other builds of other sites may share the cache). */
const CACHE_KEEP_MS = 24 * 3600 * 1000;

/**
 * Indexes `siteDir` into `siteDir/pagefind` (replacing any old bundle) and checks the index.
 *
 * At most `shardSize` policy pages: one index, laid out as Pagefind writes it. More: one bundle
 * per shard under `pagefind/shards/<id>/`, Pagefind run once per shard, one after another, so its
 * memory is that of the largest shard. Either way `pagefind/shards.json` says what there is, and
 * a bundle whose pages are unchanged since a build that kept it in `cacheDir` is reused.
 */
export async function indexSite(options: IndexOptions): Promise<IndexReport> {
  const siteDir = resolve(options.siteDir);
  const outputPath = join(siteDir, 'pagefind');
  const quiet = options.quiet ?? false;
  const version = pagefindVersion();
  const pages = await sitePages(siteDir);
  const byUrl = new Map(pages.map((p) => [p.url, p]));
  const plan = planShards(pages, options.shardSize ?? DEFAULT_SHARD_SIZE);
  const chunkSize = shardChunkSize(plan.length);
  const keys = new Map(plan.map((s) => [s.id, shardKey(s, byUrl, version, chunkSize)]));
  const facts: IndexFacts = { errors: [], pageCount: 0, languages: [], sortedUrls: [], filterNames: [] };
  const runs: ShardRun[] = [];
  let ms = 0;

  // A split build: index the named shards into the parts folder, and stop.
  if (options.only) {
    const unknown = options.only.filter((id) => !keys.has(id));
    if (unknown.length > 0) throw new Error(`no search shard ${unknown.join(', ')} in the plan of ${siteDir}: the shards are ${plan.map((s) => s.id).join(', ')}`);
    if (!options.partsDir) throw new Error('indexing chosen shards needs a folder to write them to (--search-parts DIR)');
    const binary = options.binary ?? (await pagefindBinary());
    for (const shard of plan.filter((s) => options.only!.includes(s.id))) {
      const run = await indexShard(siteDir, shard, byUrl, join(resolve(options.partsDir), shard.id), binary, quiet, chunkSize, facts.errors);
      ms += run.ms;
      runs.push({ id: shard.id, pages: shard.pages, how: 'indexed', ...run });
      const entry: PartEntry = { id: shard.id, key: keys.get(shard.id)!, pages: shard.pages };
      await writeFile(join(resolve(options.partsDir), `${shard.id}.json`), `${JSON.stringify(entry)}\n`);
    }
    return { facts, problems: facts.errors.map((e) => `Pagefind reported an error: ${e}`), ms, shards: runs };
  }

  // The bundle of each shard: from the parts folders, from the cache, or indexed now.
  const workDir = options.cacheDir ? resolve(options.cacheDir) : join(tmpdir(), `search-shards-${process.pid}-${Date.now()}`);
  await mkdir(workDir, { recursive: true });
  const bundles = new Map<string, string>();
  const binary = options.assemble ? '' : (options.binary ?? (await pagefindBinary()));
  for (const shard of plan) {
    const key = keys.get(shard.id)!;
    if (options.assemble) {
      const found = await findPart(options.assemble, shard.id);
      if (!found) throw new Error(`search shard ${shard.id} is in none of ${options.assemble.join(', ')}: index it with --search-shard ${shard.id} --search-parts DIR`);
      if (found.entry.key !== key) throw new Error(`search shard ${shard.id} in ${found.dir} was indexed from other pages than ${siteDir} has (or another Pagefind): index it again from this site`);
      bundles.set(shard.id, join(found.dir, shard.id));
      runs.push({ id: shard.id, pages: shard.pages, how: 'assembled', ms: 0, peakMB: null });
      continue;
    }
    const bundle = join(workDir, key.slice(0, 24));
    if (options.cacheDir && existsSync(join(bundle, 'pagefind-entry.json'))) {
      const now = new Date();
      await utimes(bundle, now, now);
      runs.push({ id: shard.id, pages: shard.pages, how: 'reused', ms: 0, peakMB: null });
    } else {
      const run = await indexShard(siteDir, shard, byUrl, bundle, binary, quiet, chunkSize, facts.errors);
      ms += run.ms;
      runs.push({ id: shard.id, pages: shard.pages, how: 'indexed', ...run });
      if (facts.errors.length > 0) break;
    }
    bundles.set(shard.id, bundle);
  }

  await rm(outputPath, { recursive: true, force: true });
  if (facts.errors.length === 0) {
    const sharded = plan.length > 1;
    for (const shard of plan) await linkTree(bundles.get(shard.id)!, join(outputPath, shard.path), sharded ? isUiFile : undefined);
    if (sharded) {
      // pagefind.js and its worker at /pagefind/, where the page loads them; identical in every shard.
      const first = bundles.get(plan[0]!.id)!;
      await linkTree(first, outputPath, (name) => name !== 'pagefind.js' && name !== 'pagefind-worker.js');
    }
    const manifest: ShardManifest = { pagefind: version, shards: plan.map(({ urls: _, ...entry }) => entry) };
    await writeFile(join(outputPath, SHARD_MANIFEST), `${JSON.stringify(manifest)}\n`);
  }
  if (options.cacheDir) await pruneCache(workDir, new Set([...bundles.values()]));
  else await rm(workDir, { recursive: true, force: true });

  if (facts.errors.length === 0) {
    for (const shard of plan) {
      const entry = JSON.parse(await readFile(join(outputPath, shard.path, 'pagefind-entry.json'), 'utf8')) as Entry;
      for (const [lang, l] of Object.entries(entry.languages)) {
        if (!facts.languages.includes(lang)) facts.languages.push(lang);
        facts.pageCount += l.page_count;
      }
    }
    // Search the written index as the site will: every page, by date; and the filter names.
    const client = await loadPagefind(siteDir);
    const sorted = await client.search(null, { sort: { [SORT_KEY]: 'desc' } });
    const planned = plan.flatMap((s) => s.urls);
    // When Pagefind indexed every page it was given and sorts them all, the sorted pages are the
    // planned ones: reading each result's URL from its fragment (45 s at 10,000 documents) is
    // needed only to name what is wrong otherwise.
    facts.sortedUrls =
      facts.pageCount === planned.length && sorted.results.length === planned.length
        ? planned
        : (await Promise.all(sorted.results.map((r) => r.data()))).map((d) => d.url);
    facts.filterNames = Object.keys(await client.filters());
  }
  // Pagefind's URLs are relative to the folder it indexed; the browser adds the base path (baseUrl).
  const policyUrls = options.policySlugs.map((slug) => withoutBase(paths.policy(docSlug(slug))));
  const carried = await listFiltersOnPages(siteDir, policyUrls);
  const problems = indexProblems(facts, {
    policyUrls,
    filterNames: FILTER_NAMES.filter((f) => !LIST_FILTERS.includes(f) || carried.has(f)),
    language: INDEX_LANGUAGE,
  });
  return { facts, problems, ms, shards: runs };
}

async function findPart(dirs: string[], id: string): Promise<{ dir: string; entry: PartEntry } | null> {
  for (const dir of dirs) {
    const file = join(resolve(dir), `${id}.json`);
    if (!existsSync(file) || !existsSync(join(resolve(dir), id, 'pagefind-entry.json'))) continue;
    return { dir: resolve(dir), entry: JSON.parse(await readFile(file, 'utf8')) as PartEntry };
  }
  return null;
}

/** Removes cached bundles this build did not use and no build used for a day. */
async function pruneCache(dir: string, used: Set<string>): Promise<void> {
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (used.has(path)) continue;
    const s = await stat(path).catch(() => null);
    if (s && Date.now() - s.mtimeMs > CACHE_KEEP_MS) await rm(path, { recursive: true, force: true });
  }
}

/** The shards the index of a built site would have (for a split build's matrix). */
export async function searchPlan(siteDir: string, shardSize: number): Promise<PlannedShard[]> {
  return planShards(await sitePages(resolve(siteDir)), shardSize);
}
