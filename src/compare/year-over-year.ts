/**
 * Year over year: what a body kept, changed, added and dropped since its previous document
 * of the same kind.
 *
 * Pairing. Documents of the same issuer and place (or, without an issuer, the same place)
 * and of the same family of types (工作要点 with 工作计划, 实施方案 with 行动方案, 工作总结
 * with 汇报) form a series. Each dated document is paired with one predecessor: a document of
 * the series from the nearest earlier year (of the same type if there is one, else the
 * latest). Documents without a known place are never paired: 市教育局 of two anonymised
 * documents need not be the same bureau. A province stands in for the city only when the
 * issuer is known (河南省教育厅): two anonymous plans of cities in 福建省 are not one series.
 * Each document is compared with one other only, so
 * the work is linear in the number of documents.
 *
 * Matching. Every measure (title and text) is compared with the predecessor's measures by
 * character-bigram Dice similarity (src/compare/similarity.ts), through a bigram index, and pairs
 * are taken greedily, most similar first, each measure at most once:
 *
 *   - similarity ≥ MATCH_SIMILARITY (0.4): the same measure in both years;
 *   - of those, similarity ≥ CONTINUED_SIMILARITY (0.95) with the same targets: 延续 (continued);
 *     otherwise 调整 (changed);
 *   - a measure with no match: 新增 (new); a predecessor's measure with no match: 不再提及 (dropped).
 *
 * The thresholds come from the five sample documents (tests/year-over-year.test.ts): no two
 * different measures of their 111 are more than 0.22 alike; a measure that keeps its first
 * half of sentences and replaces the rest with as much other text is about 0.6 alike (some
 * fall just under 0.4 and count as new plus dropped); a changed year or number leaves 0.97 or
 * more in a measure of 80 characters or more, but a short one can drop to 0.93 and then counts
 * as changed, which it is.
 */
import { BigramIndex, bigrams } from './similarity.ts';

/** Two measures at least this alike are the same measure of two years. */
export const MATCH_SIMILARITY = 0.4;
/** A matched measure at least this alike, with the same targets, is carried over unchanged. */
export const CONTINUED_SIMILARITY = 0.95;

/** Families of document types that succeed each other; 其他 has none. */
export const TYPE_FAMILIES: Readonly<Record<string, string>> = {
  工作要点: 'plan',
  工作计划: 'plan',
  实施方案: 'programme',
  行动方案: 'programme',
  工作总结: 'report',
  汇报: 'report',
  讲话: 'speech',
  通知: 'notice',
};

/** What pairing needs to know of a document (a DocSummary has it all). */
export interface SeriesDoc {
  slug: string;
  issuer: string | null;
  city: string | null;
  province: string | null;
  year: number | null;
  docType: string;
  /** The date as text that sorts: 2018-02-05, 0000-00-00 when unknown. */
  sortDate: string;
}

/** The series a document belongs to, or null when it cannot be paired. */
export function seriesKey(doc: SeriesDoc): string | null {
  const place = doc.city ?? (doc.issuer === null ? null : doc.province);
  const family = TYPE_FAMILIES[doc.docType];
  if (place === null || family === undefined || doc.year === null) return null;
  return `${doc.issuer ?? ''}\u0000${place}\u0000${family}`;
}

function bySeriesOrder(a: SeriesDoc, b: SeriesDoc): number {
  return (a.year ?? 0) - (b.year ?? 0) || (a.sortDate < b.sortDate ? -1 : a.sortDate > b.sortDate ? 1 : 0) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
}

/** Each pairable document's predecessor: slug → the slug of the document it is compared with. */
export function pairWithPreviousYear(docs: readonly SeriesDoc[]): Map<string, string> {
  const series = new Map<string, SeriesDoc[]>();
  for (const d of docs) {
    const key = seriesKey(d);
    if (key === null) continue;
    const list = series.get(key);
    if (list) list.push(d);
    else series.set(key, [d]);
  }
  const out = new Map<string, string>();
  for (const list of series.values()) {
    list.sort(bySeriesOrder);
    // Walk year by year; `previousYear` holds the documents of the nearest earlier year.
    let previousYear: SeriesDoc[] = [];
    let i = 0;
    while (i < list.length) {
      const year = list[i]!.year;
      let j = i;
      while (j < list.length && list[j]!.year === year) j++;
      const thisYear = list.slice(i, j);
      if (previousYear.length > 0) {
        const latest = previousYear[previousYear.length - 1]!;
        for (const d of thisYear) {
          // Latest of the same type, else the latest of the family.
          let pick = latest;
          for (let k = previousYear.length - 1; k >= 0; k--) {
            if (previousYear[k]!.docType === d.docType) {
              pick = previousYear[k]!;
              break;
            }
          }
          out.set(d.slug, pick.slug);
        }
      }
      previousYear = thisYear;
      i = j;
    }
  }
  return out;
}

/** A measure as year-over-year matching sees it. */
export interface ComparableMeasure {
  id: string;
  /** Title and text of the measure. */
  text: string;
  /** Its targets, each as one string (metric, comparator, value, unit, year); order does not matter. */
  targets: readonly string[];
}

export type ChangeStatus = 'continued' | 'changed' | 'new';

/** One measure of the later document and what became of it. */
export interface MeasureChange {
  id: string;
  status: ChangeStatus;
  /** The matching measure of the earlier document, or null for a new one. */
  previous: string | null;
  /** Bigram similarity to `previous`, rounded to 3 decimals; null for a new measure. */
  similarity: number | null;
}

/** The later document's measures against the earlier one's. */
export interface MeasureComparison {
  /** The later document's measures in their order. */
  measures: MeasureChange[];
  /** The earlier document's measures that match none, in their order. */
  dropped: string[];
  counts: Record<ChangeStatus | 'dropped', number>;
}

const sameTargets = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && [...a].sort().join('\u0001') === [...b].sort().join('\u0001');

/** Matches the measures of a later document against an earlier one's; greedy, most similar pairs first. */
export function compareMeasures(previous: readonly ComparableMeasure[], current: readonly ComparableMeasure[]): MeasureComparison {
  const index = new BigramIndex();
  for (const m of previous) index.add(bigrams(m.text));
  const pairs: { cur: number; prev: number; similarity: number }[] = [];
  current.forEach((m, cur) => {
    for (const hit of index.similar(bigrams(m.text), MATCH_SIMILARITY)) pairs.push({ cur, prev: hit.id, similarity: hit.similarity });
  });
  // Most similar first; among equals, the pair whose positions are nearest, then document order.
  pairs.sort((a, b) => b.similarity - a.similarity || Math.abs(a.cur - a.prev) - Math.abs(b.cur - b.prev) || a.cur - b.cur || a.prev - b.prev);
  const matchOf = new Map<number, { prev: number; similarity: number }>();
  const taken = new Set<number>();
  for (const p of pairs) {
    if (matchOf.has(p.cur) || taken.has(p.prev)) continue;
    matchOf.set(p.cur, { prev: p.prev, similarity: p.similarity });
    taken.add(p.prev);
  }
  const counts = { continued: 0, changed: 0, new: 0, dropped: 0 };
  const measures = current.map((m, cur): MeasureChange => {
    const match = matchOf.get(cur);
    if (!match) {
      counts.new++;
      return { id: m.id, status: 'new', previous: null, similarity: null };
    }
    const before = previous[match.prev]!;
    const status: ChangeStatus = match.similarity >= CONTINUED_SIMILARITY && sameTargets(m.targets, before.targets) ? 'continued' : 'changed';
    counts[status]++;
    return { id: m.id, status, previous: before.id, similarity: Math.round(match.similarity * 1000) / 1000 };
  });
  const dropped = previous.filter((_, i) => !taken.has(i)).map((m) => m.id);
  counts.dropped = dropped.length;
  return { measures, dropped, counts };
}

/** A document compared with its predecessor. */
export interface YearOverYear extends MeasureComparison {
  doc: string;
  previous: string;
}

/** Every pairable document compared with its predecessor; `measuresOf` gives a document's measures. */
export function buildYearOverYear(
  docs: readonly SeriesDoc[],
  measuresOf: (slug: string) => readonly ComparableMeasure[],
): Map<string, YearOverYear> {
  const out = new Map<string, YearOverYear>();
  for (const [doc, previous] of pairWithPreviousYear(docs)) {
    out.set(doc, { doc, previous, ...compareMeasures(measuresOf(previous), measuresOf(doc)) });
  }
  return out;
}

/** One target as a string for comparing targets between years. */
export function targetSignature(t: { metric: string; comparator: string; value: number | null; valueMax?: number | null; unit: string | null; year: number | null; yearImplied?: boolean }): string {
  // An implied year is the plan's own year, not a deadline the text sets: two annual plans that
  // repeat one target (2018, 2019) have not changed it, and one with an implied year has set the
  // same thing as one with none.
  return [t.metric, t.comparator, t.value ?? '', t.valueMax ?? '', t.unit ?? '', t.yearImplied ? '' : (t.year ?? '')].join('|');
}
