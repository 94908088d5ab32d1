/**
 * Flattened task tables: the rows of a 任务分解表 / 民生实事 table that web capture turned into text.
 *
 * Two shapes occur, both recognised by their header row, never by a document's wording:
 *
 *     序号 | 任务 | 牵头单位 | 配合单位 | 完成时限 |        one row per line, cells between `|`
 *     1 | 推进…建设。 | 市教育局 | 市财政局 | 2024年底 |
 *
 *     序号 |                                             one cell per line (ending ` |` or bare),
 *     目标与任务 |                                       rows told apart by their numbers, which
 *     牵头责任单位 |                                     may start anywhere (80, 81 …)
 *     80 |
 *     积极回应…。 |
 *     县教育局 |
 *
 * A header is a table's only when it names a task column and a column of responsible units (or a
 * number column and a deadline column): a portal's `索引号 | … |` block or a table of statistics
 * has neither. Each row is one measure; the structure stage turns rows into nodes.
 */
import { LABEL_BODY } from '../format/responsibility.ts';

/** What a column holds, read from its header cell. */
export type ColumnRole =
  | 'number' // 序号
  | 'category' // 类别: a group of rows, written once above or beside them
  | 'task' // 目标与任务, 重点任务, 民生事项名称
  | 'target' // 2022年度任务目标, 预期目标
  | 'lead' // 牵头单位, 牵头责任单位
  | 'duty' // 责任单位
  | 'support' // 配合单位, 协办单位
  | 'deadline' // 完成时限, 时间节点
  | 'person' // 分管县领导, 责任人: people, not units
  | 'progress' // 1-9月份工作完成情况, 进展: results so far, not targets
  | 'other'; // 监督电话, 备注

export interface Column {
  /** The header as written, without the spaces PDF extraction put inside it (`分 管 县领导`). */
  header: string;
  role: ColumnRole;
}

export interface TableRow {
  /** The row's own number as written (`80`, `14.`), from the number column or the task cell; null when none. */
  number: string | null;
  /** The category the row stands in, as written (`四、教育文化`), carried down from the row that gave it. */
  category: string | null;
  /** The task cell without its leading number. */
  task: string;
  /** Every other non-empty cell with its column, in column order. */
  cells: { column: Column; text: string }[];
}

export interface FlatTable {
  /** Index of the table's first line (its header) and one past its last line, in the lines given. */
  start: number;
  end: number;
  columns: Column[];
  rows: TableRow[];
}

// Header words by role, tested on the cell without spaces. Order matters: 分管领导 is a person
// even though 牵头领导 starts like a lead unit; 进度安排 is a schedule, 进度 alone is progress.
const ROLE_PATTERNS: [ColumnRole, RegExp][] = [
  ['number', /^(?:序号|编号|序|排序)$/u],
  ['category', /^(?:类别|类型|分类|领域|板块|任务类别|工作类别|事项类别|项目类别|类别名称)$/u],
  ['person', /(?:领导|责任人|联系人|负责人|负责同志)$/u],
  ['lead', /^(?:牵头|主责)(?:责任|考核)?(?:单位|部门|科室|处室)(?:[（(][^）)]*[)）])?$/u],
  ['duty', /^责任(?:单位|部门|科室|处室|主体)(?:[（(][^）)]*[)）])?$/u],
  ['support', /^(?:配合|协办|协同|协同配合|协助|参与)(?:责任)?(?:单位|部门|科室|处室)(?:[（(][^）)]*[)）])?$/u],
  ['deadline', /(?:时限|期限|时间节点|完成时间|进度安排|时间安排|完成时段)$/u],
  ['progress', /(?:完成情况|进展情况|推进情况|落实情况|执行情况|进展|进度|成效|工作成效|取得成效)$/u],
  ['target', /(?:目标|指标|目标值|要求|标准)$/u],
  ['task', /(?:任务|事项|措施|举措|工作内容|建设内容|(?:重点|主要|具体)工作|主要内容|具体内容|(?:事项|项目|任务|工程)名称|项目)$/u],
  ['other', /^(?:备注|说明|监督电话|联系电话|电话)$/u],
];

/** More columns than any task table has: a run of header words this long is a list, not a header. */
const MAX_COLUMNS = 30;

/** Header cells are short labels: no sentence, no figures beyond a year or a month range. */
const HEADER_MAX = 14;

function squeeze(cell: string): string {
  return cell.replace(/[\s\u3000]+/gu, '').replace(/[:：]$/u, '');
}

/** The role of a header cell, or null when the cell reads as no column header. */
export function columnRole(cell: string): ColumnRole | null {
  const c = squeeze(cell);
  if (c === '' || [...c].length > HEADER_MAX || /[。，,；;！？!?:：]/u.test(c)) return null;
  // `2022年度任务目标`, `1-9月份工作完成情况`: a period in front of the label; any other figure is data.
  const bare = c.replace(/^(?:(?:19|20)\d{2}年度?|\d{1,2}\s*[-—–~至]\s*\d{1,2}月份?)/u, '');
  if (/\d/u.test(bare)) return null;
  for (const [role, re] of ROLE_PATTERNS) if (re.test(bare)) return role;
  return null;
}

const UNIT_ROLES = new Set<ColumnRole>(['lead', 'duty', 'support']);

/** Whether a header's columns make a task table: a task column and someone responsible or a schedule. */
function isTaskHeader(roles: ColumnRole[]): boolean {
  if (!roles.includes('task')) return false;
  if (roles.some((r) => UNIT_ROLES.has(r))) return true;
  return roles.includes('number') && roles.includes('deadline');
}

interface Line {
  /** The cells of the line; a line without `|` or tabs is one cell. */
  cells: string[];
  /** The line's cells are separated (`|`, or tabs when a table was copied from a browser). */
  piped: boolean;
}

function splitLine(line: string): Line {
  let cells: string[];
  if (/[|｜]/u.test(line)) {
    cells = line.split(/[|｜]/u).map((c) => c.trim());
    // `| 序号 | 任务 |` (Markdown): the bar before the first cell opens no cell.
    if (cells.length > 1 && cells[0] === '') cells.shift();
  } else if (line.includes('\t') && (line.split('\t').length >= 3 || line.split('\t').filter((c) => c.trim() !== '').length >= 2)) {
    // Two tabs make a row even when most of its cells are empty.
    cells = line.split('\t').map((c) => c.trim());
  } else return { cells: [line.trim()], piped: false };
  while (cells.length > 1 && cells[cells.length - 1] === '') cells.pop();
  return { cells, piped: true };
}

/** `|---|:---:|`: the rule under a Markdown header, no row. */
const RULE_CELL = /^:?-{2,}:?$/u;
/** A category written as a row of its own (`二、基础教育`, `（一）学前教育`) between the task rows. */
const CATEGORY_LINE = /^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十]+[)）])[^。；;，,]{1,20}$/u;

// A row number standing alone (`80`, `14.`) and one leading a task cell (`14.改扩建…`).
const NUMBER_CELL = /^(\d{1,4})\s*[.、．]?$/u;
const LEADING_NUMBER = /^(\d{1,4})\s*[.、．](?!\d)\s*/u;
/** Rows that sum up the others: no task of their own. */
const TOTAL_ROW = /^(?:合计|小计|总计|共计)$/u;

function rowOf(columns: Column[], values: (string | null)[], carried: string | null): TableRow | null {
  let number: string | null = null;
  let category = carried;
  let task = '';
  const cells: TableRow['cells'] = [];
  columns.forEach((column, i) => {
    const text = values[i]?.trim() ?? '';
    if (text === '') return;
    if (column.role === 'number') number = text;
    else if (column.role === 'category') category = text;
    else if (column.role === 'task' && task === '') task = text;
    else cells.push({ column, text });
  });
  const lead = LEADING_NUMBER.exec(task);
  if (lead) {
    number ??= lead[0].trim();
    task = task.slice(lead[0].length);
  }
  if (task === '' || TOTAL_ROW.test(squeeze(task))) return null;
  return { number, category, task, cells };
}

/** A header of one line of `|` cells: most cells are headers, and together they make a task table. */
function rowHeader(line: Line): Column[] | null {
  if (!line.piped || line.cells.length < 3) return null;
  const roles = line.cells.map(columnRole);
  const known = roles.filter((r): r is ColumnRole => r !== null);
  // Most cells are headers: one unknown column (a 备注 spelt otherwise) in three is let pass.
  if (known.length * 3 < line.cells.length * 2 || !isTaskHeader(known)) return null;
  return line.cells.map((c, i) => ({ header: squeeze(c), role: roles[i] ?? 'other' }));
}

/** Table with one row per line, starting at a header line. */
/**
 * `责任单位` spanning `牵头单位 | 配合单位` on the header's second line: the line below the header
 * holds nothing but unit headers, and they take the spanning column's place.
 */
function withSubHeader(columns: Column[], next: Line | undefined): Column[] | null {
  if (!next?.piped || next.cells.length < 2) return null;
  const subs = next.cells.map((c) => ({ header: squeeze(c), role: columnRole(c) }));
  if (!subs.every((c) => c.role !== null && UNIT_ROLES.has(c.role))) return null;
  const span = columns.findIndex((c) => c.role === 'duty');
  if (span < 0) return null;
  return [...columns.slice(0, span), ...(subs as Column[]), ...columns.slice(span + 1)];
}

function readRowTable(lines: Line[], start: number, header: Column[]): FlatTable {
  const rows: TableRow[] = [];
  let category: string | null = null;
  const split = withSubHeader(header, lines[start + 1]);
  const columns = split ?? header;
  let i = start + (split ? 2 : 1);
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    // A row with nothing but its number (its empty cells trimmed away) is skipped, not the table's end.
    if (!line.piped && NUMBER_CELL.test(line.cells[0] ?? '') && lines[i + 1]?.piped) continue;
    if (!line.piped) break;
    // A header repeated at a page break is no row; nor is a Markdown rule.
    if (rowHeader(line) !== null || line.cells.every((c) => RULE_CELL.test(c) || c === '')) continue;
    const filled = line.cells.filter((c) => c !== '');
    if (filled.length === 1 && CATEGORY_LINE.test(filled[0]!)) {
      category = filled[0]!;
      continue;
    }
    // Cells merged across rows (a category written once) are missing at the front of later rows.
    const values: (string | null)[] = [...line.cells];
    while (values.length < columns.length) values.unshift(null);
    const row = rowOf(columns, values.slice(0, columns.length), category);
    if (row) {
      category = row.category;
      rows.push(row);
    }
  }
  return { start, end: i, columns, rows };
}

/** A header of one cell per line: consecutive header cells making a task table. */
function cellHeader(lines: Line[], start: number): Column[] | null {
  const columns: Column[] = [];
  const piped = lines[start]?.piped ?? false;
  for (let i = start; i < lines.length && columns.length < MAX_COLUMNS; i++) {
    const line = lines[i]!;
    if (line.cells.length !== 1 || line.piped !== piped) break;
    const role = columnRole(line.cells[0]!);
    if (role === null) break;
    columns.push({ header: squeeze(line.cells[0]!), role });
  }
  return columns.length >= 3 && isTaskHeader(columns.map((c) => c.role)) ? columns : null;
}

/**
 * Table with one cell per line after a header of the same shape. With a number column first,
 * a row starts at the number that continues the last one (any number for the first row), so
 * an empty cell the capture dropped shifts no row; otherwise rows are taken a header's width
 * at a time, and only from `|` cells. The table ends at a line of another shape, or where a
 * row is full and no next number follows.
 */
function readCellTable(lines: Line[], start: number, columns: Column[]): FlatTable | null {
  const piped = lines[start]!.piped;
  const numbered = columns[0]?.role === 'number';
  if (!numbered && !piped) return null;
  const rows: TableRow[] = [];
  let category: string | null = null;
  let current: string[] | null = null;
  let last: number | null = null;
  const flush = (): void => {
    if (current === null) return;
    const row = rowOf(columns, current, category);
    if (row) {
      category = row.category;
      rows.push(row);
    }
    current = null;
  };
  let i = start + columns.length;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.cells.length !== 1 || line.piped !== piped) break;
    const cell = line.cells[0]!;
    const n = NUMBER_CELL.exec(cell);
    const opens = numbered && n !== null && (last === null || Number(n[1]) === last + 1);
    if (numbered) {
      if (opens) {
        flush();
        current = [cell];
        last = Number(n![1]);
        continue;
      }
      const between = current === null || current.length >= columns.length;
      // Between rows, a numbered heading is a category of the rows after it.
      if (between && CATEGORY_LINE.test(cell)) {
        flush();
        category = cell;
        continue;
      }
      // Before the first number, or past a full row, the cell belongs to no row: the table has ended.
      if (between || current === null) break;
      current.push(cell);
    } else {
      current ??= [];
      current.push(cell);
      if (current.length === columns.length) flush();
    }
  }
  flush();
  return { start, end: i, columns, rows };
}

/**
 * The flattened task tables among the lines of a body, in order, each with at least one row.
 * Lines are the body's own lines; a table's `start`/`end` index them.
 */
export function readTables(lines: string[]): FlatTable[] {
  const parsed = lines.map(splitLine);
  const tables: FlatTable[] = [];
  for (let i = 0; i < parsed.length; i++) {
    const row = rowHeader(parsed[i]!);
    const cell = row === null ? cellHeader(parsed, i) : null;
    const table = row !== null ? readRowTable(parsed, i, row) : cell !== null ? readCellTable(parsed, i, cell) : null;
    if (table === null) continue;
    // The lines a table without rows went through are no other table's header either: each line is read once.
    i = Math.max(i, table.end - 1);
    if (table.rows.length > 0) tables.push(table);
  }
  return tables;
}

/** The label a unit column's cell gets in the measure text, so the units stage reads it with its role. */
export function unitLabel(column: Column): string {
  // A header the units stage reads as a label keeps its own words (牵头责任单位); others get the plain one.
  if (new RegExp(`^${LABEL_BODY}$`, 'u').test(column.header)) return column.header;
  return column.role === 'lead' ? '牵头单位' : column.role === 'support' ? '配合单位' : '责任单位';
}
