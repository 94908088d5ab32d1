/**
 * Responsible units: finding the 责任单位 clause of a measure and normalising the names in it.
 *
 * Documents write a level prefix once and let it run on (`市委编办,市教育局、财政局、人社局`
 * means 市财政局 and 市人社局), mix full-width and half-width punctuation, and spell one agency
 * several ways. Everything here is pure: the alias table comes in as a plain object, read from
 * content/vocab/unit-aliases.yaml elsewhere and checked with `parseAliasTable`.
 *
 * Output names always use full-width brackets （）, the correct form in Chinese text, so that
 * `各乡镇(街道)人民政府` and `各乡镇（街道）人民政府` are one unit.
 */

import { fullWidthBrackets, LABEL_BODY, ROLE_WORDS } from '../format/responsibility.ts';

/** Maps a variant spelling of a unit to its canonical name (`市人力资源和社会保障局` → `市人社局`). */
export type AliasTable = Readonly<Record<string, string>>;

/** The units named by the responsibility clause of one measure. */
export interface Responsibility {
  /** Units marked 牵头 (lead); empty when the document makes no such distinction. */
  lead: string[];
  /** Units marked 配合, 协办, 协助, 参与 or 协同. */
  support: string[];
  /** Every unit, lead units first, without duplicates, otherwise in document order. */
  units: string[];
}

type Role = 'lead' | 'support';

interface Piece {
  name: string;
  role: Role | null;
  /** Which stretch between clause-level separators (，；) the piece stands in: a bare 配合 reaches back only within it. */
  group: number;
  /** A mark was written for this piece, so a later bare mark does not reach past it. */
  marked: boolean;
}

const LEVEL_CHARS = '省市县区州盟旗';

// Two-character words that contain a level character without naming a place:
// 城市管理局 is a bare department, not a unit of a place called 城.
const NOT_A_PLACE_ENDING = new Set([
  '城市', '都市', '城区', '市区', '郊区', '社区', '景区', '校区', '园区', '片区', '辖区', '街区', '小区', '山区', '湾区',
]);
const NOT_A_PLACE_CONTINUING = ['市场', '市监', '区域', '县域', '市域', '省域', '市级', '县级', '区级', '省级'];

// Names that never take a prefix and never pass one on: lists of units (各…), the youth league
// (团市委 is complete, and its 市 must not become the prefix of what follows), Party bodies
// written in full.
const SELF_CONTAINED = /^(?:各|全|有关|相关|其他|其它|所属|直属|中共|共青团|中国|乡镇)|^团[省市县区州旗]委/u;

// A bare department: a department, people's congress, government or public body that belongs
// to the level written before it. 院 only for courts and procuratorates (学院/医院/研究院 have
// names of their own); 中心 counts because public service centres (疾控中心, 教师发展中心) sit
// at a level like departments. 科/股/处 are sections inside a bureau and take no level.
const BARE_DEPARTMENT_ENDING =
  /(?:局|委|委员会|管委会|常委会|工会|联合会|协会|红十字会|办|办公室|厅|室|联|协|部|法院|检察院|中心|馆|政府|人大)$/u;
const INSTITUTION = /集团|公司|银行|学校|学院|大学|中学|小学|幼儿园|医院|报社|电视台|村委|居委|社区|街道/u;

// Anything that reads as the end of a unit name; used only to decide whether 和/及/与 joins two units.
const UNIT_ENDING =
  /(?:局|委|会|办|办公室|厅|室|联|协|部|院|中心|馆|政府|办事处|集团|公司|学校|学院|大学|中学|小学|幼儿园|街道|乡镇|单位|部门|站|所|队|科|股|处)$/u;

const BRACKETED_MARK = new RegExp(`（(${ROLE_WORDS})(?:单位|部门)?）$`, 'u');
const BARE_MARK = new RegExp(`(${ROLE_WORDS})$`, 'u');
const DUTY_PHRASE = /（?(?:按照?职责)?(?:分工)?(?:负责|落实)）?$/u;
const ETC = /等(?:有关|相关)?(?:单位|部门)?$/u;
const STRAY = /^[\s:：。．.,，;；、"“”‘’'《》〈〉<>·•\-—–_*＊~～…!！?？]+|[\s:：。．.,，;；、"“”‘’'《》〈〉<>·•\-—–_*＊~～…!！?？]+$/gu;

// 牵头责任单位, 牵头考核单位, 协同配合单位: the first word gives the role.
const LABEL = new RegExp(`[【\\[]?\\s*${LABEL_BODY}\\s*(?:[】\\]][^\\S\\n\\r]*[:：]?|[:：])[^\\S\\n\\r]*`, 'gu');
const NUMBERED_BRACKET = /^（[一二三四五六七八九十\d]{1,3}）/u;
const NUMBERED_HEADING = /^[一二三四五六七八九十]+[、是]/u;

function roleOf(word: string): Role | null {
  if (word === '责任') return null;
  return word === '牵头' || word === '主责' ? 'lead' : 'support';
}

function unique(names: string[]): string[] {
  return [...new Set(names)];
}

// A stray bracket would otherwise swallow every separator after it.
function dropUnmatchedBrackets(text: string): string {
  const chars = [...text];
  const open: number[] = [];
  const drop = new Set<number>();
  chars.forEach((ch, i) => {
    if (ch === '（') open.push(i);
    else if (ch === '）') {
      if (open.length > 0) open.pop();
      else drop.add(i);
    }
  });
  for (const i of open) drop.add(i);
  return chars.filter((_, i) => !drop.has(i)).join('');
}

const EACH_LEVELS = /^\s*各(?:[省市县区州盟旗]、)*[省市县区州盟旗]$/u;

function isSeparator(ch: string): boolean {
  return /[,，;；、/／\s]/u.test(ch);
}

function isStrongSeparator(ch: string): boolean {
  return /[,，;；]/u.test(ch);
}

/** Splits at separators outside brackets, so `各县（市、区）人民政府` stays one piece. */
function splitTopLevel(text: string): { text: string; group: number }[] {
  const out: { text: string; group: number }[] = [];
  let depth = 0;
  let group = 0;
  let current = '';
  for (const ch of text) {
    // 〔〕 and 〈〉 enclose levels inside a name as （） do: 县〔市、区、特区〕人民政府.
    if (ch === '（' || ch === '〔' || ch === '〈') depth++;
    else if (ch === '）' || ch === '〕' || ch === '〉') depth = Math.max(0, depth - 1);
    // 各市、州、县人民政府 and 各区、市政府: the governments of every one of the levels listed.
    if (depth === 0 && ch === '、' && EACH_LEVELS.test(current)) {
      current += ch;
      continue;
    }
    if (depth === 0 && isSeparator(ch)) {
      out.push({ text: current, group });
      current = '';
      if (isStrongSeparator(ch)) group++;
      continue;
    }
    current += ch;
  }
  out.push({ text: current, group });
  return out;
}

interface Cleaned {
  name: string;
  role: Role | null;
  /** `self` marks only this name (`市教育局（牵头）`); `run` also the unmarked names before it (`市财政局、人社局配合`). */
  scope: 'self' | 'run' | null;
}

function cleanPiece(raw: string): Cleaned {
  let name = raw;
  let role: Role | null = null;
  let scope: Cleaned['scope'] = null;
  for (let before = ''; before !== name; ) {
    before = name;
    name = name.replace(STRAY, '').replace(/^由/u, '');
    const bracketed = BRACKETED_MARK.exec(name);
    if (bracketed) {
      role ??= roleOf(bracketed[1] ?? '');
      scope ??= 'self';
      name = name.slice(0, bracketed.index);
      continue;
    }
    const bare = BARE_MARK.exec(name);
    if (bare) {
      role ??= roleOf(bare[1] ?? '');
      scope ??= 'run';
      name = name.slice(0, bare.index);
      continue;
    }
    name = name.replace(DUTY_PHRASE, '').replace(ETC, '');
  }
  return { name, role, scope };
}

function looksLikeUnit(name: string): boolean {
  return name.length >= 2 && UNIT_ENDING.test(name.replace(/（[^（）]*）$/u, ''));
}

/**
 * Splits at 和/及/与/以及 only where both sides end like unit names: 市教育局和财政局 is two
 * units, while 人力资源和社会保障局 and 住房和城乡建设局 are one (人力资源, 住房 end like no unit).
 */
function splitConjunctions(name: string): string[] {
  let depth = 0;
  for (let i = 0; i < name.length; i++) {
    const ch = name[i];
    if (ch === '（') depth++;
    else if (ch === '）') depth--;
    if (depth !== 0) continue;
    const conj = name.startsWith('以及', i) ? '以及' : ch === '和' || ch === '及' || ch === '与' ? ch : null;
    if (conj === null) continue;
    const left = name.slice(0, i);
    if (!looksLikeUnit(left)) continue;
    const rest = splitConjunctions(name.slice(i + conj.length));
    if (rest.every(looksLikeUnit)) return [left, ...rest];
  }
  return [name];
}

/** Splits one list of units into marked pieces, in document order. */
function piecesOf(text: string): Piece[] {
  const pieces: Piece[] = [];
  for (const part of splitTopLevel(dropUnmatchedBrackets(fullWidthBrackets(text)))) {
    const cleaned = cleanPiece(part.text);
    const names = cleaned.name === '' ? [] : splitConjunctions(cleaned.name);
    // `市教育局 （牵头）`: a bracketed mark cut off by a space still belongs to the name before it.
    const previous = pieces[pieces.length - 1];
    if (names.length === 0 && cleaned.scope === 'self' && previous && !previous.marked) {
      Object.assign(previous, { role: cleaned.role, marked: true });
    }
    names.forEach((name, i) => {
      const last = i === names.length - 1;
      pieces.push({ name, role: null, group: part.group, marked: false });
      if (last && cleaned.scope === 'self') {
        const piece = pieces[pieces.length - 1];
        if (piece) Object.assign(piece, { role: cleaned.role, marked: true });
      }
    });
    // A mark without brackets (`市财政局、人社局配合`, or a lone `配合` after a space) covers
    // the unmarked names before it up to the previous clause separator.
    if (cleaned.scope === 'run') {
      for (let j = pieces.length - 1; j >= 0; j--) {
        const piece = pieces[j];
        if (!piece || piece.group !== part.group || piece.marked) break;
        piece.role = cleaned.role;
        piece.marked = true;
      }
    }
  }
  return pieces;
}

/** The longest leading place name (泉州市, 福建省泉州市, xx县) of a name, or null. */
function placePrefix(name: string): string | null {
  let best: string | null = null;
  const chars = [...name];
  for (let i = 1; i < chars.length - 1 && i <= 20; i++) {
    const ch = chars[i] ?? '';
    if (!LEVEL_CHARS.includes(ch)) continue;
    if (!chars.slice(0, i).every((c) => /[\u4e00-\u9fffxX×某*＊]/u.test(c))) break;
    if (NOT_A_PLACE_ENDING.has((chars[i - 1] ?? '') + ch)) continue;
    if (NOT_A_PLACE_CONTINUING.includes(ch + (chars[i + 1] ?? ''))) continue;
    best = chars.slice(0, i + 1).join('');
  }
  return best;
}

/**
 * The prefix a name sets for the bare departments after it: its level (市, 县（市、区）) or
 * its place (泉州市); null when it sets none.
 */
function prefixOf(name: string): string | null {
  // 各县（市、区）教育局、财政局: the 财政局 of every county too. Not after 各乡镇人民政府:
  // a department written after a government is the document's own level, not the towns'.
  const each = /^各(?:乡镇|县市区|县区|[省市县区州盟旗镇乡])(?:（[^（）]*）)?/u.exec(name);
  const rest = each ? name.slice(each[0].length) : '';
  if (each && isBareDepartment(rest) && !/政府(?:（[^（）]*）)?$/u.test(rest)) return each[0];
  if (SELF_CONTAINED.test(name)) return null;
  const level = /^[省市县区州盟旗](?:（[^（）]*）)?/u.exec(name);
  // 市场监管局 / 市监局 / 区域… begin with a level character that belongs to the word.
  if (level && !NOT_A_PLACE_CONTINUING.includes(name.slice(0, 2))) return level[0];
  const place = placePrefix(name);
  if (place) return place;
  // 镇/乡 come last: 镇江市 and 乡宁县 are places, 乡村振兴局 is a bare department.
  if (/^[镇乡]/u.test(name) && !/^(?:乡村|镇村)/u.test(name)) return name.slice(0, 1);
  return null;
}

function isBareDepartment(name: string): boolean {
  if (SELF_CONTAINED.test(name) || INSTITUTION.test(name)) return false;
  return BARE_DEPARTMENT_ENDING.test(name.replace(/（[^（）]*）$/u, ''));
}

// `市教育局基础教育科、学前教育科`: a section (科/处/股) written after a section of a bureau
// belongs to that bureau too. A bureau is a name that ends in 局/委/厅 before its section.
const BUREAU_SECTION = /^(.+?(?:局|委员会|委|厅))[^局委厅（）]{2,12}(?:科|处|股)$/u;
const BARE_SECTION = /^[^局委厅办（）]{2,12}(?:科|处|股)$/u;

/** Gives every bare department the prefix in force and maps each name through the alias table. */
function resolveLevels(names: string[], aliases: AliasTable): string[] {
  let carried: string | null = null;
  let bureau: string | null = null;
  return names.map((name) => {
    let full = name;
    const own = prefixOf(name);
    const section = BUREAU_SECTION.exec(name);
    if (own === null && bureau !== null && BARE_SECTION.test(name)) {
      full = bureau + name;
      return Object.hasOwn(aliases, full) ? (aliases[full] ?? full) : full;
    }
    bureau = section && own !== null ? (section[1] ?? null) : null;
    if (own !== null) carried = own;
    // The youth league puts its level inside the name: 团市委, not 市团委.
    else if (name === '团委' && carried !== null && [...carried].length === 1) full = `团${carried}委`;
    else if (carried !== null && isBareDepartment(name)) full = carried + name;
    return Object.hasOwn(aliases, full) ? (aliases[full] ?? full) : full;
  });
}

/** Splits and normalises unit names: level prefixes carried forward, （） brackets, marks and 等 dropped, aliases applied, duplicates removed. */
export function normalizeUnits(names: string[] | string, aliases: AliasTable = {}): string[] {
  const list = typeof names === 'string' ? [names] : names;
  // One prefix runs through all the items, as it does through one written list.
  return unique(resolveLevels(list.flatMap(piecesOf).map((p) => p.name), aliases));
}

/** Where the clause that starts at `start` ends: line end, 。, a closing bracket it did not open, or the next item's number. */
function clauseEnd(text: string, start: number): number {
  let depth = 0;
  let lastSeparator = start;
  for (let i = start; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (depth === 0) {
      if (/[\n\r。．.【\[】\]）]/u.test(ch)) return i;
      // Unit names carry no digits; a digit is the next item (`住建局2 .全面消除…`).
      if (/[0-9０-９\u2460-\u2473]/u.test(ch)) return i;
      if (ch === '（' && NUMBERED_BRACKET.test(text.slice(i))) return i;
      if (NUMBERED_HEADING.test(text.slice(i))) return i;
      // Another label (`完成时限：`) begins after the last separator.
      if (ch === ':' || ch === '：') return lastSeparator;
      if (isSeparator(ch)) lastSeparator = i;
    }
    if (ch === '（') depth++;
    else if (ch === '）') depth--;
  }
  return text.length;
}

// `（市教育局牵头，市财政局、市人社局配合）`, `（教育部牵头，财政部等按职责分工负责）`: a bracket after a
// task that names who does it, without a 责任单位 label. One level of brackets may sit inside a name.
const ROLE_BRACKET = /（((?:[^（）]|（[^（）]*）)*)）/gu;
const ROLE_WORD = new RegExp(`${ROLE_WORDS}|负责`, 'u');

/** Endings of a government organ or an office: 局, 委, 厅, 政府, 部, 办 (not 会, 学校, 所 …). */
const ORGAN_ENDING = /(?:局|委|厅|政府|办事处|办公室|办|部|处|室|股|科|中心|院)$/u;
/** A level or a place before a name: 市教育学会, 各学校 are units, 学校 and 家长委员会 are not. */
const LEVEL_PREFIX = /^(?:各|省|市|县|区|州|盟|旗|乡|镇|街道|国家|中央|全国)/u;

/**
 * A name in a bracket without a label: its role mark alone does not make it a unit (`（学校负责）`,
 * `（家长委员会参与）` say who takes part), so it must end like an organ or carry a level before it.
 */
function looksLikeOrgan(name: string): boolean {
  const bare = name.replace(/（[^（）]*）/gu, '');
  return looksLikeUnit(name) && (ORGAN_ENDING.test(bare) || LEVEL_PREFIX.test(bare));
}

/**
 * Units from brackets that do nothing but name units with their roles. Every piece must read as a
 * unit (ending like one: 局, 委, 政府, 部门 …): a bracket holding a date, a condition or a name
 * explained (以下简称…) is no responsibility clause. Beside a 牵头 unit, the unmarked ones support it.
 */
function bracketedResponsibility(source: string, aliases: AliasTable): Responsibility | null {
  const pieces: Piece[] = [];
  for (const m of source.matchAll(ROLE_BRACKET)) {
    const inner = m[1] ?? '';
    if (!ROLE_WORD.test(inner)) continue;
    const found = piecesOf(inner);
    if (found.length === 0 || !found.every((p) => looksLikeOrgan(p.name))) continue;
    const hasLead = found.some((p) => p.role === 'lead');
    for (const p of found) pieces.push({ ...p, role: p.role ?? (hasLead ? 'support' : null) });
  }
  if (pieces.length === 0) return null;
  const names = resolveLevels(pieces.map((p) => p.name), aliases);
  const withRole = (role: Role) => unique(names.filter((_, i) => pieces[i]?.role === role));
  const lead = withRole('lead');
  const support = withRole('support').filter((n) => !lead.includes(n));
  return { lead, support, units: unique([...lead, ...names]) };
}

/** Finds the responsibility clause(s) of one measure and returns its units, or null when there is none. */
export function parseResponsibility(text: string, aliases: AliasTable = {}): Responsibility | null {
  const source = fullWidthBrackets(text);
  const pieces: Piece[] = [];
  let found = false;
  let leadLabel = false;
  const dutyLabelled = new Set<number>();
  for (const label of source.matchAll(LABEL)) {
    found = true;
    const start = (label.index ?? 0) + label[0].length;
    const labelRole = roleOf(label[1] ?? '');
    if (labelRole === 'lead') leadLabel = true;
    for (const piece of piecesOf(source.slice(start, clauseEnd(source, start)))) {
      if (label[1] === '责任') dutyLabelled.add(pieces.length);
      pieces.push({ ...piece, role: piece.role ?? labelRole });
    }
  }
  if (!found) return bracketedResponsibility(source, aliases);
  // Prefixes carry across clauses: `牵头单位：市教育局；配合单位：财政局` means 市财政局.
  const names = resolveLevels(pieces.map((p) => p.name), aliases);
  const withRole = (role: Role) => unique(names.filter((_, i) => pieces[i]?.role === role));
  const lead = withRole('lead');
  // Beside a 牵头单位 label, the units of a 责任单位 label support the lead (牵头单位：…；责任单位：…).
  const dutySupport = leadLabel ? names.filter((_, i) => dutyLabelled.has(i) && pieces[i]?.role === null) : [];
  const support = unique([...withRole('support'), ...dutySupport]).filter((n) => !lead.includes(n));
  return { lead, support, units: unique([...lead, ...names]) };
}

/** Checks a parsed unit-aliases.yaml (canonical name → list of variants) and turns it into a lookup table; errors name the file and the entry. */
export function parseAliasTable(data: unknown, file: string): AliasTable {
  // An emptied file is an empty table, not a mistake.
  if (data === null || data === undefined) return {};
  const example = '市人社局: [市人力资源和社会保障局, 市人力社保局]';
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new Error(
      `${file}: expected a map from canonical unit names to lists of variants, got ${describe(data)}. ` +
        `Write one entry per line, e.g. "${example}"`,
    );
  }
  const table = new Map<string, string>();
  const canonicals: string[] = [];
  const problems: string[] = [];
  for (const [key, value] of Object.entries(data)) {
    const canonical = fullWidthBrackets(key).trim();
    if (canonical === '') {
      problems.push(`an entry has an empty name before the colon: write the canonical unit name there, e.g. "${example}"`);
      continue;
    }
    canonicals.push(canonical);
    const variants: unknown[] | null =
      value === null ? [] : typeof value === 'string' ? [value] : Array.isArray(value) ? value : null;
    if (variants === null) {
      problems.push(
        `"${key}" has ${describe(value)} as its variants: write them as a list, e.g. "${key}: [变体一, 变体二]"`,
      );
      continue;
    }
    for (const v of variants) {
      if (typeof v !== 'string' || v.trim() === '') {
        problems.push(`"${key}" lists ${describe(v)}, which is not a unit name: write each variant as text, e.g. "${example}"`);
        continue;
      }
      const variant = fullWidthBrackets(v).trim();
      if (variant === canonical) continue;
      const earlier = table.get(variant);
      if (earlier !== undefined && earlier !== canonical) {
        problems.push(`"${variant}" is listed under both "${earlier}" and "${canonical}": keep it under one canonical name`);
        continue;
      }
      table.set(variant, canonical);
    }
  }
  for (const canonical of canonicals) {
    const other = table.get(canonical);
    if (other !== undefined) {
      problems.push(
        `"${canonical}" is a canonical name and also a variant of "${other}": merge the two entries into one`,
      );
    }
  }
  if (problems.length > 0) {
    throw new Error(`${file}: invalid unit alias table:\n- ${problems.join('\n- ')}`);
  }
  return Object.fromEntries(table);
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return `a nested map (${JSON.stringify(value)})`;
  return `${typeof value} ${JSON.stringify(value)}`;
}
