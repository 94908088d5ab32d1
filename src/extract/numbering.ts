/**
 * Numbering markers of Chinese official documents: 一、 / (一) / 1. / (1) / ① / 一是 / ——.
 *
 * Finds every candidate marker in a run of text, wherever it stands, because headings of
 * captured documents are often not on a line of their own (`…落地生根。二、坚持质量为本`).
 * Whether a candidate is a real marker is decided by the structure stage, which knows
 * the sequence each kind of marker has reached.
 */

/** Kinds of numbering, from the usual outermost to the usual innermost. */
export type MarkerKind =
  | 'chapter' // 第一章 / 第一部分
  | 'cn' // 一、
  | 'paren-cn' // (一)
  | 'arabic' // 1. / 1、 / 1 .
  | 'paren-arabic' // (1)
  | 'circled' // ①
  | 'shi' // 一是 (inline enumeration)
  | 'di' // 第一, (inline enumeration of speeches)
  | 'dash'; // —— lead-in of speeches

export interface Marker {
  kind: MarkerKind;
  /** 1-based ordinal; 0 for dash lead-ins, which are not numbered. */
  ordinal: number;
  /** The marker as written, e.g. `1 .`, `(三)`, `二是`. */
  label: string;
  /** Offset of the marker in the text. */
  start: number;
  /** Offset just after the marker. */
  end: number;
  /** True when the marker is at the start of the text or right after a sentence boundary. */
  atBoundary: boolean;
  /** True for `三工作措施`: a 一、 heading whose 、 was lost; trusted only before known heading words. */
  bare?: boolean;
}

const CN_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** Value of a Chinese numeral up to 99 (一, 十, 十二, 二十三); NaN when it is not one. */
export function chineseNumeral(s: string): number {
  if (s === '十') return 10;
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || s.length === 0) return NaN;
  const [, a, ten, b] = m;
  if (!ten) return a && !b ? (CN_DIGITS[a] ?? NaN) : NaN;
  return (a ? (CN_DIGITS[a] ?? 0) : 1) * 10 + (b ? (CN_DIGITS[b] ?? 0) : 0);
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/** Heading words that make a bare `三工作措施` (OCR lost the 、) trustworthy. */
export const HEADING_WORDS =
  /^(指导思想|总体要求|总体目标|工作目标|主要目标|发展目标|目标任务|基本原则|工作原则|工作措施|主要措施|重点任务|主要任务|工作任务|重点工作|保障措施|工作保障|组织保障|实施步骤|工作步骤|进度安排|时间安排|工作要求|组织实施|组织领导|工作内容|实施范围|适用范围|基本情况|主要做法|存在问题|下一步工作)/;

// A sentence boundary before a marker: start, line break, end punctuation, colon, closing quote.
const BOUNDARY = /[\n。;；:：!！?？”」』）)\s]/;

const CN = '[一二三四五六七八九十]{1,3}';
const PATTERNS: { kind: MarkerKind; re: RegExp }[] = [
  { kind: 'chapter', re: new RegExp(`第(${CN})(?:章|部分)`, 'gu') },
  // 一、 but not 一、二年级 (an enumeration of numerals)
  { kind: 'cn', re: new RegExp(`(${CN})[、．.](?![一二三四五六七八九十])`, 'gu') },
  { kind: 'paren-cn', re: new RegExp(`[(（](${CN})[)）]`, 'gu') },
  // 1. / 1、 / 1 . / 1． — but not 2.0, 1.5万 or 第1.
  { kind: 'arabic', re: /(?<![\d.．第])(\d{1,2})\s?[.．、](?![\d])/gu },
  // `1坚持育人为本`: a sub-item number that lost its dot, trusted only at a line start and
  // never before a unit or a date word (`12月`, `3所`).
  // (Some converters leave a private-use glyph where the dot was: `1\ue010坚持`.)
  { kind: 'arabic', re: /(?<=^|\n)(\d{1,2})[\ue000-\uf8ff]?(?=[\u4e00-\u9fff])(?![年月日号个所名人项次万亿千元届期级岁天周])/gu },
  { kind: 'paren-arabic', re: /[(（](\d{1,2})[)）]/gu },
  { kind: 'circled', re: new RegExp(`([${CIRCLED}])`, 'gu') },
  { kind: 'shi', re: new RegExp(`(${CN})是(?![是否])`, 'gu') },
  { kind: 'di', re: new RegExp(`第(${CN})[,，、:：]`, 'gu') },
  // A lead-in dash is followed by text, not by more dashes: `---` and `——————` are rules.
  { kind: 'dash', re: /(?:——|--|—)(?=[^\s\-—])/gu },
];

/** Every candidate marker in `text`, in order of position (earlier kinds win at equal position). */
export function findMarkers(text: string): Marker[] {
  const found: Marker[] = [];
  const glued: Marker[] = [];
  for (const { kind, re } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index;
      const before = start === 0 ? '\n' : text[start - 1]!;
      const atBoundary = BOUNDARY.test(before);
      const digits = m[1] ?? '';
      let ordinal: number;
      if (kind === 'dash') {
        // Only a dash that opens a line is a lead-in; a dash inside a sentence is punctuation.
        if (before !== '\n' && start !== 0) continue;
        ordinal = 0;
      } else if (kind === 'circled') ordinal = CIRCLED.indexOf(digits) + 1;
      else if (/\d/.test(digits)) ordinal = Number(digits);
      else ordinal = chineseNumeral(digits);
      if (!Number.isFinite(ordinal) || (kind !== 'dash' && ordinal < 1)) continue;
      // 一是 glued to a preceding word is part of that word: 统一是, 唯一是 (but see `gluedToHeading`).
      if ((kind === 'shi' || kind === 'di') && !atBoundary && !/[,，、]/.test(before)) {
        if (kind === 'shi' && ordinal === 1) glued.push({ kind, ordinal, label: m[0], start, end: start + m[0].length, atBoundary });
        continue;
      }
      found.push({ kind, ordinal, label: m[0], start, end: start + m[0].length, atBoundary });
    }
  }
  // A 一、 whose 、 OCR dropped: a numeral at a boundary straight before a known heading word.
  const bare = new RegExp(`(${CN})(?=${HEADING_WORDS.source.slice(1)})`, 'gu');
  for (let m = bare.exec(text); m; m = bare.exec(text)) {
    const start = m.index;
    const before = start === 0 ? '\n' : text[start - 1]!;
    const ordinal = chineseNumeral(m[1]!);
    if (!Number.isFinite(ordinal)) continue;
    found.push({
      kind: 'cn', ordinal, label: m[0], start, end: start + m[0].length,
      atBoundary: BOUNDARY.test(before), bare: true,
    });
  }
  found.push(...glued.filter((g) => gluedToHeading(text, g, found)));
  found.sort((a, b) => a.start - b.start || PATTERNS.findIndex((p) => p.kind === a.kind) - PATTERNS.findIndex((p) => p.kind === b.kind));
  // Drop candidates that overlap an earlier one: `(一)` also contains `一`.
  const out: Marker[] = [];
  let lastEnd = -1;
  for (const m of found) {
    if (m.start < lastEnd) continue;
    out.push(m);
    lastEnd = m.end;
  }
  return out;
}

// The heading text between a 一、/(一) marker and a glued 一是: short, with no punctuation at all.
const HEADING_RUN = /^[\u4e00-\u9fff“”"《》]{2,30}$/u;

/**
 * `一、今年以来的工作亮点和创新性做法一是教育综合改革扎实推进。…二是…`: a heading that lost its
 * line break runs straight into its first 一是. Such a 一是 is believed when the whole text since
 * the heading's marker is an unpunctuated heading and a 二是 follows at a sentence boundary;
 * 统一是 inside a sentence has punctuation or a marker's distance before it.
 */
function gluedToHeading(text: string, g: Marker, found: Marker[]): boolean {
  let heading: Marker | undefined;
  for (const m of found) if ((m.kind === 'cn' || m.kind === 'paren-cn') && m.end <= g.start && (!heading || m.end > heading.end)) heading = m;
  if (!heading || !HEADING_RUN.test(text.slice(heading.end, g.start))) return false;
  return /[\n。;；:：!！?？]\s*二是/u.test(text.slice(g.end));
}
