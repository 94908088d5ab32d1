/**
 * Property test of the ingest: random and mutated real text never makes it throw anything
 * but its own clear errors, and the CLI never writes outside the folders it is given.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestText, ExtractionError } from '../src/lib/ingest.ts';
import { loadPlaces, loadUnitAliases } from '../src/ingest/vocab.ts';
import { policySchema } from '../src/lib/schema.ts';

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
    expect(readdirSync(root).sort()).toEqual(['inbox', 'out', 'src']);
    for (const name of readdirSync(join(root, 'out'))) expect(name).toMatch(/^[a-z0-9-]+\.md$/);
    const after = readdirSync(join(ROOT, 'content/policies')).map((n) => readFileSync(join(ROOT, 'content/policies', n), 'utf8'));
    expect(after).toEqual(before);
  });
});
