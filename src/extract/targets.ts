/**
 * Quantitative targets: find `入学率达到95%以上`-style commitments in policy text.
 *
 * The extractor works in four steps, all pure:
 * 1. normalise OCR damage inside numbers (`1万L5万`, `IOM`, `11I级`, `5155人班额`, `20%o`) into a
 *    working copy that remembers, for every character, where it came from in the input;
 * 2. cut the copy into paragraphs (lines), sentences (。!?) and clauses (,;:);
 * 3. find "cores" (a comparator or change word with its value, an eliminate verb, 全覆盖, a
 *    creation verb with a count) and read each core's metric from the words around it;
 * 4. walk each sentence in order, carrying the deadline (到2025年 …) and the fact state (a past
 *    year, 已, 截至 …) to decide which cores are targets and which year they belong to.
 *
 * Rules where the text alone is ambiguous:
 * - A statement of achieved fact is not a target. A value is factual when 已/截至/同比/位居 or a
 *   verb with 了 stands before it in its sentence, or when a past year (before `docYear`, or
 *   截至…/…以来/去年/近年来) governs it; such a year keeps the rest of its paragraph (line)
 *   factual until a deadline or 下一步/今后 appears. Without `docYear` a bare year is a deadline.
 * - A deadline (到2025年, 2027年前, 年底前, 明年, 3年内, “十四五”期间) holds for the rest of its
 *   sentence until another replaces it; one that opens a paragraph holds for the whole paragraph.
 *   Years in 《》/“”, ranges (2021-2025年), 新修订/版, 自…起 and 比/较 baselines are no deadlines.
 * - Weak forms (a creation verb with a count, `80%以上中小学校完成…`, 消除 without an adverb,
 *   超过/高于) need a target cue in the sentence: a deadline or 力争/确保/保证/计划/目标/每年 ….
 *   达到/达/以上/不低于/控制在 … are target words by themselves.
 * - A quantity followed by 的 qualifies a noun (`超过2000人的学校`) and is no target.
 * - A count in front of the things counted is a (weak) count target only inside a verb's object:
 *   the verb before it in its clause (`完成…的57所乡镇中心幼儿园建设`, `推进150亩…基地建设`) or the
 *   things made into something (`将…等12所学校创建成合格学校`); never a range, 每N个 or a noun
 *   that merely holds a verb (`4所思源学校项目建设`).
 * - Masked values (`X亿元`, `xx%`, `xxx元`) are skipped: an anonymised number is no target; so is
 *   a rate written as a bare number above 1 (`合格率达98`, `比例达5545`), which lost its % or colon.
 * - `A、B达标率达85%` and `A、B均达95%以上` give one target whose metric keeps the whole list;
 *   `A、B…分别达到70%、90%` gives one target per value when the list pairs with the values,
 *   otherwise one target with the first value.
 * - `全覆盖` is `= 100 %` with the metric `<what>覆盖率`; `只增不减`/`逐年提高` is `increase`
 *   with no value; `个百分点` is its own unit, never `%`.
 * - Numbers inside 《…》 or “…” are names or slogans, not targets; neither are years there.
 */
import type { Comparator, Target } from '../format/schema';
import { chineseNumeral } from './numbering.ts';

/** Options for {@link extractTargets}. */
export interface ExtractTargetsOptions {
  /** Id of the measure the text belongs to, copied into every target. */
  measure?: string | null;
  /** Year the document was written: resolves 今年/明年/年底前 and marks earlier years as facts. */
  docYear?: number | null;
  /** The text is a plan (a 工作打算 section, an 实施方案): a bare count after a verb is already a commitment. */
  planned?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Working copy with a map back to the input

/** Normalised text; character i came from input[starts[i], ends[i]). */
interface Mapped {
  text: string;
  starts: number[];
  ends: number[];
}

function identity(input: string): Mapped {
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < input.length; i++) {
    starts.push(i);
    ends.push(i + 1);
  }
  return { text: input, starts, ends };
}

/** Replaces every match; replaced characters all point at the whole span they replaced. */
function rewrite(src: Mapped, pattern: RegExp, replace: (m: RegExpMatchArray) => string): Mapped {
  // Most passes change nothing in most texts: then the copy and its maps are not rebuilt.
  pattern.lastIndex = 0;
  if (!pattern.test(src.text)) return src;
  pattern.lastIndex = 0;
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let last = 0;
  const copy = (from: number, to: number): void => {
    text += src.text.slice(from, to);
    for (let i = from; i < to; i++) {
      starts.push(src.starts[i] ?? 0);
      ends.push(src.ends[i] ?? 0);
    }
  };
  for (const m of src.text.matchAll(pattern)) {
    const a = m.index ?? 0;
    const b = a + m[0].length;
    if (b === a) continue;
    const r = replace(m);
    if (r === m[0]) continue;
    copy(last, a);
    const s0 = src.starts[a] ?? 0;
    const e0 = src.ends[b - 1] ?? s0;
    text += r;
    for (let i = 0; i < r.length; i++) {
      starts.push(s0);
      ends.push(e0);
    }
    last = b;
  }
  copy(last, src.text.length);
  return { text, starts, ends };
}

const HAN = '\\u4e00-\\u9fff';

function romanValue(s: string): number | null {
  if (/^[IVX]+$/.test(s)) {
    const v: Record<string, number> = { I: 1, V: 5, X: 10 };
    let n = 0;
    for (let i = 0; i < s.length; i++) {
      const cur = v[s.charAt(i)] ?? 0;
      const nxt = v[s.charAt(i + 1)] ?? 0;
      n += cur < nxt ? -cur : cur;
    }
    return n;
  }
  if (/[VX]/.test(s)) return null;
  // OCR reads the strokes of Ⅲ as 1, I, l or |, and two of them run together as H.
  let n = 0;
  for (const c of s) n += c === 'H' ? 2 : 1;
  return n;
}

/** Repairs OCR damage inside numbers so the patterns can read them. */
function normalise(input: string): Mapped {
  let m = identity(input);
  // Full-width digits and punctuation (，；：（）！？) read as their ASCII forms: the patterns
  // are written once, for both.
  m = rewrite(m, /[０-９％．～－，；：（）！？]/g, (x) => String.fromCharCode(x[0].charCodeAt(0) - 0xfee0));
  // `百分之九十五`, `百分之百`, `百分之九十九点五`: formal texts write percentages in words.
  m = rewrite(m, /百分之(百|[一二三四五六七八九十]{1,3})(?:点([〇零一二三四五六七八九]{1,3}))?/g, (x) => {
    const whole = x[1] === '百' ? 100 : chineseNumeral(x[1] ?? '');
    if (!Number.isFinite(whole)) return x[0];
    const fraction = x[2] ? `.${[...x[2]].map((c) => '〇一二三四五六七八九'.indexOf(c === '零' ? '〇' : c)).join('')}` : '';
    return `${whole}${fraction}%`;
  });
  m = rewrite(m, /(?<=\d[万千亿]?)\s*[—–―~〜]\s*(?=\d)/g, () => '-');
  // PDF text: spaces around numbers (`达到 94.5%`, `250 所`) and lines wrapped inside a sentence.
  m = rewrite(m, new RegExp(`(?<=[${HAN}])[ \\t\u00a0]+(?=\\d)|(?<=\\d%?)[ \\t\u00a0]+(?=[${HAN}%])`, 'g'), () => '');
  // A line that opens with a label (`牵头单位:`, `建设内容:`; a table row's cells are written so) is
  // a field of its own, never the rest of a wrapped sentence: `新建幼儿园3所\n牵头单位:…` is no `3所牵头单位`.
  m = rewrite(m, new RegExp(`(?<=[${HAN}\\d%])\\n(?=[${HAN}\\d])(?![${HAN}]{2,8}[:：])`, 'g'), () => '');
  // `72个学时`: the measure word before a unit of time is no unit of its own.
  m = rewrite(m, /(?<=\d)个(?=学时|课时|小时|学分)/g, () => '');
  m = rewrite(m, /(?<=\d),(?=\d{3}(?!\d))/g, () => '');
  // `1万L5万`: the dash and `1.` of `1万-1.5万` were read as one L.
  m = rewrite(m, /(?<=\d万)L(?=\d)/g, () => '-1.');
  m = rewrite(m, new RegExp(`(?<=[${HAN}])L(?=\\d(?![\\d.]))`, 'g'), () => '1.');
  // `IOM`: bandwidth figures read with I for 1 and O for 0.
  m = rewrite(m, /(?<![A-Za-z\d.])[IlO\d]{1,4}(?=M(?:bps|b|B)?(?![A-Za-z]))/g, (x) =>
    x[0].replace(/[Il]/g, '1').replace(/O/g, '0'),
  );
  // `20%o`, `10M0强化`, `统-O到`: a full stop read as o, O or 0.
  m = rewrite(m, new RegExp(`(?<=%|\\dM)[oO0](?=[${HAN}“]|$)`, 'gm'), () => '。');
  m = rewrite(m, new RegExp(`(?<=[${HAN}]-?)[oO](?=[${HAN}])`, 'g'), () => '。');
  // `11I级`, `Hl级`, `III级`: Roman numerals read as digits and letters.
  m = rewrite(m, /(?<![A-Za-z\d.])[IHVXl1|]{1,4}(?=级)/g, (x) => {
    if (!/[IHVXl|]/.test(x[0])) return x[0];
    const n = romanValue(x[0]);
    return n === null ? x[0] : String(n);
  });
  m = rewrite(m, /[ⅠⅡⅢⅣⅤⅥ](?=级|类|等)/g, (x) => String('ⅠⅡⅢⅣⅤⅥ'.indexOf(x[0]) + 1));
  // `5155人班额`: the dash of a class-size band was lost; only a rising pair can be a band.
  m = rewrite(m, /(?<![\d.])(\d{2})(\d{2})(?=人(?:及以上|以上)?的?大?班额)/g, (x) => {
    const a = Number(x[1]);
    const b = Number(x[2]);
    return b > a && b - a <= 20 ? `${x[1]}-${x[2]}` : x[0];
  });
  // `075人`: a lost decimal point; no count is written with a leading zero.
  m = rewrite(m, /(?<![\d.\-A-Za-z])0(\d{1,3})(?=人|%|个|所|名|元|小时)/g, (x) => `0.${x[1]}`);
  return m;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

const NUM = '(?:\\d+(?:\\.\\d+)?|[xX]{1,6}(?:\\.[xX]{1,6})?)';
const MAG = '[万亿千]?';
const UNITS = [
  '个百分点', '百分点', '平方米', '平方', '元/生·年', '元/生', '元/年', '人次', 'Mbps', '小时', '分钟',
  '课时', '学时', '公里', '个班', '%', '‰', '人', '名', '所', '项', '元', '个', '间', '门', '节', '次', '天',
  '倍', '台', '套', '张', '册', '篇', '家', '座', '级', '支', '批', '期', '户', '亩', '岁', '兆', 'M', 'G',
];
const UNIT = `(?:${UNITS.map((u) => u.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})`;
const SINGLE = `${NUM}${MAG}(?:余|多)?${UNIT}?`;
const RANGE = `${NUM}${MAG}${UNIT}?\\s*(?:-|至|到|~)\\s*${NUM}${MAG}(?:余|多)?${UNIT}?`;
const VALUE = `(?:${RANGE}|${SINGLE})`;
const SUFFIX = '(?:及以上|以上|及以下|以下|以内|之内|左右)';
const VALUE_LIST = `${VALUE}${SUFFIX}?(?:(?:、|和|及)${VALUE}${SUFFIX}?)*`;

/** Comparator words that stand before the value, longest first so 达到 wins over 达. */
const BEFORE: Record<string, Comparator> = {};
// 保证72学时, 至少有1所: a floor.
for (const w of ['不低于', '不少于', '不小于', '不得低于', '不得少于', '不应低于', '不应少于', '至少有', '至少', '最少', '最低', '保证']) BEFORE[w] = '>=';
for (const w of ['不超过', '不高于', '不多于', '不大于', '不得超过', '不得高于', '不应超过', '最多', '控制在', '控制到', '降低到', '降低至', '下降到', '下降至', '降到', '降至', '减少到', '减少至', '压减到', '压减至', '压缩到', '压缩至', '缩减到', '缩减至']) BEFORE[w] = '<=';
for (const w of ['低于', '少于', '小于']) BEFORE[w] = '<';
for (const w of ['高于', '超过', '多于', '大于']) BEFORE[w] = '>';
for (const w of ['达到', '达', '提高到', '提高至', '提升到', '提升至', '增加到', '增加至', '增长到', '增长至', '上升到', '上升至', '扩大到', '扩大至', '保持在', '稳定在', '维持在', '占']) BEFORE[w] = '=';
const BEFORE_RE = Object.keys(BEFORE)
  .sort((a, b) => b.length - a.length)
  // 下达/到达/发达 … are verbs of their own: `上级下达资金2000万元` sets nothing.
  .map((w) => (w === '达' ? '(?<![下到发表传送转通抵直])达' : w))
  .join('|');

const INCREASE = ['增长', '增加', '提高', '提升', '递增', '上升', '扩大'];
const DECREASE = ['下降', '降低', '减少', '递减', '压减', '缩减'];

/** Verbs that take a count of things made or done: `建成3所`, `招聘50人`, `掌握1至2项`. */
const COUNT_VERBS =
  '举办|参加|建成|新建|改扩建|新增|增设|创建|培育|打造|招聘|引进|安排|投入|完成|培训|培养|遴选|开设|掌握|学会|锻炼|配备|设立|认定|争创|扩建|改造|开工|竣工|投用|提供|招收|招生|建设|补充|加固|创(?![新造优先业])';

/** `新建、改扩建学校5所`: verbs joined by 、 share one count, and the metric keeps them all. */
const COUNT_HEAD = `(?:(?:${COUNT_VERBS})、)?(?:${COUNT_VERBS})`;

/** The thing counted after a count verb: a short noun phrase with no comparator or change word. */
const COUNTED =
  // `市级以上示范学校` names a level of the thing counted: its 以上 is no comparator.
  // `达标乡镇3个`: 达标 names a grade of the thing counted, no comparator.
  '(?:(?!率|达(?!标)|比例|于|在|到|至|为|超过|(?<!级)以上|控制|保持|增长|增加|提高|提升|下降|降低|减少|比|较)[^,,;;。、::\\d“”《》xX]){1,15}?';

/** Joins the items of a counted list: `项目100个和闲置校舍改建幼儿园项目30个`. */
const LIST_JOIN = '(?:、|和|及)';
/** One more item of a counted list: the thing counted and its count. */
const LIST_ITEM = new RegExp(`${LIST_JOIN}(${COUNTED})(${VALUE}(?:以上|左右)?)`, 'y');
/** Clauses that sum up, split or take stock of what a list counted rather than add to it. */
const NOT_AN_ITEM = /^(?:其中|共|总|累计|合计|全县|全市|全区|全省|全镇|现有|目前|原有)|总数|总量|累计|合计/u;
/** A list item after a comma, which carries on the list only when it has no verb of its own. */
const COMMA_ITEM = new RegExp(`[,，;；](?!${COUNT_VERBS})(${COUNTED})(${VALUE}(?:以上|左右)?)(?=$|[,，;；。])`, 'y');

/** Units that count things (schools, projects, people, land), as opposed to money, rates or time. */
const COUNT_UNIT = '(?:所|个|项|人|名|亩|座|间|台|套|支|家|批|户|门|册|篇)';
/** Words that make what follows a count a statement about it rather than the thing counted. */
const NOT_COUNTED = '的|以上|以下|以内|左右|率|达(?!标)|比例|超过|控制|保持|增长|增加|提高|提升|下降|降低|减少|不低于|不少于|低于|少于|占|比|较';
/** Verbs whose object may hold a count before its noun: the count verbs and 推进. */
const OBJECT_COUNT_VERB = new RegExp(`${COUNT_VERBS}|推进`, 'u');
const MADE_INTO = new RegExp(`(?:${COUNT_VERBS})(?:成|为)`, 'u');
/**
 * Kinds of work (`5项重点改革`, `8项民生实事`, `13个项目`, `10项重点工作落地见效`): counted in items
 * they give the size of a list of tasks, not a number to reach, unless a thing is built in them.
 */
const WORK_KIND = /任务|工作(?![室站坊组])|改革|实事|行动|举措|措施|方面|工程|活动|项目|事项|要点|重点/u;
const ITEM_UNIT = /^(?:项|个|批)$/u;
const BUILT_THING = /学校|校舍|幼儿园|园舍|教室|学位|宿舍|食堂|操场|运动场|场馆|体育馆|图书馆|实验室|教学楼|楼|基地|中心|床位|托位/u;
/** Words that open a predicate: the count closed the noun before it (`新建幼儿园8所正在推进`). */
const PREDICATE_START = /^(?:正在|已经|已|将|均|都|全部|陆续|仍|还|要|需|应|正|基本|逐步)/u;

const ADVERBS = '(?:分别|均|都|各|全部|基本|总体|稳定|逐步|力争|每年|逐年|年均|要|应|须|必须)*';

interface Finder {
  kind: Kind;
  re: RegExp;
  /** A cheap test every match passes: a sentence without it is not searched with `re`. */
  needs: RegExp;
  /** Count verbs yield to every other reading of the same words (`投入比上年增长15%`). */
  secondary?: boolean;
}
type Kind = 'share' | 'compare' | 'change' | 'trend' | 'eliminate' | 'cover' | 'countVerb' | 'countAfter' | 'countBefore' | 'tail';

const FINDERS: Finder[] = [
  {
    // `按总课时的11%开设美育课程`: a share of a whole that the action must take.
    kind: 'share',
    needs: /按/,
    re: new RegExp(`按照?(?<adv>不低于|不少于)?(?<den>[^,,;;。\\d]{1,20}?)的(?<val>${NUM}%)(?<obj>[^,,;;。]{1,20})`, 'g'),
  },
  {
    kind: 'compare',
    needs: /[\dxX]/,
    re: new RegExp(`(?<adv>${ADVERBS})(?<head>${BEFORE_RE})(?:(?<den>[^,,;;。、::\\d]{1,30}?)的|(?<share>[^,,;;。、::\\d]{1,20}?占[^,,;;。、::\\d]{1,10}?))?(?<val>${VALUE_LIST})`, 'g'),
  },
  {
    kind: 'change',
    needs: /[\dxX]/,
    re: new RegExp(
      `(?<adv>(?:每年|逐年|年均|平均每年|分别|均|各|累计|再|力争)*)(?<head>${[...INCREASE, ...DECREASE].join('|')})(?![到至为])(?<le>了)?(?<val>${VALUE_LIST})`,
      'g',
    ),
  },
  {
    kind: 'trend',
    needs: /只增不减|只减不增|递增|递减|增长|增加|提高|提升|下降|降低|减少/,
    re: new RegExp(
      `(?<adv>逐年|每年|年年)?(?<head>只增不减|只减不增|递增|递减|(?<=逐年|每年|年年)(?:增长|增加|提高|提升|下降|降低|减少))(?![到至为了])(?!\\s*(?:\\d|[xX]))`,
      'g',
    ),
  },
  {
    kind: 'eliminate',
    needs: /消除|清零|消灭/,
    re: /(?<adv>(?:全面|基本|彻底|有效|坚决|逐步|加快|力争|确保|实现|真正|动态|全部|努力)*)(?<head>消除|清零|消灭)(?<le>了)?/g,
  },
  { kind: 'cover', needs: /全覆盖|全面覆盖/, re: /(?<adv>(?:基本|全面|逐步|力争|确保|实现|达到|做到)*)(?<head>全覆盖|全面覆盖)(?<le>了)?/g },
  {
    kind: 'countVerb',
    needs: /[\dxX]/,
    re: new RegExp(`(?<pre>至少|不少于|最少)?(?<head>${COUNT_HEAD})(?<le>了)?(?<val>${VALUE}(?:以上|左右)?)`, 'g'),
    secondary: true,
  },
  {
    kind: 'countAfter',
    needs: /[\dxX]/,
    re: new RegExp(
      `(?<head>${COUNT_HEAD})(?<obj>${COUNTED})(?<val>${VALUE}(?:以上|左右)?)(?<more>(?:${LIST_JOIN}${COUNTED}${VALUE}(?:以上|左右)?)*)(?=$|[,,;;。、::])`,
      'g',
    ),
    secondary: true,
  },
  {
    // `完成2011年立项的57所乡镇中心幼儿园建设`, `将…等12所学校创建成合格学校`: a count of things
    // standing in front of them inside a verb's object (the verb is checked in `draftCore`).
    kind: 'countBefore',
    needs: /[\dxX]/,
    re: new RegExp(`(?<![\\d.第每前近约共\\-－~～—至到])(?<val>${NUM}${MAG}(?:余|多)?${COUNT_UNIT})(?<obj>(?:(?!${NOT_COUNTED})[${HAN}]){2,20})(?=$|[,,;;。、::])`, 'g'),
    secondary: true,
  },
  {
    kind: 'tail',
    needs: /[\dxX]/,
    re: new RegExp(`(?<![\\d.第])(?<val>${VALUE}(?:及以上|以上|及以下|以下|以内))(?=$|[,,;;。::))])`, 'g'),
  },
];

/** `80%以上中小学校完成…`: a quantity in front of the thing it counts. */
const QUANTIFIED_SUBJECT = new RegExp(`(?<![\\d.第])(?<val>${VALUE}(?:及以上|以上))(?<de>的)?(?=[${HAN}“])`, 'g');

const VALUE_PARTS = new RegExp(
  `^(${NUM})(${MAG})(余|多)?(${UNIT})?(?:\\s*(?:-|至|到|~)\\s*(${NUM})(${MAG})(余|多)?(${UNIT})?)?(${SUFFIX})?$`,
);

/** Metrics that are rates or shares: their values carry % (or are ratios below 1). */
const RATE_METRIC = /(?:率|比例|比重|占比)$/u;

const REACH = /^(?:达到|达|提高到|提高至|提升到|提升至)$/u;
const STRIVE = /力争|争取|确保|保证|务必/u;

/** Words that set a target even where the comparator alone would be weak. */
const CUE = /力争|争取|确保|保证|务必|必须|计划|目标|每年|每学年|逐年|年均|至少|不少于/;
/** Words that mark a clause as a report of what happened. */
const FACT = /已经|均已|已(?!有)|共有|现有|截至|截止|同比|位居|位列|(?:实现|达到|完成|提高|提升|增长|下降|减少|增加|建成|消除|覆盖|达)了/;

// ---------------------------------------------------------------------------------------------
// Values

interface Value {
  value: number | null;
  valueMax: number | null;
  unit: string | null;
  masked: boolean;
  approx: boolean;
  suffix: string | undefined;
  range: boolean;
}

function parseNumber(s: string | undefined): number | null {
  if (s === undefined || /[xX]/.test(s)) return null;
  return Number(s);
}

function parseValue(text: string): Value | null {
  const m = VALUE_PARTS.exec(text.trim());
  if (!m) return null;
  const [, n1, mag1 = '', approx1, unit1, n2, mag2 = '', approx2, unit2, suffix] = m;
  const range = n2 !== undefined;
  const unitWord = (unit2 ?? unit1) ?? '';
  const mag = mag2 || mag1;
  let unit: string | null = mag + unitWord;
  if (unit === '平方') unit = '平方米';
  if (unit === '百分点') unit = '个百分点';
  if (unit === '') unit = null;
  return {
    value: parseNumber(n1),
    valueMax: range ? parseNumber(n2) : null,
    unit,
    masked: /[xX]/.test(`${n1 ?? ''}${n2 ?? ''}`),
    approx: approx1 !== undefined || approx2 !== undefined,
    suffix,
    range,
  };
}

function parseValueList(text: string): Value[] {
  const out: Value[] = [];
  for (const part of text.split(/、|和|及(?!以[上下])/)) {
    const v = parseValue(part);
    if (v) out.push(v);
  }
  // `分别达到90%、95%以上`: a suffix written once closes the whole list.
  const last = out[out.length - 1]?.suffix;
  return out.map((v) => (v.suffix === undefined ? { ...v, suffix: last } : v));
}

function withSuffix(base: Comparator, suffix: string | undefined): Comparator {
  if (suffix === undefined) return base;
  if (/以上/.test(suffix) && (base === '=' || base === '>=')) return '>=';
  if (/以下|以内|之内/.test(suffix) && (base === '=' || base === '<=')) return '<=';
  return base;
}

// ---------------------------------------------------------------------------------------------
// Metrics

const TIME_WORDS = new RegExp(
  [
    '(?:力争|争取)?(?:到|至|在|于)?(?:19|20)\\d{2}(?:\\s*[-—–~至到]\\s*(?:19|20)?\\d{2,4})?年(?:底|末)?(?:前|以前|之前)?',
    '年底前|年底|年内|今年|明年|本年度',
    '(?:用)?(?:\\d+|[一二两三四五六七八九十])年(?:左右)?(?:的)?(?:时间|内)',
    '[“"]?十[一二三四五六]五[”"]?(?:期间|末期|末|时期)',
    `(?<![\\d.])(?:19|20)\\d{2}(?=[${HAN}])(?![年人名所项个元万亿千余多届级])`,
  ].join('|'),
  'g',
);
const LEADING = new RegExp(
  '^(?:[\\s,,、;;::。“”"\'()()]+|力争|争取|确保|保证|务必|并且|并|且|同时|其中|以及|全市|全县|全区|全省|全镇|全乡|全年|我市|我县|我区|本市|本县|本区|各地|县域内|市域内|区域内|基本|逐步|进一步|努力|计划(?!生育)|预计|目标是|通过努力|实现(?!率)|实施|做到|所有|全部|使(?!用)|要(?![素求点])|将(?![来军励]))',
);
const TRAILING = new RegExp(
  '(?:[\\s,,、;;::“"((]+|的|要|应|须|必须|全市|全县|全区|按|一般|原则上|约|(?<![生人班校户年平])均|都|分别|各|基本|全部|力争|逐步|逐年|每年|年均|稳定|持续|真正|总体|已|继续|进一步|不断|同比|需要|仍|应当|在[^,,]{0,12}基础上|(?:比|较)(?:(?:19|20)\\d{2}年?|上年|去年)(?:相比)?)$',
);
/** `较2020年`, `比上年`: the base of a change, not part of what is measured. */
const BASELINE = /(?:比|较|与)(?:(?:19|20)\d{2}年?|上年|去年|上一年)(?:相比)?/g;
const CHANGE_TAIL = /(?:进一步|不断|逐步|持续|稳步|明显|显著|大幅|有所)?(?:提升|提高|增长|扩大|改善|下降|增加|降低)$/;

function balance(s: string): string {
  const pairs: Array<[string, string]> = [['“', '”'], ['(', ')'], ['(', ')'], ['《', '》']];
  let out = s;
  for (const [open, close] of pairs) {
    const opens = out.split(open).length - 1;
    const closes = out.split(close).length - 1;
    if (opens !== closes) out = out.split(open).join('').split(close).join('');
  }
  return out;
}

/** Trims cue words, deadlines and connectives off a metric; null when nothing is left. */
function cleanMetric(raw: string, dropChangeTail = false): string | null {
  // `高中教育--高考二本以上上线人数`: a label before a dash names the field, not the metric.
  let s = raw.replace(/^[^,，;；。]*(?:--|——)/u, '').replace(BASELINE, '').replace(TIME_WORDS, '').replace(new RegExp(`(?<=[${HAN}])\\s+(?=[${HAN}])`, 'g'), '');
  for (let guard = 0; guard < 20; guard++) {
    const before = s;
    s = s.replace(LEADING, '').replace(TRAILING, '');
    if (dropChangeTail) s = s.replace(CHANGE_TAIL, '');
    s = s.trim();
    if (s === before) break;
  }
  s = balance(s).trim();
  return s.length > 0 ? s : null;
}

/** Pairs `小学、中学…比例` with `分别达到70%、90%`; null when the list does not match the values. */
function pairMetrics(metric: string, count: number): string[] | null {
  // `小学、初中辍学率`, and `普高和职高在校学生年巩固率` where the list is joined by 和/与/及.
  let parts = metric.split('、');
  if (parts.length !== count) parts = metric.split(/[、和与及]/u);
  if (parts.length !== count || count < 2) return null;
  const lastPart = parts[parts.length - 1] ?? '';
  const prev = parts[parts.length - 2] ?? '';
  let itemLength: number;
  if (prev.length >= 4) {
    // Long items share their head noun (面积、…面积达标率): the last item ends where it recurs.
    const tail = prev.slice(-2);
    const at = lastPart.lastIndexOf(tail);
    if (at < 0) return null;
    itemLength = at + tail.length;
  } else {
    itemLength = prev.length;
  }
  const rest = lastPart.slice(itemLength);
  if (itemLength >= lastPart.length || rest.length === 0) return null;
  const items = [...parts.slice(0, -1), lastPart.slice(0, itemLength)];
  return items.map((item) => item + rest);
}

// ---------------------------------------------------------------------------------------------
// Time

type MarkKind = 'deadline' | 'fact' | 'reset';
interface Mark {
  at: number;
  kind: MarkKind;
  year: number | null;
}

const CN_DIGITS = '一二三四五六七八九十';
function smallNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (s === '两') return 2;
  if (s === '十') return 10;
  const i = CN_DIGITS.indexOf(s);
  return i >= 0 ? i + 1 : null;
}

function classifyYear(year: number, g: Record<string, string | undefined>, docYear: number | null): MarkKind | null {
  const { pre, mod, post } = g;
  if (post === '新修订' || post === '修订' || post === '版') return null;
  // `2024年秋季学期起` starts a rule; it is no deadline.
  // `到2025年秋季学期` is a deadline all the same.
  if ((mod === '秋季' || mod === '春季') && pre !== '到' && pre !== '至') return null;
  if (pre === '自' || pre === '从' || post === '起' || post === '开始') return null;
  if (pre === '比' || pre === '较' || pre === '与') return null;
  if (pre === '截至' || pre === '截止' || pre === '截止到' || post === '以来') return 'fact';
  if (docYear !== null && year < docYear) return 'fact';
  return 'deadline';
}

function findMarks(s: string, offset: number, docYear: number | null, protectedAt: (i: number) => boolean): Mark[] {
  const marks: Mark[] = [];
  const taken: Array<[number, number]> = [];
  const free = (a: number, b: number): boolean => taken.every(([x, y]) => b <= x || a >= y);
  const add = (a: number, b: number, kind: MarkKind, year: number | null): void => {
    taken.push([a, b]);
    if (!protectedAt(offset + a)) marks.push({ at: offset + a, kind, year });
  };
  const relative = (n: number): number | null => (docYear === null ? null : docYear + n);

  // Cheap tests first: most sentences name no year, so the patterns below need not run on them.
  const hasYear = /(?:19|20)\d\d/.test(s);
  const years =
    /(?<![\d.])(?<pre>截至|截止到|截止|自|从|比|较|与|到|至|在|于)?(?<y>(?:19|20)\d{2})(?<range>\s*[-—–~至到]\s*(?:19|20)?\d{2,4})?年(?<mod>底|末|年底|年末|上半年|下半年|秋季|春季)?(?<post>前|以前|之前|以来|起|开始|新修订|修订|版|度)?/g;
  for (const m of hasYear ? s.matchAll(years) : []) {
    const a = m.index ?? 0;
    const b = a + m[0].length;
    const g = m.groups ?? {};
    // `2011年立项的57所`: a year that qualifies a noun dates the thing, not the sentence.
    const attributive = !g.pre && !g.mod && !g.post && new RegExp(`^[${HAN}]{1,4}的`).test(s.slice(b));
    const kind = g.range || attributive ? null : classifyYear(Number(g.y), g, docYear);
    taken.push([a, b]);
    if (kind) add(a, b, kind, kind === 'deadline' ? Number(g.y) : null);
  }
  // A bare year opening a clause: `2022中小学生体质健康测试合格率…`.
  const bare = new RegExp(`(?<=^|[,,;;::\\s])(?<y>(?:19|20)\\d{2})(?=[${HAN}])(?![年人名所项个元万亿千余多届级])`, 'g');
  for (const m of hasYear ? s.matchAll(bare) : []) {
    const a = m.index ?? 0;
    const kind = classifyYear(Number(m.groups?.y), {}, docYear);
    if (kind && free(a, a + 4)) add(a, a + 4, kind, kind === 'deadline' ? Number(m.groups?.y) : null);
  }
  const plans = /[“"]?十(?<n>[一二三四五六])五[”"]?(?:期间|末期|末|时期|时)/g;
  for (const m of s.includes('十') ? s.matchAll(plans) : []) {
    const a = m.index ?? 0;
    const n = smallNumber(m.groups?.n ?? '') ?? 0;
    add(a, a + m[0].length, 'deadline', 1955 + 5 * (10 + n));
  }
  const relatives: Array<[RegExp, (m: RegExpMatchArray) => [MarkKind, number | null] | null]> = [
    [/(?:用)?(?<n>\d+|[一二两三四五六七八九十])年(?:左右)?(?:的)?(?:时间|内)/g, (m) => {
      const n = smallNumber(m.groups?.n ?? '');
      return n === null ? null : ['deadline', relative(n)];
    }],
    // `一年来`, `几年来`, `这几年`: the time just past, as 近年来.
    [/今年以来|近(?:\d+|[一二两三四五六七八九十])?年来?|(?<![比较与近])(?:\d+|[一二两三四五六七八九十几多])年来|这(?:几|些|两)年|(?<![比较与])(?:去年|上一?年(?!级))|过去(?:\d+|[一二两三四五六七八九十几])?年/g, () => ['fact', null]],
    [/(?<![学\d一二两三四五六七八九十])(?:今年|本年度|当年|年底前|年底|年内)/g, () => ['deadline', relative(0)]],
    [/明年|来年|下一年/g, () => ['deadline', relative(1)]],
    [/后年/g, () => ['deadline', relative(2)]],
    [/下一步|今后/g, () => ['reset', null]],
  ];
  // Every relative time but 下一步/今后 has a 年 in it.
  const relativeCue = s.includes('年') || s.includes('下一步') || s.includes('今后');
  for (const [re, read] of relativeCue ? relatives : []) {
    for (const m of s.matchAll(re)) {
      const a = m.index ?? 0;
      const b = a + m[0].length;
      if (!free(a, b)) continue;
      const r = read(m);
      if (r) add(a, b, r[0], r[1]);
    }
  }
  return marks.sort((x, y) => x.at - y.at);
}

// ---------------------------------------------------------------------------------------------
// Cores and drafts

interface Range {
  from: number;
  to: number;
}

interface Core extends Range {
  kind: Kind | 'quantifiedSubject';
  groups: Record<string, string | undefined>;
}

interface Entry {
  metric: string;
  comparator: Comparator;
  value: number | null;
  valueMax: number | null;
  unit: string | null;
}

interface Draft extends Range {
  /** Where the time state is read: the comparator, not the subject. */
  at: number;
  entries: Entry[];
  needsCue: boolean;
  past: boolean;
}

const SEPARATORS = /[\s,,;;::、。]/;
const CLAUSE_BREAK = /[,,;;::]/;

function protectedRanges(s: string, offset: number): Range[] {
  const out: Range[] = [];
  for (const m of s.matchAll(/《[^《》]*》|“[^“”]*”|「[^「」]*」/g)) {
    const a = offset + (m.index ?? 0);
    out.push({ from: a, to: a + m[0].length });
  }
  return out;
}

const RATIO_NEXT = /^[:：∶比]\d/u;

function findCores(s: string, offset: number, isProtected: (i: number) => boolean): Core[] {
  const chosen: Core[] = [];
  for (const pass of [false, true]) {
    const found: Core[] = [];
    for (const { kind, re, needs, secondary = false } of FINDERS) {
      if (secondary !== pass || !needs.test(s)) continue;
      for (const m of s.matchAll(re)) {
        const a = offset + (m.index ?? 0);
        const b = a + m[0].length;
        if (b === a || isProtected(a)) continue;
        // 班师比不低于1:2, 生师比1∶15: a ratio is not the number its first term would give.
        if (RATIO_NEXT.test(s.slice(b - offset, b - offset + 2))) continue;
        found.push({ kind, from: a, to: b, groups: { ...(m.groups ?? {}) } });
      }
    }
    // Earliest first, then longest: `达到95%以上` wins over the `95%以上` inside it.
    found.sort((x, y) => x.from - y.from || y.to - x.to);
    for (const c of found) {
      if (chosen.some((o) => c.from < o.to && c.to > o.from)) continue;
      chosen.push(c);
    }
  }
  return chosen.sort((x, y) => x.from - y.from);
}

/** The object after a verb: to the clause end, the next core, or a 、 that starts the next target. */
function objectEnd(text: string, from: number, clauseEnd: number, nextCore: number | null, lastComma: boolean): number {
  const limit = nextCore !== null && nextCore < clauseEnd ? nextCore : clauseEnd;
  const slice = text.slice(from, limit);
  if (!lastComma) {
    const i = slice.indexOf('、');
    return i >= 0 ? from + i : limit;
  }
  if (limit === clauseEnd) return limit;
  const i = slice.lastIndexOf('、');
  return i >= 0 ? from + i : limit;
}

const OBJECT_VERB = new RegExp(`(?:${COUNT_VERBS})$`);
const NOMINAL_OBJECT = /(?:成果|台账|目标|工作|行动|机制|任务|计划|方案|规划|攻坚|专项|举措|措施)$/;
const HAN_CHAR = new RegExp(`[${HAN}]`);

interface Context {
  text: string;
  clauses: Range[];
}

function skipSeparators(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && SEPARATORS.test(text.charAt(i))) i++;
  return i;
}

/** A subject starts after an aside opened and not closed before the core: `投入“…”(一般公共预算…`. */
function subjectStart(text: string, from: number, to: number): number {
  let start = from;
  let depth = 0;
  for (let i = from; i < to; i++) {
    const c = text.charAt(i);
    if (c === '(' || c === '(') {
      depth++;
      start = i + 1;
    } else if ((c === ')' || c === ')') && depth > 0) {
      depth--;
    }
  }
  return depth > 0 ? start : from;
}

function entry(metric: string, comparator: Comparator, v: Value | null): Entry {
  return {
    metric,
    comparator,
    value: v ? v.value : null,
    valueMax: v && v.range ? v.valueMax : null,
    unit: v ? v.unit : null,
  };
}

/** Where a core sits: its clause, where its subject may start, where the next core begins. */
interface Place {
  clause: Range;
  previousClause: Range | null;
  segStart: number;
  nextCore: number | null;
  /** Where the core's sentence starts: 确保 at its head governs every count in it. */
  sentenceFrom?: number;
}

/** Reads one core's metric and comparator (null when the match is no core); the time state comes later. */
function draftCore(text: string, core: Core, place: Place): Draft | null {
  const { clause, nextCore } = place;
  const g = core.groups;
  const head = g.head ?? '';
  const past = g.le !== undefined;
  const segStart = subjectStart(text, place.segStart, core.from);
  const subjectRaw = text.slice(segStart, core.from);
  const after = text.charAt(core.to);
  let from = segStart;
  let to = core.to;
  const entries: Entry[] = [];
  let needsCue = false;
  const objectUntil = (lastComma: boolean): number => objectEnd(text, core.to, clause.to, nextCore, lastComma);
  // An anonymised value (`X亿元`) is still a core: it ends the subject of the next one.
  const masked: Draft = { from: core.from, to: core.to, at: core.from, entries: [], needsCue: false, past };

  switch (core.kind) {
    case 'compare':
    case 'change': {
      // `9%的下限` states the bound itself; `超过2000人的学校` qualifies a noun.
      if (after === '的' && !/^的(?:下限|上限|标准|要求)/u.test(text.slice(core.to))) return null;
      const values = parseValueList(g.val ?? '');
      const first = values[0];
      if (!first) return null;
      if (values.some((v) => v.masked)) return masked;
      if (first.unit === null && (core.kind === 'change' || /[年月日号届期]/.test(after))) return null;
      // A bare 占 reports a share (`名额占85.9%`); only 占…以上 or 占…的 sets one.
      if (head === '占' && !g.den && first.suffix === undefined) return null;
      // 超过/高于 mostly describe (`有13所学校班额超过45人`); they set a target only with a cue.
      needsCue = BEFORE[head] === '>';
      let subject = cleanMetric(subjectRaw);
      // A subject missing from the clause is the previous clause's (`…比例进一步提升,分别达到70%、90%`).
      if (!subject && place.previousClause && segStart === clause.from) {
        const prev = place.previousClause;
        subject = cleanMetric(text.slice(prev.from, prev.to), true);
        if (subject) from = skipSeparators(text, prev.from, prev.to);
      }
      if (!subject) return null;
      // `每年安排不少于500万元专项经费`: the counted thing follows the value.
      if (core.kind === 'compare' && OBJECT_VERB.test(subject)) {
        const end = objectUntil(false);
        const obj = cleanMetric(text.slice(core.to, end).split(/用于|用来|以便/)[0] ?? '');
        if (obj) {
          subject += obj;
          to = end;
        }
      }
      if (g.den && !/(?:比例|率|比重|占比|份额)$/.test(subject)) subject = `${subject}占${g.den}比例`;
      // `不低于国家课程方案规定占总课时9%`: the whole is named after 占.
      if (g.share) subject = `${subject}占${g.share.replace(/^.*占/u, '')}比例`;
      // `学历合格率达98`, `招生人数比例达5545` (55:45): a rate written as a bare number above 1 lost
      // its % or its colon in extraction. It is left out, not guessed; it still ends the next subject.
      if (RATE_METRIC.test(subject) && values.some((v) => v.unit === null && (v.value ?? 0) > 1)) return masked;
      const comparatorOf = (v: Value): Comparator => {
        if (core.kind === 'change') return INCREASE.includes(head) ? 'increase' : 'decrease';
        if (v.range) return 'range';
        // 力争/确保…达到85%: a level the plan strives for is a floor, not an exact value.
        if (REACH.test(head) && STRIVE.test(text.slice(place.previousClause?.from ?? clause.from, core.from) + (g.adv ?? ''))) return withSuffix('>=', v.suffix);
        return withSuffix(BEFORE[head] ?? '=', v.suffix);
      };
      const paired = /分别/.test(g.adv ?? '') ? pairMetrics(subject, values.length) : null;
      if (paired) {
        paired.forEach((metric, i) => {
          const v = values[i];
          if (v) entries.push(entry(metric, comparatorOf(v), v));
        });
      } else {
        entries.push(entry(subject, comparatorOf(first), first));
      }
      break;
    }
    case 'share': {
      const v = parseValue(g.val ?? '');
      if (!v || v.masked) return v?.masked ? masked : null;
      const thing = cleanMetric((g.obj ?? '').replace(new RegExp(`^(?:${COUNT_VERBS})`), ''));
      if (!thing) return null;
      entries.push(entry(`${thing}占${g.den ?? ''}比例`, g.adv ? '>=' : '=', v));
      break;
    }
    case 'trend': {
      const intransitive = /只增不减|只减不增|递增|递减/.test(head);
      const comparator: Comparator = /只减不增|下降|降低|减少|递减/.test(head) ? 'decrease' : 'increase';
      let metric: string | null = null;
      if (!intransitive) {
        const end = objectUntil(true);
        metric = cleanMetric(text.slice(core.to, end));
        if (metric) to = end;
      }
      metric ??= cleanMetric(subjectRaw);
      if (!metric) return null;
      entries.push(entry(metric, comparator, null));
      break;
    }
    case 'eliminate': {
      needsCue = !g.adv;
      const end = objectUntil(true);
      let metric = cleanMetric(text.slice(core.to, end));
      if (metric) {
        if (NOMINAL_OBJECT.test(metric)) return null;
        // `加快全面消除大班额推进步伐`: quickening an action states no state to reach.
        if (/(?:步伐|进程|进度)$/u.test(metric)) return null;
        metric = cleanMetric(metric.replace(/(?:推进)?(?:步伐|进程|进度)$/, '').replace(/(?:现象|问题)$/, ''));
        to = end;
      } else {
        metric = cleanMetric(subjectRaw);
      }
      if (!metric) return null;
      entries.push(entry(metric, 'eliminate', null));
      break;
    }
    case 'cover': {
      // `形成全覆盖、多样化、高质量的…新格局`: 全覆盖 describes a noun, it sets no coverage.
      // `实现…全覆盖的目标`: 的 before 目标/要求/任务 names the coverage as the aim itself.
      if (/^(?:、[^,，;；。、]{1,8})+的|^的(?!目标|要求|任务)/u.test(text.slice(core.to))) return null;
      const subject = cleanMetric(subjectRaw);
      if (!subject) return null;
      entries.push({ metric: `${subject}覆盖率`, comparator: '=', value: 100, valueMax: null, unit: '%' });
      break;
    }
    case 'countVerb':
    case 'countAfter': {
      // `建设10个左右的…基地`: an approximate count before 的 still counts the noun after it.
      const approxOf = core.kind === 'countVerb' && after === '的' && /(?:左右|以上)$/u.test(g.val ?? '');
      if (after === '的' && !approxOf) return null;
      const v = parseValue((g.val ?? '').replace(/左右$/u, ''));
      if (!v || v.unit === null) return null;
      if (v.masked) return masked;
      needsCue = true;
      let metric: string | null;
      if (core.kind === 'countAfter') {
        metric = cleanMetric(head + (g.obj ?? ''));
        // `新增省级优质园5所、市级优质园10所`: the verb distributes over the list.
        const more = g.more ?? '';
        const items: RegExpExecArray[] = [];
        LIST_ITEM.lastIndex = 0;
        for (let m = LIST_ITEM.exec(more); m; m = LIST_ITEM.exec(more)) items.push(m);
        // `培养市级以上骨干教师100名,县级以上骨干教师200名,名优校长5名`: verbless clauses counted in
        // the same unit carry the list on past a comma (a clause with a verb, or another unit, does not).
        const limit = nextCore ?? clause.to + text.length;
        COMMA_ITEM.lastIndex = to;
        for (let m = COMMA_ITEM.exec(text); m && m.index + m[0].length <= limit; m = COMMA_ITEM.exec(text)) {
          if (parseValue(m[2] ?? '')?.unit !== v.unit) break;
          // `其中公办幼儿园3所`, `全县教师总数2000名`, `累计学位50000个`: a part or a total of what was
          // counted, or a stock, is no further item of the list.
          if (NOT_AN_ITEM.test(m[1] ?? '')) break;
          items.push(m);
          to = m.index + m[0].length;
        }
        for (const m of items) {
          const mv = parseValue(m[2] ?? '');
          const mm = cleanMetric(head + (m[1] ?? ''));
          if (mv && mm && !mv.masked) entries.push(entry(mm, mv.range ? 'range' : /以上/.test(m[2] ?? '') ? '>=' : '=', mv));
        }
      } else {
        const end = objectUntil(false);
        const objText = text.slice(approxOf ? core.to + 1 : core.to, end);
        // `按照每5所学校配备1名责任督学的标准配齐…`: the count defines a standard the clause applies.
        if (/^[^,，;；。]{1,15}的(?:标准|要求|比例|原则)/u.test(objText)) return null;
        const obj = cleanMetric(objText.split(/用于|用来|以便/)[0] ?? '');
        if (obj) to = end;
        metric = obj ? head + obj : cleanMetric(subjectRaw + head);
      }
      if (!metric) return null;
      let comparator: Comparator = '=';
      // 确保…掌握1至2项, 保证每天锻炼1小时: a count the plan secures is a floor (of the lower bound).
      const secured = /确保|保证/u.test(text.slice(place.sentenceFrom ?? clause.from, core.from));
      if (secured) comparator = '>=';
      else if (v.range) comparator = 'range';
      else if (g.pre || /以上/.test(g.val ?? '')) comparator = '>=';
      else if (v.approx) comparator = '>';
      entries.unshift(entry(metric, comparator, v));
      break;
    }
    case 'countBefore': {
      // Only inside a verb's object: the verb stands before the count in its clause (`完成…57所…`),
      // or the things counted are made into something (`将…12所学校创建成合格学校`). A verb in the
      // noun itself (`4所思源学校项目建设`) does not count.
      const v = parseValue(g.val ?? '');
      if (!v || v.unit === null) return null;
      if (v.masked) return masked;
      if (!OBJECT_COUNT_VERB.test(text.slice(clause.from, core.from)) && !MADE_INTO.test(g.obj ?? '')) return null;
      // `完成以下5项任务`: the count announces a list.
      if (/(?:以下|如下|下列|上述)$/u.test(text.slice(clause.from, core.from))) return null;
      if (PREDICATE_START.test(g.obj ?? '')) return null;
      if (ITEM_UNIT.test(v.unit) && WORK_KIND.test(g.obj ?? '') && !BUILT_THING.test(g.obj ?? '')) return null;
      // `学校创建成合格学校` is counted as what it is made into: 创建合格学校.
      const made = MADE_INTO.exec(g.obj ?? '');
      const obj = g.obj ?? '';
      const metric = cleanMetric(made ? made[0].slice(0, -1) + obj.slice(made.index + made[0].length) : obj);
      if (!metric) return null;
      needsCue = true;
      from = core.from;
      entries.push(entry(metric, '=', v));
      break;
    }
    case 'tail': {
      if (!HAN_CHAR.test(text.charAt(core.from - 1))) return null;
      const v = parseValue(g.val ?? '');
      const subject = cleanMetric(subjectRaw);
      if (v?.masked) return masked;
      if (!v || !subject) return null;
      entries.push(entry(subject, v.range ? 'range' : withSuffix('=', v.suffix), v));
      break;
    }
    case 'quantifiedSubject': {
      const v = parseValue(g.val ?? '');
      const end = objectUntil(false);
      const metric = cleanMetric(text.slice(core.to, end));
      if (v?.masked) return masked;
      if (!v || !metric) return null;
      needsCue = true;
      to = end;
      entries.push(entry(metric, v.range ? 'range' : '>=', v));
      break;
    }
  }
  return { from, to, at: core.from, entries, needsCue, past };
}

/** Drafts the cores of one sentence in order; each subject starts after the previous core. */
function draftCores(ctx: Context, cores: Core[]): Draft[] {
  const drafts: Draft[] = [];
  let consumed = -1;
  cores.forEach((core, k) => {
    const ci = ctx.clauses.findIndex((c) => core.from >= c.from && core.from < c.to);
    const clause = ctx.clauses[ci] ?? { from: core.from, to: core.to };
    const prev = ci > 0 ? ctx.clauses[ci - 1] : undefined;
    const next = cores[k + 1]?.from ?? null;
    const place: Place = {
      clause,
      previousClause: prev && prev.from >= consumed ? prev : null,
      segStart: skipSeparators(ctx.text, Math.max(clause.from, consumed), core.from),
      nextCore: next,
      sentenceFrom: ctx.clauses[0]?.from,
    };
    const d = draftCore(ctx.text, core, place);
    if (!d) return;
    consumed = d.to;
    drafts.push(d);
  });
  return drafts;
}

// ---------------------------------------------------------------------------------------------
// Sentences

interface Sentence extends Range {
  paragraph: number;
}

/**
 * Item numbers run into the previous text in captured documents (`…住建局2 .全面消除…`,
 * `…卫健局(二)加大…`): they end a sentence even without a full stop.
 */
const ITEM_MARKER = new RegExp(
  [
    `(?<![\\d.%])\\d{1,2}\\s?[..](?=\\s?[${HAN}])`,
    `(?<=^|[\\n。;;::\\s])\\d{1,2}、(?=[${HAN}、])`,
    '[((][一二三四五六七八九十]{1,3}[))]',
    `(?<=^|[\\n。;;::\\s])[一二三四五六七八九十]{1,3}、`,
  ].join('|'),
  'gm',
);

function splitSentences(text: string): Sentence[] {
  const breaks = new Map<number, number>();
  for (const m of text.matchAll(ITEM_MARKER)) breaks.set(m.index ?? 0, m[0].length);
  const out: Sentence[] = [];
  let from = 0;
  let paragraph = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = text.charAt(i);
    const marker = breaks.get(i);
    if (i === text.length || marker !== undefined || /[。!?!?\n\r]/.test(c)) {
      if (i > from) out.push({ from, to: i, paragraph });
      if (c === '\n') paragraph++;
      from = i + (marker ?? 1);
      if (marker !== undefined) i += marker - 1;
    }
  }
  return out;
}

function splitClauses(text: string, s: Range): Range[] {
  const out: Range[] = [];
  let from = s.from;
  for (let i = s.from; i <= s.to; i++) {
    if (i === s.to || CLAUSE_BREAK.test(text.charAt(i))) {
      out.push({ from, to: i });
      from = i + 1;
    }
  }
  return out;
}

/** `80%以上中小学校完成…`: kept only where no other core's subject or object already holds it. */
function draftQuantifiedSubjects(ctx: Context, sentence: Range, cores: Core[], drafts: Draft[], isProtected: (i: number) => boolean): Draft[] {
  const out: Draft[] = [];
  for (const m of ctx.text.slice(sentence.from, sentence.to).matchAll(QUANTIFIED_SUBJECT)) {
    const a = sentence.from + (m.index ?? 0);
    const b = a + m[0].length;
    const overlaps = (r: Range): boolean => a < r.to && b > r.from;
    if (isProtected(a) || drafts.some(overlaps) || cores.some(overlaps)) continue;
    const clause = ctx.clauses.find((c) => a >= c.from && a < c.to) ?? { from: a, to: b };
    const consumed = Math.max(clause.from, ...drafts.filter((d) => d.to <= a).map((d) => d.to));
    const core: Core = { kind: 'quantifiedSubject', from: a, to: b, groups: { ...(m.groups ?? {}) } };
    const d = draftCore(ctx.text, core, {
      clause,
      previousClause: null,
      segStart: skipSeparators(ctx.text, consumed, a),
      nextCore: cores.find((c) => c.from >= b)?.from ?? null,
    });
    if (d) out.push({ ...d, from: skipSeparators(ctx.text, consumed, a) });
  }
  return out;
}

/** Openings of a sentence that speaks of the present or the past: `目前`, `现阶段`, `近年来`, `截至`. */
const PRESENT_OPENING = /^\s*(?:目前|当前|现阶段|现在|如今|眼下|近年来?|近几年|这几年|这些年|过去|截至|截止|今年以来|一年来|几年来)/u;

/** What may stand before a deadline that opens its paragraph: nothing, or a cue (力争到2025年). */
const OPENING = /^\s*(?:力争|争取|计划|预计|通过努力,?|通过努力，?)?\s*$/u;

/** Finds the quantitative targets in a piece of policy text; every `text` is a substring of the input. */
export function extractTargets(input: string, options: ExtractTargetsOptions = {}): Target[] {
  const measure = options.measure ?? null;
  const docYear = options.docYear ?? null;
  const norm = normalise(input);
  const text = norm.text;
  const targets: Target[] = [];
  // A past year keeps its paragraph factual: a report's later sentences still tell what was done.
  let factual = false;
  let paragraph = -1;
  // A deadline that opens a paragraph (`到2023年，补充…。美育场地设施进一步改善，…不低于97%`) frames
  // the whole goals paragraph, as a past year keeps a report's paragraph factual.
  let opening: number | null = null;
  let firstOfParagraph = false;

  for (const sentence of splitSentences(text)) {
    firstOfParagraph = sentence.paragraph !== paragraph;
    if (firstOfParagraph) {
      paragraph = sentence.paragraph;
      factual = false;
      opening = null;
    }
    const s = text.slice(sentence.from, sentence.to);
    const guarded = protectedRanges(s, sentence.from);
    const isProtected = (i: number): boolean => guarded.some((r) => i > r.from && i < r.to);
    const ctx: Context = { text, clauses: splitClauses(text, sentence) };
    const marks = findMarks(s, sentence.from, docYear, isProtected);
    const cores = findCores(s, sentence.from, isProtected);
    const drafts = draftCores(ctx, cores);
    drafts.push(...draftQuantifiedSubjects(ctx, sentence, cores, drafts, isProtected));
    drafts.sort((x, y) => x.at - y.at);

    // A sentence that turns to the present or the past (`目前，…`, `这几年，…`) states facts and
    // leaves the paragraph's opening deadline behind; a deadline later on turns it back to plans.
    if (PRESENT_OPENING.test(s)) {
      opening = null;
      factual = true;
    }
    // A deadline holds until the sentence ends or another one replaces it. One carried from the
    // paragraph's opening dates the later sentences' targets but is no cue for their bare counts:
    // a speech goes on from `到2025年，…` to what was done (`我们新建学校20所`).
    let year: number | null = opening;
    let deadlineSeen = false;
    let mi = 0;
    const head = marks[0];
    if (firstOfParagraph && head?.kind === 'deadline' && head.year !== null && OPENING.test(text.slice(sentence.from, head.at))) opening = head.year;
    const applyMarksBefore = (at: number): void => {
      for (; mi < marks.length; mi++) {
        const mark = marks[mi];
        if (!mark || mark.at >= at) break;
        if (mark.kind === 'deadline') {
          year = mark.year;
          deadlineSeen = true;
          factual = false;
        } else if (mark.kind === 'fact') {
          factual = true;
          year = null;
          deadlineSeen = false;
        } else {
          factual = false;
        }
      }
    };
    for (const d of drafts) {
      applyMarksBefore(d.at);
      // 已/了 anywhere before the value reports the whole sentence: `均已达到…,达标率达到100%`.
      if (factual || d.past || FACT.test(text.slice(sentence.from, d.to))) continue;
      if (d.needsCue && !deadlineSeen && !options.planned && !CUE.test(text.slice(sentence.from, d.to))) continue;
      const a = norm.starts[d.from] ?? 0;
      const b = norm.ends[d.to - 1] ?? a;
      const fragment = input.slice(a, b);
      for (const e of d.entries) {
        const t: Target = { text: fragment, metric: e.metric, comparator: e.comparator, value: e.value, unit: e.unit, year, yearImplied: false, measure };
        if (e.comparator === 'range') t.valueMax = e.valueMax;
        targets.push(t);
      }
    }
    applyMarksBefore(Number.POSITIVE_INFINITY);
  }
  return targets;
}
