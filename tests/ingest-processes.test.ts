/**
 * `npm run ingest` as real processes meeting real trouble: two at once into one folder, one
 * killed halfway, and input folders holding links to nowhere, link loops and named pipes, or
 * `--out`/`--sources` that are files. Every case ends in one-line messages and no lost document.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPolicyFolder } from '../src/format/check.ts';

const ROOT = resolve(import.meta.dirname, '..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const SAMPLE = readFileSync(join(ROOT, 'content/sources/2018-jiyuan-jiaoyuju-gongzuo-yaodian.txt'), 'utf8');
const STACK_FRAME = /\n\s+at .+[(:]\d+/;

function ingest(args: string[]): { code: number; out: string } {
  const r = spawnSync(TSX, ['scripts/ingest.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status ?? -1, out: `${r.stdout}\n${r.stderr}` };
}

/** A running ingest; `done` gives its exit code and output. */
function start(args: string[]): { pid: number; kill: (signal: NodeJS.Signals) => void; output: () => string; done: Promise<{ code: number | null; out: string }> } {
  const child = spawn(TSX, ['scripts/ingest.ts', ...args], { cwd: ROOT });
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr.on('data', (b: Buffer) => (out += b.toString()));
  const done = new Promise<{ code: number | null; out: string }>((r) => child.on('close', (code) => r({ code, out })));
  return { pid: child.pid!, kill: (s) => child.kill(s), output: () => out, done };
}

/** `n` distinct documents (their issuers differ, so do their slugs) in a new folder. */
function documents(root: string, folder: string, n: number, from = 0): string {
  const dir = join(root, folder);
  mkdirSync(dir, { recursive: true });
  for (let i = from; i < from + n; i++) writeFileSync(join(dir, `doc-${i}.txt`), SAMPLE.replaceAll('济源市教育局', `第${i + 1}区教育局`));
  return dir;
}

/** The source file each policy file in `dir` was made from. */
function sourcesOf(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => n.endsWith('.md'))
    .map((n) => /\n {2}file: (.+)\n/u.exec(readFileSync(join(dir, n), 'utf8'))?.[1] ?? `(none in ${n})`)
    .sort();
}

describe('two ingests into one folder at once', () => {
  it('lose no document: the second waits for the first and then reads the folder afresh', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ingest-twice-'));
    const a = documents(root, 'a', 3);
    const b = documents(root, 'b', 3, 3);
    const out = join(root, 'policies');
    const args = ['--out', out, '--sources', join(root, 'sources')];
    const [first, second] = await Promise.all([start([a, ...args]).done, start([b, ...args]).done]);
    expect(first.code).toBe(0);
    expect(second.code).toBe(0);
    expect(sourcesOf(out)).toEqual([0, 1, 2, 3, 4, 5].map((i) => `doc-${i}.txt`));
    expect(readdirSync(out).filter((n) => !n.endsWith('.md'))).toEqual([]);
    expect(`${first.out}${second.out}`).not.toMatch(STACK_FRAME);
  }, 180_000);

  it('says who holds the folder when the lock is held, and takes over the lock of a process that is gone', () => {
    const root = mkdtempSync(join(tmpdir(), 'ingest-lock-'));
    const inbox = documents(root, 'in', 1);
    const out = join(root, 'policies');
    mkdirSync(out);
    // A lock left by a process that no longer runs (pid far above any real one), and its temporary file.
    writeFileSync(join(out, '.ingest.lock'), JSON.stringify({ pid: 2 ** 22 + 7, started: '2026-01-01T00:00:00Z' }));
    writeFileSync(join(out, `half.md.tmp-${2 ** 22 + 7}`), '---\ntitle: 半');
    const r = ingest([inbox, '--out', out, '--sources', join(root, 'sources')]);
    expect(r.code).toBe(0);
    expect(readdirSync(out)).toEqual([expect.stringMatching(/\.md$/)]);
  }, 60_000);
});

describe('an ingest killed halfway', () => {
  it('leaves no half-written file, and the next run cleans up and finishes the job', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ingest-killed-'));
    const inbox = documents(root, 'in', 12);
    const out = join(root, 'policies');
    const sources = join(root, 'sources');
    const run = start([inbox, '--out', out, '--sources', sources]);
    // Killed without warning as soon as it has written its first document.
    while (!/created: /.test(run.output())) {
      const ended = await Promise.race([run.done.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 20))]);
      if (ended) throw new Error(`the ingest ended before it could be killed:\n${run.output()}`);
    }
    run.kill('SIGKILL');
    await run.done;
    const written = readdirSync(out).filter((n) => n.endsWith('.md'));
    expect(written.length).toBeGreaterThan(0);
    // Whatever it wrote is whole: every policy file passes the check, every kept original is complete.
    const checked = checkPolicyFolder(out);
    expect(checked.problems.filter((p) => p.severity === 'error')).toEqual([]);
    for (const name of existsSync(sources) ? readdirSync(sources).filter((n) => n.endsWith('.txt')) : []) {
      expect(readFileSync(join(sources, name), 'utf8')).toBe(readFileSync(join(inbox, name), 'utf8'));
    }
    const again = ingest([inbox, '--out', out, '--sources', sources]);
    expect(again.code).toBe(0);
    expect(sourcesOf(out)).toHaveLength(12);
    expect(readdirSync(out).filter((n) => !n.endsWith('.md'))).toEqual([]);
    expect(readdirSync(sources).filter((n) => !n.endsWith('.txt'))).toEqual([]);
  }, 180_000);
});

describe('input folders and output paths that are not what they seem', () => {
  it('skips a dangling link, a link loop, a link out of the folder and a named pipe with one line each, and ingests the rest', () => {
    const root = mkdtempSync(join(tmpdir(), 'ingest-links-'));
    const inbox = documents(root, 'in', 1);
    symlinkSync(join(root, 'gone.txt'), join(inbox, 'dangling.txt'));
    symlinkSync('loop.txt', join(inbox, 'loop.txt'));
    spawnSync('mkfifo', [join(inbox, 'pipe.txt')]);
    symlinkSync('..', join(inbox, 'parent')); // a folder link back up: walked once, never in circles
    const out = join(root, 'policies');
    const r = ingest([inbox, '--out', out, '--sources', join(root, 'sources')]);
    expect(r.out).not.toMatch(STACK_FRAME);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/warning: .*dangling\.txt: skipped, a symbolic link that leads nowhere \(a missing target, or a loop\); .*\n/);
    expect(r.out).toMatch(/warning: .*loop\.txt: skipped, a symbolic link that leads nowhere \(a missing target, or a loop\); .*\n/);
    expect(r.out).toMatch(/warning: .*pipe\.txt: skipped, a named pipe \(FIFO\): only regular files are ingested\n/);
    expect(r.out).toMatch(/warning: .*parent: skipped, a symbolic link leading out of /);
    expect(sourcesOf(out)).toEqual(['doc-0.txt']);
  }, 60_000);

  it('refuses a named pipe named on the command line instead of waiting on it', () => {
    const root = mkdtempSync(join(tmpdir(), 'ingest-fifo-'));
    spawnSync('mkfifo', [join(root, 'pipe.txt')]);
    const r = ingest([join(root, 'pipe.txt'), '--out', join(root, 'policies'), '--sources', join(root, 'sources')]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/error: .*pipe\.txt: not a regular file \(a named pipe \(FIFO\)\): ingest documents saved as ordinary files\n/);
    expect(r.out).not.toMatch(STACK_FRAME);
  }, 60_000);

  it('refuses --out or --sources that name a file, before writing anything', () => {
    const root = mkdtempSync(join(tmpdir(), 'ingest-paths-'));
    const inbox = documents(root, 'in', 1);
    writeFileSync(join(root, 'a-file'), 'x');
    const asOut = ingest([inbox, '--out', join(root, 'a-file'), '--sources', join(root, 'sources')]);
    expect(asOut.code).toBe(2);
    expect(asOut.out.trim()).toMatch(/^ingest: --out .*a-file: is a file, not a folder: give a folder \(it is created when missing\)$/);
    const asSources = ingest([inbox, '--out', join(root, 'policies'), '--sources', join(root, 'a-file', 'deeper')]);
    expect(asSources.code).toBe(2);
    expect(asSources.out.trim()).toMatch(/^ingest: --sources .*deeper: .*a-file is a file, not a folder/);
    expect(readdirSync(root).sort()).toEqual(['a-file', 'in']);
  }, 60_000);
});
