/**
 * The policy page's body renderer: the site's pipeline on a real file, and its disk cache
 * (a rebuild renders only what changed; any change to the pipeline starts afresh).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_POLICIES } from './support/fixtures.ts';
import { moduleClosure } from '../src/astro/module-closure.ts';

const work = mkdtempSync(join(tmpdir(), 'policy-body-'));
const cache = join(work, 'cache');
let body: typeof import('../src/astro/policy-body.ts');

beforeAll(async () => {
  // CACHE_DIR is read when the module loads.
  process.env.ASTRO_CACHE_DIR = cache;
  body = await import('../src/astro/policy-body.ts');
});
afterAll(() => {
  delete process.env.ASTRO_CACHE_DIR;
  rmSync(work, { recursive: true, force: true });
});

describe('renderPolicyBody', () => {
  const file = join(work, 'doc.md');
  cpSync(join(FIXTURE_POLICIES, 'quanzhou-2023-jiaoyu-gongzuo-yaodian.md'), file);

  it('renders the body with the site’s plugins: measure anchors, no frontmatter', async () => {
    const html = await body.renderPolicyBody(file);
    expect(html).toMatch(/<h[2-4][^>]* id="m1"/);
    expect(html).not.toContain('generated:');
  });

  it('serves an unchanged file from the cache, and renders a changed one again', async () => {
    const [dir] = readdirSync(join(cache, 'policy-bodies'));
    const files = readdirSync(join(cache, 'policy-bodies', dir!));
    expect(files).toHaveLength(1);
    // What is in the cache is what comes back: the file is not rendered again.
    writeFileSync(join(cache, 'policy-bodies', dir!, files[0]!), '<p>from the cache</p>');
    expect(await body.renderPolicyBody(file)).toBe('<p>from the cache</p>');
    writeFileSync(file, `${(await import('node:fs')).readFileSync(file, 'utf8')}\n新增一段正文。\n`);
    const again = await body.renderPolicyBody(file);
    expect(again).toContain('新增一段正文。');
  });
});

describe('withoutLocalImages', () => {
  it('turns an image beside the file, and one on another host, into a note with its alt text, escaped', async () => {
    const file = join(work, 'img.md');
    writeFileSync(file, '---\ntitle: 图\n---\n正文。\n\n![示意<b>图</b>](./a.png)\n\n![远程](https://example.com/b.png)\n');
    const html = await body.renderPolicyBody(file);
    expect(html).not.toContain('__ASTRO_IMAGE_');
    expect(html).toContain('［图片未收录：示意&lt;b&gt;图&lt;/b&gt;］');
    expect(html).toContain('<span class="policy-image-missing">［图片未收录：远程］</span>');
    expect(html).not.toMatch(/<img|example\.com/u);
  });
});

describe('pipelineKey', () => {
  const root = join(work, 'project');
  beforeAll(() => {
    for (const [path, text] of [
      ['src/astro/policy-body.ts', "import { options } from './markdown-options.ts';"],
      ['src/astro/markdown-options.ts', "import { a } from '../markdown/a.ts';\nexport const options = [a];"],
      ['src/markdown/a.ts', "import { b } from '../extract/b.ts';\nexport const a = b;"],
      ['src/extract/b.ts', 'export const b = 2;'],
      ['src/data-api/csv.ts', 'export const columns = 3;'],
      ['content/vocab/units.json', '{"市教育局":"市教育局"}'],
      ['package-lock.json', '{"lockfileVersion":3}'],
    ] as const) {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
    }
  });

  it('changes with a vocabulary or a module rendering imports, even indirectly', () => {
    const first = body.pipelineKey(root);
    expect(first).toMatch(/^[0-9a-f]{16}$/);
    expect(body.pipelineKey(root)).toBe(first);
    writeFileSync(join(root, 'content/vocab/units.json'), '{"市教育局":"市教委"}');
    const second = body.pipelineKey(root);
    expect(second).not.toBe(first);
    writeFileSync(join(root, 'src/extract/b.ts'), 'export const b = 3;');
    expect(body.pipelineKey(root)).not.toBe(second);
  });

  it('stays the same when a module rendering does not use changes (a CSV column): no body is rendered again', () => {
    const before = body.pipelineKey(root);
    writeFileSync(join(root, 'src/data-api/csv.ts'), 'export const columns = 4;');
    expect(body.pipelineKey(root)).toBe(before);
  });

  it('gives no key (no cache) when the sources are not there', () => {
    rmSync(join(root, 'package-lock.json'));
    expect(body.pipelineKey(root)).toBeNull();
    expect(existsSync(root)).toBe(true);
  });
});

describe('moduleClosure', () => {
  it('lists the project modules the renderer of this checkout depends on, and not the data API or the page scripts', () => {
    const modules = moduleClosure(process.cwd(), ['src/astro/policy-body.ts'])!;
    expect(modules).toContain('src/markdown/responsibility-links.ts');
    expect(modules).toContain('src/format/schema.ts');
    expect(modules.filter((m) => /^src\/(data-api|compare|browser)\//.test(m))).toEqual([]);
  });
});
