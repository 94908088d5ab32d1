/**
 * From Pagefind's search results to what the search page shows: one entry per document, its
 * matching measures under it, excerpts that are safe to insert as HTML.
 *
 * Also the minimal types of Pagefind's browser API (pagefind.js) as this site uses it, shared by
 * the page script and the Node client of the tests and the build check.
 */
import { escapeHtml } from '../site/html.ts';

/** A section of a result page, split at headings with an id (a measure `#m12`, a section `#s2`). */
export interface PagefindSubResult {
  title: string;
  url: string;
  /** Escaped text with the matches wrapped in `<mark>`. */
  excerpt: string;
  plain_excerpt?: string;
  /** Absent for the part of the page before its first heading with an id. */
  anchor?: PagefindAnchor;
  weighted_locations?: { weight: number; balanced_score: number; location: number }[];
}

/** An element with an id on a result page, at a word position of its content. */
export interface PagefindAnchor {
  element: string;
  id: string;
  text?: string;
  /** The element's data-pagefind-title, when it has one. */
  title?: string;
  location: number;
}

/** What `result.data()` gives for a page. */
export interface PagefindResultData {
  url: string;
  anchors?: PagefindAnchor[];
  /** The page's indexed text. */
  content: string;
  /** The same text as Pagefind cut it into words (Chinese words separated by zero-width spaces). */
  raw_content?: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
  sub_results: PagefindSubResult[];
  word_count: number;
}

export interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<PagefindResultData>;
}

export interface PagefindSearchResponse {
  results: PagefindResult[];
  unfilteredResultCount: number;
  /** Per filter and value: how many results there would be with the current filters and that value. */
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}

export interface PagefindSearchOptions {
  filters?: Record<string, unknown>;
  sort?: Record<string, 'asc' | 'desc'>;
}

/** The module `/pagefind/pagefind.js`, as far as this site calls it. */
export interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: PagefindSearchOptions): Promise<PagefindSearchResponse>;
  filters(): Promise<Record<string, Record<string, number>>>;
  preload(term: string | null, options?: PagefindSearchOptions): Promise<void>;
}

/**
 * An excerpt from Pagefind made safe to insert as HTML: Pagefind escapes the page text and adds
 * `<mark>`; anything else that looks like a tag is escaped again, so only `<mark>` survives.
 * Adjacent marks are merged (`<mark>大班</mark><mark>额</mark>` → `<mark>大班额</mark>`), as
 * Chinese is indexed word by word.
 */
export function safeExcerpt(html: string): string {
  return html
    .split(/(<\/?mark>)/)
    .map((part) => (part === '<mark>' || part === '</mark>' ? part : part.replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')))
    .join('')
    .replace(/<\/mark>(\u200b*)<mark>/g, '$1')
    .replace(/\u200b/g, '');
}

/**
 * An excerpt (safe HTML from safeExcerpt) with the query's phrases marked where they occur as
 * written, instead of Pagefind's marks on the words it matched (which, for Chinese, can be
 * single characters scattered around: 大校<mark>额和大</mark>班<mark>额</mark>). Left as it is
 * when no phrase occurs in it. Only `<mark>` is ever added.
 */
export function highlightPhrases(excerptHtml: string, phrases: readonly string[]): string {
  const text = excerptHtml.replace(/<\/?mark>/g, '');
  const wanted = phrases.map(escapeHtml).filter((p) => p !== '').sort((a, b) => b.length - a.length);
  if (wanted.length === 0) return excerptHtml;
  const lower = text.toLowerCase();
  const marks: [number, number][] = [];
  for (let i = 0; i < text.length; ) {
    const hit = wanted.find((p) => lower.startsWith(p, i));
    if (hit) {
      marks.push([i, i + hit.length]);
      i += hit.length;
    } else i++;
  }
  if (marks.length === 0) return excerptHtml;
  let out = '';
  let at = 0;
  for (const [from, to] of marks) {
    out += `${text.slice(at, from)}<mark>${text.slice(from, to)}</mark>`;
    at = to;
  }
  return out + text.slice(at);
}

/**
 * An excerpt without the marks Pagefind puts on single Chinese characters that stand apart from
 * the query as written (课<mark>程</mark>, <mark>服</mark>务型机关 for 课后服务): a mark must show
 * where the reader's words are, not where one of their characters happens to be.
 */
export function dropScatteredMarks(excerptHtml: string): string {
  return excerptHtml.replace(/<mark>(\p{Script=Han})<\/mark>/gu, '$1');
}

/** Text compared for phrases: no whitespace or zero-width spaces, lower case. */
function normalizeText(text: string): string {
  return text.replace(/[\s\u200b]+/g, '').toLowerCase();
}

/**
 * The phrases a query asks for, as a reader means them: each quoted part, and each
 * space-separated word outside quotes. `大班额 "课后服务"` → [大班额, 课后服务].
 */
export function queryPhrases(query: string): string[] {
  const phrases: string[] = [];
  const rest = query.replace(/["“”]([^"“”]*)["“”]?/g, (_, inner: string) => {
    phrases.push(inner);
    return ' ';
  });
  phrases.push(...rest.split(/\s+/));
  return [...new Set(phrases.map((p) => normalizeText(p)).filter((p) => p !== ''))];
}

/**
 * The phrases of the query that do not occur as written in a text. Pagefind matches the words a
 * phrase is cut into (大班额 → 大班 + 额), so a page can match without saying the phrase;
 * the page tells the reader so.
 */
export function missingPhrases(text: string, phrases: readonly string[]): string[] {
  const haystack = normalizeText(text);
  return phrases.filter((p) => !haystack.includes(p));
}

/** One matching part of a document: a measure, a section, or the document's opening. */
export interface SubResultView {
  url: string;
  title: string;
  /** Safe HTML: escaped text and `<mark>`. */
  excerptHtml: string;
  /** The heading id the link lands on (`m12`), or null for the document's opening. */
  anchor: string | null;
}

/** One document in the result list. */
export interface ResultView {
  url: string;
  title: string;
  place: string;
  year: string;
  date: string;
  /** Safe HTML: escaped text and `<mark>`. */
  excerptHtml: string;
  /** The parts shown under the document, in the order they come in it. */
  subResults: SubResultView[];
  /** How many more matching parts the document has than are shown. */
  moreSubResults: number;
  /** Phrases of the query the document does not contain as written (empty: all found). */
  missing: string[];
}

/** At most this many matching parts are shown under a document; the best-scoring ones. */
export const SUB_RESULTS_SHOWN = 4;

function score(sub: PagefindSubResult): number {
  return (sub.weighted_locations ?? []).reduce((sum, l) => sum + l.balanced_score, 0);
}

/** A heading's text that is only its item number: 2. / (三) / 一是 / 第四条. */
const NUMBER_ONLY = /^[\p{N}\p{P}\s一二三四五六七八九十百是第项条]*$/u;

/**
 * The title of a matching part. Pagefind titles a part by its heading's own text, which leaves
 * out text inside child elements; when that leaves only the number (`2.` of
 * `2. <mark id="target-1">全面消除大班额</mark>`), the children with ids right after the heading
 * (recorded as anchors of their own) supply the rest. A heading's data-pagefind-title wins.
 */
export function partTitle(sub: PagefindSubResult, anchors: readonly PagefindAnchor[] = []): string {
  const title = sub.title.trim();
  if (!sub.anchor || sub.anchor.title || !NUMBER_ONLY.test(title)) return title;
  const at = anchors.findIndex((a) => a.id === sub.anchor!.id);
  const rest: string[] = [];
  for (const a of at < 0 ? [] : anchors.slice(at + 1)) {
    if (/^h\d$/i.test(a.element) || a.location > sub.anchor.location + 3) break;
    if (a.text) rest.push(a.text.trim());
  }
  return [title, ...rest].join(' ').trim();
}

/**
 * The query to take a document's matching parts from: a quoted phrase finds the right documents,
 * but Pagefind then reports only its first occurrence in each, so the parts come from the same
 * words searched without quotes. Null when the query has no quotes.
 */
export function looseQuery(query: string): string | null {
  if (!/["“”]/.test(query)) return null;
  const words = query.replace(/["“”]/g, ' ').replace(/\s+/g, ' ').trim();
  return words === '' ? null : words;
}

/**
 * The text of each part of a page, by the id of the heading it starts at ('' for the opening),
 * cut from the page's indexed content at the heading positions Pagefind records, as Pagefind
 * cuts its parts (Chinese content is split at zero-width spaces, other text at whitespace).
 */
export function partTexts(data: Pick<PagefindResultData, 'content' | 'raw_content' | 'anchors'>): Map<string, string> {
  const content = data.raw_content ?? data.content;
  const zws = content.includes('\u200b');
  const words = zws ? content.split('\u200b') : content.split(/[\r\n\s]+/g);
  const joiner = zws ? '' : ' ';
  const headings = (data.anchors ?? []).filter((a) => /^h\d$/i.test(a.element) && a.text?.trim()).sort((a, b) => a.location - b.location);
  const texts = new Map<string, string>();
  const starts = [{ id: '', location: 0 }, ...headings];
  starts.forEach((start, i) => texts.set(start.id, words.slice(start.location, starts[i + 1]?.location ?? words.length).join(joiner)));
  return texts;
}

/**
 * The view of one Pagefind result for a query. The parts shown are the best-scoring ones that
 * contain every phrase of the query (when any does; else the best-scoring ones), in document order;
 * with `only`, just the parts at those anchors (the measures of the unit a reader filtered by).
 */
export function toResultView(data: PagefindResultData, query: string, shown = SUB_RESULTS_SHOWN, only: ReadonlySet<string> | null = null): ResultView {
  const title = data.meta.title ?? data.url;
  const phrases = queryPhrases(query);
  const texts = partTexts(data);
  // A single character asked for is the reader's word; otherwise lone marked characters are noise.
  const marks = (html: string): string => {
    const marked = highlightPhrases(safeExcerpt(html), phrases);
    return phrases.some((p) => [...p].length === 1) ? marked : dropScatteredMarks(marked);
  };
  // With `only` (the measures of a chosen unit), the other measures are not shown at all.
  const subs = only === null ? data.sub_results : data.sub_results.filter((sub) => sub.anchor !== undefined && only.has(sub.anchor.id));
  const parts = subs.map((sub, index) => ({
    sub,
    index,
    score: score(sub),
    complete: missingPhrases(texts.get(sub.anchor?.id ?? '') ?? sub.plain_excerpt ?? '', phrases).length === 0,
  }));
  // The document's opening (title, facts) is only worth a line when no measure matched.
  const anchored = parts.filter((p) => p.sub.anchor !== undefined);
  const pool = anchored.length > 0 ? anchored : parts;
  const complete = pool.filter((p) => p.complete);
  const candidates = complete.length > 0 ? complete : pool;
  const best = [...candidates].sort((a, b) => b.score - a.score || a.index - b.index).slice(0, shown);
  best.sort((a, b) => a.index - b.index);
  return {
    url: data.url,
    title,
    place: data.meta.place ?? '',
    year: data.meta.year ?? '',
    date: data.meta.date ?? '',
    excerptHtml: marks(data.excerpt),
    subResults: best.map(({ sub }) => ({
      url: sub.url,
      title: partTitle(sub, data.anchors),
      excerptHtml: marks(sub.excerpt),
      anchor: sub.anchor?.id ?? null,
    })),
    moreSubResults: candidates.length - best.length,
    missing: missingPhrases(data.content, phrases),
  };
}

/**
 * Documents that say every phrase of the query first, the others (found for the words a phrase
 * is cut into) after them, each group in the order it came in. For a list in relevance order.
 */
export function sayingFirst(views: readonly ResultView[]): ResultView[] {
  return [...views.filter((v) => v.missing.length === 0), ...views.filter((v) => v.missing.length > 0)];
}

/**
 * The measures of each unit on a page, as the page records them for the search index (meta
 * `unitMeasures`: `市财政局:m3,m7;市教育局:m1`), so a 责任单位 filter can narrow a document's
 * matching parts to that unit's measures. Unit names never contain `:` `;` or `,` as written
 * in documents (they are Chinese names); a malformed entry is skipped.
 */
export function encodeUnitMeasures(byUnit: ReadonlyMap<string, readonly string[]>): string {
  return [...byUnit].map(([unit, ids]) => `${unit.replace(/[:;,]/g, '')}:${ids.join(',')}`).join(';');
}

export function decodeUnitMeasures(meta: string | undefined): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const entry of (meta ?? '').split(';')) {
    const at = entry.lastIndexOf(':');
    if (at <= 0) continue;
    out.set(entry.slice(0, at), entry.slice(at + 1).split(',').filter(Boolean));
  }
  return out;
}

/** The anchors a result may show under the chosen units (any of them), or null when none is chosen. */
export function anchorsOfUnits(meta: string | undefined, units: readonly string[] | undefined): Set<string> | null {
  if (!units || units.length === 0) return null;
  const byUnit = decodeUnitMeasures(meta);
  return new Set(units.flatMap((u) => byUnit.get(u.replace(/[:;,]/g, '')) ?? []));
}
