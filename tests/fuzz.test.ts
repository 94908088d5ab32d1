/**
 * Property test of the ingest: random and mutated real text never makes it throw anything
 * but its own clear errors, and the CLI never writes outside the folders it is given. The
 * attack files of the robustness audit are made here, small, and go through together.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync, symlinkSync } from 'node:fs';
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js/cn2t';
import { docxBomb, docxOfSize } from './support/zip.ts';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestText, ExtractionError } from '../src/extract/pipeline.ts';
import { loadPlaces, loadUnitAliases } from '../src/ingest/vocab.ts';
import { policySchema } from '../src/format/schema.ts';

const ROOT = resolve(import.meta.dirname, '..');
const ctx = { sourceFile: 'fuzz.txt', places: loadPlaces(), aliases: loadUnitAliases() };
const samples = readdirSync(join(ROOT, 'content/sources')).map((n) => readFileSync(join(ROOT, 'content/sources', n), 'utf8'));

/** Mulberry32: a small seeded generator, so a failure can be replayed from its seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = ['一、', '(一)', '1.', '1 .', '(1)', '①', '一是', '——', '责任单位:', '牵头单位:', '配合单位:', '到2025年', '不低于', '10%', '以上', '。', '\n', '、', ',', '附件:', '<script>', '{#m1}', '---', '#', '*', '`', '\u0000', '\uFFFD', '𠀀', '市教育局', '财政局', 'xx市', '第1页 / 共22页', '展开阅读全文', '2、'];

function mutate(text: string, next: () => number): string {
  let t = text;
  const ops = 1 + Math.floor(next() * 12);
  for (let i = 0; i < ops; i++) {
    const at = Math.floor(next() * (t.length + 1));
    const op = Math.floor(next() * 4);
    if (op === 0) t = t.slice(0, at) + t.slice(at + Math.floor(next() * 200));
    else if (op === 1) t = t.slice(0, at) + PIECES[Math.floor(next() * PIECES.length)] + t.slice(at);
    else if (op === 2) t = t.slice(0, at) + t.slice(Math.floor(next() * t.length), Math.floor(next() * t.length)) + t.slice(at);
    else t = t.split('\n').sort(() => next() - 0.5).join('\n');
  }
  return t;
}

function randomText(next: () => number): string {
  let t = '';
  const n = Math.floor(next() * 400);
  for (let i = 0; i < n; i++) {
    t += next() < 0.3 ? PIECES[Math.floor(next() * PIECES.length)] : String.fromCodePoint(0x4e00 + Math.floor(next() * 0x5000));
  }
  return t;
}

function survives(text: string): void {
  try {
    const doc = ingestText(text, ctx);
    expect(policySchema.safeParse(doc.data).success).toBe(true);
    expect(doc.body).not.toMatch(/(?<!\\)<script/i); // only the escaped form may appear
    expect(doc.body).not.toMatch(/\{#\}/u); // every anchor has an id
    for (const line of doc.body.split('\n')) if (line.startsWith('#')) expect(line).toMatch(/^#{1,6} \S/u);
  } catch (e) {
    if (!(e instanceof ExtractionError)) throw new Error(`ingest threw ${(e as Error).name}: ${(e as Error).message}`);
  }
}

describe('ingest under random input', () => {
  it('never throws on 300 mutations of the sample documents', () => {
    const next = rng(20261125);
    for (let i = 0; i < 300; i++) survives(mutate(samples[i % samples.length]!, next));
  });

  it('never throws on 300 random texts of markers and characters', () => {
    const next = rng(7);
    for (let i = 0; i < 300; i++) survives(randomText(next));
  });

  it('never writes outside its output and sources folders', () => {
    const root = mkdtempSync(join(tmpdir(), 'fuzz-cli-'));
    const inbox = join(root, 'inbox');
    mkdirSync(inbox);
    const next = rng(99);
    for (let i = 0; i < 12; i++) writeFileSync(join(inbox, `doc-${i}.txt`), mutate(samples[i % samples.length]!, next));
    writeFileSync(join(inbox, '..%2F..%2Fescape.txt'), samples[0]!);
    const before = readdirSync(join(ROOT, 'content/policies')).map((n) => readFileSync(join(ROOT, 'content/policies', n), 'utf8'));
    spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/ingest.ts', inbox, '--out', join(root, 'out'), '--sources', join(root, 'src')], { cwd: ROOT, encoding: 'utf8' });
    // The review list of facts to check is written beside the output folder, as documented.
    expect(readdirSync(root).filter((n) => n !== 'ingest-review.csv').sort()).toEqual(['inbox', 'out', 'src']);
    for (const name of readdirSync(join(root, 'out'))) expect(name).toMatch(/^[a-z0-9-]+\.md$/);
    const after = readdirSync(join(ROOT, 'content/policies')).map((n) => readFileSync(join(ROOT, 'content/policies', n), 'utf8'));
    expect(after).toEqual(before);
  });

  it('takes the attack files of the audit together: exit 0 or 1, one line each, nothing written outside, no document lost', async () => {
    const root = mkdtempSync(join(tmpdir(), 'fuzz-attacks-'));
    const inbox = join(root, 'inbox');
    const out = join(root, 'out');
    mkdirSync(inbox);
    mkdirSync(join(root, 'secret'));
    writeFileSync(join(root, 'secret', 'token.txt'), samples[0]!);
    const doc = (n: number): string => samples[0]!.replaceAll('济源市教育局', `第${n}区教育局`);
    // Documents that must come through, whatever their encoding or oddities.
    const good: Record<string, string | Buffer> = {
      'plain.txt': doc(1),
      'utf16-no-bom.txt': iconv.encode(doc(2), 'utf-16le'),
      'big5.txt': iconv.encode(OpenCC.Converter({ from: 'cn', to: 'tw' })(doc(3)), 'big5'),
      'bare-numbers.txt': doc(4).replace(/\n2[.．、]/u, '\n2.\n一、\n'),
      'rules.txt': doc(5).replace(/\n(二、)/u, '\n---\n——————\n$1'),
      'deep-quotes.txt': `${doc(6)}\n${'>'.repeat(2000)} 引文\n`,
      'name\nwith-newline.txt': doc(7),
      '..%2F..%2Fescape.txt': doc(8),
      'small.docx': await docxOfSize(20_000),
    };
    for (const [name, content] of Object.entries(good)) writeFileSync(join(inbox, name), content);
    // Files that must be refused or skipped, in one line each.
    writeFileSync(join(inbox, 'bomb.docx'), await docxBomb(3 * 2 ** 20));
    writeFileSync(join(inbox, 'liar.docx'), await docxOfSize(2 * 2 ** 20, 500));
    symlinkSync(join(root, 'nowhere.txt'), join(inbox, 'dangling.txt'));
    symlinkSync('loop.txt', join(inbox, 'loop.txt'));
    symlinkSync(join(root, 'secret', 'token.txt'), join(inbox, 'outside.txt'));
    spawnSync('mkfifo', [join(inbox, 'pipe.txt')]);
    // A document edited by hand with nothing but a comment, from an earlier run.
    const first = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/ingest.ts', join(inbox, 'plain.txt'), '--out', out, '--sources', join(root, 'src'), '--review', join(root, 'review.csv')], { cwd: ROOT, encoding: 'utf8' });
    expect(first.status).toBe(0);
    const [edited] = readdirSync(out);
    const editedText = readFileSync(join(out, edited!), 'utf8').replace('\ntitle:', '\n# 已核对\ntitle:');
    writeFileSync(join(out, edited!), editedText);

    const r = spawnSync(
      join(ROOT, 'node_modules/.bin/tsx'),
      ['scripts/ingest.ts', inbox, '--out', out, '--sources', join(root, 'src'), '--review', join(root, 'review.csv'), '--max-docx-mb', '1'],
      { cwd: ROOT, encoding: 'utf8', timeout: 120_000 },
    );
    expect([0, 1]).toContain(r.status);
    expect(r.stderr).not.toMatch(/\n\s+at .+[(:]\d+/u);
    const lines = r.stderr.split('\n').filter((l) => /^(error|warning):/u.test(l));
    for (const name of ['bomb.docx', 'liar.docx', 'dangling.txt', 'loop.txt', 'outside.txt', 'pipe.txt']) {
      expect(lines.filter((l) => l.includes(name)), name).toHaveLength(1);
    }
    expect(lines.find((l) => l.includes('bomb.docx'))).toMatch(/^error: .*bomb\.docx: refused before expanding it: .*over the limit of 1 MB/u);
    // Nothing outside the given folders; the hand edit kept; every good document written and passing the check.
    expect(readdirSync(root).sort()).toEqual(['inbox', 'out', 'review.csv', 'secret', 'src']);
    expect(readFileSync(join(out, edited!), 'utf8')).toBe(editedText);
    const made = readdirSync(out).filter((n) => n.endsWith('.md'));
    expect(made).toHaveLength(Object.keys(good).length);
    expect(readdirSync(out).filter((n) => !n.endsWith('.md'))).toEqual([]);
    const check = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/check.ts', out], { cwd: ROOT, encoding: 'utf8' });
    expect(check.stderr).toMatch(/check: 9 files, 0 errors/u);
  }, 240_000);
});
