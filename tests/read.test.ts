import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DecodeError, IngestError, SUPPORTED_EXTENSIONS, decodeText, htmlToText, normalizeText, readSource } from '../src/ingest/read.ts';

let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'read-test-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

/** The IngestError readSource throws for a file, or a failure when it reads the file. */
async function readError(path: string): Promise<IngestError> {
  try {
    await readSource(path);
  } catch (error) {
    if (error instanceof IngestError) return error;
    throw error;
  }
  throw new Error(`expected ${path} to be rejected`);
}

const gbk = (text: string): Uint8Array => new Uint8Array(iconv.encode(text, 'gbk'));
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const concat = (...parts: Uint8Array[]): Uint8Array => new Uint8Array(Buffer.concat(parts));

const POLICY = '一、总体要求\n1.深入学习贯彻党的十九大精神。\n2.推进“两学一做”学习教育常态化制度化。\n';

describe('readSource on text files', () => {
  it('reads a UTF-8 .txt file as it is', async () => {
    const result = await readSource(await file('utf8.txt', POLICY));
    expect(result).toEqual({ text: POLICY, format: 'txt', encoding: 'utf-8', warnings: [] });
  });

  it('drops a UTF-8 byte order mark', async () => {
    const path = await file('bom.txt', concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8(POLICY)));
    const result = await readSource(path);
    expect(result.text).toBe(POLICY);
    expect(result.encoding).toBe('utf-8');
  });

  it('reads a GBK-encoded file as GB18030', async () => {
    const result = await readSource(await file('gbk.txt', gbk(POLICY)));
    expect(result.text).toBe(POLICY);
    expect(result.encoding).toBe('gb18030');
    expect(result.warnings).toEqual([]);
  });

  it('reads UTF-16 little-endian and big-endian files with a byte order mark', async () => {
    const le = concat(new Uint8Array([0xff, 0xfe]), new Uint8Array(Buffer.from(POLICY, 'utf16le')));
    const be = new Uint8Array(le.length);
    be.set([0xfe, 0xff]);
    for (let i = 2; i < le.length; i += 2) {
      be[i] = le[i + 1] ?? 0;
      be[i + 1] = le[i] ?? 0;
    }
    const little = await readSource(await file('le.txt', le));
    const big = await readSource(await file('be.txt', be));
    expect([little.text, little.encoding]).toEqual([POLICY, 'utf-16le']);
    expect([big.text, big.encoding]).toEqual([POLICY, 'utf-16be']);
  });

  it('reads a .md file as format md', async () => {
    const result = await readSource(await file('notes.md', '# 标题\n正文。\n'));
    expect(result.format).toBe('md');
  });

  it('names the lines of a mostly UTF-8 file that are GBK, and decodes each line correctly', async () => {
    const bytes = concat(utf8('第一行是正常的文字。\n第二行也是正常的文字。\n'), gbk('第三行是从旧文件粘贴来的。\n'), utf8('第四行又是正常的文字。\n'));
    const result = await readSource(await file('mixed.txt', bytes));
    expect(result.text).toBe('第一行是正常的文字。\n第二行也是正常的文字。\n第三行是从旧文件粘贴来的。\n第四行又是正常的文字。\n');
    expect(result.encoding).toBe('utf-8+gb18030');
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(/^line 3 has .*GB18030/);
  });

  it('names the line of a UTF-8 file with a broken byte and marks the spot with U+FFFD', async () => {
    const bytes = concat(utf8('第一行是正常的文字。\n第二行有一个坏'), new Uint8Array([0xff]), utf8('字节,其余正常,而且这一行很长很长很长。\n'));
    const result = await readSource(await file('broken.txt', bytes));
    expect(result.text).toBe('第一行是正常的文字。\n第二行有一个坏\uFFFD字节,其余正常,而且这一行很长很长很长。\n');
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(/^line 2 has invalid UTF-8/);
  });
});

describe('readSource errors', () => {
  const cases: Array<{ name: string; content: string | Uint8Array; kind: IngestError['kind']; message: RegExp }> = (
    [
      ['empty.txt', '', 'empty', /empty \(0 bytes\)/],
      ['blank.txt', ' \n\t\u3000\n \u00a0 \r\n', 'empty', /only whitespace/],
      ['nul.txt', concat(utf8('正文'), new Uint8Array([0, 1, 2, 0]), utf8('正文')), 'binary', /NUL bytes/],
      ['controls.txt', new Uint8Array(Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41))), 'binary', /control bytes/],
      ['disguised.txt', utf8('%PDF-1.7\n1 0 obj\n'), 'binary', /PDF/],
      ['scan.pdf', utf8('%PDF-1.7'), 'unsupported', /unsupported file type "\.pdf": convert it to \.docx, \.html or \.txt first/],
      ['old.doc', utf8('x'), 'unsupported', /"\.doc".*save it as \.docx/],
      ['noext', utf8('正文'), 'unsupported', /no extension/],
      ['notzip.docx', utf8('<html>404 Not Found</html>'), 'unreadable', /not a valid \.docx: not a zip archive.*save it again as \.docx/],
      ['oldword.docx', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'unreadable', /old binary \.doc/],
      ['truncated.docx', concat(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), utf8('garbage that is not a zip entry')), 'unreadable', /cannot read the \.docx/],
      ['latin1.txt', new Uint8Array(iconv.encode('Schöne Grüße aus München, à bientôt! '.repeat(30), 'latin1')), 'undecodable', /cannot decode the text.*save it as UTF-8/],
    ] as const
  ).map(([name, content, kind, message]) => ({ name, content, kind, message }));

  it.each(cases)('rejects $name as $kind with a one-line message that names the file', async ({ name, content, kind, message }) => {
    const path = await file(name, content);
    const error = await readError(path);
    expect(error.kind).toBe(kind);
    expect(error.file).toBe(path);
    expect(error.message.startsWith(`${path}: `)).toBe(true);
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain('\n');
  });

  it('rejects a file that does not exist as unreadable', async () => {
    const path = join(dir, 'missing.txt');
    const error = await readError(path);
    expect(error.kind).toBe('unreadable');
    expect(error.message).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: cannot read the file \\(ENOENT\\)`));
  });

  it('lists the extensions it reads', () => {
    expect([...SUPPORTED_EXTENSIONS].sort()).toEqual(['.docx', '.htm', '.html', '.md', '.txt']);
  });
});

describe('readSource on HTML', () => {
  const page = `<!DOCTYPE html><html><head><meta charset="gbk"><title>页面标题_市政府网站</title>
<style>p { color: red }</style><script>document.write('脚本文字')</script></head>
<body>
<header><a href="/">首页</a></header>
<nav>网站导航 政务公开 办事服务</nav>
<div class="left-menu"><a>栏目菜单</a></div>
<div id="breadcrumb">当前位置:首页 &gt; 政务公开</div>
<table class="xxgk">
<tr><th>索引号</th><td>014437609/2023-00761</td><th>主题分类</th><td></td></tr>
<tr><th>发布单位</th><td>靖江市教育局</td><th>发文日期</th><td>2023-05-19</td></tr>
</table>
<div class="article"><h1>靖江市2022年履行教育职责情况汇报</h1>
<p>近年来,我市坚持教育优先发展。</p><p>一、基本情况<br>靖江市域面积655平方公里。</p>
<form><input value="搜索"><button>搜索按钮</button></form>
<noscript>请启用脚本</noscript><iframe src="x"></iframe></div>
<div class="footer">主办:靖江市人民政府</div><footer>版权所有</footer>
</body></html>`;

  it('decodes a page by its meta charset and keeps only the document text', async () => {
    const result = await readSource(await file('page.html', gbk(page)));
    expect(result.format).toBe('html');
    expect(result.encoding).toBe('gb18030');
    expect(result.text.trim().split('\n').filter(Boolean)).toEqual([
      '索引号 | 014437609/2023-00761 | 主题分类 |',
      '发布单位 | 靖江市教育局 | 发文日期 | 2023-05-19',
      '靖江市2022年履行教育职责情况汇报',
      '近年来,我市坚持教育优先发展。',
      '一、基本情况',
      '靖江市域面积655平方公里。',
    ]);
  });

  it('reads the charset from an http-equiv content-type and an .htm extension', async () => {
    const html = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><p>成文日期:2018年2月5日</p></body></html>';
    const result = await readSource(await file('legacy.htm', gbk(html)));
    expect(result.text.trim()).toBe('成文日期:2018年2月5日');
    expect(result.encoding).toBe('gb18030');
  });

  it('reads a page that declares gb2312 but is UTF-8 as UTF-8, with a warning', async () => {
    const html = '<meta charset="gb2312"><p>全面落实立德树人根本任务。</p>';
    const result = await readSource(await file('resaved.html', utf8(html)));
    expect(result.text.trim()).toBe('全面落实立德树人根本任务。');
    expect(result.warnings).toEqual([expect.stringMatching(/declares charset "gb2312" but is UTF-8/)]);
  });

  it('reads a page without a charset like a text file', async () => {
    const result = await readSource(await file('nocharset.html', gbk('<p>推进教育信息化建设。</p>')));
    expect(result.text.trim()).toBe('推进教育信息化建设。');
    expect(result.encoding).toBe('gb18030');
  });
});

describe('htmlToText', () => {
  it('keeps the paragraphs of a layout table as separate lines instead of one row', () => {
    const html = '<table><tr><td><p>第一段正文。</p><p>第二段正文。</p></td></tr></table>';
    expect(htmlToText(html).split('\n').filter(Boolean)).toEqual(['第一段正文。', '第二段正文。']);
  });

  it('gives a row with a long cell its cells as blocks, because such a row is page layout', () => {
    const long = '正文'.repeat(120);
    const html = `<table><tr><td>栏目</td><td>${long}</td></tr></table>`;
    expect(htmlToText(html).split('\n').filter(Boolean)).toEqual(['栏目', long]);
  });

  it('flattens a cell with line breaks into its row line', () => {
    const html = '<table><tr><td>文号</td><td>济教〔2018〕<br>1号</td></tr></table>';
    expect(htmlToText(html).trim()).toBe('文号 | 济教〔2018〕 1号');
  });

  it('keeps an element whose class only resembles a noise word', () => {
    const html = '<div class="content navigable"><p>加强基层党组织建设。</p></div><div class="sidebar">热点</div>';
    expect(htmlToText(html).trim()).toBe('加强基层党组织建设。');
  });

  it('drops elements hidden with the hidden attribute or an inline display:none', () => {
    const html = '<p>正文。</p><div hidden>隐藏一</div><span style="display: none">隐藏二</span><div style="visibility:hidden">隐藏三</div>';
    expect(htmlToText(html).trim()).toBe('正文。');
  });

  it('never executes or keeps markup: entities become text, tags and handlers vanish', () => {
    const html = '<p onclick="alert(1)">&lt;b&gt;不是标签&lt;/b&gt; <img src=x onerror="alert(2)"> 正文</p>';
    expect(htmlToText(html).trim()).toBe('<b>不是标签</b> 正文');
  });
});

describe('readSource on .docx', () => {
  it('reads paragraphs as lines and a table cell by cell', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph('济源市教育局2018年工作要点'),
            new Paragraph('一、全面从严治党,夯实教育发展根基'),
            new Paragraph('1.深入学习贯彻党的十九大精神。'),
            new Table({
              rows: [
                new TableRow({ children: [new TableCell({ children: [new Paragraph('责任单位')] }), new TableCell({ children: [new Paragraph('市教育局')] })] }),
              ],
            }),
          ],
        },
      ],
    });
    const path = await file('plan.docx', new Uint8Array(await Packer.toBuffer(doc)));
    const result = await readSource(path);
    expect(result.format).toBe('docx');
    expect(result.text.split('\n').filter(Boolean)).toEqual([
      '济源市教育局2018年工作要点',
      '一、全面从严治党,夯实教育发展根基',
      '1.深入学习贯彻党的十九大精神。',
      '责任单位',
      '市教育局',
    ]);
  });

  it('rejects a .docx without any text as empty', async () => {
    const doc = new Document({ sections: [{ children: [new Paragraph('')] }] });
    const path = await file('blank.docx', new Uint8Array(await Packer.toBuffer(doc)));
    const error = await readError(path);
    expect(error.kind).toBe('empty');
    expect(error.message).toMatch(/^.*blank\.docx: the document has no text/);
  });
});

describe('decodeText', () => {
  it('reads a GBK file with one UTF-8 line, naming that line', () => {
    const bytes = concat(gbk('第一行是国标编码的文字。\n第二行也是国标编码。\n'), utf8('第三行是统一码的文字。\n'));
    const result = decodeText(bytes);
    expect(result.text).toBe('第一行是国标编码的文字。\n第二行也是国标编码。\n第三行是统一码的文字。\n');
    expect(result.encoding).toBe('utf-8+gb18030');
    expect(result.warnings).toEqual([expect.stringMatching(/^line 3 has UTF-8 in a GB18030 file/)]);
  });

  it('reads GB18030 four-byte characters', () => {
    const text = '㐀€教育';
    expect(decodeText(new Uint8Array(iconv.encode(text, 'gb18030'))).text).toBe(text);
  });

  it('rejects bytes that decode as GB18030 only to rare characters, as text in another encoding does', () => {
    // Text in another encoding misread as GBK decodes to valid but rare characters like these.
    const mojibake = '彳亍踟蹰囹圄魑魅魍魉饕餮耄耋罄蹉跎龃龉觊觎鳏鲠犄聿芈亓'.repeat(2);
    expect(() => decodeText(gbk(mojibake))).toThrow(DecodeError);
    expect(() => decodeText(gbk(mojibake))).toThrow(/rare characters/);
  });

  it('rejects bytes that decode as GB18030 to replacement and private-use characters', () => {
    const bytes = concat(gbk('教育'), new Uint8Array([0xff, 0x41, 0xff, 0x42, 0xaa, 0xa1, 0xab, 0xa2, 0xff, 0x43]));
    expect(() => decodeText(bytes)).toThrow(/replacement, private-use or control characters/);
  });
});

describe('normalizeText', () => {
  it('normalises line endings, spaces and full-width letters and digits but keeps ① and Chinese punctuation', () => {
    expect(normalizeText('\uFEFF第１条\r\n标\u3000题：ＡＢＣ\u00a0ｘｙｚ\r①（一）“要求”，。')).toBe('第1条\n标 题：ABC xyz\n①（一）“要求”，。');
  });
});
