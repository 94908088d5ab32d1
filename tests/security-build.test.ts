/**
 * `npm run build` on a knowledge base an attacker wrote (issue 10): a source.file reaching out of
 * the sources folder and a javascript: source.url stop the build at file:line, with nothing read
 * or written outside; a saved web page with scripts is published as text, never as a page; a
 * remote image is a note; and every field of a document is escaped on its page.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Element } from 'hast';
import { afterAll, describe, expect, it } from 'vitest';
import { attr, elements, readBuiltSite } from './support/built-site.ts';

const ROOT = resolve(import.meta.dirname, '..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const work = mkdtempSync(join(tmpdir(), 'security-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A marker an attacker's markup would carry into the page if it were not escaped. */
const X = (field: string): string => `<img src=x onerror=alert(1) data-xss="${field}">"'><script>alert("${field}")</script>`;

function build(name: string, policies: Record<string, string>, sources: Record<string, string> = {}): { code: number; out: string; dist: string; dir: string } {
  const dir = join(work, name);
  mkdirSync(join(dir, 'kb', 'policies'), { recursive: true });
  mkdirSync(join(dir, 'kb', 'sources'), { recursive: true });
  for (const [file, text] of Object.entries(policies)) writeFileSync(join(dir, 'kb', 'policies', file), text);
  for (const [file, text] of Object.entries(sources)) writeFileSync(join(dir, 'kb', 'sources', file), text);
  const dist = join(dir, 'dist');
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', POLICY_DIR: join(dir, 'kb', 'policies'), SOURCES_DIR: join(dir, 'kb', 'sources'), ASTRO_CACHE_DIR: join(dir, 'cache') };
  const r = spawnSync(TSX, ['scripts/build.ts', '--out-dir', dist], { cwd: ROOT, encoding: 'utf8', env, maxBuffer: 1 << 26 });
  return { code: r.status ?? -1, out: `${r.stdout}\n${r.stderr}`, dist, dir };
}

const yamlString = (s: string): string => JSON.stringify(s);

describe('the build on an attacker’s knowledge base', () => {
  it('stops at a source.file outside the sources folder and a javascript: source.url, naming file and line, and reads nothing', () => {
    const secretDir = join(work, 'secret');
    mkdirSync(secretDir, { recursive: true });
    writeFileSync(join(secretDir, 'token.txt'), 'TOKEN-4711');
    const policy = (file: string, url: string): string =>
      `---\ntitle: 某县教育局2024年工作要点\nissuer: null\ncity: null\nprovince: null\ndate: '2024'\ndocNumber: null\ndocType: 工作要点\nsource:\n  file: ${file}\n  url: ${url}\n---\n\n正文。\n`;
    const r = build('traversal', {
      'traversal.md': policy('../../secret/token.txt', 'null'),
      'xss-url.md': policy('null', '"javascript:alert(document.domain)"'),
    });
    expect(r.code).not.toBe(0);
    expect(r.out).toMatch(/traversal\.md:10: source\.file: "\.\.\/\.\.\/secret\/token\.txt" contains a folder separator/);
    expect(r.out).toMatch(/xss-url\.md:11: source\.url: "javascript:alert\(document\.domain\)" is not a web address: give the http:\/\/ or https:\/\/ address/);
    expect(existsSync(join(r.dist, 'index.html'))).toBe(false);
    const everything = spawnSync('grep', ['-rl', 'TOKEN-4711', r.dir], { encoding: 'utf8' }).stdout;
    expect(everything).toBe('');
    expect(readdirSync(secretDir)).toEqual(['token.txt']);
  }, 300_000);

  it('publishes a saved web page as text, shows a remote image as a note, and escapes every field', () => {
    const original = '<!doctype html><html><head><link rel="stylesheet" href="https://evil.example/a.css"><script>alert("original")</script></head><body onload="alert(2)"><iframe src="https://evil.example/"></iframe><svg onload="alert(3)"></svg><p>某县教育局2024年工作要点</p></body></html>';
    const frontmatter = [
      `title: ${yamlString(`某县教育局2024年工作要点${X('title')}`)}`,
      `issuer: ${yamlString(`某县教育局${X('issuer')}`)}`,
      `city: ${yamlString(`某市${X('city')}`)}`,
      `province: ${yamlString(`某省${X('province')}`)}`,
      "date: '2024-03-01'",
      `docNumber: ${yamlString(`某教〔2024〕1号${X('docNumber')}`)}`,
      'docType: 工作要点',
      'source:',
      '  file: 2024-notice.html',
      '  url: "https://www.example.gov.cn/a.html?x=\\"><script>alert(5)</script>"',
      `topics: [${yamlString(`教育${X('topics')}`)}]`,
      'goals:',
      '  - id: g1',
      `    title: ${yamlString(`加强党建${X('goal')}`)}`,
      '    measures: [m1]',
      'measures:',
      '  - id: m1',
      `    number: ${yamlString(`1.${X('number')}`)}`,
      `    title: ${yamlString(`学习${X('measure')}`)}`,
      `    section: ${yamlString(`加强党建${X('section')}`)}`,
      `    units: [${yamlString(`市教育局${X('units')}`)}]`,
      `    leadUnits: [${yamlString(`市教育局${X('units')}`)}]`,
      'targets:',
      `  - text: ${yamlString('覆盖率达到100%')}`,
      `    metric: ${yamlString(`覆盖率${X('metric')}`)}`,
      "    comparator: '>='",
      '    value: 100',
      `    unit: ${yamlString(`%${X('unit')}`)}`,
      '    year: 2025',
      '    measure: m1',
      `responsibleUnits: [${yamlString(`市教育局${X('units')}`)}]`,
    ].join('\n');
    const body = '## 一、加强党建 {#s1}\n\n### 1. 学习 {#m1}\n\n覆盖率达到100%。\n\n![校园照片](https://evil.example/track.png)\n\n责任单位：市教育局\n';
    const r = build('hostile', { 'hostile.md': `---\n${frontmatter}\n---\n\n${body}` }, { '2024-notice.html': original });
    expect(r.code, r.out.slice(-3000)).toBe(0);

    // The original: published as text only, and nothing of it as an active document.
    const published = readdirSync(join(r.dist, 'sources'));
    expect(published).toEqual(['2024-notice.html.txt']);
    expect(readFileSync(join(r.dist, 'sources', '2024-notice.html.txt'), 'utf8')).toBe(original);
    const active = spawnSync('find', [r.dist, '-iregex', '.*\\.\\(html?\\|xhtml\\|svg\\)$'], { encoding: 'utf8' })
      .stdout.split('\n')
      .filter((f) => f !== '' && readFileSync(f, 'utf8').includes('alert("original")'));
    expect(active).toEqual([]);

    const pages = readBuiltSite(r.dist);
    const page = pages.get('/policies/hostile/')!;
    expect(page.html).toContain('href="/sources/2024-notice.html.txt"');
    expect(page.html).toContain('原件为网页（2024-notice.html），为安全起见以纯文本发布，不作为网页打开');
    expect(page.html).toContain('<span class="policy-image-missing">［图片未收录：校园照片］</span>');
    expect(page.html).not.toContain('evil.example/track.png');
    // source.url is a web address: linked, its markup escaped in the attribute.
    const publishedAt = elements(page, (el: Element) => el.tagName === 'a' && /^https:\/\/www\.example\.gov\.cn\//u.test(attr(el, 'href') ?? ''));
    expect(publishedAt).toHaveLength(1);

    for (const [path, p] of pages) {
      expect(elements(p, (el: Element) => attr(el, 'data-xss') !== undefined).map((el) => attr(el, 'data-xss')), path).toEqual([]);
      const scripts = elements(p, (el: Element) => el.tagName === 'script');
      expect(scripts.filter((s) => JSON.stringify(s.children).includes('alert(')), path).toEqual([]);
      expect(elements(p, (el: Element) => Object.keys(el.properties).some((k) => /^on[a-z]/iu.test(k))), path).toEqual([]);
      expect(elements(p, (el: Element) => el.tagName === 'iframe'), path).toEqual([]);
    }
    // Every field reached a page as text: the policy page shows the document's own fields, the targets index its targets.
    const shown = (html: string, field: string): boolean =>
      new RegExp(`(?:&#x3C;|&lt;)img src=x onerror=alert\\(1\\) data-xss=(?:"|&#x22;|&quot;)${field}(?:"|&#x22;|&quot;)`, 'u').test(html);
    for (const field of ['title', 'issuer', 'city', 'province', 'docNumber', 'goal', 'number', 'measure', 'units']) expect(shown(page.html, field), field).toBe(true);
    const targets = pages.get('/targets/')!;
    for (const field of ['metric', 'unit']) expect(shown(targets.html, field), field).toBe(true);
  }, 600_000);
});
