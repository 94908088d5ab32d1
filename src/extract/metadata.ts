/**
 * Document metadata: title, issuer, date, document number, type, city and province.
 *
 * The facts are read from the signature (落款), the portal metadata block, the 印发 notice
 * around a document, its title and its head. Nothing is guessed: a fact the document does not
 * give is null, and one read from elsewhere in its text (a place its body names) is recorded
 * in `inferred` with the evidence.
 */
import type { DocType } from '../format/schema.ts';
import type { PlaceIndex } from '../vocab/places.ts';
import type { PortalFields } from './portal.ts';

/** A fact the document does not state where it should, read from elsewhere in its text. */
export interface Inference {
  field: 'title' | 'issuer' | 'city' | 'province' | 'date' | 'docType' | 'period';
  /** The evidence, in a short Chinese phrase shown to staff: 正文“浦江五中”. */
  from: string;
}

export interface Metadata {
  title: string | null;
  issuer: string | null;
  city: string | null;
  province: string | null;
  date: string | null;
  docNumber: string | null;
  docType: DocType;
  topics: string[];
  /** The year or years the document is about. */
  period: { start: number; end: number } | null;
  inferred: Inference[];
  /** A 公文范文 full of placeholders (xx, ×××, x.x). */
  template: boolean;
}

export interface MetadataResult {
  meta: Metadata;
  /** The body with title lines and the signature removed. */
  body: string;
}

const TITLE_END = '(?:工作要点|要点|实施方案|行动方案|方案|工作计划|行动计划|计划|工作思路|思路|实施意见|意见|通知|情况汇报|汇报|工作总结|总结|报告|讲话|发言|致辞|材料|办法|规划|细则|决定|通报|纪要|清单|分解表)';
// Run-on text often starts with its title: `关于…实施方案为巩固…`, `市教育局2024年务虚会议材料2024年是…`.
const RUN_ON_TITLE = new RegExp(`^(.{4,60}?${TITLE_END}(?:的(?:通知|意见|报告|汇报|函))?)`, 'u');
const TITLE_LINE = new RegExp(`${TITLE_END}(?:的(?:通知|意见|报告|汇报|函))?\\d?$`, 'u');

const ORGAN_WORDS = '(?:教育局|教育厅|教育委员会|教育和体育局|教育体育局|教体局|人民政府办公室|人民政府办公厅|人民政府|政府办公室|教育督导委员会|教育工作领导小组)';
const LEVELS = '省市县区州旗盟镇乡';
// An issuing organisation at the start of a title: 济源市教育局, 市教育局, 某某县人民政府办公室.
const ORG = new RegExp(`^(?:(?:19|20)\\d{2}年度?)?((?:[\\u4e00-\\u9fa5]{0,14}?[${LEVELS}])?${ORGAN_WORDS})`, 'u');
/** A whole line that names an organ, as in a signature block: 广西壮族自治区财政厅, 中共扬州市委. */
const ORGAN_LINE = /^(?!各)(?:中共|中国共产党)?[\u4e00-\u9fa5〔〕（）()]{2,40}?(?:厅|局|委员会|委|办公室|办公厅|人民政府|政府|工委|管委会|领导小组|办)$/u;
/** What an issuer is: an organ, never a publisher name a mirror put in the 发布机构 field. */
const ORGAN_END = /(?:厅|局|委员会|委|办公室|办公厅|政府|工委|管委会|领导小组|办|中心|院|部|处|科)$/u;

const DOC_NUMBER = /[\u4e00-\u9fa5]{1,12}[〔\[［(（]\s*(?:19|20)\d{2}\s*[〕\]］)）]\s*\d{1,4}\s*号/u;
/** A 文号 standing alone on its line (perhaps in brackets): the document's own, not one it cites. */
const DOC_NUMBER_LINE = new RegExp(`^[(（]?\\s*(${DOC_NUMBER.source})\\s*[)）]?$`, 'u');
/** A 文号 whose closing bracket and 号 were lost: 治政办[201793. */
const GARBLED_DOC_NUMBER = /^([\u4e00-\u9fa5]{1,12})[〔\[［]\s*((?:19|20)\d{2})\s*(\d{1,4})$/u;

const YEAR_RANGE = /((?:19|20)\d{2})\s*年?\s*[—–\-－~～至到―]\s*((?:19|20)\d{2})\s*年/u;

const CN_DATE_DIGITS: Record<string, string> = { 〇: '0', 零: '0', O: '0', Ｏ: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/** `2018年2月5日` or `二〇一八年二月五日` → `2018-02-05`; null when not a date. */
export function parseChineseDate(s: string): string | null {
  const t = s.trim();
  let m = /^((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/u.exec(t);
  if (!m) {
    const cn = /^([〇零OＯ一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,2})\s*月\s*([一二三四五六七八九十]{1,3})\s*日$/u.exec(t);
    if (!cn) return null;
    const year = [...cn[1]!].map((c) => CN_DATE_DIGITS[c] ?? '').join('');
    const num = (x: string): string => {
      if (x === '十') return '10';
      if (x.startsWith('十')) return `1${CN_DATE_DIGITS[x[1]!] ?? ''}`;
      if (x.includes('十')) return `${CN_DATE_DIGITS[x[0]!] ?? ''}${x.length === 3 ? (CN_DATE_DIGITS[x[2]!] ?? '') : '0'}`;
      return CN_DATE_DIGITS[x] ?? '';
    };
    m = ['', year, num(cn[2]!), num(cn[3]!)] as unknown as RegExpExecArray;
  }
  const [y, mo, d] = [m[1]!, Number(m[2]), Number(m[3])];
  if (!(mo >= 1 && mo <= 12 && d >= 1 && d <= 31)) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * A signature date whose 年/月/日 were lost in extraction (`201999`, `2017年1215`, `2017年1215日印发`):
 * read only when month and day split one way. Null for anything else.
 */
export function parseGarbledDate(s: string): string | null {
  const m = /^((?:19|20)\d{2})\s*年?\s*(\d{2,4})\s*日?\s*(?:印发)?$/u.exec(s.trim());
  if (!m) return null;
  const digits = m[2]!;
  const readings: string[] = [];
  for (let k = 1; k <= 2 && k < digits.length; k++) {
    const [mo, d] = [digits.slice(0, k), digits.slice(k)];
    if (d.length > 2 || d.startsWith('0') || mo.startsWith('0')) continue;
    if (Number(mo) >= 1 && Number(mo) <= 12 && Number(d) >= 1 && Number(d) <= 31) readings.push(`${m[1]}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`);
  }
  return readings.length === 1 ? readings[0]! : null;
}

function signatureDate(line: string): string | null {
  return parseChineseDate(line) ?? parseGarbledDate(line);
}

/** The document type a title names, from its own words. */
export function docTypeOf(title: string): DocType {
  const t = title
    .replace(/[》」\s]+$/u, '')
    .replace(/[(（][^()（）]*\d{4}[^()（）]*[)）]$/u, '')
    .replace(/[(（](试行|暂行|修订|征求意见稿|送审稿|草案)[)）]$/u, '')
    .replace(/[\d\s]+$/u, '');
  const rules: [RegExp, DocType][] = [
    // A task table of a 政府工作报告 is a table, not a report.
    [/任务分解表$|分解表$|任务清单$|责任清单$|清单$/u, '其他'],
    [/总结$|总结(?:及|和|与|暨|、).{0,30}(?:计划|思路|打算|安排|要点)$/u, '工作总结'],
    // 2024年教育工作意见 is a year's work points; 关于加强…工作的意见 is a policy, typed below or 其他.
    [/工作要点$|要点$|(?:19|20)\d{2}.*工作意见$/u, '工作要点'],
    [/行动方案$|行动计划$/u, '行动方案'],
    [/实施方案$|工作方案$|方案$|实施意见$|实施细则$/u, '实施方案'],
    [/工作计划$|计划$|工作思路$|思路$/u, '工作计划'],
    [/政府工作报告$/u, '其他'],
    [/汇报$|情况报告$|述职报告$|述职述责述廉报告$|述责述廉报告$|自评报告$|自查报告$|工作报告$|履职情况$|履行.*职责.*情况$/u, '汇报'],
    [/讲话$|发言$|致辞$|讲话稿$|发言稿$|讲话提纲$/u, '讲话'],
    [/通知$/u, '通知'],
  ];
  for (const [re, type] of rules) if (re.test(t)) return type;
  return '其他';
}

/** Removes site decorations from a title: `【精选推荐】`, a file extension, a trailing copy number, `_0`. */
export function tidyTitle(s: string): string {
  return s
    .trim()
    .replace(/^《(.*)》$/u, '$1')
    .replace(/【[^】]*】\s*$/u, '')
    .replace(/\.(docx?|wps|pdf|txt|html?)(?:VIP)?$/iu, '')
    .replace(/_\d{1,2}$/u, '')
    .replace(/(?:范文|范本|模板)$/u, '')
    .replace(/[(（][一二三四五六七八九十\d]{1,2}[)）]$/u, '')
    .replace(new RegExp(`(${TITLE_END})\\s*\\d$`, 'u'), '$1')
    .split(/[\s\u3000]+/u)
    .filter(Boolean)
    // PDF spacing goes (市教育局 2025 年度); the space between joint issuers stays (中共海南省委教育工委 海南省教育厅).
    .reduce((out, word) => {
      const last = out.slice(out.lastIndexOf(' ') + 1);
      return out === '' ? word : ORGAN_LINE.test(last) && /^\p{Script=Han}/u.test(word) && !/^[年月日度]/u.test(word) ? `${out} ${word}` : `${out}${word}`;
    }, '')
    .trim();
}

/** The document's title in a page `<title>` (`标题_某某县人民政府`, `标题 - 网站名`), or null when it reads as none. */
export function titleFromPageTitle(pageTitle: string): string | null {
  const first = pageTitle.split(/\s*[_|｜]\s*|\s+[-–—]\s+/u).map((p) => tidyTitle(p)).find((p) => p.length >= 4);
  return first && TITLE_LINE.test(first.replace(/[(（][^()（）]*\d{4}[^()（）]*[)）]$/u, '')) ? first : null;
}

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
  return out;
}

/** Share of the shorter string's character pairs found in the other: near-duplicate titles. */
function overlap(a: string, b: string): number {
  const [x, y] = a.length <= b.length ? [bigrams(a), bigrams(b)] : [bigrams(b), bigrams(a)];
  if (x.size === 0) return 0;
  let n = 0;
  for (const g of x) if (y.has(g)) n++;
  return n / x.size;
}

function withoutYears(s: string): string {
  return s.replace(/(?:19|20)\d{2}\s*年?度?/gu, '');
}

function isTitleLike(line: string): boolean {
  return line.length >= 4 && line.length <= 120 && !/[。;；]/.test(line) && !/^[^《]*[>＞›»]/u.test(line) && TITLE_LINE.test(tidyTitle(line));
}

/** Dashes, brackets and spaces written alike, for comparing two spellings of one title. */
function comparable(s: string): string {
  return s.replace(/[\s\u3000]/gu, '').replace(/[（(]/gu, '(').replace(/[）)]/gu, ')').replace(/[—–\-－―~～]/gu, '-').replace(/[〈<]/gu, '《').replace(/[〉>]/gu, '》');
}

/** The document a 印发/转发 notice title carries: `关于印发《X》的通知` → X; null for other titles. */
export function noticeInner(title: string): string | null {
  const bare = /^关于(?:印发|转发|颁发)(.{4,})$/u.exec(title);
  if (bare && !/通知$/u.test(title)) return bare[1]!.replace(/^《(.*)》$/u, '$1');
  if (!/(?:印发|转发|颁发)/u.test(title) || !/通知$/u.test(title)) return null;
  const start = title.indexOf('《');
  const end = title.lastIndexOf('》');
  if (start >= 0 && end > start) return title.slice(start + 1, end);
  const m = /(?:印发|转发|颁发)(.{4,}?)的?通知$/u.exec(title);
  return m ? m[1]! : null;
}

/** The organs that lead a notice title (`中共普洱市委办公室 普洱市人民政府办公室 关于印发…`), joint ones space-separated. */
export function noticeSenders(title: string): string | null {
  const m = /^(.+?)(?:关于)?(?:印发|转发|颁发)/u.exec(title);
  if (!m) return null;
  const lead = m[1]!.replace(/关于$/u, '').trim();
  if (/等.{0,3}部门$/u.test(lead)) return null;
  const parts = lead.split(/[\s\u3000]+/u).filter(Boolean);
  if (parts.length === 0 || !parts.every((p) => ORGAN_LINE.test(p))) return null;
  return parts.join(' ');
}

/** Joint organs at the head of a title: `中共海南省委教育工委 海南省教育厅2012年工作要点`. */
function titleOrgans(title: string): string | null {
  const words = title.split(/[\s\u3000]+/u).filter(Boolean);
  if (words.length < 2) return ORG.exec(title)?.[1] ?? null;
  const lead = words.slice(0, -1);
  const last = ORG.exec(words[words.length - 1]!)?.[1];
  if (!last || !lead.every((w) => ORGAN_LINE.test(w))) return ORG.exec(title.replace(/[\s\u3000]+/gu, ''))?.[1] ?? null;
  return [...lead, last].join(' ');
}

/** An organ named without its place (市教育局, 县教育局, xx区教体局) is no issuer: which one is unknown. */
export function isBareOrgan(org: string): boolean {
  const place = org.replace(/^(?:中共|中国共产党)/u, '').replace(new RegExp(`${ORGAN_WORDS}.*$`, 'u'), '').replace(/(?:局|厅|委员会|委|办公室|办公厅|政府|工委|管委会)$/u, '');
  return place.replace(/^(?:某+|[xX×＊*]+|XX|xx)/u, '').replace(new RegExp(`^[${LEVELS}]$`, 'u'), '') === '';
}

/** Whether a 发布机构 value can be an issuer at all: an organ, not a spam publisher name. */
function isOrgan(value: string): boolean {
  return value.split(/\s+/u).every((v) => ORGAN_END.test(v) && /^[\u4e00-\u9fa5（）()〔〕]+$/u.test(v));
}

/** Placeholders of a 公文范文: xx市, ×××, x.x万, XX管理区. */
const PLACEHOLDER = /(?<![A-Za-z])(?:[xX]{2,}|×{2,}|[xX]\.[xX]+|[xX](?=[万亿%个所人元名])|[xX](?=[市县区镇乡]))(?![A-Za-z])/gu;
const MIN_PLACEHOLDERS = 3;

/** Whether a text is a template (公文范文): several placeholders stand where names and figures belong. */
export function isTemplate(text: string): boolean {
  return (text.match(PLACEHOLDER)?.length ?? 0) >= MIN_PLACEHOLDERS;
}

/** The years a title says the document is about: `2023—2027年` → 2023–2027, `2018年总结和2019年思路` → 2018–2019. */
export function periodOf(title: string): { start: number; end: number } | null {
  const range = YEAR_RANGE.exec(title);
  if (range) return { start: Number(range[1]), end: Number(range[2]) };
  const years = [...title.matchAll(/(?:19|20)\d{2}(?=\s*年|\s*工作|\s*年度)/gu)].map((m) => Number(m[0]));
  if (years.length === 0) return null;
  return { start: Math.min(...years), end: Math.max(...years) };
}

/** Plan types dated by their plan year when nothing else dates them; reports and summaries are not. */
const DATED_BY_YEAR = new Set<DocType>(['工作要点', '工作计划', '实施方案', '行动方案', '讲话', '通知', '其他']);
const ANNUAL_PLAN = new Set<DocType>(['工作要点', '工作计划']);

interface Signature {
  orgs: string[];
  date: string | null;
}

/** Organ lines straight above `at` (blank lines were dropped), nearest last. */
function organsAbove(lines: string[], at: number): string[] {
  const orgs: string[] = [];
  for (let i = at - 1; i >= 0 && orgs.length < 8; i--) {
    const line = lines[i]!;
    if (!ORGAN_LINE.test(line)) break;
    orgs.unshift(line);
  }
  return orgs;
}

/** Reads the metadata of a cleaned document. `hints` are title candidates from banners. */
export function extractMetadata(
  text: string,
  portal: PortalFields,
  places: PlaceIndex,
  hints: string[] = [],
): MetadataResult {
  let lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const inferred: Inference[] = [];

  // Title: portal field, a banner hint, a title-like line at the top, or the head of run-on text.
  let title: string | null = portal.title ? tidyTitle(portal.title) : null;
  title ??= hints.map(tidyTitle).find((h) => h.length >= 4) ?? null;
  const head = lines.slice(0, 8);
  if (!title) {
    const line = head.find(isTitleLike);
    if (line) title = tidyTitle(line);
  }
  // Drop title lines (and near-duplicates such as a subtitle variant) from the top. A site's
  // heading may shorten the title the document itself gives below it (教育局工作要点 over
  // 教育局2014年工作要点): the fuller one is the document's.
  while (lines.length > 0 && lines[0]!.length <= 120 && !/[。]/.test(lines[0]!) && (isTitleLike(lines[0]!) || (title && overlap(tidyTitle(lines[0]!), title) > 0.6))) {
    const line = tidyTitle(lines[0]!);
    if (title && line.length > title.length && withoutYears(line) === withoutYears(title)) title = line;
    title ??= line;
    lines = lines.slice(1);
  }
  if (lines.length > 0) {
    const first = lines[0]!;
    if (title && first.startsWith(title) && first.length > title.length) lines[0] = first.slice(title.length);
    else if (!title) {
      const m = RUN_ON_TITLE.exec(first);
      if (m && !/[。,，;；:：]/.test(m[1]!)) {
        title = tidyTitle(m[1]!);
        lines[0] = first.slice(m[1]!.length);
      }
    }
  }
  // A text whose title was lost names itself where it says it was made: 特制订《…行动计划(2017—2020年)》.
  if (!title) {
    const own = /(?:特|现)?(?:制定|制订|出台)(?:了|出)?《([^《》]{4,80})》/u.exec(lines.slice(0, 12).join('\n'));
    if (own && TITLE_LINE.test(own[1]!.replace(/[(（][^()（）]*\d{4}[^()（）]*[)）]$/u, ''))) {
      title = own[1]!;
      inferred.push({ field: 'title', from: `正文“制定《${own[1]!.slice(0, 12)}…》”` });
    }
  }

  // Signature at the end: organ lines and/or a date line.
  const sig: Signature = { orgs: [], date: null };
  for (let i = 0; i < 10 && lines.length > 0; i++) {
    const last = lines[lines.length - 1]!;
    const d = signatureDate(last);
    if (d && !sig.date && sig.orgs.length === 0) {
      sig.date = d;
      lines = lines.slice(0, -1);
      continue;
    }
    if ((ORGAN_LINE.test(last) || ORG.exec(last)?.[0].length === last.length) && last.length <= 40) {
      sig.orgs.unshift(last);
      lines = lines.slice(0, -1);
      continue;
    }
    break;
  }

  // A notice that transmits a document (关于印发…的通知) is signed right after its covering
  // paragraph, before the document: organ lines and a date near the top.
  const inner = title ? noticeInner(title) : null;
  let noticeSigned = false;
  if (title && /印发|转发|颁发/u.test(title)) {
    const at = lines.slice(0, 30).findIndex((l) => signatureDate(l) !== null);
    if (at > 0 && /印发|转发|执行|遵照|落实/u.test(lines.slice(0, at).join(''))) {
      noticeSigned = true;
      const date = signatureDate(lines[at]!);
      const orgs = organsAbove(lines, at);
      if (!sig.date) sig.date = date;
      if (sig.orgs.length === 0) sig.orgs = orgs;
    }
  }
  // The notice carries its document when the document's own title stands below it, or the
  // notice is signed before the text goes on; otherwise the notice is the document (通知).
  if (title && inner) {
    const want = comparable(inner);
    const compact = lines.map(comparable);
    let found: string | null = null;
    for (let k = 0; k < compact.length && !found; k++) {
      // The document's title line may carry the place the notice left out (苍南县教育局2013年工作要点),
      // or be split over two or three lines (山西省…学校美育 / 工作实施方案).
      const own = compact[k]!;
      if (own.endsWith(want) && own.length <= want.length + 16 && !/[。，,；;：:]/u.test(own) && signatureDate(own.slice(0, -want.length)) === null && !/^\d/u.test(own)) {
        found = lines[k]!;
        lines.splice(k, 1);
        break;
      }
      for (let i = k - 1; i >= Math.max(0, k - 2); i--) {
        if (compact.slice(i, k + 1).join('') === want) {
          found = lines.slice(i, k + 1).join('');
          lines.splice(i, k - i + 1);
          break;
        }
      }
    }
    if (!found) {
      // `现将《苍南县教育局2013年工作要点》印发给你们`: the notice names it in full there.
      const named = [...lines.slice(0, 10).join('').matchAll(/《([^《》]{4,120})》/gu)].map((m) => m[1]!).find((n) => comparable(n).endsWith(want));
      if (named && noticeSigned) found = named;
    }
    // `现将《X》印发给你们` and the numbered text straight after: the notice ends there and X follows
    // untitled. A notice that goes on with points of its own (一、提高政治站位) says 制定《X》,请….
    const handedOver = /现将.{0,6}《[^《》]+》.{0,6}(?:印发|转发)给/u.test(lines.slice(0, 6).join('')) && lines.slice(0, 10).some((l) => /^[一二三四五六七八九十]+、/u.test(l));
    if (found) title = tidyTitle(found);
    else if (noticeSigned || handedOver) title = inner;
  }

  // Reports and speeches name their author and date under the title instead of signing at the
  // end: `长沙市岳麓区教育局` / `（2024年12月20日）`. Only lines straight under the title count.
  if (!sig.date || sig.orgs.length === 0) {
    for (let i = 0; i < 3 && i < lines.length; i++) {
      const line = lines[i]!.replace(/^[(（]\s*(.*?)\s*[)）]$/u, '$1');
      const d = parseChineseDate(line);
      if (d && !sig.date) {
        sig.date = d;
        lines.splice(i--, 1);
        continue;
      }
      const org = ORG.exec(line);
      if (org && org[0].length === line.length && sig.orgs.length === 0) {
        sig.orgs = [org[1]!];
        lines.splice(i--, 1);
        continue;
      }
      // A speaker line (`县委副书记、县长 王某某`) may stand between the title and the date.
      if (line.length > 30 || /[。；;：:]/u.test(line)) break;
    }
  }

  const docType: DocType = title ? docTypeOf(title) : '其他';

  // A notice's sender stands on the line above its 关于印发… title: `治多县人民政府办公室` / `关于印发…`.
  const top = text.split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 20);
  const senderAt = top.findIndex((l, i) => ORGAN_LINE.test(l) && /^关于(?:印发|转发|颁发)/u.test(top[i + 1] ?? ''));
  const senderLine = senderAt >= 0 ? top[senderAt]! : null;

  // Issuer: the signature, the notice's sender, the portal's 发布机构, the organ leading the title.
  const named = (org: string | null | undefined): string | null => {
    if (!org) return null;
    const parts = org.split(/\s+/u).filter((p) => !isBareOrgan(p));
    return parts.length > 0 ? parts.join(' ') : null;
  };
  const sigIssuer = named(sig.orgs.join(' '));
  const noticeIssuer = title ? named(noticeSenders(title)) : null;
  const portalIssuer = portal.issuer?.trim() && isOrgan(portal.issuer.trim()) ? portal.issuer.trim() : null;
  const titleOrg = title ? titleOrgans(title) : null;
  // 发布机构 市教育局 (济源 portal) or 来源 海南省教育厅 beside a title led by 中共海南省委教育工委 海南省教育厅:
  // the title names the same body in full, or all the joint issuers.
  const portalInTitle = !!portalIssuer && !!titleOrg && titleOrg.replace(/\s+/gu, '').includes(portalIssuer);
  let issuer = sigIssuer ?? noticeIssuer ?? named(senderLine) ?? (portalInTitle ? named(titleOrg) : null) ?? named(portalIssuer) ?? named(titleOrg);

  let docNumber = portal.docNumber?.trim().replace(/\s+/gu, '') || null;
  if (!docNumber) {
    for (const line of text.split('\n').slice(0, 40).map((l) => l.trim())) {
      const m = DOC_NUMBER_LINE.exec(line);
      if (m) {
        docNumber = m[1]!.replace(/\s+/gu, '');
        break;
      }
      const g = GARBLED_DOC_NUMBER.exec(line);
      if (g) {
        docNumber = `${g[1]}〔${g[2]}〕${g[3]}号`;
        break;
      }
    }
  }

  // Place: from what the document says of itself; a provincial document has a province and no city.
  const placeText = [issuer, title, sig.orgs.join(' '), portalIssuer, docNumber ? '' : ''].filter(Boolean).join(' ');
  const place = places.find(placeText);
  let city = place.city;
  let province = place.province ?? places.provinceByVisit(lines.join('\n'));

  // The title names its organ without the place (区教育局, 教育局) and the text names exactly one
  // place of that level (九原区, 寿光市, or 浦江 beside its city 金华市): that is the issuer's place.
  if (!city && !issuer && title) {
    const bare = ORG.exec(title.replace(/^.*?(?=[市县区]?教育)/u, ''))?.[1] ?? (/^(?:[市县区])?教育局/u.test(title) ? '教育局' : null);
    const body = lines.join('\n');
    const level = bare?.match(/^([市县区])/u)?.[1] ?? /(?:我|全)([市县区])/u.exec(body)?.[1] ?? null;
    if (bare && level && !/[xX×某]/u.test(title)) {
      const found = places.inferCounty(body, level);
      if (found) {
        city = found.city;
        province ??= found.province;
        issuer = `${found.city}${bare.replace(/^[市县区]/u, '')}`;
        inferred.push({ field: 'issuer', from: found.evidence }, { field: 'city', from: found.evidence });
      }
    }
  }

  // Date: the 落款, then the portal's 成文日期/发布日期, then (for plans and speeches) the year of the title.
  let date = sig.date ?? portal.date ?? null;
  let period = title ? periodOf(title) : null;
  if (!date && title && DATED_BY_YEAR.has(docType) && !YEAR_RANGE.test(title)) date = /((?:19|20)\d{2})\s*年/u.exec(title)?.[1] ?? null;
  // An annual plan titled 年度工作思路 opens with its year: `2014年,我县教育工作将…`.
  if (!date && !period && ANNUAL_PLAN.has(docType) && title && /年度/u.test(title)) {
    const opening = /((?:19|20)\d{2})年[,，]/u.exec(lines.slice(0, 3).join('\n').slice(0, 400));
    if (opening) {
      date = opening[1]!;
      period = { start: Number(date), end: Number(date) };
      inferred.push({ field: 'date', from: `正文开头“${opening[0]}”` }, { field: 'period', from: `正文开头“${opening[0]}”` });
    }
  }

  const topics = portal.topic
    ? [...new Set(portal.topic.split(/[、;；,，\s]+/u).map((t) => t.trim()).filter(Boolean))]
    : [];

  return {
    meta: {
      title,
      issuer,
      city,
      province,
      date,
      docNumber,
      docType,
      topics,
      period,
      inferred,
      template: isTemplate(text),
    },
    body: lines.join('\n'),
  };
}
