/**
 * Side-by-side comparison of 2 to 4 documents, aligned by theme.
 *
 * The build writes one small JSON per document (`CompareDoc`: its measures with targets and
 * units, grouped by theme) and an index of documents to pick from (`ComparePicker`); the
 * /compare/ page fetches the index and the chosen documents and aligns them here, in the
 * browser. Everything in this module is pure and small, because the page's script bundles it.
 */

/** A theme of the vocabulary, as the comparison shows it. */
export interface ThemeRef {
  slug: string;
  name: string;
  /** Root-relative URL of the theme's page. */
  url: string;
}

/** A quantitative target of a measure. */
export interface CompareTarget {
  metric: string;
  /** The requirement in words: 不低于 10%, 全面消除. */
  requirement: string;
  /** The requirement in a few signs: ≥10%, 1–2项, 消除. */
  short: string;
  /** What the target measures: its quantity and denominator, normalised (src/compare/metric-identity.ts). */
  quantity: string;
  /** The unit and direction that, with `quantity`, make targets comparable: `%|floor`. */
  scale: string;
  /** Deadline year, or null. */
  year: number | null;
  /** The year is the plan's own (an annual plan's implicit deadline), not one the text sets. */
  yearImplied?: boolean;
  /** Id of the target's mark in the policy text (`target-2`). */
  anchor: string;
}

/** A measure of a document, with what a comparison cell shows. */
export interface CompareMeasure {
  /** Anchor id on the policy page: the measure is at `<doc.url>#<id>`. */
  id: string;
  /** The item number as written: 23. / (三) / 二是. */
  number: string;
  title: string;
  /** Responsible units as the document names them, lead units first. */
  units: string[];
  targets: CompareTarget[];
}

/** The facts of a document a comparison column shows. */
export interface CompareDocMeta {
  slug: string;
  title: string;
  /** City, else province, else 未注明. */
  place: string;
  year: number | null;
  docType: string;
  issuer: string | null;
  /** Root-relative URL of the policy page. */
  url: string;
}

/** One document's comparison data: /data/compare/<slug>.json. */
export interface CompareDoc extends CompareDocMeta {
  measures: CompareMeasure[];
  /** For each theme the document covers: positions in `measures` of the measures serving it. */
  themes: Record<string, number[]>;
  /** Positions of the measures that serve no theme. */
  unthemed: number[];
}

/** A document in the list to pick from. */
export interface PickerDoc {
  slug: string;
  title: string;
  place: string;
  year: number | null;
  docType: string;
}

/** A value of a picker filter and how many documents have it. */
export interface PickerValue {
  value: string;
  count: number;
}

/** A part of the document list, by place: /data/compare/places/<file>.json holds `PickerDoc[]`. */
export interface PickerShard {
  /** The places whose documents the part holds (two names can share a file: 泰州市, 台州市). */
  places: string[];
  file: string;
  count: number;
}

/** The index the /compare/ page loads first: /data/compare/index.json. */
export interface ComparePicker {
  version: 1;
  /** Themes in vocabulary order: the rows of a comparison. */
  themes: ThemeRef[];
  total: number;
  places: PickerValue[];
  years: PickerValue[];
  types: PickerValue[];
  /** All documents, newest first, when the base is small; else null and the list comes in `shards`. */
  docs: PickerDoc[] | null;
  /** The document list by place, for a large base; empty when `docs` is given. */
  shards: PickerShard[];
}

/** How many documents a comparison takes. */
export const MIN_DOCS = 2;
export const MAX_DOCS = 4;

/** Up to this many documents, the picker index carries the whole list. */
export const INLINE_PICKER_LIMIT = 300;

/** A row of the comparison: one theme, one cell per document. */
export interface CompareRow {
  /** The theme, or null for the measures that serve no theme. */
  theme: ThemeRef | null;
  /** Per document (in column order): its measures for the theme; empty when it does not cover it. */
  cells: CompareMeasure[][];
  /** Documents that cover the theme. */
  covered: number;
  /** Why the row is a difference, or null when all documents cover the theme with the same commitments. */
  difference: 'coverage' | 'targets' | null;
  /** What differs, in words: 仅济源市2018年涉及；残疾儿童少年入学率：济源市2018年 ≥95% vs 福建省 ≥99%. */
  differences: string[];
}

export interface CompareTable {
  docs: CompareDocMeta[];
  rows: CompareRow[];
}

/** Short names of the columns for sentences: 济源市2018年, with the type added where two would read the same. */
export function shortLabels(docs: readonly Pick<CompareDocMeta, 'place' | 'year' | 'docType'>[]): string[] {
  const base = docs.map((d) => `${d.place}${d.year === null ? '' : `${d.year}年`}`);
  const typed = base.map((b, i) => (base.filter((x) => x === b).length > 1 ? `${b}${docs[i]!.docType}` : b));
  return typed.map((t, i) => (typed.filter((x) => x === t).length > 1 ? `${t}（第${i + 1}列）` : t));
}

/** The deadline a target's text sets: an implied year (the plan's own) is none, and no difference. */
const statedYear = (t: CompareTarget): number | null => (t.yearImplied ? null : t.year);
const said = (t: CompareTarget): string => `${t.short}${statedYear(t) === null ? '' : `（${statedYear(t)}年）`}`;

/**
 * The target differences of a row every document covers: for each measured quantity that two
 * documents or more set a target on, whether their targets (unit, direction, value, deadline)
 * differ. A quantity only one document has a target on says nothing about the others, who may
 * pursue the theme without a number, so it is no difference.
 */
function targetDifferences(cells: readonly CompareMeasure[][], labels: readonly string[]): string[] {
  const byQuantity = new Map<string, { metric: string; perDoc: Map<number, CompareTarget[]> }>();
  cells.forEach((cell, i) => {
    for (const m of cell) {
      for (const t of m.targets) {
        let q = byQuantity.get(t.quantity);
        if (!q) byQuantity.set(t.quantity, (q = { metric: t.metric, perDoc: new Map() }));
        if ([...t.metric].length < [...q.metric].length) q.metric = t.metric;
        q.perDoc.set(i, [...(q.perDoc.get(i) ?? []), t]);
      }
    }
  });
  const out: string[] = [];
  for (const { metric, perDoc } of byQuantity.values()) {
    if (perDoc.size < 2) continue;
    const signature = (ts: CompareTarget[]): string => [...new Set(ts.map((t) => `${t.scale}|${t.short}|${statedYear(t) ?? ''}`))].sort().join('\u0001');
    const signatures = new Set([...perDoc.values()].map(signature));
    if (signatures.size < 2) continue;
    const sides = [...perDoc].sort(([a], [b]) => a - b).map(([i, ts]) => `${labels[i]}：${[...new Set(ts.map(said))].join('、')}`);
    out.push(`${metric}：${sides.join(' vs ')}`);
  }
  return out;
}

function rowOf(theme: ThemeRef | null, cells: CompareMeasure[][], labels: readonly string[]): CompareRow {
  const covered = cells.filter((c) => c.length > 0).length;
  // The measures outside every theme are not one subject: their row is shown, never a difference.
  if (theme === null) return { theme, cells, covered, difference: null, differences: [] };
  const differences: string[] = [];
  if (covered < cells.length) {
    const who = labels.filter((_, i) => cells[i]!.length > 0);
    const not = labels.filter((_, i) => cells[i]!.length === 0);
    differences.push(`${who.join('、')}涉及，${not.join('、')}未涉及`);
  }
  const targets = targetDifferences(cells, labels);
  differences.push(...targets);
  const difference: CompareRow['difference'] = covered < cells.length ? 'coverage' : targets.length > 0 ? 'targets' : null;
  return { theme, cells, covered, difference, differences };
}

const pick = (doc: CompareDoc, positions: readonly number[]): CompareMeasure[] =>
  positions.flatMap((i) => (doc.measures[i] ? [doc.measures[i]] : []));

/**
 * Aligns documents by theme: one row per theme any of them covers (vocabulary order), then a
 * row of the measures that serve no theme. A theme row is a difference when some documents
 * cover the theme and others do not, or when two documents set targets on the same measured
 * quantity that differ (value, deadline, unit or direction); each difference is said in words.
 */
export function alignByTheme(docs: readonly CompareDoc[], themes: readonly ThemeRef[]): CompareTable {
  const labels = shortLabels(docs);
  const rows: CompareRow[] = [];
  for (const theme of themes) {
    const cells = docs.map((d) => pick(d, d.themes[theme.slug] ?? []));
    if (cells.some((c) => c.length > 0)) rows.push(rowOf(theme, cells, labels));
  }
  const loose = docs.map((d) => pick(d, d.unthemed));
  if (loose.some((c) => c.length > 0)) rows.push(rowOf(null, loose, labels));
  return { docs: docs.map(metaOf), rows };
}

/** The column facts of a document. */
export function metaOf(doc: CompareDocMeta): CompareDocMeta {
  const { slug, title, place, year, docType, issuer, url } = doc;
  return { slug, title, place, year, docType, issuer, url };
}

/** The column heading of a document: 济源市 · 2018年 · 工作要点. */
export function docLabel(doc: Pick<CompareDocMeta, 'place' | 'year' | 'docType'>): string {
  return `${doc.place} · ${doc.year === null ? '年份未注明' : `${doc.year}年`} · ${doc.docType}`;
}

/** Name of the row of measures that serve no theme. */
export const UNTHEMED_LABEL = '未归入主题的措施';
/** What an empty cell says. */
export const NOT_COVERED = '未涉及';

/** Why a row is a difference, as the table, its legend and its export say it. */
export const DIFFERENCE_LABELS = { coverage: '仅部分文件涉及', targets: '指标要求不同' } as const;

/** A cell as plain text: one measure a line, its targets and units indented below. */
export function cellText(cell: readonly CompareMeasure[]): string {
  if (cell.length === 0) return NOT_COVERED;
  return cell
    .map((m) => {
      const lines = [`${m.number} ${m.title}`.trim()];
      for (const t of m.targets) lines.push(`  指标：${t.metric} ${t.requirement}${t.year === null ? '' : `（${t.year}年）`}`);
      if (m.units.length > 0) lines.push(`  责任单位：${m.units.join('、')}`);
      return lines.join('\n');
    })
    .join('\n');
}

/** The rows a view shows: every row, or only the differences (只看差异). */
export function visibleRows(table: CompareTable, diffOnly: boolean): CompareRow[] {
  return diffOnly ? table.rows.filter((r) => r.difference !== null) : table.rows;
}

/** Which rows a download holds, in words, so the file says what it is. */
export function viewLabel(table: CompareTable, diffOnly: boolean): string {
  const all = table.rows.length;
  return diffOnly ? `只看差异：${all} 个主题行中存在差异的 ${visibleRows(table, true).length} 行` : `全部主题行：${all} 行`;
}

/**
 * The comparison as a table for a report (对标分析): a line saying which rows it holds, a
 * header row of documents, a row of their addresses, then one row per theme shown in the view
 * with why it is a difference and what differs. `origin` makes the addresses absolute.
 */
export function comparisonRows(table: CompareTable, origin: string, diffOnly = false): string[][] {
  const blank = table.docs.map(() => '');
  return [
    ['视图', viewLabel(table, diffOnly), ...blank.slice(1), '', ''],
    ['主题', ...table.docs.map((d) => `${docLabel(d)}\n${d.title}`), '差异', '差异说明'],
    ['文件链接', ...table.docs.map((d) => `${origin}${d.url}`), '', ''],
    ...visibleRows(table, diffOnly).map((r) => [
      r.theme?.name ?? UNTHEMED_LABEL,
      ...r.cells.map(cellText),
      r.difference === null ? '' : DIFFERENCE_LABELS[r.difference],
      r.differences.join('\n'),
    ]),
  ];
}

/** The comparison as JSON for other tools: documents, and per theme each document's measures with absolute links. */
export interface ComparisonExport {
  version: 2;
  /** Which rows the file holds: all, or only the differences. */
  view: 'all' | 'differences';
  /** The view in words, as the table export says it. */
  viewLabel: string;
  /** Rows of the whole comparison, whichever the view. */
  totalRows: number;
  docs: (CompareDocMeta & { href: string })[];
  rows: {
    theme: ThemeRef | null;
    difference: CompareRow['difference'];
    differences: string[];
    cells: (CompareMeasure & { href: string })[][];
  }[];
}

/** The comparison as its JSON export, of the rows the view shows. */
export function comparisonExport(table: CompareTable, origin: string, diffOnly = false): ComparisonExport {
  return {
    version: 2,
    view: diffOnly ? 'differences' : 'all',
    viewLabel: viewLabel(table, diffOnly),
    totalRows: table.rows.length,
    docs: table.docs.map((d) => ({ ...d, href: `${origin}${d.url}` })),
    rows: visibleRows(table, diffOnly).map((r) => ({
      theme: r.theme,
      difference: r.difference,
      differences: r.differences,
      cells: r.cells.map((cell, i) => cell.map((m) => ({ ...m, href: `${origin}${table.docs[i]!.url}#${m.id}` }))),
    })),
  };
}

/** A file name for a comparison's downloads: 对标分析-济源市2018-靖江市2023. */
export function comparisonFileName(docs: readonly Pick<CompareDocMeta, 'place' | 'year'>[]): string {
  const parts = docs.map((d) => `${d.place}${d.year ?? ''}`.replace(/[\\/:*?"<>|\s]+/gu, ''));
  return ['对标分析', ...parts].join('-');
}

/** Filters of the document picker; null means any. */
export interface PickerFilter {
  place: string | null;
  year: string | null;
  type: string | null;
}

/** The documents that pass the picker's filters (year as text: `2018`, or `未注明`). */
export function filterPicker(docs: readonly PickerDoc[], f: PickerFilter): PickerDoc[] {
  return docs.filter(
    (d) =>
      (f.place === null || d.place === f.place) &&
      (f.year === null || (d.year === null ? '未注明' : String(d.year)) === f.year) &&
      (f.type === null || d.docType === f.type),
  );
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/u;

/** What the /compare/ URL holds: the chosen documents and whether only differences show. */
export interface CompareState {
  docs: string[];
  diffOnly: boolean;
}

/** Reads `?docs=a,b,c&diff=1`: slugs in order, without repeats or malformed ones, at most four. */
export function parseCompareState(search: string): CompareState {
  const params = new URLSearchParams(search);
  const docs: string[] = [];
  for (const part of params.getAll('docs').flatMap((v) => v.split(','))) {
    const slug = part.trim();
    if (SLUG.test(slug) && !docs.includes(slug) && docs.length < MAX_DOCS) docs.push(slug);
  }
  return { docs, diffOnly: params.get('diff') === '1' };
}

/** The query string of a state: `?docs=a,b&diff=1`, or '' for an empty one. */
export function serializeCompareState(state: CompareState): string {
  const parts: string[] = [];
  // Slugs are ASCII words and dashes: the comma stays readable in a shared link.
  if (state.docs.length > 0) parts.push(`docs=${state.docs.join(',')}`);
  if (state.diffOnly) parts.push('diff=1');
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}
