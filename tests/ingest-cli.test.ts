/**
 * `npm run ingest` end to end: bad inputs, hand-edit protection and the --json contract.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const SAMPLE = join(ROOT, 'content/sources/2018-jiyuan-jiaoyuju-gongzuo-yaodian.txt');

function ingest(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(TSX, ['scripts/ingest.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function workspace(): { dir: string; out: string; sources: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ingest-cli-'));
  return { dir, out: join(dir, 'policies'), sources: join(dir, 'sources') };
}

describe('npm run ingest', { timeout: 120_000 }, () => {
  it('reports each bad file on one line, still ingests the good one, and exits 1', () => {
    const { dir, out, sources } = workspace();
    const inbox = join(dir, 'inbox');
    spawnSync('mkdir', ['-p', inbox]);
    writeFileSync(join(inbox, 'empty.txt'), '');
    writeFileSync(join(inbox, 'binary.txt'), Buffer.from([0, 1, 2, 3, 0, 255, 0, 7, 0, 0]));
    writeFileSync(join(inbox, 'scan.pdf'), '%PDF-1.4 not really');
    writeFileSync(join(inbox, 'noise.txt'), '点击查看更多>>\n展开阅读全文\n相关资源\n');
    copyFileSync(SAMPLE, join(inbox, 'good.txt'));
    const r = ingest([inbox, '--out', out, '--sources', sources]);
    expect(r.code).toBe(1);
    const errors = r.stderr.split('\n').filter((l) => l.startsWith('error:'));
    expect(errors).toHaveLength(3);
    expect(errors.find((l) => l.includes('empty.txt'))).toMatch(/empty/);
    expect(errors.find((l) => l.includes('binary.txt'))).toMatch(/binary/);
    expect(r.stderr).toMatch(/warning: .*scan\.pdf: skipped, not a supported type/);
    expect(errors.find((l) => l.includes('noise.txt'))).toMatch(/no document text/);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack traces
    expect(readdirSync(out)).toEqual(['jiyuan-2018-jiaoyuju-gongzuo-yaodian.md']);
    expect(readdirSync(sources)).toEqual(['good.txt']);
  });

  it('refuses an unsupported file named on the command line', () => {
    const { dir, out, sources } = workspace();
    writeFileSync(join(dir, 'scan.pdf'), '%PDF-1.4 not really');
    const r = ingest([join(dir, 'scan.pdf'), SAMPLE, '--out', out, '--sources', sources]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error: .*scan\.pdf: .*\.pdf/);
    expect(readdirSync(out)).toHaveLength(1);
  });

  it('never leaves a temporary or partial file behind', () => {
    const { out, sources } = workspace();
    ingest([SAMPLE, '--out', out, '--sources', sources]);
    expect(readdirSync(out).filter((n) => !n.endsWith('.md'))).toEqual([]);
  });

  it('keeps a hand-edited file, says how to force, and overwrites it with --force', () => {
    const { out, sources } = workspace();
    expect(ingest([SAMPLE, '--out', out, '--sources', sources]).code).toBe(0);
    const file = join(out, 'jiyuan-2018-jiaoyuju-gongzuo-yaodian.md');
    const edited = readFileSync(file, 'utf8').replace('issuer: 济源市教育局', 'issuer: 济源市教育局(手工校对)');
    writeFileSync(file, edited);
    const again = ingest([SAMPLE, '--out', out, '--sources', sources]);
    expect(again.stderr).toMatch(/edited by hand.*--force/);
    expect(readFileSync(file, 'utf8')).toBe(edited);
    const forced = ingest([SAMPLE, '--out', out, '--sources', sources, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(file, 'utf8')).not.toContain('手工校对');
  });

  it('counts any byte change as a hand edit, even a YAML comment that changes no field', () => {
    const { out, sources } = workspace();
    expect(ingest([SAMPLE, '--out', out, '--sources', sources]).code).toBe(0);
    const file = join(out, 'jiyuan-2018-jiaoyuju-gongzuo-yaodian.md');
    const edited = readFileSync(file, 'utf8').replace('\ntitle:', '\n# 已核对\ntitle:');
    expect(edited).toContain('# 已核对');
    writeFileSync(file, edited);
    const again = ingest([SAMPLE, '--out', out, '--sources', sources]);
    expect(again.stderr).toMatch(/skipped: .*jiyuan-2018-jiaoyuju-gongzuo-yaodian\.md was edited by hand.*--force/);
    expect(readFileSync(file, 'utf8')).toBe(edited);
    expect(ingest([SAMPLE, '--out', out, '--sources', sources, '--force']).code).toBe(0);
    expect(readFileSync(file, 'utf8')).not.toContain('已核对');
  });

  it('rewrites an untouched generated file without complaint and keeps its slug', () => {
    const { out, sources } = workspace();
    ingest([SAMPLE, '--out', out, '--sources', sources]);
    const r = ingest([SAMPLE, '--out', out, '--sources', sources]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/unchanged: .*jiyuan-2018-jiaoyuju-gongzuo-yaodian\.md/);
  });

  it('prints the extraction contract with --json and writes nothing', () => {
    const { dir } = workspace();
    const r = ingest([SAMPLE, join(ROOT, 'content/sources/shi-yiwu-jiaoyu-youzhi-junheng-shishi-fangan.txt'), '--json', '--out', join(dir, 'none')]);
    expect(r.code).toBe(0);
    const docs = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(docs).toHaveLength(2);
    expect(Object.keys(docs[0]!)).toEqual([
      'source', 'title', 'issuer', 'city', 'province', 'date', 'docNumber', 'docType',
      'period', 'inferred', 'template', 'goals', 'measures', 'targets', 'responsibleUnits', 'references',
    ]);
    const measures = docs[1]!.measures as Record<string, unknown>[];
    expect(Object.keys(measures[0]!)).toEqual(['id', 'title', 'section', 'units', 'leadUnits', 'supportUnits']);
    const targets = docs[1]!.targets as Record<string, unknown>[];
    expect(Object.keys(targets[0]!)).toEqual(['text', 'metric', 'comparator', 'value', 'unit', 'year', 'yearImplied', 'measure']);
    expect(docs[1]!.city).toBeNull();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('gives a failed input an error record in --json output', () => {
    const { dir } = workspace();
    writeFileSync(join(dir, 'empty.txt'), '   \n');
    const r = ingest([join(dir, 'empty.txt'), SAMPLE, '--json']);
    expect(r.code).toBe(1);
    const docs = JSON.parse(r.stdout) as { source: string; error?: string }[];
    expect(docs[0]).toMatchObject({ source: join(dir, 'empty.txt'), error: expect.stringMatching(/empty/) });
    expect(docs[1]!.error).toBeUndefined();
  });

  it('refuses an unknown option with the usage line', () => {
    const r = ingest(['--nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/usage: npm run ingest/);
  });
});
