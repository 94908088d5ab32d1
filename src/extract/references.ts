/**
 * References (依据文件): the documents a policy document cites in 《…》 as its basis, as a
 * document it implements or continues, as a companion it makes, or as a law.
 *
 * A quoted title is a reference only when the text says how it is used: a cue word just before
 * it (根据, 按照, 贯彻落实, 对照, 制定 …), a list it stands in after such a cue
 * (《A》、省教育厅《B》和《C》), or a word just after it (…》精神, …》要求). The document's own
 * title, the attachment its 印发 notice hands out and file names (《….docx》由会员分享) are not
 * references. Titles are compared by {@link referenceKey}, so spellings of one document meet.
 */
import { toSimplified } from './simplified-reading.ts';
import { REFERENCE_RELATIONS, type PolicyReference } from '../format/schema.ts';

/** How a document uses a document it cites. */
export const RELATIONS = REFERENCE_RELATIONS;
export type Relation = (typeof RELATIONS)[number];
export type Reference = PolicyReference;

// Cue words before a title, longest first so that 贯彻落实 is one cue and 编制实施 is not 实施.
const CUES: [string, Relation][] = [
  ['继续实施', '延续'], ['延续实施', '延续'],
  ['编制实施', '配套'], ['制定实施', '配套'], ['研究制定', '配套'],
  ['为贯彻落实', '落实'], ['贯彻落实', '落实'], ['贯彻执行', '落实'], ['贯彻实施', '落实'], ['学习贯彻', '落实'],
  ['落细落实', '落实'], ['启动实施', '落实'], ['深入实施', '落实'],
  ['根据', '依据'], ['依据', '依据'], ['依照', '依据'], ['按照', '依据'], ['遵照', '依据'], ['遵循', '依据'],
  ['贯彻', '落实'], ['落实', '落实'], ['对照', '落实'], ['执行', '落实'], ['实施', '落实'], ['推进', '落实'],
  ['推动', '落实'], ['转发', '落实'], ['对标', '落实'],
  ['编制', '配套'], ['制定', '配套'], ['制订', '配套'], ['出台', '配套'], ['修订', '配套'],
  ['参照', '其他'], ['参考', '其他'], ['结合', '其他'], ['借鉴', '其他'],
];
const CUE_PATTERN = new RegExp(CUES.map(([c]) => c).join('|'), 'gu');
const CUE_RELATION = new Map(CUES);
/** 按《…》规定: the one-character cue counts only right before the title. */
const BARE_CUE = /(?:^|[^安])按$/u;

/** Words right after a title (and its 文号) that say it is the basis of what follows. */
const AFTER_CUE: [RegExp, Relation][] = [
  [/^(?:的)?(?:精神|部署)/u, '落实'],
  [/^(?:的)?(?:要求|规定)/u, '依据'],
];

/** Text between a cue and the title: an issuer (省教育厅, 玉树州), never a clause break. */
const MAX_CUE_GAP = 14;
/** Text between two titles of one list: 、 和 及 …, and perhaps the next title's issuer. */
const LIST_GAP = /^[\s、，,和及与或并以暨]+[^\s，。；：,;:！？《》“”]{0,16}$|^[\s、]*$/u;

/** A 文号 in brackets right after a title: （国办发〔2015〕71号）, (晉教基〔2017〕)19號). */
const DOC_NUMBER_AFTER = /^\s*[（(]\s*([\p{Script=Han}A-Za-z]{1,14}\s*[〔\[［(（﹝【]\s*(?:19|20)\d{2}\s*[〕\]］)）﹞】]\s*[)）]?\s*\d{1,4}\s*[号號])\s*[）)]/u;

/** Pinyin glosses that some mirror sites put after characters: 學(xué). */
const PINYIN_GLOSS = /(?<=\p{Script=Han})\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹ][a-zü]*\)/gu;

/** A 印发/转发 notice's title: the document it hands out is inside. */
const NOTICE = /^.*?(?:关于)?(?:印发|转发|下发)(?:[《〈<“"「]?)(.+?)(?:[》〉>”"」]?)的?(?:通知|函)$/u;

// Titles that are file names or page banners, not documents.
const FILE_NAME = /\.(?:docx?|pdf|wps|txt|xlsx?|pptx?|html?)\b|页珍藏版|_\d+$/iu;

// A law or regulation: 义务教育法, 中华人民共和国教师法, 幼儿园管理条例 (not 办法, 方法).
const LAW = /(?<![办方做说算写想看])法$|条例$/u;
const LAW_SUFFIX = /[(（](?:\d{4}年)?(?:修订|修正|试行|草案)[)）]$/u;
const PRC = /^中华人民共和国/u;

/** Normalised comparison key of a title: two spellings of one document give the same key. */
export function referenceKey(title: string): string {
  let t = toSimplified(title)
    .replace(/\s+/gu, '')
    .replace(/^《|》$/gu, '')
    .replace(/[（【［\[]/gu, '(')
    .replace(/[）】］\]]/gu, ')')
    .replace(/[—–―－~～]+|-{2,}/gu, '-')
    .replace(/[〔﹝]/gu, '(')
    .replace(/[〕﹞]/gu, ')');
  const notice = NOTICE.exec(t.replace(/[《》〈〉<>“”"「」『』]/gu, (c) => ('《〈<“"「『'.includes(c) ? '〈' : '〉')));
  if (notice) t = notice[1]!.replace(/^〈|〉$/gu, '');
  t = t.replace(/[《》〈〉<>“”‘’"'「」『』、，,·•．.　]/gu, '');
  const bare = t.replace(LAW_SUFFIX, '');
  if (LAW.test(bare)) t = bare.replace(PRC, '');
  return t;
}

/** Whether the title names a law or regulation (法, 条例), so the citation is 法律. */
export function isLawTitle(title: string): boolean {
  return LAW.test(referenceKey(title));
}

// A plan of the same series: the title without its years, period and 第N期.
function seriesKey(key: string): string {
  return key
    .replace(/[(]?(?:19|20)\d{2}(?:年)?(?:[-至到](?:19|20)?\d{2,4}年?)?[)]?/gu, '')
    .replace(/第[一二三四五六七八九十\d]+(?:期|轮|批)/gu, '')
    .replace(/[“]?[十]?[一二三四五六七八九十]五[”]?/gu, '')
    .replace(/年度|年/gu, '');
}

/** Cleans a quoted title for display: simplified, without line breaks, inner 《》 as 〈〉. */
function displayTitle(inner: string): string {
  return toSimplified(inner.replace(/\s+/gu, '')).replace(/《/gu, '〈').replace(/》/gu, '〉');
}

/** A 文号 in one spelling: simplified, 〔〕 brackets, 号. */
export function normaliseDocNumber(raw: string): string {
  const plain = toSimplified(raw.replace(/\s+/gu, ''));
  const m = /^(.+?)[〔\[［(（﹝【]((?:19|20)\d{2})[〕\]］)）﹞】]+[)）]?(\d{1,4})[号號]$/u.exec(plain);
  return m ? `${m[1]}〔${m[2]}〕${m[3]}号` : plain;
}

interface Quote {
  start: number;
  end: number;
  inner: string;
}

/** Top-level 《…》 spans, nested 《》 kept inside (《关于印发《X》的通知》); line breaks may fall inside. */
function quotes(text: string): Quote[] {
  const out: Quote[] = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '《') {
      if (depth === 0) start = i;
      depth++;
    } else if (c === '》' && depth > 0) {
      depth--;
      if (depth === 0) {
        out.push({ start, end: i + 1, inner: text.slice(start + 1, i) });
      }
    } else if ((c === '。' || c === '；') && depth > 0) {
      // An unclosed 《 never spans a sentence: start again after it.
      depth = 0;
    }
    if (depth > 0 && i - start > 160) depth = 0;
  }
  return out;
}

function cueBefore(window: string): Relation | null {
  const clause = toSimplified(window.replace(/^.*[。；;！？!?\n：:，,]/su, ''));
  let last: RegExpExecArray | null = null;
  CUE_PATTERN.lastIndex = 0;
  for (let m = CUE_PATTERN.exec(clause); m; m = CUE_PATTERN.exec(clause)) last = m;
  if (last) {
    const gap = clause.slice(last.index + last[0].length);
    if (gap.length <= MAX_CUE_GAP && !/[《》]/u.test(gap)) return CUE_RELATION.get(last[0])!;
  }
  return BARE_CUE.test(clause) ? '依据' : null;
}

/** Titles the document gives itself: its title, and what its 印发 notice hands out. */
function ownKeys(text: string, ownTitle: string | null): Set<string> {
  const keys = new Set<string>();
  if (ownTitle) keys.add(referenceKey(ownTitle));
  const simple = toSimplified(text.slice(0, 3000));
  const patterns = [
    // Only the notice's own title line: a cited notice (《…关于印发《X》的通知》) hands out nothing here.
    /^[^\n《]{0,80}印发《(.{2,120}?)》的?通知[^\n]{0,4}$/gmu,
    /(?:现将|兹将)《(.{2,120}?)》/gu,
    /《(.{2,120}?)》(?:已经|经)[^。]{0,40}?同意/gu,
    /《(.{2,120}?)》[,，]?现(?:予)?印发/gu,
    /(?:实际|特)[,，]?(?:研究)?制[定订](?:了)?《(.{2,120}?)》/gu,
  ];
  for (const re of patterns) for (const m of simple.matchAll(re)) keys.add(referenceKey(m[1]!));
  keys.delete('');
  return keys;
}

/**
 * Every document `text` cites, once each, in order of first mention.
 * `ownTitle` is the document's own title (null when unknown).
 */
export function extractReferences(text: string, ownTitle: string | null): Reference[] {
  const src = text.replace(PINYIN_GLOSS, '');
  const own = ownKeys(src, ownTitle);
  const ownSeries = [...own].map(seriesKey);
  const found = new Map<string, Reference>();
  let prev: { end: number; relation: Relation | null } | null = null;
  for (const q of quotes(src)) {
    const title = displayTitle(q.inner);
    const after = src.slice(q.end, q.end + 60);
    const num = DOC_NUMBER_AFTER.exec(after);
    const end = q.end + (num ? num[0].length : 0);
    const windowStart = Math.max(prev?.end ?? 0, q.start - 20);
    let relation = cueBefore(src.slice(windowStart, q.start));
    if (!relation && prev?.relation && LIST_GAP.test(src.slice(prev.end, q.start))) relation = prev.relation;
    if (!relation) {
      const tail = toSimplified(src.slice(end, end + 4));
      relation = AFTER_CUE.find(([re]) => re.test(tail))?.[1] ?? null;
    }
    prev = { end, relation };
    const key = referenceKey(title);
    if (!relation || key.length < 2 || FILE_NAME.test(title) || own.has(key)) continue;
    if (ownSeries.includes(seriesKey(key)) && seriesKey(key).length >= 4) relation = '延续';
    else if (LAW.test(key) && relation !== '配套') relation = '法律';
    const docNumber = num ? normaliseDocNumber(num[1]!) : null;
    const seen = found.get(key);
    if (!seen) {
      found.set(key, { title, docNumber, relation });
      continue;
    }
    // One document cited twice: keep the fuller title, any 文号, and a stated relation over 其他.
    if (title.length > seen.title.length) seen.title = title;
    seen.docNumber ??= docNumber;
    if (seen.relation === '其他') seen.relation = relation;
  }
  return [...found.values()];
}
