/**
 * npm run bench [-- --sizes 100,1000,10000] [--no-baseline] [--keep]
 *
 * Builds synthetic knowledge bases of N documents and prints a table of figures: ingest
 * throughput, build time and its parts (Astro, Pagefind), peak memory, pages, sizes, what a
 * browser fetches, the rebuild after editing one document, and a bare Astro baseline on
 * the same Markdown. Figures go to stdout and to bench-out/results.json.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, appendFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readSource } from '../src/ingest/read.ts';
import { loadPlaces, loadUnitAliases } from '../src/ingest/vocab.ts';
import { writePolicy } from '../src/ingest/write.ts';
import { ingestText, type Ingested } from '../src/lib/ingest.ts';
import type { Gazetteer } from '../src/lib/places.ts';
import { citiesOf, poolFrom, syntheticDoc } from './bench/corpus.ts';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'bench-out');
const BIN = join(ROOT, 'node_modules/.bin');

interface Row {
  n: number;
  ingestPerSec: number;
  astroSec: number;
  pagefindSec: number | null;
  totalSec: number;
  peakMB: number | null;
  baselineSec: number | null;
  pages: number;
  distMB: number;
  indexMB: number | null;
  rebuildSec: number;
  themePageKB: number | null;
  comparePageKB: number | null;
}

function args(): { sizes: number[]; baseline: boolean; keep: boolean } {
  const argv = process.argv.slice(2);
  const i = argv.indexOf('--sizes');
  const sizes = i >= 0 ? (argv[i + 1] ?? '').split(',').map(Number).filter((n) => n > 0) : [100];
  return { sizes, baseline: !argv.includes('--no-baseline'), keep: argv.includes('--keep') };
}

/** Runs a command under /usr/bin/time when present, for wall time and peak memory (of the largest process). */
function timed(cmd: string, argv: string[], env: Record<string, string>): { sec: number; peakMB: number | null } {
  const useTime = existsSync('/usr/bin/time');
  const t0 = performance.now();
  const r = useTime
    ? spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...argv], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 28 })
    : spawnSync(cmd, argv, { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 28 });
  const sec = (performance.now() - t0) / 1000;
  if (r.status !== 0) {
    process.stderr.write(r.stdout.slice(-4000) + r.stderr.slice(-4000));
    throw new Error(`${cmd} ${argv.join(' ')} failed with exit code ${r.status}`);
  }
  const kb = useTime ? Number(/(\d+)\s*$/.exec(r.stderr.trim())?.[1]) : NaN;
  return { sec, peakMB: Number.isFinite(kb) ? Math.round(kb / 1024) : null };
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

/** Bytes of a page and the CSS, JS and JSON it references from the same site. */
function pageWeight(dist: string, page: string): number | null {
  const file = join(dist, page, 'index.html');
  if (!existsSync(file)) return null;
  const html = readFileSync(file, 'utf8');
  let total = Buffer.byteLength(html);
  for (const m of html.matchAll(/(?:href|src)="(\/[^"#?]+\.(?:css|js|json))"/g)) total += sizeOf(join(dist, m[1]!));
  return total;
}

async function ingestCorpus(n: number, dir: string, pool: ReturnType<typeof poolFrom>, cities: ReturnType<typeof citiesOf>): Promise<number> {
  const sources = join(dir, 'sources');
  const policies = join(dir, 'policies');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(sources, { recursive: true });
  for (let i = 0; i < n; i++) {
    const d = syntheticDoc(i, pool, cities);
    writeFileSync(join(sources, d.name), d.text);
  }
  const places = loadPlaces();
  const aliases = loadUnitAliases();
  const taken = new Set<string>();
  const t0 = performance.now();
  for (const name of readdirSync(sources)) {
    const read = await readSource(join(sources, name));
    const doc = ingestText(read.text, { sourceFile: name, places, aliases });
    let slug = doc.slug;
    for (let k = 2; taken.has(slug); k++) slug = `${doc.slug}-${k}`;
    taken.add(slug);
    writePolicy(policies, slug, doc.data, doc.body, true);
  }
  return n / ((performance.now() - t0) / 1000);
}

function samplePool(): { pool: ReturnType<typeof poolFrom>; cities: ReturnType<typeof citiesOf> } {
  const places = loadPlaces();
  const aliases = loadUnitAliases();
  const dir = join(ROOT, 'content/sources');
  const docs: Ingested[] = readdirSync(dir).map((name) => ingestText(readFileSync(join(dir, name), 'utf8'), { sourceFile: name, places, aliases }));
  const gazetteer = JSON.parse(readFileSync(join(ROOT, 'content/vocab/places.json'), 'utf8')) as Gazetteer;
  return { pool: poolFrom(docs), cities: citiesOf(gazetteer) };
}

async function benchOne(n: number, baseline: boolean, pool: ReturnType<typeof poolFrom>, cities: ReturnType<typeof citiesOf>): Promise<Row> {
  const dir = join(OUT, String(n));
  const ingestPerSec = await ingestCorpus(n, dir, pool, cities);
  const dist = join(dir, 'dist');
  const env = { POLICY_DIR: join(dir, 'policies'), ASTRO_TELEMETRY_DISABLED: '1' };
  const astro = timed(join(BIN, 'astro'), ['build', '--force', '--outDir', dist], env);
  let pagefindSec: number | null = null;
  let peak = astro.peakMB;
  if (existsSync(join(BIN, 'pagefind'))) {
    const pf = timed(join(BIN, 'pagefind'), ['--site', dist, '--quiet'], env);
    pagefindSec = pf.sec;
    peak = Math.max(peak ?? 0, pf.peakMB ?? 0) || null;
  }
  // Rebuild after editing one document: the content layer cache keeps the others.
  const policies = join(dir, 'policies');
  const first = readdirSync(policies).sort()[0]!;
  appendFileSync(join(policies, first), '\n补充说明:本段为基准测试修改。\n');
  const rebuild = timed(join(BIN, 'astro'), ['build', '--outDir', dist], env);
  let baselineSec: number | null = null;
  if (baseline) {
    baselineSec = timed(join(BIN, 'astro'), ['build', '--force', '--root', 'scripts/bench/baseline', '--outDir', join(dir, 'baseline-dist')], env).sec;
  }
  const goals = readdirSync(join(dist, 'goals')).find((n) => existsSync(join(dist, 'goals', n, 'index.html')));
  return {
    n,
    ingestPerSec,
    astroSec: astro.sec,
    pagefindSec,
    totalSec: astro.sec + (pagefindSec ?? 0),
    peakMB: peak,
    baselineSec,
    pages: countPages(dist),
    distMB: sizeOf(dist) / 2 ** 20,
    indexMB: existsSync(join(dist, 'pagefind')) ? sizeOf(join(dist, 'pagefind')) / 2 ** 20 : null,
    rebuildSec: rebuild.sec,
    themePageKB: goals ? (pageWeight(dist, `goals/${goals}`) ?? 0) / 1024 : null,
    comparePageKB: (pageWeight(dist, 'compare') ?? NaN) / 1024 || null,
  };
}

function table(rows: Row[]): string {
  const f = (x: number | null, d = 1): string => (x === null ? 'n/a' : x.toFixed(d));
  const lines = [
    '| N | ingest docs/s | astro s | pagefind s | total s | ours/baseline (astro) | peak MB | pages | dist MB | index MB | rebuild 1 doc s | theme page KB | compare page KB |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const ratio = r.baselineSec ? `${f(r.baselineSec)} s → ×${(r.astroSec / r.baselineSec).toFixed(2)}` : 'n/a';
    lines.push(`| ${r.n} | ${f(r.ingestPerSec, 0)} | ${f(r.astroSec)} | ${f(r.pagefindSec)} | ${f(r.totalSec)} | ${ratio} | ${r.peakMB ?? 'n/a'} | ${r.pages} | ${f(r.distMB)} | ${f(r.indexMB, 2)} | ${f(r.rebuildSec)} | ${f(r.themePageKB)} | ${f(r.comparePageKB)} |`);
  }
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1]!;
    const b = rows[i]!;
    lines.push(`growth ${a.n} → ${b.n}: ×${(b.totalSec / a.totalSec).toFixed(2)} time for ×${(b.n / a.n).toFixed(1)} documents`);
  }
  return lines.join('\n');
}

const opts = args();
const { pool, cities } = samplePool();
const rows: Row[] = [];
for (const n of opts.sizes) {
  console.error(`bench: N = ${n} …`);
  rows.push(await benchOne(n, opts.baseline, pool, cities));
  console.error(table(rows.slice(-1)));
}
mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'results.json'), JSON.stringify(rows, null, 2));
console.log(table(rows));
if (!opts.keep) for (const n of opts.sizes) rmSync(join(OUT, String(n), 'sources'), { recursive: true, force: true });
