/**
 * The metadata block government portals put above a document (政府信息公开 header):
 *
 *     索 引 号 : T0020-0901-2018-00600 主题分类: 科技、教育;教育
 *     发布机构: 市教育局 成文日期: 2018-02-05
 *
 * or as a table copied out of the page (`索引号 | 014437609/2023-00761 | 主题分类 | |`, or with
 * tabs between the cells when copied from a browser). Its facts are the most reliable metadata a
 * document has, so they are read before anything is guessed from the body.
 */

/** Facts read from a portal block; a field is absent when the block does not give it. */
export interface PortalFields {
  /** 索引号, as written. */
  indexNo?: string;
  /** 发文机关 / 发布机构 / 发布单位 (or 来源 inside a block), as written. */
  issuer?: string;
  /** YYYY-MM-DD (or YYYY-MM when the day is missing): 成文日期 first, then 发文日期, then 发布日期. */
  date?: string;
  /** 发文字号 / 文号, as written. */
  docNumber?: string;
  /** 标题, as written. */
  title?: string;
  /** 主题分类, as written. */
  topic?: string;
}

type Field = keyof PortalFields;

interface KeyInfo {
  /** The field the key fills, or null for keys that are read past (时效, 公开方式 …). */
  field: Field | null;
  /** Lower wins when a block gives one field under several keys (成文日期 before 发布日期). */
  rank: number;
  /** A strong key makes a block by itself; 来源 and 发布时间 also head template sites' time lines. */
  strong: boolean;
}

const KEYS: Record<string, KeyInfo> = {
  索引号: { field: 'indexNo', rank: 0, strong: true },
  发文机关: { field: 'issuer', rank: 0, strong: true },
  发布机构: { field: 'issuer', rank: 1, strong: true },
  发布单位: { field: 'issuer', rank: 2, strong: true },
  发文单位: { field: 'issuer', rank: 3, strong: true },
  信息来源: { field: 'issuer', rank: 8, strong: false },
  来源: { field: 'issuer', rank: 9, strong: false },
  成文日期: { field: 'date', rank: 0, strong: true },
  发文日期: { field: 'date', rank: 1, strong: true },
  印发日期: { field: 'date', rank: 2, strong: true },
  发布日期: { field: 'date', rank: 3, strong: true },
  公开日期: { field: 'date', rank: 4, strong: true },
  发布时间: { field: 'date', rank: 5, strong: false },
  发文字号: { field: 'docNumber', rank: 0, strong: true },
  文号: { field: 'docNumber', rank: 1, strong: true },
  文件编号: { field: 'docNumber', rank: 2, strong: true },
  标题: { field: 'title', rank: 0, strong: true },
  文件名称: { field: 'title', rank: 0, strong: true },
  公开责任部门: { field: 'issuer', rank: 4, strong: true },
  名称: { field: 'title', rank: 1, strong: false },
  主题分类: { field: 'topic', rank: 0, strong: true },
  // Keys portals show that the ingest does not use: recognised so that they end the previous value.
  时效: { field: null, rank: 0, strong: false },
  有效性: { field: null, rank: 0, strong: false },
  效力状态: { field: null, rank: 0, strong: false },
  公开方式: { field: null, rank: 0, strong: false },
  公开范围: { field: null, rank: 0, strong: false },
  公开时限: { field: null, rank: 0, strong: false },
  组配分类: { field: null, rank: 0, strong: false },
  体裁分类: { field: null, rank: 0, strong: false },
  信息类别: { field: null, rank: 0, strong: false },
  所属类别: { field: null, rank: 0, strong: false },
  服务对象: { field: null, rank: 0, strong: false },
  关键词: { field: null, rank: 0, strong: false },
  主题词: { field: null, rank: 0, strong: false },
  生成日期: { field: null, rank: 0, strong: false },
  生效日期: { field: null, rank: 0, strong: false },
  废止日期: { field: null, rank: 0, strong: false },
  有效期: { field: null, rank: 0, strong: false },
  统一编码: { field: null, rank: 0, strong: false },
  浏览次数: { field: null, rank: 0, strong: false },
  体裁: { field: null, rank: 0, strong: false },
  公开目录: { field: null, rank: 0, strong: false },
  公开形式: { field: null, rank: 0, strong: false },
  内容概述: { field: null, rank: 0, strong: false },
  作者: { field: null, rank: 0, strong: false },
};

const SPACE = '[\\s\\u00a0\\u3000]*';
// Longest keys first, so 发布时间 is not read as 发布 … and 信息来源 not as 来源.
const KEY_ALTERNATION = Object.keys(KEYS)
  .sort((a, b) => b.length - a.length)
  .map((key) => [...key].join(SPACE))
  .join('|');
/** A key spelt with any spaces inside (`索 引 号`, `标       题`), optionally in 【】 brackets. */
const KEY_ONLY = new RegExp(`^[【\\[]?(${KEY_ALTERNATION})[】\\]]?${SPACE}[:：]?$`, 'u');
/** `key: value` pairs, several to a line: a key counts after the line start or a space. */
const KEY_COLON = new RegExp(`(?:^|[\\s\\u00a0\\u3000])[【\\[]?(${KEY_ALTERNATION})[】\\]]?${SPACE}[:：]`, 'gu');
/** Keys without a colon, the value after a space (`文号 后政发〔2025〕3号 成文日期: …`), on portals that lay the block out so. */
const KEY_SPACE = new RegExp(`(?:^|[\\s\\u00a0\\u3000])[【\\[]?(${KEY_ALTERNATION})[】\\]]?(?:${SPACE}[:：]|[\\s\\u00a0\\u3000]+)`, 'gu');
/** List bullets some portals put before each field: `• 索引号: …`. */
const BULLET = /^[\s\u00a0\u3000]*[•·●▪◆■]\s*/u;
/** A line that opens with a key followed by a colon, a `|` cell border, a tab or a closing 】. */
const KEY_LINE = new RegExp(`^[|｜\\s]*[【\\[]?(${KEY_ALTERNATION})(?:[】\\]]|${SPACE}(?:[:：|｜\\t]|$))`, 'u');
/** A line that opens with a strong key and a space, the value after it (`文件名称 石泉县…`). */
const KEY_SPACE_LINE = new RegExp(`^(${KEY_ALTERNATION})[\\s\\u00a0\\u3000]+\\S`, 'u');

/** A Markdown table's rule line (`|---|---|`) inside the block. */
const TABLE_RULE = /^[|｜]?[\s:]*-{3,}[\s:|｜-]*$/u;

/** A value on its own line is a short line; a paragraph after a bare key is body text. */
const MAX_CELL_LENGTH = 80;

/** How far down the block may start: portals put it first, a few stray lines may precede it. */
const MAX_LINES_BEFORE_BLOCK = 12;

function keyName(spelled: string): string {
  return spelled.replace(/[\s\u00a0\u3000【】[\]:：]/gu, '');
}

interface Pair {
  key: string;
  value: string;
}

/** Table cells (`|` or tab between them): a key's value is the next cell, unless that cell is empty or a key. */
function tablePairs(line: string): Pair[] {
  const cells = line.split(/[|｜\t]/u).map((c) => c.trim());
  const pairs: Pair[] = [];
  cells.forEach((cell, i) => {
    const key = KEY_ONLY.exec(cell);
    if (key) {
      const next = cells[i + 1] ?? '';
      pairs.push({ key: keyName(key[1] ?? ''), value: KEY_ONLY.test(next) ? '' : next });
    } else if (KEY_LINE.test(cell)) {
      // A cell that holds `key: value` itself.
      pairs.push(...colonPairs(cell));
    }
  });
  return pairs;
}

function colonPairs(line: string): Pair[] {
  const matches = [...line.matchAll(KEY_COLON)];
  return matches.map((match, i) => {
    const start = (match.index ?? 0) + match[0].length;
    const end = matches[i + 1]?.index ?? line.length;
    return { key: keyName(match[1] ?? ''), value: line.slice(start, end).trim() };
  });
}

function spacePairs(line: string): Pair[] {
  const matches = [...line.matchAll(KEY_SPACE)];
  return matches.map((match, i) => {
    const start = (match.index ?? 0) + match[0].length;
    const end = matches[i + 1]?.index ?? line.length;
    return { key: keyName(match[1] ?? ''), value: line.slice(start, end).trim() };
  });
}

function linePairs(line: string): Pair[] {
  if (/[|｜\t]/u.test(line)) return tablePairs(line);
  return !KEY_LINE.test(line) && KEY_SPACE_LINE.test(line) ? spacePairs(line) : colonPairs(line);
}

/** Whether a line (bullet removed) opens with a key: `key: value`, a table cell, or a strong key and a space. */
function isKeyLine(line: string): boolean {
  if (KEY_LINE.test(line)) return true;
  const m = KEY_SPACE_LINE.exec(line);
  return !!m && !!KEYS[keyName(m[1] ?? '')]?.strong;
}

/**
 * A date as YYYY-MM-DD (or YYYY-MM): accepts 2018-02-05, 2018年2月5日, 2018/2/5, 2018.02.05.
 * Returns null for anything else, including impossible months and days.
 */
export function normalizeDate(value: string): string | null {
  // Some portals print the page's timestamp (ms since 1970) where the date belongs: the day in China (UTC+8).
  const epoch = /^\s*(\d{13}|\d{10})\s*$/u.exec(value);
  if (epoch) {
    const ms = Number(epoch[1]) * (epoch[1]!.length === 10 ? 1000 : 1);
    const day = new Date(ms + 8 * 3600 * 1000);
    if (day.getUTCFullYear() < 1990 || day.getUTCFullYear() > 2100) return null;
    return day.toISOString().slice(0, 10);
  }
  const match = /(\d{4})\s*[-年./／]\s*(\d{1,2})(?:\s*[-月./／]\s*(\d{1,2})\s*日?|\s*月)?/u.exec(value);
  if (!match) return null;
  const [, year, month, day] = match;
  const m = Number(month);
  if (m < 1 || m > 12) return null;
  const ym = `${year}-${String(m).padStart(2, '0')}`;
  if (day === undefined) return ym;
  const d = Number(day);
  if (d < 1 || d > 31) return null;
  return `${ym}-${String(d).padStart(2, '0')}`;
}

/**
 * Read the portal metadata block at the top of a text and return its fields and the text without it.
 * The block is a run of lines that each open with a key (blank lines between them allowed), starting
 * within the first few lines and holding at least one key other than 来源/发布时间. Nothing else is removed.
 */
export function readPortalBlock(text: string): { fields: PortalFields; text: string } {
  const lines = text.split('\n');
  let start = -1;
  let nonBlank = 0;
  for (let i = 0; i < lines.length && nonBlank <= MAX_LINES_BEFORE_BLOCK; i++) {
    const line = (lines[i] ?? '').replace(BULLET, '');
    if (line.trim() === '') continue;
    if (isKeyLine(line.trim())) {
      start = i;
      break;
    }
    nonBlank++;
  }
  if (start < 0) return { fields: {}, text };

  let end = start;
  const pairs: Pair[] = [];
  for (let i = start; i < lines.length; i++) {
    const line = (lines[i] ?? '').replace(BULLET, '').trim();
    if (line === '' || TABLE_RULE.test(line)) continue;
    if (!isKeyLine(line)) break;
    const alone = KEY_ONLY.exec(line);
    if (alone) {
      // One cell per line (a table copied cell by cell): the value is the very next line, if any.
      const next = (lines[i + 1] ?? '').trim();
      const hasValue = next !== '' && !KEY_LINE.test(next) && next.length <= MAX_CELL_LENGTH;
      pairs.push({ key: keyName(alone[1] ?? ''), value: hasValue ? next : '' });
      if (hasValue) i++;
    } else {
      pairs.push(...linePairs(line));
    }
    end = i + 1;
  }
  // An official page may give only 作者/来源/发布时间; its 来源 is then an organ, a template site's is 网友投稿.
  const officialSource = pairs.some((p) => KEYS[p.key]?.field === 'issuer' && /^[\u4e00-\u9fa5]{2,}[省市县区].*(?:厅|局|委员会|政府|办公室)$/u.test(p.value));
  if (!pairs.some((p) => KEYS[p.key]?.strong) && !officialSource) return { fields: {}, text };

  const fields: PortalFields = {};
  const ranks: Partial<Record<Field, number>> = {};
  for (const { key, value } of pairs) {
    const info = KEYS[key];
    if (!info?.field || value === '') continue;
    const normalized = info.field === 'date' ? normalizeDate(value) : value;
    if (normalized === null) continue;
    const current = ranks[info.field];
    if (current !== undefined && current <= info.rank) continue;
    ranks[info.field] = info.rank;
    fields[info.field] = normalized;
  }

  const rest = [...lines.slice(0, start), ...lines.slice(end)].join('\n');
  return { fields, text: start === 0 ? rest.replace(/^\n+/u, '') : rest };
}
