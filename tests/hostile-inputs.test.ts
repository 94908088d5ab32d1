/**
 * Inputs built to hurt the reader: zip bombs, oversized files and text, named pipes, and text in
 * encodings that carry no mark of themselves (UTF-16 without BOM, Big5 beside GBK). Each is
 * refused with one line naming the file and the limit, or read right.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js/cn2t';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeText, IngestError, readSource, type ReadOptions } from '../src/ingest/read.ts';
import { utf16WithoutBom } from '../src/format/bytes.ts';
import { chineseEncoding, commonHanziScore, decodeAs, preferBig5 } from '../src/ingest/chinese-encoding.ts';
import { DEFAULT_LIMITS } from '../src/format/input-limits.ts';
import { docxBomb, docxOfSize } from './support/zip.ts';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hostile-inputs-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

async function refusal(path: string, options: ReadOptions = {}): Promise<IngestError> {
  try {
    await readSource(path, options);
  } catch (error) {
    if (error instanceof IngestError) return error;
    throw error;
  }
  throw new Error(`expected ${path} to be refused`);
}

const SENTENCES = [
  '各区县教育局要高度重视义务教育均衡发展工作，切实加强组织领导。',
  '到2025年，全市普惠性幼儿园覆盖率达到90%以上，消除56人以上大班额。',
  '加强教师队伍建设，完善中小学教师交流轮岗制度，推进县管校聘改革。',
  '落实立德树人根本任务，深化课程改革，全面提高教育教学质量。',
];
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

describe('a .docx that expands too far', () => {
  it('is refused from its zip directory before it is expanded, naming the file and the limit', async () => {
    // 120 MB of document part in about a tenth of a megabyte: over the default 100 MB for the parts.
    const bomb = await docxBomb(120 * 2 ** 20);
    expect(bomb.length).toBeLessThan(2 ** 20);
    const path = await file('bomb.docx', bomb);
    const error = await refusal(path);
    expect(error.kind).toBe('too-large');
    expect(error.message).toMatch(/bomb\.docx: refused before expanding it: its parts expand to .*120 MB.* over the limit of 100 MB for a \.docx: .*--max-docx-mb/);
    expect(error.message).not.toContain('\n');
  }, 60_000);

  it('is refused when its headers understate the size, as soon as a part inflates past them', async () => {
    const liar = await docxOfSize(3 * 2 ** 20, 1000);
    const error = await refusal(await file('liar.docx', liar), { limits: { docxBytes: 2 ** 20 } });
    expect(error.message).toMatch(/liar\.docx: cannot read the \.docx \(a damaged zip archive \(word\/document\.xml: too many bytes in the stream/);
  });

  it('reads a .docx under the limit, and refuses the same file under a lower --max-docx-mb', async () => {
    const path = await file('plan.docx', await docxOfSize(300_000));
    const read = await readSource(path);
    expect(read.text).toContain('完善中小学教师交流轮岗制度');
    const error = await refusal(path, { limits: { docxBytes: 100_000 } });
    expect(error.message).toMatch(/over the limit of 0\.1 MB for a \.docx/);
  });
});

describe('size limits on every input', () => {
  it('refuses a file over the input limit without reading it', async () => {
    const path = await file('dump.txt', '教育'.repeat(2000));
    expect(DEFAULT_LIMITS.inputBytes).toBe(50 * 2 ** 20);
    const error = await refusal(path, { limits: { inputBytes: 10_000 } });
    expect(error.kind).toBe('too-large');
    expect(error.message).toMatch(/dump\.txt: the file is 0\.0 MB, over the limit of 0\.0 MB for an input file: .*--max-input-mb/);
  });

  it('refuses extracted text over the character limit, saying how to split or raise it', async () => {
    const path = await file('long.txt', `${SENTENCES.join('\n')}\n`.repeat(50));
    const error = await refusal(path, { limits: { textChars: 1000 } });
    expect(error.message).toMatch(/long\.txt: the extracted text has [\d,]+ characters, over the limit of 1,000: split it .*--max-text-chars/);
  });

  it('does not wait on a named pipe: it is not a regular file', async () => {
    const path = join(dir, 'pipe.txt');
    execFileSync('mkfifo', [path]);
    const error = await refusal(path);
    expect(error.message).toMatch(/pipe\.txt: not a regular file \(a named pipe \(FIFO\)\)/);
  });
});

describe('UTF-16 without a byte-order mark', () => {
  const text = `${SENTENCES.join('\n')}\n责任单位：市教育局\n`;
  it.each(['utf-16le', 'utf-16be'] as const)('is recognised by its NUL pattern and read as %s, with a warning', async (encoding) => {
    const bytes = new Uint8Array(iconv.encode(text, encoding));
    expect(utf16WithoutBom(bytes)).toBe(encoding);
    const read = await readSource(await file(`${encoding}.txt`, bytes));
    expect(read.text).toBe(text);
    expect(read.encoding).toBe(encoding);
    expect(read.warnings.join()).toMatch(/without a byte-order mark.*save the file as UTF-8/);
  });

  it('is not claimed for binary data whose NULs fall on both sides, or for plain ASCII', () => {
    const binary = new Uint8Array(4000).map((_, i) => (i % 7 === 0 ? 0 : (i * 31) % 256));
    expect(utf16WithoutBom(binary)).toBeNull();
    expect(utf16WithoutBom(new TextEncoder().encode('plain ascii text\n'.repeat(20)))).toBeNull();
  });
});

describe('Big5 and GBK, told apart by what the decoded text reads like', () => {
  it('scores the right decoding of each sentence far above the wrong one', () => {
    for (const sentence of SENTENCES) {
      const gbk = new Uint8Array(iconv.encode(sentence, 'gbk'));
      const big5 = new Uint8Array(iconv.encode(toTraditional(sentence), 'big5'));
      expect(commonHanziScore(decodeAs(gbk, 'gb18030'))).toBeGreaterThan(commonHanziScore(decodeAs(gbk, 'big5')) + 0.4);
      expect(commonHanziScore(decodeAs(big5, 'big5'))).toBeGreaterThan(commonHanziScore(decodeAs(big5, 'gb18030')) + 0.4);
    }
  });

  it('reads a Big5 file as Big5 and a GBK file as GB18030', async () => {
    const traditional = toTraditional(SENTENCES.join('\n'));
    const big5 = await readSource(await file('big5.txt', iconv.encode(traditional, 'big5')));
    expect(big5).toMatchObject({ text: traditional, encoding: 'big5' });
    const gbk = await readSource(await file('gbk.txt', iconv.encode(SENTENCES.join('\n'), 'gbk')));
    expect(gbk).toMatchObject({ text: SENTENCES.join('\n'), encoding: 'gb18030' });
    expect(preferBig5(new Uint8Array(iconv.encode(SENTENCES.join('\n'), 'gbk')))).toBeNull();
  });

  it('reads a declared Big5 page as Big5', async () => {
    const page = `<html><head><meta charset="big5"></head><body><p>${toTraditional(SENTENCES[0]!)}</p></body></html>`;
    const read = await readSource(await file('page.html', iconv.encode(page, 'big5')));
    expect(read.text).toContain(toTraditional(SENTENCES[0]!));
  });

  it('follows --encoding over the guess', async () => {
    const bytes = iconv.encode(SENTENCES.join('\n'), 'gbk');
    const path = await file('forced.txt', bytes);
    const forced = await readSource(path, { encoding: 'big5' });
    expect(forced.encoding).toBe('big5');
    expect(forced.text).toBe(decodeAs(new Uint8Array(bytes), 'big5'));
    expect(chineseEncoding('GBK')).toBe('gb18030');
    expect(chineseEncoding('Big5')).toBe('big5');
    expect(chineseEncoding('latin1')).toBeNull();
  });

  it('still decodes mostly-UTF-8 files line by line, never as Big5', () => {
    const bytes = new Uint8Array(Buffer.concat([Buffer.from(`${SENTENCES.join('\n')}\n`), iconv.encode('推进教育信息化建设。\n', 'gbk')]));
    expect(decodeText(bytes).encoding).toBe('utf-8+gb18030');
  });
});
