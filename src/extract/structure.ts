/**
 * Rebuilds the heading hierarchy of a cleaned document and finds its measures.
 *
 * Captured documents lose their line structure (`…生根。二、坚持质量为本,…一是…`), so the
 * text is scanned for numbering markers wherever they stand, and a candidate marker is only
 * believed when it continues the sequence its kind has reached (`5 .` after `4.`), or
 * restarts it at 1 under a new parent. The document's own nesting follows from the order
 * in which kinds appear. Measures are the nodes of the finest numbered level that is used
 * across the document (not one stray sub-list).
 */
import { findMarkers, HEADING_WORDS, type Marker, type MarkerKind } from './numbering.ts';
import { readTables, unitLabel, type FlatTable } from './tables.ts';

export interface Node {
  /** `table-section` and `table-row`: a category and a row of a flattened task table (see tables.ts). */
  kind: MarkerKind | 'root' | 'paragraph-measure' | 'table-section' | 'table-row';
  ordinal: number;
  /** The marker as written (`1 .`, `(三)`, `二是`), trimmed; '' for unnumbered nodes. */
  label: string;
  /** Heading text: the first sentence or the text up to the next marker. */
  title: string;
  /** True when the title is a complete sentence of the text and is not repeated in `paragraphs`. */
  titleIsSentence: boolean;
  /** The node's own text after its title, as paragraphs. */
  paragraphs: string[];
  /** A task-table row whose table sets tasks (a 完成时限 or 目标 column, or no 完成情况 column): a commitment. */
  commitment?: boolean;
  /**
   * Text shown with the node but read for neither units nor targets: a table row's leader,
   * progress and other cells (its 1-9月份完成情况 reports results, not commitments).
   */
  notes?: string[];
  children: Node[];
}

export interface Structure {
  /** Text before the first marker: the preamble. */
  preamble: string[];
  /** Top-level sections (or measures, for flat documents). */
  sections: Node[];
  /** The kind most measures have, or null when none was found. */
  measureKind: Node['kind'] | null;
  /** The nodes that are measures (see `chooseMeasures`). */
  measures: ReadonlySet<Node>;
  /** Appendix text (from `附件:` on), kept apart from the numbered structure. */
  appendix: string[];
  /** Text after a task table and before the appendix (a 落款), as paragraphs; not read for measures. */
  closing?: string[];
  /** For the rows (and categories) of a task table: the titles of the sections above the table. */
  tableContext?: ReadonlyMap<Node, string[]>;
}

/** A line that opens a top section (`三、保障措施`, `第三章`): the body's numbering resumes after a table. */
const TOP_HEADING = /^(?:[一二三四五六七八九十]+[、.．]|第[一二三四五六七八九十]+[章部分])/u;

// Where the body ends and the appendices begin: `。附件:1.…`, `附件1` at a line start.
const APPENDIX = /(^|[。\n])\s*(附件\s*[:：1-9一]|附表\s*[:：1-9])/u;

// A responsibility clause starts its own paragraph inside a measure.
// Not inside `（责任单位：…）`: that split would leave the opening bracket as a paragraph of its own.
const RESPONSIBILITY = /(?<![【(（])(?=[【(（]?(?:责任|牵头|配合|协办|参与|协同)(?:责任|考核|配合)?(?:单位|部门|科室|处室)】?\s*[:：])/u;

const SENTENCE_END = /[。！!？?]/u;

/** Sections that frame a plan (aims, principles, safeguards, requirements) rather than list its actions. */
const FRAME_SECTION =
  /^(指导思想|总体要求|总体目标|工作目标|主要目标|发展目标|目标任务|基本原则|工作原则|保障措施|工作保障|组织保障|组织领导|组织实施|实施步骤|工作步骤|进度安排|时间安排|工作要求|有关要求|实施范围|适用范围)$/u;
const HEADING_START = /[\u4e00-\u9fff“"《(（]/u;
const TITLE_MAX = 40;

/** Splits a body into lines of paragraphs, joining lines broken after a comma or semicolon. */
export function paragraphsOf(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const prev = out[out.length - 1];
    if (prev !== undefined && /[;；,，、]$/.test(prev) && !/^(——|[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）])/.test(line)) {
      out[out.length - 1] = prev + line;
    } else out.push(line);
  }
  return out;
}

interface Segment {
  marker: Marker | null;
  text: string;
}

/** Cuts the paragraphs into segments at every marker that continues its sequence. */
function segment(paragraphs: string[]): Segment[] {
  const text = paragraphs.join('\n');
  const candidates = findMarkers(text);
  const last = new Map<MarkerKind, number>();
  // Per kind: how many markers of any other kind were accepted since it was last seen.
  const seenSince = new Map<MarkerKind, Set<MarkerKind>>();
  const accepted: Marker[] = [];
  for (const m of candidates) {
    const prev = last.get(m.kind);
    const others = seenSince.get(m.kind);
    // Off a sentence boundary a marker must open heading-like text: `财政局5 .加大…`, not `共5.`
    const opens = m.atBoundary || HEADING_START.test(text.slice(m.end, m.end + 1));
    let ok: boolean;
    if (m.kind === 'dash') ok = true;
    else if (prev === undefined) ok = m.ordinal === 1 && opens;
    else if (m.ordinal === prev + 1) ok = true;
    else ok = m.ordinal === 1 && others !== undefined && others.size > 0 && opens;
    // A bare numeral (三工作措施) is believed only where it continues the 一、 sequence.
    if (m.bare && !(prev === undefined ? m.ordinal === 1 : m.ordinal === prev + 1)) ok = false;
    if (!ok) continue;
    accepted.push(m);
    last.set(m.kind, m.ordinal);
    seenSince.set(m.kind, new Set());
    for (const [k, set] of seenSince) if (k !== m.kind) set.add(m.kind);
    // A new sequence of a kind starts under each new parent: forget deeper kinds' restarts.
  }
  const segments: Segment[] = [];
  let pos = 0;
  let current: Marker | null = null;
  for (const m of accepted) {
    segments.push({ marker: current, text: text.slice(pos, m.start) });
    current = m;
    pos = m.end;
  }
  segments.push({ marker: current, text: text.slice(pos) });
  return segments.filter((s, i) => s.marker !== null || i === 0);
}

/** Splits a segment's text into title and paragraphs. */
function titled(text: string, bare: boolean): { title: string; titleIsSentence: boolean; paragraphs: string[] } {
  const flat = text.replace(/^[\s、．.:：]+/u, '');
  const lines = flat.split('\n').map((l) => l.trim()).filter(Boolean);
  const first = lines[0] ?? '';
  const rest = lines.slice(1);
  // `四、下一步工作打算` on a line of its own: the whole line is the heading.
  if (rest.length > 0 && first.length <= 20 && !/[,，;；:：。！!？?]/u.test(first)) {
    return { title: first, titleIsSentence: true, paragraphs: rest };
  }
  // `二、工作目标通过努力,…`: a known heading word ends the title even without punctuation.
  {
    const hw = HEADING_WORDS.exec(first);
    if (hw && (bare || !/^[,，、和与及]/u.test(first.slice(hw[0].length)))) {
      const after = first.slice(hw[0].length).replace(/^[。:：\s]+/u, '');
      return { title: hw[0], titleIsSentence: true, paragraphs: after ? [after, ...rest] : rest };
    }
  }
  const end = first.search(SENTENCE_END);
  if (end >= 0 && end <= TITLE_MAX) {
    const title = first.slice(0, end).trim();
    const after = first.slice(end + 1).trim();
    return { title, titleIsSentence: true, paragraphs: after ? [after, ...rest] : rest };
  }
  if (end < 0 && first.length <= TITLE_MAX && rest.length > 0) {
    // A heading on a line of its own, without a full stop.
    return { title: first, titleIsSentence: true, paragraphs: rest };
  }
  if (first.length <= TITLE_MAX && rest.length === 0 && end < 0) {
    return { title: first.replace(/[,，;；]$/u, ''), titleIsSentence: true, paragraphs: [] };
  }
  // No short first sentence: a clause serves as title and the full text is kept.
  const clause = first.split(/[,，;；:：]/u)[0] ?? first;
  const title = clause.length <= TITLE_MAX ? clause : clause.slice(0, TITLE_MAX - 1) + '…';
  return { title, titleIsSentence: false, paragraphs: lines };
}

function splitResponsibility(paragraphs: string[]): string[] {
  return paragraphs.flatMap((p) => p.split(RESPONSIBILITY).map((s) => s.trim()).filter(Boolean));
}

/** Builds the outline of a cleaned document body. */
export function buildStructure(body: string): Structure {
  const lines = paragraphsOf(body);
  let text = lines.join('\n');
  let appendix: string[] = [];
  const app = APPENDIX.exec(text);
  // Only an appendix after the numbered body counts: `见附件1` early on is a reference.
  if (app && app.index > text.length * 0.3) {
    const cut = app.index + (app[1]?.length ?? 0);
    appendix = paragraphsOf(text.slice(cut));
    text = text.slice(0, cut);
  }
  // A task table in the body is a list of measures, a row each; a table in an appendix stays text.
  const bodyLines = text.split('\n');
  const tables = readTables(bodyLines);
  if (tables.length === 0) return numbered(text, appendix);
  // The text before the first table keeps its own numbering (a notice's 一、二、). After the tables,
  // the text from the first line that carries on the top numbering (`三、保障措施` after a table
  // under `二、重点任务`) is numbered with the text before; what comes before that line, or all of it
  // when no such line follows (a 落款, a note), is kept as closing paragraphs.
  const beforeText = bodyLines.slice(0, tables[0]!.start).join('\n');
  const before = numbered(beforeText, appendix);
  const rest: string[] = [];
  tables.forEach((t, i) => rest.push(...bodyLines.slice(t.end, tables[i + 1]?.start ?? bodyLines.length)));
  const resumes = rest.findIndex((l) => TOP_HEADING.test(l.trim()));
  const closing = paragraphsOf((resumes < 0 ? rest : rest.slice(0, resumes)).join('\n'));
  const whole = resumes < 0 ? before : numbered([beforeText, ...rest.slice(resumes)].join('\n'), appendix);
  // The sections the text before the tables made come first (the combined reading numbers them the same way).
  const lead = resumes < 0 ? whole.sections.length : Math.min(before.sections.length, whole.sections.length);
  // A row belongs to the headings above its table (`一、2023年工作完成情况`): the last open section's path.
  const path: string[] = [];
  for (let n: Node | undefined = before.sections.at(-1); n; n = n.children.at(-1)) path.push(n.title);
  const rows = tables.flatMap(tableNodes);
  const context = new Map<Node, string[]>(rows.map((n) => [n, path]));
  const measures = new Set(whole.measures);
  for (const n of rows) {
    if (n.kind === 'table-row') measures.add(n);
    for (const c of n.children) measures.add(c);
  }
  return {
    preamble: whole.preamble,
    sections: [...whole.sections.slice(0, lead), ...rows, ...whole.sections.slice(lead)],
    measureKind: dominantKind(measures),
    measures,
    appendix,
    closing,
    tableContext: context,
  };
}

/** A cell with its column's name before it, unless it already begins with it (`监督电话0535-…`). */
function labelled(header: string, text: string): string {
  return text.startsWith(header) ? text : `${header}：${text}`;
}

/** The nodes of one table: its rows, grouped under a section per category when it has categories. */
function tableNodes(table: FlatTable): Node[] {
  const out: Node[] = [];
  let section: Node | null = null;
  let category: string | null = null;
  // A table sets tasks when it has a 完成时限 or 目标 column, or at least no 完成情况 column (a
  // 项目名称 | 建设内容 | 完成情况 table under a report's account reports what was done).
  const commitment = table.columns.some((c) => c.role === 'deadline' || c.role === 'target') || !table.columns.some((c) => c.role === 'progress');
  table.rows.forEach((row, i) => {
    if (row.category !== null && row.category !== category) {
      category = row.category;
      // `四、教育文化`: a category that carries its number keeps it as the section's label.
      const m = /^([一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十]+[)）])\s*/u.exec(row.category);
      section = {
        kind: 'table-section', ordinal: out.length + 1, label: m ? m[1]! : '', title: m ? row.category.slice(m[0].length) : row.category,
        titleIsSentence: true, paragraphs: [], children: [],
      };
      out.push(section);
    }
    const { title, titleIsSentence, paragraphs } = titled(row.task, false);
    const own: string[] = [];
    const notes: string[] = [];
    for (const { column, text } of row.cells) {
      const r = column.role;
      // Unit cells are written as labelled clauses so the units stage reads them with their role.
      if (r === 'lead' || r === 'duty' || r === 'support') own.push(`${unitLabel(column)}：${text}`);
      // A second task column (具体措施 beside 工作任务) is the task's own text too.
      else if (r === 'target' || r === 'deadline' || r === 'task') own.push(labelled(column.header, text));
      else notes.push(labelled(column.header, text));
    }
    const ordinal = Number(/\d+/u.exec(row.number ?? '')?.[0] ?? i + 1);
    const node: Node = {
      kind: 'table-row', ordinal, label: row.number ?? '', title, titleIsSentence,
      paragraphs: [...paragraphs, ...own], children: [],
      ...(notes.length > 0 ? { notes } : {}),
      ...(commitment ? { commitment } : {}),
    };
    if (section) section.children.push(node);
    else out.push(node);
  });
  return out;
}

/** The outline of text numbered as documents number it (一、 (一) 1. 一是 ——). */
function numbered(text: string, appendix: string[]): Structure {
  const segments = segment(text.split('\n'));
  const root: Node = { kind: 'root', ordinal: 0, label: '', title: '', titleIsSentence: true, paragraphs: [], children: [] };
  const preamble = paragraphsOf(segments[0]?.marker ? '' : (segments[0]?.text ?? ''));
  const stack: Node[] = [root];
  for (const seg of segments) {
    const m = seg.marker;
    if (!m) continue;
    const { title, titleIsSentence, paragraphs } = titled(seg.text, m.bare === true);
    const node: Node = {
      kind: m.kind,
      ordinal: m.ordinal,
      label: m.label.replace(/[\s\ue000-\uf8ff]+/gu, '').replace(/^(——|--|—)$/u, ''),
      title,
      titleIsSentence,
      paragraphs: splitResponsibility(paragraphs),
      children: [],
    };
    // A kind already open is a sibling: close everything opened after it.
    const at = stack.findIndex((n) => n.kind === m.kind);
    if (at > 0) stack.length = at;
    stack[stack.length - 1]!.children.push(node);
    stack.push(node);
  }
  dropEmpty(root);
  let measures = chooseMeasures(root);
  if (measures.size === 0 && hasTopicParagraphs(root)) {
    promoteParagraphs(root);
    measures = new Set();
    walk(root, (n) => { if (n.kind === 'paragraph-measure') measures.add(n); });
  }
  return { preamble, sections: root.children, measureKind: dominantKind(measures), measures, appendix };
}

/**
 * A number with no text after it (a bare `1.` or `一、` line) is no item: it is dropped, and
 * what was numbered under it joins the item before it (or its parent, when it is the first),
 * so the document still goes through.
 */
function dropEmpty(node: Node): void {
  const kept: Node[] = [];
  for (const child of node.children) {
    dropEmpty(child);
    if (child.title.trim() !== '' || child.paragraphs.length > 0) kept.push(child);
    else if (kept.length > 0) kept.at(-1)!.children.push(...child.children);
    else kept.push(...child.children);
  }
  node.children = kept;
}

function walk(node: Node, visit: (n: Node, parent: Node) => void): void {
  for (const c of node.children) {
    visit(c, node);
    walk(c, visit);
  }
}

/** Kinds that number sections and items; dash lead-ins and paragraph measures are not numbering. */
const ITEM_KINDS = new Set<Node['kind']>(['chapter', 'cn', 'paren-cn', 'arabic', 'paren-arabic', 'circled', 'shi', 'di']);
/** Kinds that head a document's top sections rather than list its actions. */
const SECTION_KINDS = new Set<Node['kind']>(['chapter', 'cn', 'dash']);
/** Inline enumerations and sub-lists: items only where the document uses them across its parents. */
const SUB_KINDS = new Set<Node['kind']>(['paren-arabic', 'circled', 'shi', 'di']);
/** Enumerations written inside sentences (一是, 第一,), not numbered lines. */
const INLINE_KINDS = new Set<Node['kind']>(['shi', 'di']);

const isFrame = (n: Node): boolean => n.children.length === 0 && FRAME_SECTION.test(n.title);
const itemChildren = (n: Node): Node[] => n.children.filter((c) => ITEM_KINDS.has(c.kind));

/**
 * The measures of a document: the numbered items at the finest level below its top sections.
 *
 * - Leaves are counted: an item with numbered sub-items counts its sub-items, one without counts
 *   once (`(一)…(十三)`, seven of them with `1.2.3.`).
 * - 一是/第一, (1) and ① directly under a top section are items; deeper down they are items only
 *   where most parents of their kind use them, otherwise an enumeration inside one item.
 * - A finest level numbered through the whole document (1.…22. across (一)…(六)) is the
 *   document's own list of measures: items outside it (a 工作保障 (一)…(四)) are not measures.
 * - Top sections are measures themselves only when most of them state an action without
 *   sub-items; 指导思想, 工作目标 and the like never are.
 */
function chooseMeasures(root: Node): Set<Node> {
  const top = root.children.filter((n) => ITEM_KINDS.has(n.kind) || n.kind === 'dash');
  const sections = top.filter((n) => SECTION_KINDS.has(n.kind));
  const acting = sections.filter((n) => n.kind !== 'dash' && !FRAME_SECTION.test(n.title));
  const withItems = acting.filter((n) => itemChildren(n).length > 0);
  if (acting.length > 0 && withItems.length / acting.length < 0.4 && acting.length >= 2) {
    return new Set(top.filter((n) => n.kind !== 'dash' && !isFrame(n)));
  }
  // How many nodes of each kind have sub-items of a given kind, to tell a used level from a stray list.
  const parentsOf = new Map<Node['kind'], number>();
  const parentsWith = new Map<string, number>();
  walk(root, (n) => {
    if (!ITEM_KINDS.has(n.kind) || isFrame(n)) return;
    parentsOf.set(n.kind, (parentsOf.get(n.kind) ?? 0) + 1);
    for (const k of new Set(itemChildren(n).map((c) => c.kind))) parentsWith.set(`${n.kind}>${k}`, (parentsWith.get(`${n.kind}>${k}`) ?? 0) + 1);
  });
  const isItem = (n: Node, parent: Node): boolean => {
    if (!ITEM_KINDS.has(n.kind)) return false;
    if (!SUB_KINDS.has(n.kind)) return true;
    if (parent === root || (SECTION_KINDS.has(parent.kind) && root.children.includes(parent))) return true;
    const siblings = parent.children.filter((c) => c.kind === n.kind).length;
    const using = parentsWith.get(`${parent.kind}>${n.kind}`) ?? 0;
    // 一是/第一, inside a (一) or 1. item are written in its sentences: most often they enumerate
    // within that one item. They are the document's own level only when many items use them
    // (a report's seven (一) items, each with 一是…三是); one or two items that do, as in the
    // opening of a 工作总结, are inline enumerations.
    if (INLINE_KINDS.has(n.kind) && using < 3) return false;
    return siblings >= 2 && using / (parentsOf.get(parent.kind) ?? 1) >= 0.4;
  };
  const leaves: Node[] = [];
  const collect = (n: Node): void => {
    const items = n.children.filter((c) => isItem(c, n));
    if (items.length === 0) {
      leaves.push(n);
      return;
    }
    for (const c of items) collect(c);
  };
  for (const n of top) {
    if (n.kind === 'dash' || SECTION_KINDS.has(n.kind)) {
      for (const c of n.children.filter((x) => isItem(x, n))) collect(c);
    } else collect(n);
  }
  if (leaves.length === 0) return new Set();
  // The finest level: when its numbers run on from one parent to the next, it is the measure list.
  const depth = new Map<Node, number>();
  const parentOf = new Map<Node, Node>();
  const setDepth = (n: Node, d: number): void => n.children.forEach((c) => { depth.set(c, d + 1); parentOf.set(c, n); setDepth(c, d + 1); });
  setDepth(root, 0);
  const finest = leaves.reduce((a, b) => ((depth.get(b) ?? 0) > (depth.get(a) ?? 0) ? b : a)).kind;
  const ofFinest = leaves.filter((n) => n.kind === finest);
  const runsOn = ofFinest.some((n) => {
    const p = parentOf.get(n);
    return p !== undefined && p.children.find((c) => c.kind === finest) === n && n.ordinal > 1;
  });
  return new Set(runsOn ? ofFinest : leaves);
}

/** The kind most measures have (for callers that report one level), or null. */
function dominantKind(measures: Set<Node>): Node['kind'] | null {
  const count = new Map<Node['kind'], number>();
  for (const n of measures) count.set(n.kind, (count.get(n.kind) ?? 0) + 1);
  let best: Node['kind'] | null = null;
  for (const [k, c] of count) if (best === null || c > (count.get(best) ?? 0)) best = k;
  return best;
}

// Only unnumbered sections (speeches): paragraphs opening with a short topic sentence.
function hasTopicParagraphs(root: Node): boolean {
  let topical = 0;
  walk(root, (n) => { topical += n.paragraphs.filter(isTopicParagraph).length; });
  return topical >= 2;
}

// `不断提升教育公共服务水平。2021年,…`: a paragraph led by a short sentence is an action.
function isTopicParagraph(p: string): boolean {
  const end = p.search(SENTENCE_END);
  return end >= 4 && end <= 25 && p.length > end + 10 && !/^[\d(（]/.test(p);
}

function promoteParagraphs(root: Node): void {
  // Every paragraph of a section is one action of the speech; its title is its topic sentence.
  walk(root, (n) => {
    if (n.kind !== 'dash' && n.kind !== 'chapter' && n.kind !== 'cn') return;
    for (const p of n.paragraphs) {
      const t = titled(p, false);
      n.children.push({
        kind: 'paragraph-measure', ordinal: n.children.length + 1, label: '',
        title: t.title, titleIsSentence: t.titleIsSentence, paragraphs: t.paragraphs, children: [],
      });
    }
    n.paragraphs = [];
  });
}
