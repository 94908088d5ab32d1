/**
 * Read stage of the ingest: one reader per source format, all returning plain text.
 *
 * This is the only ingest module that touches the disk (`readSource`). Everything else here
 * (`decodeText`, `htmlToText`, `normalizeText`) is pure and works on bytes or strings, so the
 * tests can feed it hand-made inputs. Content problems that still give usable text come back
 * as `warnings`; inputs that give no usable text throw an `IngestError`.
 */
import { readFile, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { extname } from 'node:path';
import iconv from 'iconv-lite';
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import { toText } from 'hast-util-to-text';
import { binaryReason, hasUtf16Bom, startsWith, utf16WithoutBom } from '../format/bytes.ts';
import { DEFAULT_LIMITS, megabytes, type InputLimits } from '../format/input-limits.ts';
import { COMMON_HANZI, decodeAs, preferBig5, type ChineseEncoding } from './chinese-encoding.ts';
import { docxArchiveProblem } from './docx-archive.ts';
import { FORMAT_OF, SUPPORTED_EXTENSIONS, isSupported, type SourceFormat } from './formats.ts';

export { SUPPORTED_EXTENSIONS, type SourceFormat, type SupportedExtension } from './formats.ts';

/** What a reader gives back: normalised text, the format and encoding it came from, and any warnings. */
export interface ReadResult {
  text: string;
  format: SourceFormat;
  /** `utf-8`, `utf-16le`, `utf-16be`, `gb18030`, or `utf-8+gb18030` for a file that mixes them. */
  encoding: string;
  /** Problems that did not stop the read, naming the line where there is one; the caller adds the file name. */
  warnings: string[];
  /** A saved page's `<title>`, the last place a title is looked for before the file name. */
  pageTitle?: string;
}

export type IngestErrorKind = 'empty' | 'binary' | 'unsupported' | 'undecodable' | 'unreadable' | 'too-large';

/** How to read: the size limits, and an encoding that overrides the detection (`--encoding`). */
export interface ReadOptions {
  limits?: Partial<InputLimits>;
  encoding?: ChineseEncoding | null;
}

/** A source file the ingest cannot read; the message is one line: file, what is wrong, what to do. */
export class IngestError extends Error {
  readonly file: string;
  readonly kind: IngestErrorKind;

  constructor(file: string, kind: IngestErrorKind, problem: string, fix: string) {
    super(oneLine(`${file}: ${problem}: ${fix}`));
    this.name = 'IngestError';
    this.file = file;
    this.kind = kind;
  }
}

/** Bytes that cannot be decoded as UTF-8, UTF-16 or GB18030; `readSource` turns it into an IngestError. */
export class DecodeError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'DecodeError';
  }
}

/** Read one source file into normalised plain text, or throw an IngestError that says what to do. */
export async function readSource(path: string, options: ReadOptions = {}): Promise<ReadResult> {
  const limits: InputLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const ext = extname(path).toLowerCase();
  if (!isSupported(ext)) throw unsupported(path, ext);
  const format = FORMAT_OF[ext];

  // Looked at before it is opened: reading a FIFO would wait forever, and a huge file would be read whole.
  let info: Stats;
  try {
    info = await stat(path);
  } catch (error) {
    throw unreadable(path, error);
  }
  if (!info.isFile()) {
    throw new IngestError(path, 'unreadable', `not a regular file (${fileKind(info)})`, 'ingest documents saved as ordinary files');
  }
  if (info.size > limits.inputBytes) {
    throw new IngestError(
      path,
      'too-large',
      `the file is ${megabytes(info.size)}, over the limit of ${megabytes(limits.inputBytes)} for an input file`,
      'check that it is one policy document; if it is, raise the limit with --max-input-mb',
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    throw unreadable(path, error);
  }
  if (bytes.length === 0) {
    throw new IngestError(path, 'empty', 'the file is empty (0 bytes)', 'check that it was saved or exported completely');
  }

  const result = format === 'docx' ? await readDocx(path, bytes, limits) : readTextual(path, bytes, format, options.encoding ?? null);
  if (result.text.length > limits.textChars) throw tooMuchText(path, result.text.length, limits);
  const text = normalizeText(result.text);
  if (text.trim() === '') {
    throw new IngestError(
      path,
      'empty',
      format === 'docx' ? 'the document has no text (only images, or a scan?)' : 'the file contains only whitespace',
      format === 'docx' ? 'if it is a scan, run OCR and save the text as .docx or .txt' : 'check that the text was pasted and saved',
    );
  }
  const pageTitle = result.pageTitle ? normalizeText(result.pageTitle) : undefined;
  return { text, format, encoding: result.encoding, warnings: result.warnings.map(oneLine), ...(pageTitle ? { pageTitle } : {}) };
}

function unreadable(path: string, error: unknown): IngestError {
  const code = (error as NodeJS.ErrnoException).code ?? String(error);
  const fix = code === 'ELOOP' ? 'it is a symbolic link that points to itself: remove it' : code === 'ENOENT' ? 'it is a symbolic link to a file that does not exist, or was removed: fix or remove it' : 'check the path and the file permissions';
  return new IngestError(path, 'unreadable', `cannot read the file (${code})`, fix);
}

function fileKind(info: Stats): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'not a file';
}

function tooMuchText(path: string, chars: number, limits: InputLimits): IngestError {
  return new IngestError(
    path,
    'too-large',
    `the extracted text has ${chars.toLocaleString('en')} characters, over the limit of ${limits.textChars.toLocaleString('en')}`,
    'split it into one file per document; if it is one document, raise the limit with --max-text-chars',
  );
}

function unsupported(path: string, ext: string): IngestError {
  const list = SUPPORTED_EXTENSIONS.join(', ');
  if (ext === '') {
    return new IngestError(path, 'unsupported', 'the file has no extension', `rename it to one of ${list}`);
  }
  if (ext === '.doc' || ext === '.wps') {
    return new IngestError(path, 'unsupported', `unsupported file type "${ext}" (old Word/WPS format)`, 'open it in Word or WPS and save it as .docx');
  }
  return new IngestError(path, 'unsupported', `unsupported file type "${ext}"`, `convert it to .docx, .html or .txt first (supported: ${list})`);
}

/** Decoded text, the encoding it was read as, and warnings (without the file name). */
export interface Decoded {
  text: string;
  encoding: string;
  warnings: string[];
  pageTitle?: string;
}

function readTextual(path: string, bytes: Uint8Array, format: SourceFormat, encoding: ChineseEncoding | null): Decoded {
  if (encoding !== null) {
    const text = decodeAs(bytes, encoding);
    return { text: format === 'html' ? htmlToText(text) : text, encoding, warnings: [] };
  }
  const binary = utf16WithoutBom(bytes) ? null : binaryReason(bytes);
  if (binary) {
    throw new IngestError(path, 'binary', `looks like a binary file, not text (${binary})`, 'export the document as .docx, .html or plain .txt (UTF-8) and ingest that');
  }
  try {
    if (format === 'html') {
      const decoded = decodeHtml(bytes);
      const pageTitle = htmlPageTitle(decoded.text);
      return { ...decoded, text: htmlToText(decoded.text), ...(pageTitle ? { pageTitle } : {}) };
    }
    return decodeText(bytes);
  } catch (error) {
    if (error instanceof DecodeError) {
      throw new IngestError(path, 'undecodable', `cannot decode the text as UTF-8, UTF-16, GB18030 or Big5 (${error.message})`, 'open it in an editor that detects the encoding and save it as UTF-8, or name the encoding with --encoding');
    }
    throw error;
  }
}

async function readDocx(path: string, bytes: Uint8Array, limits: InputLimits): Promise<Decoded> {
  // A .docx is a zip archive; anything else (an old .doc renamed, an HTML error page saved as .docx) is not.
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05) && (bytes[3] === 0x04 || bytes[3] === 0x06);
  if (!isZip) {
    const hint = startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0]) ? 'it is an old binary .doc renamed to .docx' : 'it may be damaged or only partly downloaded';
    throw new IngestError(path, 'unreadable', `not a valid .docx: not a zip archive (${hint})`, 'open it in Word or WPS and save it again as .docx');
  }
  const problem = await docxArchiveProblem(bytes, limits.docxBytes);
  if (problem?.kind === 'too-large') {
    throw new IngestError(path, 'too-large', `refused before expanding it: ${problem.reason}`, 'check the file; if it is a real document, raise the limit with --max-docx-mb');
  }
  if (problem?.kind === 'damaged') {
    throw new IngestError(path, 'unreadable', `cannot read the .docx (${problem.reason})`, 'open it in Word or WPS and save it again as .docx');
  }
  // mammoth (and the zip and XML readers under it) load only when a .docx comes: a fifth of a second per process.
  const { default: mammoth } = await import('mammoth');
  let result: Awaited<ReturnType<typeof mammoth.extractRawText>>;
  try {
    result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new IngestError(path, 'unreadable', `cannot read the .docx (${reason})`, 'open it in Word or WPS and save it again as .docx');
  }
  // mammoth ends every paragraph with a blank line; one paragraph per line is what the next stages expect.
  const text = result.value.replace(/\r\n?/g, '\n').replace(/\n{2,}/g, '\n');
  const warnings = result.messages.map((m) => `docx ${m.type}: ${m.message}`);
  return { text, encoding: 'utf-8', warnings };
}

// ---------------------------------------------------------------------------------------------
// Decoding

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientUtf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

function gb18030(bytes: Uint8Array): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030');
}

function nonAsciiCount(bytes: Uint8Array): number {
  let n = 0;
  for (const b of bytes) if (b >= 0x80) n++;
  return n;
}

/**
 * Decode text bytes: UTF-8 (with or without BOM), UTF-16 (with BOM, or without one when the bytes
 * show its NUL pattern), otherwise GB18030 (a superset of GBK and GB2312) or Big5, whichever reads
 * more like Chinese (src/ingest/chinese-encoding.ts). A file that is mostly UTF-8 but has lines that are not is decoded line by line,
 * with a warning naming those lines. Throws DecodeError when no decoding gives plausible Chinese text.
 */
export function decodeText(bytes: Uint8Array): Decoded {
  if (startsWith(bytes, [0xff, 0xfe])) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', warnings: [] };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', warnings: [] };
  const utf16 = utf16WithoutBom(bytes);
  if (utf16 !== null) {
    const warning = `UTF-16 (${utf16 === 'utf-16le' ? 'little' : 'big'}-endian) without a byte-order mark; read as such: check the text, and save the file as UTF-8`;
    return { text: decodeAs(bytes, utf16), encoding: utf16, warnings: [warning] };
  }
  const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
  const whole = tryUtf8(body);
  if (whole !== null) return { text: whole, encoding: 'utf-8', warnings: [] };
  return decodeByLine(body);
}

/** `broken`: invalid UTF-8, but only a few bytes of it (a damaged UTF-8 line, not a GB one). */
type LineKind = 'ascii' | 'utf8' | 'broken' | 'invalid';

interface LineBytes {
  bytes: Uint8Array;
  kind: LineKind;
  nonAscii: number;
}

/** Share of a line's non-ASCII bytes that may be invalid for it to count as damaged UTF-8. */
const BROKEN_UTF8_SHARE = 0.1;

function classify(line: Uint8Array, nonAscii: number): LineKind {
  if (nonAscii === 0) return 'ascii';
  if (tryUtf8(line) !== null) return 'utf8';
  // A GB line read as UTF-8 gives a replacement character for almost every byte pair; damaged UTF-8 gives a few.
  const replacements = countMatches(lenientUtf8.decode(line), /\uFFFD/g);
  return replacements <= Math.max(1, nonAscii * BROKEN_UTF8_SHARE) ? 'broken' : 'invalid';
}

function splitLines(bytes: Uint8Array): LineBytes[] {
  const lines: LineBytes[] = [];
  let start = 0;
  // 0x0A never occurs inside a multi-byte UTF-8 or GB18030 character, so splitting bytes on it is safe.
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      const line = bytes.subarray(start, i === bytes.length ? i : i + 1);
      const nonAscii = nonAsciiCount(line);
      lines.push({ bytes: line, kind: classify(line, nonAscii), nonAscii });
      start = i + 1;
    }
  }
  return lines;
}

/** Lines that are valid UTF-8 by accident in a GB file are short; this many non-ASCII bytes make UTF-8 certain enough. */
const SURE_UTF8_BYTES = 9;

function decodeByLine(bytes: Uint8Array): Decoded {
  const lines = splitLines(bytes);
  const bytesOf = (kinds: LineKind[]): number => lines.filter((l) => kinds.includes(l.kind)).reduce((n, l) => n + l.nonAscii, 0);
  const mostlyUtf8 = bytesOf(['utf8', 'broken']) > bytesOf(['invalid']);
  if (!mostlyUtf8) {
    const big5 = preferBig5(bytes);
    if (big5 !== null) return { text: big5, encoding: 'big5', warnings: [] };
  }

  const parts: string[] = [];
  const asGb: number[] = [];
  const asUtf8: number[] = [];
  const replaced: number[] = [];
  lines.forEach((line, index) => {
    const lineNo = index + 1;
    const utf8 = lenientUtf8.decode(line.bytes);
    if (line.kind === 'ascii') {
      parts.push(utf8);
    } else if (line.kind === 'utf8' && (mostlyUtf8 || line.nonAscii >= SURE_UTF8_BYTES)) {
      parts.push(utf8);
      if (!mostlyUtf8) asUtf8.push(lineNo);
    } else if (line.kind === 'broken' && mostlyUtf8) {
      parts.push(utf8);
      replaced.push(lineNo);
    } else if (!mostlyUtf8) {
      parts.push(gb18030(line.bytes));
    } else {
      // A GB line pasted into a UTF-8 file, unless GB18030 makes no sense of it either.
      const gb = gb18030(line.bytes);
      if (assessChinese(gb).plausible) {
        parts.push(gb);
        asGb.push(lineNo);
      } else {
        parts.push(utf8);
        replaced.push(lineNo);
      }
    }
  });
  const text = parts.join('');

  if (!mostlyUtf8) {
    const verdict = assessChinese(text);
    if (!verdict.plausible) throw new DecodeError(verdict.reason);
  }
  const warnings: string[] = [];
  if (asGb.length > 0) warnings.push(`${lineList(asGb)} not valid UTF-8 like the rest of the file; decoded as GB18030: check them, and re-save the file as UTF-8`);
  if (replaced.length > 0) warnings.push(`${lineList(replaced)} invalid UTF-8 bytes, shown as U+FFFD (�): check the text there against the original`);
  if (asUtf8.length > 0) warnings.push(`${lineList(asUtf8)} UTF-8 in a GB18030 file; decoded as UTF-8: check them, and re-save the file as UTF-8`);
  const mixed = asGb.length > 0 || asUtf8.length > 0;
  return { text, encoding: mixed ? 'utf-8+gb18030' : mostlyUtf8 ? 'utf-8' : 'gb18030', warnings };
}

function lineList(numbers: number[]): string {
  const shown = numbers.slice(0, 20).join(', ') + (numbers.length > 20 ? ` and ${numbers.length - 20} more` : '');
  return numbers.length === 1 ? `line ${shown} has` : `lines ${shown} have`;
}

function countMatches(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/** Whether decoded text looks like Chinese, and why not when it does not. */
function assessChinese(text: string): { plausible: boolean; reason: string } {
  let nonAscii = 0;
  let bad = 0;
  let cjk = 0;
  let common = 0;
  let visible = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (!/\s/.test(ch)) visible++;
    if (cp < 0x80) {
      if (cp < 0x20 && !(cp >= 0x09 && cp <= 0x0d)) bad++;
      continue;
    }
    nonAscii++;
    if (cp === 0xfffd || (cp >= 0xe000 && cp <= 0xf8ff) || (cp >= 0x80 && cp <= 0x9f)) bad++;
    else if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf)) {
      cjk++;
      if (COMMON_HANZI.has(ch)) common++;
    }
  }
  if (bad >= 3 && bad > nonAscii * 0.02) {
    return { plausible: false, reason: `${bad} replacement, private-use or control characters after decoding as GB18030` };
  }
  if (nonAscii >= 10 && cjk < nonAscii * 0.5) {
    return { plausible: false, reason: `only ${cjk} of ${nonAscii} non-ASCII characters are Chinese after decoding as GB18030` };
  }
  if (visible >= 500 && cjk < 10) {
    return { plausible: false, reason: `only ${cjk} Chinese characters in ${visible} after decoding as GB18030` };
  }
  if (cjk >= 30 && common < cjk * 0.4) {
    return { plausible: false, reason: `mostly rare characters after decoding as GB18030, so probably another encoding such as Big5` };
  }
  return { plausible: true, reason: '' };
}

// ---------------------------------------------------------------------------------------------
// HTML

const GB_CHARSETS = new Set(['gbk', 'gb2312', 'gb18030', 'x-gbk', 'cp936', 'windows-936', 'euc-cn', 'hz-gb-2312']);
const UTF8_CHARSETS = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8']);
const BIG5_CHARSETS = new Set(['big5', 'big5-hkscs', 'cp950', 'x-x-big5']);

/** The charset an HTML file declares in `<meta charset>` or `http-equiv` content-type, lower case. */
export function declaredCharset(head: string): string | null {
  const match = /<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(head);
  return match?.[1]?.toLowerCase() ?? null;
}

function decodeHtml(bytes: Uint8Array): Decoded {
  if (hasUtf16Bom(bytes) || startsWith(bytes, [0xef, 0xbb, 0xbf])) return decodeText(bytes);
  const charset = declaredCharset(Buffer.from(bytes.subarray(0, 4096)).toString('latin1'));
  if (charset !== null && BIG5_CHARSETS.has(charset) && tryUtf8(bytes) === null) {
    return { text: decodeAs(bytes, 'big5'), encoding: 'big5', warnings: [] };
  }
  if (charset !== null && GB_CHARSETS.has(charset)) {
    // Pages re-saved as UTF-8 often keep their old GB meta tag; GB text is practically never valid UTF-8.
    const utf8 = tryUtf8(bytes);
    if (utf8 !== null && nonAsciiCount(bytes) > 0) {
      return { text: utf8, encoding: 'utf-8', warnings: [`declares charset "${charset}" but is UTF-8; read it as UTF-8: fix the <meta charset> tag`] };
    }
    const text = gb18030(bytes);
    const verdict = assessChinese(text);
    if (!verdict.plausible) throw new DecodeError(verdict.reason);
    return { text, encoding: 'gb18030', warnings: [] };
  }
  const decoded = decodeText(bytes);
  if (charset !== null && UTF8_CHARSETS.has(charset) && decoded.encoding === 'gb18030') {
    decoded.warnings.push(`declares charset "${charset}" but is GB18030; read it as GB18030: fix the <meta charset> tag`);
  } else if (charset !== null && !UTF8_CHARSETS.has(charset) && !GB_CHARSETS.has(charset) && !BIG5_CHARSETS.has(charset)) {
    decoded.warnings.push(`declares charset "${charset}", which the ingest does not read; read it as ${decoded.encoding}: save the page as UTF-8 if the text looks wrong`);
  }
  return decoded;
}

const htmlParser = unified().use(rehypeParse);
type HastRoot = ReturnType<typeof htmlParser.parse>;
type HastNode = HastRoot | HastRoot['children'][number];
type HastElement = Extract<HastNode, { type: 'element' }>;
type HastChild = HastElement['children'][number];

/** Elements that never hold document text. */
const DROPPED_ELEMENTS = new Set([
  'head', 'script', 'style', 'noscript', 'template', 'nav', 'header', 'footer', 'aside', 'iframe', 'frame', 'frameset',
  'object', 'embed', 'form', 'button', 'input', 'select', 'textarea', 'svg', 'canvas', 'audio', 'video', 'map',
]);

/** class/id words that mark navigation, sidebars, footers and share bars on portals and sharing sites. */
const NOISE_WORDS = new Set([
  'nav', 'navbar', 'navigation', 'menu', 'menubar', 'submenu', 'sidebar', 'sidenav', 'breadcrumb', 'breadcrumbs', 'crumb',
  'crumbs', 'footer', 'foot', 'copyright', 'share', 'bdshare', 'toolbar', 'topbar', 'gotop', 'backtop', 'skip', 'advert', 'ads',
]);

/** Container elements kept even if their class looks like noise: a site might put `class="nav-open"` on body. */
const NEVER_DROPPED = new Set(['html', 'body', 'main', 'article']);

function classWords(element: HastElement): string[] {
  const { className, id } = element.properties;
  const names = [...(Array.isArray(className) ? className.map(String) : []), ...(typeof id === 'string' ? [id] : [])];
  // Split `main-nav`, `left_menu` and `sideBar` into words.
  return names.flatMap((name) => name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(/[\s_-]+/)).filter(Boolean);
}

function isNoise(element: HastElement): boolean {
  if (DROPPED_ELEMENTS.has(element.tagName)) return true;
  if (NEVER_DROPPED.has(element.tagName)) return false;
  const { hidden, style } = element.properties;
  if (hidden !== undefined && hidden !== false) return true;
  if (typeof style === 'string' && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true;
  return classWords(element).some((word) => NOISE_WORDS.has(word));
}

function element(tagName: string, children: HastChild[]): HastElement {
  return { type: 'element', tagName, properties: {}, children };
}

function oneLineText(node: HastElement): string {
  return toText(node).replace(/\s+/g, ' ').trim();
}

/** A row is a data row (one line, cells joined by ` | `) unless it is page layout: one cell, a nested table, or a long cell. */
function rowToBlock(row: HastElement): HastElement {
  const cells = row.children.filter((c): c is HastElement => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'));
  const texts = cells.map(oneLineText);
  const layout =
    cells.length < 2 ||
    cells.some((cell) => containsTag(cell, 'table')) ||
    texts.some((t) => t.length > 200);
  if (layout) return element('div', cells.map((cell) => element('div', cell.children)));
  return element('div', [{ type: 'text', value: texts.join(' | ') }]);
}

function containsTag(node: HastElement, tagName: string): boolean {
  return node.children.some((c) => c.type === 'element' && (c.tagName === tagName || containsTag(c, tagName)));
}

function prune(parent: HastRoot | HastElement): void {
  const kept: HastChild[] = [];
  for (const child of parent.children) {
    if (child.type === 'comment' || child.type === 'doctype') continue;
    if (child.type !== 'element') {
      kept.push(child as HastChild);
      continue;
    }
    if (isNoise(child)) continue;
    prune(child);
    // Inner tables were handled by the recursion above, so a row here sees its cells' final content.
    kept.push(child.tagName === 'tr' ? rowToBlock(child) : child);
  }
  parent.children = kept as typeof parent.children;
}

/** The text of a page's `<title>`, or null when it has none. */
export function htmlPageTitle(html: string): string | null {
  const tree = htmlParser.parse(html);
  let title: string | null = null;
  const visit = (node: HastRoot | HastElement): void => {
    for (const child of node.children) {
      if (title !== null || child.type !== 'element') continue;
      if (child.tagName === 'title') title = toText(child).replace(/\s+/g, ' ').trim() || null;
      else visit(child);
    }
  };
  visit(tree);
  return title;
}

/**
 * The visible text of an HTML page: page chrome (scripts, navigation, headers, footers, forms,
 * share bars) dropped, blocks and `<br>` as line breaks, table rows as `cell | cell` lines.
 * Nothing from the page is executed or kept as markup.
 */
export function htmlToText(html: string): string {
  const tree = htmlParser.parse(html);
  prune(tree);
  // Browsers collapse spaces left around removed or empty inline elements; so does the text.
  return toText(tree).replace(/[ \t]{2,}/g, ' ');
}

// ---------------------------------------------------------------------------------------------
// Normalisation

/**
 * Normalise characters, not wording: LF line endings, no BOM or zero-width characters, NBSP and
 * U+3000 as plain spaces, full-width digits and Latin letters as ASCII. Not NFKC: that would turn
 * ① into 1 and full-width Chinese punctuation into ASCII.
 */
export function normalizeText(text: string): string {
  return text
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(/[\uFEFF\u200B\u200C\u200D\u2060]/g, '')
    .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ');
}
