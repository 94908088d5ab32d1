/**
 * The one frontmatter reader (src/format/frontmatter.ts): YAML only, no code, bounded aliases, and
 * the attack of issue 10 (a `---js` frontmatter running a shell command) replayed against the
 * ingest, `npm run check` and the build's loader.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPolicyText } from '../src/format/check.ts';
import { FrontmatterError, loadYaml, readFrontmatter } from '../src/format/frontmatter.ts';
import { existingSlugs, handEditOf } from '../src/ingest/write.ts';
import { policyLoader } from '../src/astro/policy-loader.ts';
import { FIXTURE_POLICIES } from './support/fixtures.ts';

const ROOT = resolve(import.meta.dirname, '..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const SAMPLE = join(ROOT, 'content/sources/2018-jiyuan-jiaoyuju-gongzuo-yaodian.txt');
const work = mkdtempSync(join(tmpdir(), 'frontmatter-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A policy file whose frontmatter is JavaScript that creates `marker` when evaluated (the issue's reproduction). */
function hostile(marker: string, opener = '---js'): string {
  return `${opener}\n({title: require('child_process').execSync('touch ${marker}').toString()})\n---\n\n正文。\n`;
}

function freshMarker(name: string): string {
  const marker = join(work, `${name}-ran`);
  rmSync(marker, { force: true });
  return marker;
}

describe('readFrontmatter', () => {
  it('reads YAML fields and the body, and says where the body starts', () => {
    const read = readFrontmatter('\uFEFF---\ntitle: 某县教育局2024年工作要点\ndate: 2024-01-05\n---\n\n## 一、总体要求 {#s1}\n')!;
    expect(read.data.title).toBe('某县教育局2024年工作要点');
    // As Astro reads it: an unquoted date is a timestamp.
    expect(read.data.date).toBeInstanceOf(Date);
    expect(read.body).toBe('\n## 一、总体要求 {#s1}\n');
    expect(read.bodyLine).toBe(5);
  });

  it('gives null for a file without frontmatter and {} for an empty one', () => {
    expect(readFrontmatter('# 标题\n正文')).toBeNull();
    expect(readFrontmatter('---\n---\n正文')?.data).toEqual({});
  });

  it.each(['---js', '---javascript', '---coffee', '---yaml', '--- js', '---toml'])('refuses a frontmatter opened with "%s", on line 1', (opener) => {
    const marker = freshMarker('reader');
    let error: unknown = null;
    try {
      readFrontmatter(hostile(marker, opener));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FrontmatterError);
    expect((error as FrontmatterError).line).toBe(1);
    expect((error as FrontmatterError).reason).toMatch(/only YAML frontmatter is read, and the first line must be exactly "---"/);
    expect(existsSync(marker)).toBe(false);
  });

  it('reads a JavaScript-looking YAML tag as an error, never as code', () => {
    const text = `---\ntitle: !!js/function "function () { require('child_process').execSync('touch ${freshMarker('tag')}') }"\n---\n`;
    expect(() => readFrontmatter(text)).toThrow(/line 2: frontmatter is not valid YAML: unknown tag/);
    expect(existsSync(join(work, 'tag-ran'))).toBe(false);
  });

  it('refuses aliases that expand a small frontmatter into a huge one (billion laughs), naming the line', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const text = `---\ntitle: 笑\n${levels.join('\n')}\n---\n`;
    expect(text.length).toBeLessThan(1000);
    expect(() => readFrontmatter(text)).toThrow(/line 4: YAML aliases \(\*name\) expand to too many values/);
  });

  it('bounds aliases in the vocabularies too (loadYaml)', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefgh'.split('').map((n, i) => `${n}: &${n} [${Array(9).fill(`*${'abcdefg'[i]}`).join(', ')}]`)].join('\n');
    expect(() => loadYaml(bomb)).toThrow(/line 2: YAML aliases \(\*name\) expand to too many values/);
    expect(loadYaml('市教育局: [教育局]')).toEqual({ 市教育局: ['教育局'] });
  });

  it('still reads a frontmatter with a few aliases', () => {
    expect(readFrontmatter('---\nunits: &u [市教育局]\nleadUnits: *u\n---\n')?.data).toEqual({ units: ['市教育局'], leadUnits: ['市教育局'] });
  });
});

describe('a policy file whose frontmatter is JavaScript (issue 10, defect 1)', () => {
  it('would run through gray-matter’s default engines (so this file is a real attack)', () => {
    const marker = freshMarker('gray-matter');
    const matter = createRequire(import.meta.url)('gray-matter') as (text: string) => unknown;
    matter(hostile(marker));
    expect(existsSync(marker)).toBe(true);
  });

  it('is never run by the ingest, which reads the output folder for existing documents', () => {
    const marker = freshMarker('ingest');
    const out = join(work, 'ingest-out');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'a.md'), hostile(marker));
    // The ingest's own readers of the output folder, then the command itself.
    expect(existingSlugs(out).size).toBe(0);
    expect(handEditOf(join(out, 'a.md'))).toMatch(/frontmatter cannot be read \(line 1: the frontmatter opens with "---js"/);
    const r = spawnSync(TSX, ['scripts/ingest.ts', SAMPLE, '--out', out, '--sources', join(work, 'ingest-sources')], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(readdirSync(out)).toHaveLength(2);
    expect(existsSync(marker)).toBe(false);
  }, 120_000);

  it('is never run by npm run check, which names the file and line 1', () => {
    const marker = freshMarker('check');
    const dir = join(work, 'check');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'a.md'), hostile(marker));
    const r = spawnSync(TSX, ['scripts/check.ts', dir], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${join(dir, 'a.md')}:1: the frontmatter opens with "---js": only YAML frontmatter is read`);
    expect(existsSync(marker)).toBe(false);
    expect(checkPolicyText('b.md', hostile(marker, '---coffee')).problems[0]?.message).toMatch(/opens with "---coffee"/);
  }, 120_000);

  it('is never run by the build’s loader, which fails naming the file', async () => {
    const marker = freshMarker('loader');
    const dir = join(work, 'loader');
    cpSync(FIXTURE_POLICIES, dir, { recursive: true });
    writeFileSync(join(dir, 'zz-hostile.md'), hostile(marker));
    const stored: unknown[] = [];
    const context = {
      config: { root: pathToFileURL(`${work}/`) },
      logger: { warn: () => undefined, error: () => undefined, info: () => undefined },
      generateDigest: (text: string) => String(text.length),
      parseData: async ({ data }: { data: unknown }) => data,
      store: { get: () => undefined, set: (e: unknown) => stored.push(e), keys: () => [], delete: () => undefined },
    } as unknown as LoaderContext;
    const error = await policyLoader(dir).load(context).then(
      () => null,
      (e: Error) => e,
    );
    expect(error?.message).toMatch(/zz-hostile\.md:1: the frontmatter opens with "---js"/);
    expect(stored).toEqual([]);
    expect(existsSync(marker)).toBe(false);
  });
});
