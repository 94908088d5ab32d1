/**
 * A document's source (src/format/source.ts): source.file stays inside the sources folder,
 * source.url is only ever an http(s) link, saved web pages are published as text; and the
 * ingest and the build follow no symbolic link out of their folders (issue 10, defects 2–4).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPolicyText, formatProblem } from '../src/format/check.ts';
import { paths } from '../src/site/paths.ts';
import { isActiveOriginal, originalNote, publishedSourceName, sourceFileProblem, webAddress } from '../src/format/source.ts';
import { sourcePath } from '../src/astro/sources.ts';

const ROOT = resolve(import.meta.dirname, '..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const SAMPLE = join(ROOT, 'content/sources/2018-jiyuan-jiaoyuju-gongzuo-yaodian.txt');
const work = mkdtempSync(join(tmpdir(), 'source-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A valid policy file with the given `source:` lines (file on line 9, url on line 10). */
const policy = (file: string, url: string): string => `---
title: 某县教育局2024年工作要点
issuer: null
city: null
province: null
date: '2024'
docNumber: null
docType: 工作要点
source:
  file: ${file}
  url: ${url}
---

正文。
`;

describe('source.file', () => {
  it.each([
    ['2018-jiyuan-jiaoyuju-gongzuo-yaodian.txt'],
    ['济源市教育局2018年工作要点.docx'],
    ['a..b.html'],
  ])('accepts the plain file name %s', (name) => {
    expect(sourceFileProblem(name)).toBeNull();
  });

  it.each([
    ['../../secret/token.txt', /folder separator/],
    ['/etc/passwd', /folder separator/],
    ['sub\\a.txt', /folder separator/],
    ['..', /is "\.\.", a folder/],
    ['a\nb.txt', /control character/],
    ['a\u0000.txt', /control character/],
    ['  ', /is empty/],
  ])('refuses %j', (name, reason) => {
    expect(sourceFileProblem(name)).toMatch(reason);
  });

  it('is refused by npm run check with the file, the line and the fix', () => {
    const problems = checkPolicyText('bad.md', policy('../../secret/token.txt', 'null')).problems.map(formatProblem);
    expect(problems).toEqual([
      'bad.md:10: source.file: "../../secret/token.txt" contains a folder separator ("/" or "\\"): give the plain file name of the original in content/sources/ (e.g. 2018-jiyuan-gongzuo-yaodian.txt), or null',
    ]);
  });
});

describe('source.url', () => {
  it.each(['https://www.jiyuan.gov.cn/zwgk/a.html', 'http://jyj.example.cn/x?id=1'])('accepts the web address %s', (url) => {
    expect(webAddress(url)).toBe(url);
  });

  it.each(['javascript:alert(document.domain)', 'JavaScript:alert(1)', 'java\tscript:alert(1)', ' javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', '/relative/path', 'www.example.cn', 'file:///etc/passwd'])(
    'refuses %j',
    (url) => {
      expect(webAddress(url)).toBeNull();
    },
  );

  it('is refused by npm run check with the file, the line and the fix', () => {
    const problems = checkPolicyText('bad.md', policy('null', '"javascript:alert(document.domain)"')).problems.map(formatProblem);
    expect(problems).toEqual([
      'bad.md:11: source.url: "javascript:alert(document.domain)" is not a web address: give the http:// or https:// address where the document was published, or null',
    ]);
  });
});

describe('published originals', () => {
  it('publishes a saved web page, an SVG or XML as text, and other originals under their own name', () => {
    expect(publishedSourceName('2023-tongzhi.html')).toBe('2023-tongzhi.html.txt');
    expect(publishedSourceName('a.HTM')).toBe('a.HTM.txt');
    expect(publishedSourceName('a.xhtml')).toBe('a.xhtml.txt');
    expect(publishedSourceName('a.svg')).toBe('a.svg.txt');
    expect(publishedSourceName('a.txt')).toBe('a.txt');
    expect(publishedSourceName('a.docx')).toBe('a.docx');
    expect(isActiveOriginal('a.md')).toBe(false);
    expect(paths.source('通知 1.html')).toBe('/sources/%E9%80%9A%E7%9F%A5%201.html.txt');
  });

  it('says on the page what the original was', () => {
    expect(originalNote('2023-tongzhi.html')).toBe('原件为网页（2023-tongzhi.html），为安全起见以纯文本发布，不作为网页打开');
    expect(originalNote('a.txt')).toBeNull();
  });
});

describe('the sources folder as the build reads it', () => {
  const sources = join(work, 'sources');
  mkdirSync(sources, { recursive: true });
  writeFileSync(join(sources, 'kept.txt'), '原件');
  writeFileSync(join(work, 'secret.txt'), 'token');
  symlinkSync(join(work, 'secret.txt'), join(sources, 'leak.txt'));
  symlinkSync('kept.txt', join(sources, 'alias.txt'));
  mkdirSync(join(sources, 'folder.txt'));

  it('reads a kept original, and a link that stays inside the folder', () => {
    expect(sourcePath('kept.txt', sources)).toMatch(/kept\.txt$/);
    expect(sourcePath('alias.txt', sources)).toMatch(/kept\.txt$/);
  });

  it('never reads outside the folder: a link leading out, a path, a folder or a missing file is no source', () => {
    expect(sourcePath('leak.txt', sources)).toBeNull();
    expect(sourcePath('../secret.txt', sources)).toBeNull();
    expect(sourcePath('folder.txt', sources)).toBeNull();
    expect(sourcePath('missing.txt', sources)).toBeNull();
  });
});

describe('npm run ingest and symbolic links', () => {
  it('skips a link leading out of the input folder with a warning, and copies nothing of it to the sources', () => {
    const inbox = join(work, 'inbox');
    mkdirSync(inbox, { recursive: true });
    writeFileSync(join(work, 'outside.txt'), '某县教育局2024年工作要点\n\n一、秘密\n\n1. 不应被收录。\n');
    symlinkSync('/etc/passwd', join(inbox, 'passwd.txt'));
    symlinkSync(join(work, 'outside.txt'), join(inbox, 'outside.txt'));
    symlinkSync(join(work, 'nowhere.txt'), join(inbox, 'dangling.txt'));
    symlinkSync('loop.txt', join(inbox, 'loop.txt'));
    symlinkSync(SAMPLE, join(inbox, 'sample-link.txt'));
    writeFileSync(join(inbox, 'inside.txt'), readFileSync(SAMPLE));
    symlinkSync('inside.txt', join(inbox, 'inside-link.txt'));
    const out = join(work, 'ingest-out');
    const kept = join(work, 'ingest-sources');
    const r = spawnSync(TSX, ['scripts/ingest.ts', inbox, '--out', out, '--sources', kept], { cwd: ROOT, encoding: 'utf8' });
    for (const name of ['passwd.txt', 'outside.txt', 'sample-link.txt']) {
      expect(r.stderr).toContain(`warning: ${join(inbox, name)}: skipped, a symbolic link leading out of ${inbox}; copy the file itself into the folder to ingest it`);
    }
    expect(r.stderr).toContain(`warning: ${join(inbox, 'dangling.txt')}: skipped, a symbolic link that leads nowhere (a missing target, or a loop)`);
    expect(r.stderr).toContain(`warning: ${join(inbox, 'loop.txt')}: skipped, a symbolic link that leads nowhere`);
    expect(readdirSync(kept).sort()).toEqual(['inside-link.txt', 'inside.txt']);
    expect(r.status, r.stderr).toBe(0);
  }, 120_000);
});

