/**
 * Hostile content through the ingest, `npm run check` and the build: each gives a clear
 * message that names the file and what to fix, the build lists every problem at once, nothing
 * crashes with a stack trace, nothing else is lost, and document text never runs as script.
 *
 * What other suites already cover is not repeated here: readSource's errors and warnings
 * (tests/read.test.ts), the CLI on empty, binary and noise-only files (tests/ingest-cli.test.ts),
 * random and mutated text (tests/fuzz.test.ts), raw HTML in the Markdown pipeline
 * (tests/markdown-plugins.test.ts) and scripts on the sample site (tests/site-build.test.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Element } from 'hast';
import iconv from 'iconv-lite';
import jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { serialize } from '../src/ingest/write.ts';
import { loadPlaces, loadUnitAliases } from '../src/ingest/vocab.ts';
import { checkPolicyBytes, checkPolicyFolder, formatProblem, LARGE_FILE } from '../src/format/check.ts';
import { ingestText } from '../src/extract/pipeline.ts';
import type { PolicyData } from '../src/format/schema.ts';
import { attr, elements, readBuiltSite } from './support/built-site.ts';

const ROOT = resolve(import.meta.dirname, '..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const SAMPLE_SOURCE = join(ROOT, 'content/sources/2018-jiyuan-jiaoyuju-gongzuo-yaodian.txt');
const STACK_FRAME = /\n\s+at .+[(:]\d+/;

function run(script: string, args: string[], env: Record<string, string> = {}): { code: number; out: string } {
  const r = spawnSync(TSX, [script, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env }, maxBuffer: 1 << 26 });
  return { code: r.status ?? -1, out: `${r.stdout}\n${r.stderr}` };
}

const utf8 = (s: string): Buffer => Buffer.from(s, 'utf8');

/** A valid policy file; `over` replaces whole lines of its frontmatter. */
function policy(over: Record<string, string> = {}, body = '## 一、加强党建 {#s1}\n\n### 1. 学习 {#m1}\n\n内容。\n'): string {
  const fields: Record<string, string> = {
    title: 'title: 某县教育局2024年工作要点',
    issuer: 'issuer: 某县教育局',
    city: 'city: null',
    province: 'province: null',
    date: "date: '2024'",
    docNumber: 'docNumber: null',
    docType: 'docType: 工作要点',
    source: 'source:\n  file: null\n  url: null',
    goals: 'goals:\n  - id: g1\n    title: 加强党建\n    measures: [m1]',
    measures: "measures:\n  - id: m1\n    number: '1.'\n    title: 学习\n    section: 加强党建\n    units: []\n    leadUnits: []",
    targets: 'targets: []',
    ...over,
  };
  return `---\n${Object.values(fields).filter(Boolean).join('\n')}\n---\n\n${body}`;
}

describe('npm run ingest on hostile files', () => {
  it('names each file with what is wrong, ingests the others, and escapes markup in the text', () => {
    const dir = mkdtempSync(join(tmpdir(), 'robust-ingest-'));
    const inbox = join(dir, 'inbox');
    mkdirSync(inbox);
    const sample = readFileSync(SAMPLE_SOURCE);
    const lines = sample.toString('utf8').split('\n');
    // A PNG saved as .txt; a UTF-8 file with two GBK lines; a UTF-8 file with broken bytes.
    writeFileSync(join(inbox, 'photo.txt'), Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(500, 7)]));
    const gbk = lines.flatMap((l, i) => (i > 5 && /[\u4e00-\u9fff]/u.test(l) ? [i] : [])).slice(0, 2);
    writeFileSync(join(inbox, 'mixed.txt'), Buffer.concat(lines.map((l, i) => Buffer.concat([gbk.includes(i) ? iconv.encode(l, 'gbk') : utf8(l), utf8('\n')]))));
    const broken = Buffer.from(sample);
    broken[400] = 0xff;
    writeFileSync(join(inbox, 'broken.txt'), broken);
    writeFileSync(join(inbox, 'plain.txt'), `关于做好教育工作的说明\n${'我们要认真做好今年的教育工作，努力办好人民满意的教育。'.repeat(30)}\n`);
    writeFileSync(join(inbox, 'markup.txt'), sample.toString('utf8').replace('一、', '一、<script>alert("x")</script><img src=x onerror=alert(1)>'));
    const out = join(dir, 'policies');
    const r = run('scripts/ingest.ts', [inbox, '--out', out, '--sources', join(dir, 'sources')]);
    expect(r.out).not.toMatch(STACK_FRAME);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/error: .*photo\.txt: looks like a binary file, not text \(it starts like a PNG image\): export the document as/);
    expect(r.out).toMatch(new RegExp(`warning: .*mixed\\.txt: lines ${gbk[0]! + 1}, ${gbk[1]! + 1} .*decoded as GB18030: .*re-save the file as UTF-8`));
    expect(r.out).toMatch(/warning: .*broken\.txt: line \d+ has invalid UTF-8 bytes.*check the text there/);
    expect(r.out).toMatch(/warning: .*plain\.txt: no numbered structure .* kept as plain paragraphs/);
    expect(r.out).toMatch(/ingest: 4 of 5 files ingested, 1 failed/);
    const written = readdirSync(out);
    expect(written).toHaveLength(4);
    const markup = written.map((f) => readFileSync(join(out, f), 'utf8')).find((t) => t.includes('alert("x")'))!;
    const body = markup.slice(markup.indexOf('\n---\n', 3));
    expect(body).toContain('\\<script\\>alert("x")\\</script\\>');
    expect(body).not.toMatch(/(?<!\\)<(script|img)/);
  });

  it('gives the same files and messages from worker processes (64 files or more) as from one process', () => {
    const dir = mkdtempSync(join(tmpdir(), 'robust-parallel-'));
    const sample = readFileSync(SAMPLE_SOURCE, 'utf8');
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'b'));
    for (let i = 0; i < 66; i++) writeFileSync(join(dir, 'a', `doc-${i}.txt`), sample.replace('济源市教育局', `第${i}区教育局`));
    // Two originals of one name, and a bad file among the good ones.
    writeFileSync(join(dir, 'b', 'doc-1.txt'), sample.replace('2018', '2019'));
    writeFileSync(join(dir, 'b', 'empty.txt'), '');
    const outputs = ['1', ''].map((workers) => {
      const out = join(dir, `out-${workers || 'n'}`);
      const r = run('scripts/ingest.ts', [join(dir, 'a'), join(dir, 'b'), '--out', join(out, 'policies'), '--sources', join(out, 'sources')], { INGEST_WORKERS: workers });
      const files = (sub: string): string[] => readdirSync(join(out, sub)).sort().map((f) => `${f}\n${readFileSync(join(out, sub, f), 'utf8')}`);
      return { code: r.code, log: r.out.replaceAll(out, 'OUT'), policies: files('policies'), sources: files('sources') };
    });
    expect(outputs[0]!.log).toMatch(/ingest: 67 of 68 files ingested, 1 failed/);
    expect(outputs[0]!.sources.map((s) => s.split('\n')[0])).toContain('doc-1-2.txt');
    expect(outputs[1]).toEqual(outputs[0]);
  }, 120_000);

  it('ingests a 10 MB document whole, with a warning that it is unusually long', () => {
    const sample = readFileSync(SAMPLE_SOURCE, 'utf8');
    const rest = sample.split('\n').slice(5).join('\n');
    let text = sample;
    while (Buffer.byteLength(text) < 10 * 2 ** 20) text += `\n${rest}`;
    text += '\n文末标记：本文件到此结束。\n';
    const doc = ingestText(text, { sourceFile: 'big.txt', places: loadPlaces(), aliases: loadUnitAliases() });
    expect(doc.warnings).toContainEqual(expect.stringMatching(/the text is unusually long \([\d,]+ characters.*split it into one file per document/));
    expect(doc.body).toContain('文末标记：本文件到此结束。');
    expect(doc.data.measures.length).toBeGreaterThan(1000);
  }, 60_000);

  it('writes frontmatter that Astro reads back as written, even text YAML 1.2 takes for a number', () => {
    const data = {
      title: '089号文件',
      issuer: null,
      city: null,
      province: null,
      date: null,
      docNumber: '089',
      docType: '通知',
      period: null,
      inferred: [],
      template: false,
      source: { file: 'x.txt', url: null },
      topics: [],
      goals: [],
      measures: [{ id: 'm1', number: '08.', title: '学习', section: null, units: [], leadUnits: [], supportUnits: [] }],
      targets: [],
      responsibleUnits: [],
      references: [],
    } satisfies PolicyData;
    const text = serialize(data, '### 08. 学习 {#m1}\n\n内容。');
    // Astro parses frontmatter with js-yaml 4; gray-matter (which writes it) uses js-yaml 3.
    const read = jsYaml.load(text.split('---\n')[1]!) as PolicyData;
    expect(read.docNumber).toBe('089');
    expect(read.measures[0]!.number).toBe('08.');
    expect(typeof (read as unknown as { generated: { hash: unknown } }).generated.hash).toBe('string');
  });
});

describe('npm run check on hostile policy files', () => {
  const check = (name: string, content: string | Buffer): string[] => checkPolicyBytes(name, typeof content === 'string' ? utf8(content) : content).problems.map(formatProblem);

  it('names an empty file, a binary file and bytes that are not UTF-8, with the line', () => {
    expect(check('empty.md', '')).toEqual([expect.stringMatching(/^empty\.md:1: the file is empty \(0 bytes\): write the document into it, or delete it$/)]);
    expect(check('photo.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]))).toEqual([expect.stringMatching(/^photo\.md:1: not a text file \(it starts like a PNG image\): .*npm run ingest/)]);
    const text = utf8(policy());
    const at = text.indexOf(utf8('内容'));
    const broken = Buffer.concat([text.subarray(0, at), Buffer.from([0xff, 0xfe]), text.subarray(at)]);
    const lineOfBody = policy().split('\n').findIndex((l) => l.includes('内容')) + 1;
    expect(check('gbk.md', broken)).toEqual([`gbk.md:${lineOfBody}: not valid UTF-8 (line ${lineOfBody}): open it in an editor that detects the encoding and save it as UTF-8`]);
  });

  it('reads the frontmatter as the build does: an unquoted date or number-like text is an error that says to quote it', () => {
    const problems = check('types.md', policy({ date: 'date: 2024-01-05', docNumber: 'docNumber: 089' }));
    expect(problems).toContainEqual("types.md:6: date: Expected string, received date: put the value in quotes, e.g. date: '2024-01-05'");
    expect(problems).toContainEqual("types.md:7: docNumber: Expected string, received number: put the value in quotes, e.g. docNumber: '089'");
  });

  it('says what to add for a missing field and what to write for a wrong type', () => {
    const problems = check('fields.md', policy({ title: '', issuer: '', goals: 'goals:\n  - id: g1\n    title: 加强党建\n    measures: m1' }));
    expect(problems).toContainEqual(expect.stringMatching(/^fields\.md:\d+: title: Required: add "title:" with its value$/));
    expect(problems).toContainEqual(expect.stringMatching(/^fields\.md:\d+: issuer: Required: add "issuer:" with its value \(null when the document does not say\)$/));
    expect(problems).toContainEqual(expect.stringMatching(/^fields\.md:\d+: goals\.0\.measures: Expected array, received string: write a list/));
  });

  it('warns about fields that are not part of the format, and about a slug field the page address ignores', () => {
    const problems = check('extra.md', policy({ title: 'title: 某县教育局2024年工作要点\nslug: other\ntitel: 拼错', goals: '', measures: 'measures: []' }, '正文。'));
    expect(problems).toContainEqual('extra.md:3: warning: slug: a page’s address is its file name: rename the file instead, and remove the field');
    expect(problems).toContainEqual(expect.stringMatching(/^extra\.md:4: warning: titel: it is not a field of the format and is ignored: check its spelling/));
    expect(problems.filter((p) => !p.includes('warning:'))).toEqual([]);
  });

  it('reports a frontmatter that is not a list of fields', () => {
    expect(check('list.md', '---\n- a\n- b\n---\n正文\n')).toEqual(['list.md:2: frontmatter is not a list of fields: write one "field: value" per line']);
  });

  it('warns about a file of more than 5 MB', () => {
    const big = policy({ goals: '', measures: 'measures: []' }, `${'只有一段没有结构的文字。'.repeat(Math.ceil(LARGE_FILE / 30))}\n`);
    expect(check('big.md', big)).toEqual([expect.stringMatching(/^big\.md:1: warning: the file is unusually large \(\d+\.\d MB.*check that it holds one document/)]);
  });

  it('lists the problems of every file of a folder, across files too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'robust-check-'));
    writeFileSync(join(dir, 'empty.md'), '');
    writeFileSync(join(dir, 'dup-measure.md'), policy({ targets: "  - id: m1\n    number: '2.'\n    title: 再学习\n    section: null\ntargets: []" }));
    writeFileSync(join(dir, 'missing-measure.md'), policy({ goals: 'goals:\n  - id: g1\n    title: 加强党建\n    measures: [m1, m9]' }));
    writeFileSync(join(dir, 'same.md'), policy());
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'same.md'), policy());
    const lines = checkPolicyFolder(dir).problems.map(formatProblem);
    expect(lines).toEqual([
      expect.stringMatching(/sub\/same\.md:1: policy files must be directly in .*, not in a subfolder: move it to .*\/same\.md \(or out of the folder\)$/),
      expect.stringMatching(/dup-measure\.md:\d+: measures\.1\.id: duplicate measure id "m1": every measure needs its own id$/),
      expect.stringMatching(/empty\.md:1: the file is empty/),
      expect.stringMatching(/missing-measure\.md:\d+: goals\.0\.measures\.1: goal "g1" points at measure "m9", which is not in measures: fix the id or add the measure$/),
    ]);
  });

  it('rejects a policy file over the size limit outright, before reading its fields', () => {
    const big = policy({ goals: '', measures: 'measures: []' }, `${'文字。'.repeat(1000)}\n`);
    expect(checkPolicyBytes('big.md', utf8(big), { maxBytes: 4096 }).problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^big\.md:1: the file is 0\.0 MB, over the limit of 0\.0 MB for a policy file: split it .*--max-policy-mb$/),
    ]);
    expect(checkPolicyBytes('big.md', utf8(big)).problems).toEqual([]);
  });

  it('rejects nesting the renderer cannot take, with the line, and lets ordinary nesting through', () => {
    const body = `## 一、加强党建 {#s1}\n\n### 1. 学习 {#m1}\n\n内容。\n\n> 引文\n> > 引文中的引文\n\n- 一\n  - 二\n    - 三\n\n${'>'.repeat(2000)} 深\n`;
    const lines = check('deep.md', policy({}, body));
    const deepLine = policy({}, body).split('\n').findIndex((l) => l.startsWith('>>>>')) + 1;
    expect(lines).toEqual([`deep.md:${deepLine}: block quotes or lists nested 2000 levels deep (at most 100): the page cannot be rendered; remove the extra ">" or list markers at the start of the line`]);
    expect(check('lists.md', policy({}, `### 1. 学习 {#m1}\n\n${'- '.repeat(150)}深\n`))).toEqual([expect.stringMatching(/^lists\.md:\d+: block quotes or lists nested 150 levels deep/)]);
    expect(check('fine.md', policy({}, body.replace(/>{2000} 深\n/u, '')))).toEqual([]);
  });

  it('names an unknown theme slug with its line, and impossible values', () => {
    const themes = new Set(['xiaochu-dabane', 'kehou-fuwu']);
    const measures = "measures:\n  - id: m1\n    number: '1.'\n    title: 学习\n    section: 加强党建\n    themes: [kehou-fuwu, no-such-theme]";
    const lines = checkPolicyBytes('themes.md', utf8(policy({ measures })), { themes }).problems.map(formatProblem);
    expect(lines).toEqual([
      expect.stringMatching(/^themes\.md:21: measure "m1" lists theme "no-such-theme", which is not in content\/vocab\/themes\.yaml: use one of its slugs \(e\.g\. xiaochu-dabane, kehou-fuwu\) or add the theme there$/),
    ]);
    const targets = "targets:\n  - text: 内容\n    metric: 比例\n    comparator: '>='\n    value: .inf\n    unit: '%'\n    year: .nan\n    measure: m1";
    const impossible = check('impossible.md', policy({ date: "date: '2024-02-31'", targets }));
    expect(impossible).toContainEqual('impossible.md:6: date: date is not in the calendar (that month has fewer days): check the day');
    expect(impossible).toContainEqual(expect.stringMatching(/^impossible\.md:\d+: targets\.0\.value: must be a finite number/));
    expect(impossible).toContainEqual(expect.stringMatching(/^impossible\.md:\d+: targets\.0\.year: Expected number, received nan/));
    expect(check('leap.md', policy({ date: "date: '2024-02-29'" }))).toEqual([]);
  });
});

describe('the build on hostile content', () => {
  /** A knowledge base outside content/, built with `npm run build` through POLICY_DIR. */
  function knowledgeBase(files: Record<string, string | Buffer>): { env: Record<string, string>; dist: string } {
    const dir = mkdtempSync(join(tmpdir(), 'robust-build-'));
    mkdirSync(join(dir, 'policies'));
    mkdirSync(join(dir, 'sources'));
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, 'policies', name)), { recursive: true });
      writeFileSync(join(dir, 'policies', name), content);
    }
    return { env: { POLICY_DIR: join(dir, 'policies'), SOURCES_DIR: join(dir, 'sources'), ASTRO_CACHE_DIR: join(dir, 'cache') }, dist: join(dir, 'dist') };
  }

  it('fails on invalid content with every problem of every file at once, and no stack trace', () => {
    const kb = knowledgeBase({
      'good.md': policy(),
      'empty.md': '',
      'binary.md': Buffer.from([0, 1, 2, 3, 0, 0, 9, 9]),
      'bad-yaml.md': policy({ docType: 'docType: [工作要点' }),
      'wrong-types.md': policy({ title: '', date: 'date: 2024' }),
      'missing-measure.md': policy({ goals: 'goals:\n  - id: g1\n    title: 加强党建\n    measures: [m9]' }),
      'deep.md': policy({}, `### 1. 学习 {#m1}\n\n${'> '.repeat(2000)}深\n`),
      'sub/nested.md': policy(),
      'theme.md': policy({ measures: "measures:\n  - id: m1\n    number: '1.'\n    title: 学习\n    section: null\n    themes: [no-such-theme]" }),
    });
    const r = run('scripts/build.ts', ['--out-dir', kb.dist], kb.env);
    expect(r.code).not.toBe(0);
    expect(r.out).not.toMatch(/Stack trace/);
    expect(r.out).not.toMatch(STACK_FRAME);
    expect(r.out).toMatch(/9 problems in the policy files of .* \(8 files\); the site is not built until they are fixed:/);
    for (const line of [
      /deep\.md:\d+: block quotes or lists nested 2000 levels deep/,
      /sub\/nested\.md:1: policy files must be directly in .*, not in a subfolder: move it to/,
      /theme\.md:\d+: measure "m1" lists theme "no-such-theme", which is not in content\/vocab\/themes\.yaml/,
      /binary\.md:1: not a text file/,
      /bad-yaml\.md:[89]: frontmatter is not valid YAML: .*: check the indentation, brackets and quotes there/,
      /empty\.md:1: the file is empty/,
      /missing-measure\.md:\d+: goals\.0\.measures\.0: goal "g1" points at measure "m9"/,
      /wrong-types\.md:\d+: title: Required/,
      /wrong-types\.md:\d+: date: Expected string, received number: put the value in quotes, e\.g\. date: '2024'/,
    ]) {
      expect(r.out).toMatch(line);
    }
    expect(r.out).toMatch(/Run `npm run check` to list these problems again/);
    expect(r.out).not.toMatch(/Browser APIs/);
    expect(existsSync(join(kb.dist, 'index.html'))).toBe(false);
  }, 120_000);

  it('builds valid but hostile content whole: markup stays text, two slug fields take no page from each other', () => {
    const kb = knowledgeBase({
      'markup.md': policy(
        { title: 'title: "<script>alert(1)</script>某县教育局"' },
        '## 一、加强党建 {#s1}\n\n### 1. 学习 {#m1}\n\n内容<script>alert("body")</script><img src=x onerror="alert(2)"> [链接](javascript:alert(3))。\n\n<div onclick="alert(4)">div</div>\n',
      ),
      'slug-a.md': policy({ title: 'title: 甲\nslug: same' }),
      'slug-b.md': policy({ title: 'title: 乙\nslug: same' }),
      // No structure, no units, no themes: the search index has no 主题 or 责任单位 filter, and that is fine.
      'plain.md': policy({ goals: '', measures: 'measures: []' }, `${'只有一段没有结构的文字。'.repeat(20)}\n`),
    });
    const r = run('scripts/build.ts', ['--out-dir', kb.dist], kb.env);
    expect(r.out).not.toMatch(STACK_FRAME);
    expect(r.out).toMatch(/slug-a\.md:\d+: warning: slug: a page’s address is its file name/);
    expect(r.code, r.out.slice(-3000)).toBe(0);
    expect(r.out).toMatch(/search: Pagefind [\d.]+ indexed 4 policy pages/);
    const pages = readBuiltSite(kb.dist);
    for (const slug of ['markup', 'slug-a', 'slug-b', 'plain']) expect(pages.has(`/policies/${slug}/`), slug).toBe(true);
    for (const [path, page] of pages) {
      // Only the site's bundled modules run; none of them is document text.
      const scripts = elements(page, (el: Element) => el.tagName === 'script');
      expect(scripts.map((s) => attr(s, 'type')), path).toEqual(scripts.map(() => 'module'));
      expect(scripts.filter((s) => JSON.stringify(s.children).includes('alert(')), path).toEqual([]);
      const handlers = elements(page, (el: Element) => Object.keys(el.properties).some((k) => /^on[a-z]/i.test(k)));
      expect(handlers, path).toEqual([]);
      const jsLinks = elements(page, (el: Element) => /^\s*javascript:/i.test(attr(el, 'href') ?? ''));
      expect(jsLinks, path).toEqual([]);
    }
    const markup = pages.get('/policies/markup/')!;
    expect(markup.html).toContain('&#x3C;script>alert("body")&#x3C;/script>');
    expect(markup.html).toContain('>&lt;script&gt;alert(1)&lt;/script&gt;某县教育局</h1>');
  }, 240_000);
});
