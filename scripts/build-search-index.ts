/**
 * Indexes a built site with the Pagefind CLI and checks the result by searching it, so a
 * broken index fails the build instead of shipping (Pagefind only logs most problems, and its
 * Node API indexes every page even when some carry data-pagefind-body, so the CLI it is).
 *
 *   const report = await indexSite({ siteDir: 'dist', policySlugs: ['jiyuan-2018-…', …] });
 *   if (report.problems.length > 0) …
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { indexProblems, type IndexFacts } from '../src/search/build.ts';
import { FILTER_NAMES, SORT_KEY } from '../src/search/state.ts';
import { withoutBase } from '../src/site/base-path.ts';
import { paths } from '../src/site/paths.ts';
import { loadPagefind } from './build-search-client.ts';

export interface IndexOptions {
  /** The built site (Astro's outDir); the bundle is written to `<siteDir>/pagefind`. */
  siteDir: string;
  /** Slug of every policy document (content/policies/<slug>.md): each must be one indexed page. */
  policySlugs: string[];
  /** The Pagefind executable; defaults to the one the `pagefind` npm package installed. */
  binary?: string;
  /** Keep Pagefind's own warnings off the console (they are in the report's errors either way). */
  quiet?: boolean;
}

export interface IndexReport {
  facts: IndexFacts;
  /** What is wrong with the index; the build fails when this is not empty. */
  problems: string[];
  /** Milliseconds Pagefind took to index and write. */
  ms: number;
}

/** The policy pages, relative to the site (paths.policy: `/policies/<slug>/`). */
export const POLICY_GLOB = `${withoutBase(paths.policy('x')).split('/')[1]}/**/*.html`;

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

/** Indexes `siteDir` into `siteDir/pagefind` (replacing any old bundle) and checks the index. */
export async function indexSite(options: IndexOptions): Promise<IndexReport> {
  const siteDir = resolve(options.siteDir);
  const outputPath = join(siteDir, 'pagefind');
  await rm(outputPath, { recursive: true, force: true });
  const binary = options.binary ?? (await pagefindBinary());
  const started = performance.now();
  // --quiet: Pagefind prints only warnings and errors, and they reach the console as they are.
  // --glob: only the policy pages are indexed, so Pagefind need not read and parse the other
  // pages (a third of its time at 1,000 documents, and a sixth of its memory).
  const run = spawnSync(binary, ['--site', siteDir, '--glob', POLICY_GLOB, '--output-path', outputPath, '--quiet'], { stdio: ['ignore', options.quiet ? 'ignore' : 'inherit', 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - started;
  if (run.stderr && !options.quiet) process.stderr.write(run.stderr);

  const facts: IndexFacts = { errors: [], pageCount: 0, languages: [], sortedUrls: [], filterNames: [] };
  if (run.error) facts.errors.push(`could not run ${binary}: ${run.error.message}`);
  else if (run.status !== 0) facts.errors.push(`exit ${run.status ?? run.signal}: ${run.stderr.trim() || 'see its messages above'}`);
  if (facts.errors.length === 0) {
    const entry = JSON.parse(await readFile(join(outputPath, 'pagefind-entry.json'), 'utf8')) as Entry;
    facts.languages = Object.keys(entry.languages);
    facts.pageCount = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
    // Search the written index as the site will: every page, by date; and the filter names.
    const client = await loadPagefind(siteDir);
    const sorted = await client.search(null, { sort: { [SORT_KEY]: 'desc' } });
    facts.sortedUrls = (await Promise.all(sorted.results.map((r) => r.data()))).map((d) => d.url);
    facts.filterNames = Object.keys(await client.filters());
  }
  // Pagefind's URLs are relative to the folder it indexed; the browser adds the base path (baseUrl).
  const policyUrls = options.policySlugs.map((slug) => withoutBase(paths.policy(slug)));
  const carried = await listFiltersOnPages(siteDir, policyUrls);
  const problems = indexProblems(facts, {
    policyUrls,
    filterNames: FILTER_NAMES.filter((f) => !LIST_FILTERS.includes(f) || carried.has(f)),
    language: INDEX_LANGUAGE,
  });
  return { facts, problems, ms };
}
