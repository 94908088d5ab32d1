/**
 * Document metadata: title, issuer, date, document number, type, city and province.
 *
 * The portal metadata block is trusted first; otherwise the facts are read from the title,
 * the head of the text and the signature at its end. Nothing is guessed: a fact the
 * document does not give is null.
 */
import type { DocType } from './schema.ts';
import type { PlaceIndex } from './places.ts';
import type { PortalFields } from './portal.ts';

export interface Metadata {
  title: string | null;
  issuer: string | null;
  city: string | null;
  province: string | null;
  date: string | null;
  docNumber: string | null;
  docType: DocType;
  topics: string[];
}

export interface MetadataResult {
  meta: Metadata;
  /** The body with title lines and the signature removed. */
  body: string;
}

const TITLE_END = '(?:工作要点|要点|实施方案|行动方案|方案|工作计划|行动计划|计划|实施意见|意见|通知|情况汇报|汇报|工作总结|总结|报告|讲话|发言|致辞|材料|办法|规划|细则|决定|通报|纪要|清单)';
// Run-on text often starts with its title: `关于…实施方案为巩固…`, `市教育局2024年务虚会议材料2024年是…`.
const RUN_ON_TITLE = new RegExp(`^(.{4,60}?${TITLE_END}(?:的(?:通知|意见|报告|汇报|函))?)`, 'u');
const TITLE_LINE = new RegExp(`${TITLE_END}(?:的(?:通知|意见|报告|汇报|函))?\\d?$`, 'u');

// An issuing organisation at the start of a title: 济源市教育局, 市教育局, 某某县人民政府办公室.
const ORG = /^(?:(?:19|20)\d{2}年度?)?((?:[\u4e00-\u9fa5]{0,12}?(?:省|市|县|区|州|旗))?(?:教育局|教育厅|教育委员会|教育和体育局|教育体育局|教体局|人民政府办公室|人民政府办公厅|人民政府|政府办公室|教育督导委员会|教育工作领导小组))/u;

const DOC_NUMBER = /[\u4e00-\u9fa5]{1,12}[〔\[［(（]\s*(?:19|20)\d{2}\s*[〕\]］)）]\s*\d{1,4}\s*号/u;

const YEAR_RANGE = /(?:19|20)\d{2}\s*年?\s*[—–\-－~～至到]\s*(?:19|20)\d{2}\s*年/u;

const CN_DATE_DIGITS: Record<string, string> = { 〇: '0', 零: '0', O: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/** `2018年2月5日` or `二〇一八年二月五日` → `2018-02-05`; null when not a date. */
export function parseChineseDate(s: string): string | null {
  const t = s.trim();
  let m = /^((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/u.exec(t);
  if (!m) {
    const cn = /^([〇零O一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日$/u.exec(t);
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

/** The document type a title names. */
export function docTypeOf(title: string): DocType {
  // 关于印发…实施方案的通知: the notice carries a plan; the plan is what readers look for.
  const t = title.replace(/的通知$/u, (s) => (/印发|转发/.test(title) ? '' : s));
  const rules: [RegExp, DocType][] = [
    [/工作要点$/u, '工作要点'],
    [/行动方案$|行动计划$/u, '行动方案'],
    [/实施方案$|工作方案$|方案$/u, '实施方案'],
    [/工作计划$|计划$/u, '工作计划'],
    [/总结$/u, '工作总结'],
    [/汇报$|情况报告$|述职报告$|工作报告$/u, '汇报'],
    [/讲话$|发言$|致辞$|讲话稿$|发言稿$/u, '讲话'],
    [/通知$/u, '通知'],
  ];
  // 关于印发《…行动方案(2023-2025年)》: the type is the last word inside the book-title marks.
  const stripped = t.replace(/[》」\s]+$/u, '').replace(/[(（][^()（）]*\d{4}[^()（）]*[)）]$/u, '').replace(/[\d\s]+$/u, '');
  for (const [re, type] of rules) if (re.test(stripped)) return type;
  return '其他';
}

/** Removes site decorations from a title: `【精选推荐】`, a file extension, a trailing copy number. */
export function tidyTitle(s: string): string {
  return s
    .trim()
    .replace(/^《(.*)》$/u, '$1')
    .replace(/【[^】]*】\s*$/u, '')
    .replace(/\.(docx?|wps|pdf|txt|html?)$/iu, '')
    .replace(new RegExp(`(${TITLE_END})\\s*\\d$`, 'u'), '$1')
    .replace(/\s+/gu, '')
    .trim();
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

function isTitleLike(line: string): boolean {
  return line.length >= 4 && line.length <= 70 && !/[。;；]/.test(line) && TITLE_LINE.test(tidyTitle(line));
}

/** Reads the metadata of a cleaned document. `hints` are title candidates from banners. */
export function extractMetadata(
  text: string,
  portal: PortalFields,
  places: PlaceIndex,
  hints: string[] = [],
): MetadataResult {
  let lines = text.split('\n').map((l) => l.trim()).filter(Boolean);

  // Title: portal field, a banner hint, a title-like line at the top, or the head of run-on text.
  let title: string | null = portal.title ? tidyTitle(portal.title) : null;
  title ??= hints.map(tidyTitle).find((h) => h.length >= 4) ?? null;
  const head = lines.slice(0, 6);
  if (!title) {
    const line = head.find(isTitleLike);
    if (line) title = tidyTitle(line);
  }
  // Drop title lines (and near-duplicates such as a subtitle variant) from the top.
  while (lines.length > 0 && lines[0]!.length <= 70 && !/[。]/.test(lines[0]!) && (isTitleLike(lines[0]!) || (title && overlap(tidyTitle(lines[0]!), title) > 0.6))) {
    title ??= tidyTitle(lines[0]!);
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

  // Signature at the end: an organisation line and/or a date line.
  let signDate: string | null = null;
  let signOrg: string | null = null;
  for (let i = 0; i < 3 && lines.length > 0; i++) {
    const last = lines[lines.length - 1]!;
    const d = parseChineseDate(last);
    if (d && !signDate) {
      signDate = d;
      lines = lines.slice(0, -1);
      continue;
    }
    const org = ORG.exec(last);
    if (org && org[0].length === last.length && !signOrg) {
      signOrg = org[1]!;
      lines = lines.slice(0, -1);
      continue;
    }
    break;
  }

  // A notice that transmits a plan (关于印发…的通知) is signed right after its covering paragraph,
  // before the plan itself: a date standing alone on a line near the top, under the issuer.
  if (!signDate && title && /印发|转发/u.test(title)) {
    const at = lines.slice(0, 15).findIndex((l) => parseChineseDate(l) !== null);
    if (at > 0 && /印发|转发|执行|遵照/u.test(lines.slice(0, at).join(''))) {
      signDate = parseChineseDate(lines[at]!);
      const org = ORG.exec(lines[at - 1]!);
      if (org && org[0].length === lines[at - 1]!.length) signOrg ??= org[1]!;
    }
  }

  // Reports and speeches name their author and date under the title instead of signing at the
  // end: `长沙市岳麓区教育局` / `（2024年12月20日）`. Only lines straight under the title count.
  if (!signDate || !signOrg) {
    for (let i = 0; i < 3 && i < lines.length; i++) {
      const line = lines[i]!.replace(/^[(（]\s*(.*?)\s*[)）]$/u, '$1');
      const d = parseChineseDate(line);
      if (d && !signDate) {
        signDate = d;
        lines.splice(i--, 1);
        continue;
      }
      const org = ORG.exec(line);
      if (org && org[0].length === line.length && !signOrg) {
        signOrg = org[1]!;
        lines.splice(i--, 1);
        continue;
      }
      // A speaker line (`县委副书记、县长 王某某`) may stand between the title and the date.
      if (line.length > 30 || /[。；;：:]/u.test(line)) break;
    }
  }

  const titleOrg = title ? (ORG.exec(title)?.[1] ?? null) : null;
  const hasLevel = (org: string | null): org is string => !!org && /[省市县区州旗]/u.test(org.replace(/(教育局|教育厅|教育委员会).*$/u, ''));
  let issuer: string | null = portal.issuer?.trim() || null;
  // 发布机构: 市教育局 on the 济源 portal: the title's 济源市教育局 is the same body, named in full.
  for (const full of [titleOrg, signOrg]) {
    if (issuer && full && full !== issuer && full.endsWith(issuer)) issuer = full;
  }
  // 某某县政府办公室 in the title, 安溪县政府办公室 under the text: the real name wins; an
  // anonymised one alone is kept as written (it still tells the level of the body).
  const anonymised = (org: string): boolean => /^(?:某+|[xX×＊*]+)[省市县区州旗]/u.test(org);
  const orgs = [titleOrg, signOrg].filter(hasLevel);
  issuer ??= orgs.find((org) => !anonymised(org)) ?? orgs[0] ?? null;

  let docNumber = portal.docNumber?.trim() || null;
  if (!docNumber) {
    const m = DOC_NUMBER.exec(head.join('\n'));
    if (m) docNumber = m[0].replace(/\s+/gu, '');
  }

  let date = portal.date ?? signDate;
  // The year a title names (2024年工作要点) is the document's year; a period (2023—2025年) is not.
  if (!date && title && !YEAR_RANGE.test(title)) date = /((?:19|20)\d{2})\s*年/u.exec(title)?.[1] ?? null;

  const placeText = [issuer, title, signOrg, portal.issuer].filter(Boolean).join(' ');
  const place = places.find(placeText);
  const province = place.province ?? places.provinceByVisit(lines.join('\n'));

  const topics = portal.topic
    ? [...new Set(portal.topic.split(/[、;；,，\s]+/u).map((t) => t.trim()).filter(Boolean))]
    : [];

  return {
    meta: {
      title,
      issuer,
      city: place.city,
      province,
      date,
      docNumber,
      docType: title ? docTypeOf(title) : '其他',
      topics,
    },
    body: lines.join('\n'),
  };
}
