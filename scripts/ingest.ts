/**
 * npm run ingest -- <files or folders> [--out DIR] [--sources DIR] [--force] [--json] [--review FILE]
 *                   [--encoding NAME] [--max-input-mb N] [--max-docx-mb N] [--max-text-chars N]
 *
 * Turns raw policy documents (.txt, .md, .html, .docx; UTF-8 or GB18030) into
 * content/policies/<slug>.md and keeps a copy of each original under content/sources/.
 *
 * With many files (64 or more) the reading and extraction run in one process per core: this one
 * and worker processes (scripts/ingest-worker.ts); the files are still written, and reported, in
 * input order. INGEST_WORKERS=N sets the number of processes that extract (1: all in this process).
 *
 * On a terminal it shows one progress line instead of a line per file, and ends with a summary
 * (created / updated / unchanged / skipped / failed) and the review list: every document with a
 * title, issuer, place, date or type that is unknown or inferred, also written as CSV.
 *
 * One ingest at a time writes into an output folder (src/ingest/folder-lock.ts); a second one
 * waits for the first to finish.
 */
import { fork, type ChildProcess, type ForkOptions } from 'node:child_process';
import { constants, copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, readFileSync, readdirSync, realpathSync, rmSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { lockFolder, LockError, removeLeftovers } from '../src/ingest/folder-lock.ts';
import type { FileResult } from '../src/ingest/one.ts';
import type { ReadOptions } from '../src/ingest/read.ts';
import { SUPPORTED_EXTENSIONS } from '../src/ingest/formats.ts';
import { existingSlugs, writeAtomic, writePolicy, type WriteOutcome } from '../src/ingest/write.ts';
import { ProgressLine } from '../src/ingest/progress.ts';
import { bundleWorker } from '../src/ingest/worker-bundle.ts';
import { CHINESE_ENCODINGS, chineseEncoding } from '../src/ingest/chinese-encoding.ts';
import type { Ingested } from '../src/extract/pipeline.ts';
import { DEFAULT_LIMITS, isLimitFlag, setLimit, type InputLimits } from '../src/format/input-limits.ts';
import { reviewCsv, reviewLine, reviewRows, type ReviewEntry } from '../src/extract/review.ts';

interface Options {
  inputs: string[];
  out: string;
  sources: string;
  force: boolean;
  json: boolean;
  /** The review list's CSV file (default: beside the output folder). */
  review?: string;
  /** Size limits and a forced encoding for the readers. */
  read: ReadOptions & { limits: InputLimits };
}

const USAGE =
  'usage: npm run ingest -- <files or folders> [--out DIR] [--sources DIR] [--force] [--json] [--review FILE] [--encoding NAME] [--max-input-mb N] [--max-docx-mb N] [--max-text-chars N]';

/** How long an ingest waits for another one writing into the same folder. */
const LOCK_WAIT_MS = 10 * 60_000;

function parseArgs(argv: string[]): Options {
  const o: Options = { inputs: [], out: 'content/policies', sources: 'content/sources', force: false, json: false, read: { limits: { ...DEFAULT_LIMITS }, encoding: null } };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--force') o.force = true;
    else if (a === '--json') o.json = true;
    else if (isLimitFlag(a) && a !== '--max-policy-mb') setLimit(o.read.limits, a, argv[++i]);
    else if (a === '--encoding') {
      const v = argv[++i];
      const encoding = v === undefined ? null : chineseEncoding(v);
      if (encoding === null) throw new Error(`--encoding needs one of ${CHINESE_ENCODINGS.join(', ')} (or gbk) (got ${v === undefined ? 'nothing' : `"${v}"`})`);
      o.read.encoding = encoding;
    }
    else if (a === '--out' || a === '--sources' || a === '--review') {
      const v = argv[++i];
      if (!v) throw new Error(`${a} needs a ${a === '--review' ? 'file' : 'folder'} name\n${USAGE}`);
      if (a === '--out') o.out = v;
      else if (a === '--review') o.review = v;
      else o.sources = v;
    } else if (a === '-h' || a === '--help') {
      console.log(USAGE);
      process.exit(0);
    } else if (a.startsWith('--')) throw new Error(`unknown option ${a}\n${USAGE}`);
    else o.inputs.push(a);
  }
  if (o.inputs.length === 0) throw new Error(`no input given\n${USAGE}`);
  return o;
}

/** Files named on the command line, with folders expanded to the supported files inside. */
function expand(inputs: string[]): { files: string[]; missing: string[]; skipped: string[]; links: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const skipped: string[] = [];
  const links: string[] = [];
  const walk = (p: string, root: string): void => {
    for (const name of readdirSync(p).sort()) {
      const full = join(p, name);
      // A link is followed only when it stays inside the folder given: one to /etc/passwd would be published as a source.
      if (lstatSync(full).isSymbolicLink()) {
        const target = realTarget(full);
        if (target === null || !target.startsWith(root + sep)) {
          links.push(`warning: ${full}: skipped, a symbolic link ${target === null ? 'that leads nowhere (a missing target, or a loop)' : `leading out of ${root}`}; copy the file itself into the folder to ingest it`);
          continue;
        }
      }
      const info = statSync(full);
      if (info.isDirectory()) walk(full, root);
      // A named pipe would block the read forever, a device never ends: only regular files are read.
      else if (!info.isFile()) links.push(`warning: ${full}: skipped, ${info.isFIFO() ? 'a named pipe (FIFO)' : info.isSocket() ? 'a socket' : 'a device'}: only regular files are ingested`);
      else if (SUPPORTED_EXTENSIONS.includes(extname(name).toLowerCase())) files.push(full);
      else if (!name.startsWith('.')) skipped.push(full);
    }
  };
  for (const input of inputs) {
    if (!existsSync(input)) missing.push(input);
    else if (statSync(input).isDirectory()) walk(input, realpathSync(input));
    else files.push(input);
  }
  return { files, missing, skipped, links };
}

/**
 * Why `dir` cannot be the folder written into, or null when it can: it must be a folder, or a
 * path whose nearest existing part is one (the rest is created). Checked before anything is written.
 */
function notAFolder(flag: string, dir: string): string | null {
  for (let p = resolve(dir); ; p = dirname(p)) {
    let info;
    try {
      info = statSync(p);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if ((code === 'ENOENT' || code === 'ENOTDIR') && dirname(p) !== p) continue;
      return `${flag} ${dir}: cannot be used (${code}): check the path and its permissions`;
    }
    if (info.isDirectory()) return null;
    return p === resolve(dir)
      ? `${flag} ${dir}: is a file, not a folder: give a folder (it is created when missing)`
      : `${flag} ${dir}: ${p} is a file, not a folder: give a path inside a folder`;
  }
}

/**
 * Copies the original into place through a temporary file, so an interrupted copy leaves no
 * half file; the final link fails rather than replace a file that is already there.
 */
function copyAtomic(from: string, to: string): void {
  const tmp = `${to}.tmp-${process.pid}`;
  try {
    copyFileSync(from, tmp, constants.COPYFILE_EXCL);
    linkSync(tmp, to);
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** The line with its control characters (a line break in a file name) written as escapes, so it stays one line. */
function oneLine(line: string): string {
  return line.replace(/[\u0000-\u001f\u007f]/gu, (c) => JSON.stringify(c).slice(1, -1));
}

/** Where a symbolic link finally leads, or null when it leads nowhere (dangling, a loop). */
function realTarget(link: string): string | null {
  try {
    return realpathSync(link);
  } catch {
    return null;
  }
}

/** The record of one input in --json output: exactly the keys of the public contract. */
function jsonRecord(source: string, doc: Ingested): Record<string, unknown> {
  const d = doc.data;
  return {
    source,
    title: d.title,
    issuer: d.issuer,
    city: d.city,
    province: d.province,
    date: d.date,
    docNumber: d.docNumber,
    docType: d.docType,
    period: d.period,
    inferred: d.inferred,
    template: d.template,
    goals: d.goals.map((g) => ({ id: g.id, title: g.title, measures: g.measures })),
    measures: d.measures.map((m) => ({ id: m.id, title: m.title, section: m.section, units: m.units, leadUnits: m.leadUnits, supportUnits: m.supportUnits })),
    targets: d.targets.map((t) => ({ text: t.text, metric: t.metric, comparator: t.comparator, value: t.value, unit: t.unit, year: t.year, yearImplied: t.yearImplied, measure: t.measure })),
    responsibleUnits: d.responsibleUnits,
    references: d.references.map((r) => ({ title: r.title, docNumber: r.docNumber, relation: r.relation })),
  };
}

/** Where the original is (or will be) kept under the sources folder, and whether it must be copied there. */
function sourceSlot(file: string, sourcesDir: string): { name: string; copy: string | null } {
  const abs = resolve(file);
  const dir = resolve(sourcesDir);
  // Kept at the top of the sources folder already; in a subfolder it is copied up, as source.file is a plain name.
  if (dirname(abs) === dir) return { name: basename(abs), copy: null };
  // The original's bytes only when a kept file of the same name is there to compare with.
  let bytes: Buffer | null = null;
  // Control characters (a line break in a file name) cannot be in source.file.
  const plain = basename(file).replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/gu, '-');
  const ext = extname(plain);
  const stem = basename(plain, ext);
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${stem}${ext}` : `${stem}-${n}${ext}`;
    const target = join(dir, name);
    // lstat: a dangling link planted in the sources folder must not be written through.
    if (!lstatSync(target, { throwIfNoEntry: false })) return { name, copy: target };
    if (readFileSync(target).equals((bytes ??= readFileSync(abs)))) return { name, copy: null };
  }
}

/**
 * `ingestFile` in this process, with the vocabularies loaded once. The extraction's modules (pinyin,
 * OpenCC, the HTML parser: a second or more to load) are imported only here, so that with workers
 * this process starts them without first loading everything they load again.
 */
let extractor: Promise<(file: string, sourceFile: string, read: ReadOptions) => Promise<FileResult>> | null = null;
function inProcess(): Promise<(file: string, sourceFile: string, read: ReadOptions) => Promise<FileResult>> {
  extractor ??= Promise.all([import('../src/ingest/one.ts'), import('../src/ingest/vocab.ts')]).then(([{ ingestFile }, { loadPlaces, loadUnitAliases }]) => {
    const places = loadPlaces();
    const aliases = loadUnitAliases();
    return (file, sourceFile, read) => ingestFile(file, sourceFile, places, aliases, read);
  });
  return extractor;
}

/** Below this many files one process is quicker: a worker takes about a second to start. */
const PARALLEL_FROM = 64;

/**
 * The results of `ingestFile` for every file, in input order. With many files, one process per
 * core extracts: this one and worker processes (scripts/ingest-worker.ts) take the next file from
 * one queue. This process extracts too, rather than leaving a core to a worker, because it would
 * otherwise sit waiting for results most of the time, and a worker costs a second of start-up (tsx,
 * the modules) and the copying of every result between processes. `sourceFile` names the original
 * as the ingest will keep it.
 */
async function* extractAll(files: string[], sourceFile: (file: string) => string, read: ReadOptions): AsyncGenerator<FileResult> {
  const extracting = Number(process.env.INGEST_WORKERS) || (files.length >= PARALLEL_FROM ? Math.min(availableParallelism(), 8) : 1);
  if (extracting <= 1) {
    const extract = await inProcess();
    for (const file of files) yield await extract(file, sourceFile(file), read);
    return;
  }
  const results = new Map<number, FileResult>();
  let wake: (() => void) | null = null;
  let next = 0;
  let stopped = false;
  const children: ChildProcess[] = [];
  const dispatch = (child: ChildProcess): void => {
    if (next < files.length) {
      const i = next++;
      child.send({ i, file: files[i], sourceFile: sourceFile(files[i]!), read });
    }
  };
  const entry = join(import.meta.dirname, 'ingest-worker.ts');
  // Bundled while this process loads the extraction; the workers start when it is ready.
  const bundling = bundleWorker(entry, join(import.meta.dirname, '..'));
  const local = extractLocally();
  const bundle = await bundling;
  for (let k = 1; k < extracting; k++) {
    // 'advanced' (V8's structured clone) rather than JSON: a fifth of the time to pass a result, and
    // the result arrives as it left (an undefined stays undefined), as it does when this process extracts.
    const options: ForkOptions = { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' };
    const child = bundle ? fork(bundle.file, [], { ...options, execArgv: [] }) : fork(entry, [], options);
    child.on('message', (m: { i: number; result: FileResult }) => {
      results.set(m.i, m.result);
      dispatch(child);
      wake?.();
    });
    child.on('exit', (code) => {
      if (code !== 0 && next <= files.length) {
        for (let i = 0; i < files.length; i++) if (!results.has(i)) results.set(i, { ok: false, warnings: [], message: `${files[i]}: unexpected failure: an ingest worker stopped (exit ${code})` });
        wake?.();
      }
    });
    children.push(child);
    // Two jobs in flight per worker, so none waits for the next.
    dispatch(child);
    dispatch(child);
  }
  async function extractLocally(): Promise<void> {
    const extract = await inProcess();
    while (!stopped && next < files.length) {
      const i = next++;
      const result = await extract(files[i]!, sourceFile(files[i]!), read);
      if (!results.has(i)) results.set(i, result);
      wake?.();
      // The workers' answers (and their next jobs) wait while this process extracts: let them in between files.
      await new Promise<void>((r) => setImmediate(r));
    }
  }
  try {
    for (let i = 0; i < files.length; i++) {
      while (!results.has(i)) await new Promise<void>((r) => (wake = r));
      const result = results.get(i)!;
      results.delete(i);
      yield result;
    }
  } finally {
    stopped = true;
    for (const child of children) child.disconnect();
    bundle?.remove();
    await local;
  }
}

/** The review file beside the policies: facts a person should check, one row each. */
/** Where the review list goes unless --review says: beside the output folder (content/ingest-review.csv). */
function reviewPath(opts: Options): string {
  return opts.review ?? join(dirname(resolve(opts.out)), 'ingest-review.csv');
}

/** Prints the documents whose facts are unknown or inferred, and (unless --json) writes them as CSV. */
function reportReview(review: ReviewEntry[], opts: Options, written: number): void {
  const byFile = new Map<string, ReviewEntry[]>();
  for (const r of review) byFile.set(r.file, [...(byFile.get(r.file) ?? []), r]);
  if (byFile.size > 0) console.error(`review: ${byFile.size} documents have facts to check (unknown or inferred):`);
  const SHOWN = 20;
  for (const [file, rows] of [...byFile].slice(0, SHOWN)) console.error(`  ${oneLine(reviewLine(file, rows))}`);
  if (byFile.size > SHOWN) console.error(`  … and ${byFile.size - SHOWN} more`);
  if (opts.json || written === 0) return;
  const path = reviewPath(opts);
  // A run with nothing to check removes an earlier run's list, so it is never taken for this one's.
  if (review.length === 0) return rmSync(path, { force: true });
  writeAtomic(path, reviewCsv(review));
  console.error(`review: the full list is in ${path}`);
}

async function main(): Promise<number> {
  let opts: Options;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`ingest: ${(e as Error).message}`);
    return 2;
  }
  if (!opts.json) {
    const problem = notAFolder('--out', opts.out) ?? notAFolder('--sources', opts.sources);
    if (problem !== null) {
      console.error(`ingest: ${problem}`);
      return 2;
    }
  }
  const { files, missing, skipped, links } = expand(opts.inputs);
  if (opts.json || files.length === 0) return ingestAll(opts, files, missing, skipped, links);
  mkdirSync(opts.out, { recursive: true });
  let release: () => void;
  try {
    release = await lockFolder(opts.out, {
      waitMs: LOCK_WAIT_MS,
      onWait: (owner) => console.error(`ingest: waiting for another ingest into ${opts.out} (pid ${owner.pid}) to finish`),
    });
  } catch (e) {
    if (!(e instanceof LockError)) throw e;
    console.error(`ingest: ${e.message}`);
    return 1;
  }
  removeLeftovers(opts.sources);
  // An interrupted run (Ctrl-C, kill) leaves neither the lock nor a temporary file.
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    process.once(signal, () => {
      release();
      process.exit(code);
    });
  }
  try {
    return await ingestAll(opts, files, missing, skipped, links);
  } finally {
    release();
  }
}

/** Ingests `files` (the output folder locked, when writing); prints what happened, returns the exit code. */
async function ingestAll(opts: Options, files: string[], missing: string[], skipped: string[], links: string[]): Promise<number> {
  // On a terminal one progress line replaces the line per file; messages still print above it.
  const progress = process.stderr.isTTY && !opts.json && files.length > 1 ? new ProgressLine(process.stderr, files.length) : null;
  // A file name can hold a line break: every message stays one line.
  const warn = (line: string): void => (progress ? progress.log(oneLine(line)) : console.error(oneLine(line)));
  let failed = missing.length;
  for (const m of missing) warn(`error: ${m}: no such file or folder`);
  // A file named on the command line is an error when unsupported; one found in a folder is only skipped.
  for (const l of links) warn(l);
  for (const s of skipped) warn(`warning: ${s}: skipped, not a supported type (${SUPPORTED_EXTENSIONS.join(', ')})`);
  const outcomes: Record<WriteOutcome, number> = { created: 0, updated: 0, unchanged: 0, 'kept-hand-edit': 0 };
  const review: ReviewEntry[] = [];
  const records: Record<string, unknown>[] = missing.map((m) => ({ source: m, error: 'no such file or folder' }));
  const known = opts.json ? new Map<string, string>() : existingSlugs(opts.out);
  const taken = new Map<string, string>([...known].map(([src, slug]) => [slug, src]));
  let kept = 0;

  // Where each original will be kept, as far as can be told before this run copies any: a
  // file that turns out to need another name (two inputs of one name) is extracted again.
  const slotOf = (file: string): { name: string; copy: string | null } => {
    if (opts.json) return { name: basename(file), copy: null };
    try {
      return sourceSlot(file, opts.sources);
    } catch {
      return { name: basename(file), copy: null };
    }
  };
  const provisional = new Map(files.map((f) => [f, slotOf(f).name]));
  let i = 0;
  for await (let result of extractAll(files, (f) => provisional.get(f)!, opts.read)) {
    const file = files[i++]!;
    progress?.update(i);
    try {
      if (!result.ok) {
        for (const w of result.warnings) warn(`warning: ${file}: ${w}`);
        throw new Error(result.message);
      }
      const slot = slotOf(file);
      const sourceFile = slot.name;
      if (sourceFile !== provisional.get(file)) {
        result = await (await inProcess())(file, sourceFile, opts.read);
        if (!result.ok) {
          for (const w of result.warnings) warn(`warning: ${file}: ${w}`);
          throw new Error(result.message);
        }
      }
      const doc = result.doc;
      for (const w of result.warnings) warn(`warning: ${file}: ${w}`);
      if (opts.json) {
        records.push(jsonRecord(file, doc));
        for (const row of reviewRows(doc.data)) review.push({ ...row, file, output: null });
        continue;
      }
      // The same source keeps its slug; a different document never takes another's slug.
      let slug = known.get(sourceFile) ?? doc.slug;
      for (let n = 2; taken.has(slug) && taken.get(slug) !== sourceFile; n++) slug = `${doc.slug}-${n}`;
      taken.set(slug, sourceFile);
      const outcome = writePolicy(opts.out, slug, doc.data, doc.body, opts.force, result.text);
      // The original is kept only for a document that went through, so a failed file leaves nothing.
      if (slot.copy) {
        mkdirSync(opts.sources, { recursive: true });
        copyAtomic(file, slot.copy);
      }
      outcomes[outcome]++;
      if (outcome !== 'kept-hand-edit') for (const row of reviewRows(doc.data)) review.push({ ...row, file, output: join(opts.out, `${slug}.md`) });
      if (outcome === 'kept-hand-edit') {
        kept++;
        warn(`skipped: ${join(opts.out, `${slug}.md`)} was edited by hand and is kept as it is; rerun with --force to overwrite it with a fresh ingest of ${file}`);
      } else if (!progress) {
        console.log(oneLine(`${outcome}: ${join(opts.out, `${slug}.md`)} (${doc.data.measures.length} measures, ${doc.data.targets.length} targets) from ${file}`));
      }
    } catch (e) {
      failed++;
      const msg = result.ok ? `${file}: unexpected failure: ${(e as Error).message}` : result.message;
      warn(`error: ${msg}`);
      records.push({ source: file, error: msg });
    }
  }
  progress?.finish();
  if (opts.json) console.log(JSON.stringify(records, null, 2));
  else {
    console.error(`ingest: ${files.length - failed + missing.length} of ${files.length} files ingested${kept ? `, ${kept} hand-edited files kept` : ''}${failed ? `, ${failed} failed` : ''}`);
    console.error(`ingest: ${outcomes.created} created, ${outcomes.updated} updated, ${outcomes.unchanged} unchanged, ${outcomes['kept-hand-edit']} skipped (edited by hand), ${failed} failed`);
  }
  reportReview(review, opts, outcomes.created + outcomes.updated + outcomes.unchanged);
  return failed > 0 ? 1 : 0;
}

process.exitCode = await main();
