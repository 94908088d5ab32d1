/**
 * The index of quantitative targets across documents: what is measured, the required value,
 * the deadline, where and in which document, with the sentence it was read from.
 */
import type { Measure, Target } from '../format/schema.ts';
import { byDateDesc, collator, summarize, type DocSummary, type PolicyDoc } from './documents.ts';
import { targetAnchor, targetKey } from '../site/paths.ts';
import { COMPARATOR_WORDS, UNKNOWN } from '../site/ui-text.ts';

/** A target as every view and export takes it: the schema's record with `valueMax` given (null for a single value). */
export type IndexedTarget = Target & { valueMax: number | null };

/** One target with everything its row shows: the one record of a target that pages, the data API and the compare JSON project. */
export interface TargetRow {
  /** Id of the row on the targets index. */
  key: string;
  /** Id of the target's mark in the policy text. */
  anchor: string;
  /** Position in the document's targets, from 1. */
  index: number;
  target: IndexedTarget;
  /** The requirement in words: 不低于 95%, 全面消除. */
  requirement: string;
  doc: DocSummary;
  /** The measure that sets the target, or null for a target of the document's goals. */
  measure: Measure | null;
}

export interface TargetGroup {
  /** Deadline year, place or metric; 未注明 for targets without one. */
  label: string;
  year: number | null;
  rows: TargetRow[];
}

export interface TargetIndex {
  /** All targets, by deadline (undated last), then place, then newest document. */
  rows: TargetRow[];
  /** Deadline years in order, 未注明 last: the timeline. */
  byYear: TargetGroup[];
  /** Places in pinyin order, 未注明 last. */
  byPlace: TargetGroup[];
  /** All targets by metric (pinyin order), then deadline. */
  byMetric: TargetRow[];
}

function number(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(4)));
}

/** The requirement of a target in words: 不低于 95%, 介于 10–20%, 全面消除. */
export function formatRequirement(t: Pick<Target, 'comparator' | 'value' | 'valueMax' | 'unit'>): string {
  const word = COMPARATOR_WORDS[t.comparator];
  if (t.value === null) return word;
  const unit = t.unit ?? '';
  if (t.comparator === 'range' && t.valueMax !== null && t.valueMax !== undefined) {
    return `${word} ${number(t.value)}–${number(t.valueMax)}${unit}`;
  }
  return `${word} ${number(t.value)}${unit}`;
}

const SYMBOLS: Readonly<Record<Target['comparator'], string>> = { '>=': '≥', '<=': '≤', '>': '>', '<': '<', '=': '=', range: '', increase: '增长', decrease: '减少', eliminate: '消除' };

/** The requirement in a few signs, for a difference said in one line: ≥10%, ≤15%, 1–2项, 增长15%, 消除. */
export function shortRequirement(t: Pick<Target, 'comparator' | 'value' | 'valueMax' | 'unit'>): string {
  const sign = SYMBOLS[t.comparator];
  if (t.value === null) return sign === '' ? COMPARATOR_WORDS[t.comparator] : sign;
  const unit = t.unit ?? '';
  if (t.comparator === 'range' && t.valueMax !== null && t.valueMax !== undefined) return `${number(t.value)}–${number(t.valueMax)}${unit}`;
  return `${sign}${number(t.value)}${unit}`;
}

const byYearAsc = (a: number | null, b: number | null): number =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : a - b;

const byPlaceName = (a: string, b: string): number =>
  a === b ? 0 : a === UNKNOWN ? 1 : b === UNKNOWN ? -1 : collator.compare(a, b);

function groupBy(rows: readonly TargetRow[], keyOf: (r: TargetRow) => string, yearOf: (r: TargetRow) => number | null): TargetGroup[] {
  const groups = new Map<string, TargetGroup>();
  for (const r of rows) {
    const label = keyOf(r);
    let g = groups.get(label);
    if (!g) {
      g = { label, year: yearOf(r), rows: [] };
      groups.set(label, g);
    }
    g.rows.push(r);
  }
  return [...groups.values()];
}

/** Collects and orders the targets of all documents; linear apart from the sorts. */
export function buildTargetIndex(docs: readonly PolicyDoc[]): TargetIndex {
  const rows: TargetRow[] = [];
  for (const doc of docs) {
    if (doc.data.targets.length === 0) continue;
    const summary = summarize(doc);
    const measures = new Map(doc.data.measures.map((m) => [m.id, m]));
    doc.data.targets.forEach((target, i) => {
      rows.push({
        key: targetKey(doc.slug, i + 1),
        anchor: targetAnchor(i + 1),
        index: i + 1,
        // valueMax defaulted here, once, for every projection of the target.
        target: { ...target, valueMax: target.valueMax ?? null },
        requirement: formatRequirement(target),
        doc: summary,
        measure: target.measure === null ? null : (measures.get(target.measure) ?? null),
      });
    });
  }
  const inDocument = (a: TargetRow, b: TargetRow): number => byDateDesc(a.doc, b.doc) || a.index - b.index;
  rows.sort((a, b) => byYearAsc(a.target.year, b.target.year) || byPlaceName(a.doc.place, b.doc.place) || inDocument(a, b));
  const byYear = groupBy(rows, (r) => (r.target.year === null ? UNKNOWN : String(r.target.year)), (r) => r.target.year);
  const placeOrder = [...rows].sort((a, b) => byPlaceName(a.doc.place, b.doc.place) || byYearAsc(a.target.year, b.target.year) || inDocument(a, b));
  const byPlace = groupBy(placeOrder, (r) => r.doc.place, () => null);
  const byMetric = [...rows].sort(
    (a, b) => collator.compare(a.target.metric, b.target.metric) || byYearAsc(a.target.year, b.target.year) || inDocument(a, b),
  );
  return { rows, byYear, byPlace, byMetric };
}

/** Up to this many targets, /targets/ shows every row under its year; above, it links the year pages. */
export const INLINE_TIMELINE_ROWS = 300;
/** The most rows the by-place and by-metric lists show; the year pages and the CSV have them all. */
export const LIST_ROW_LIMIT = 2000;

/** The rows a long list shows, and how many it leaves to the year pages and the CSV. */
export function listedRows<T>(rows: readonly T[], limit = LIST_ROW_LIMIT): { shown: T[]; left: number } {
  return { shown: rows.slice(0, limit), left: Math.max(0, rows.length - limit) };
}

/** Groups of rows cut after `limit` rows in all, and how many rows were left out. */
export function listedGroups(groups: readonly TargetGroup[], limit = LIST_ROW_LIMIT): { shown: TargetGroup[]; left: number } {
  const shown: TargetGroup[] = [];
  let room = limit;
  let left = 0;
  for (const g of groups) {
    if (room > 0) shown.push(g.rows.length <= room ? g : { ...g, rows: g.rows.slice(0, room) });
    left += Math.max(0, g.rows.length - room);
    room = Math.max(0, room - g.rows.length);
  }
  return { shown, left };
}
