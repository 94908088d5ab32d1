/**
 * A policy document as the site sees it, and the facts every list shows about one:
 * its year, place and date, with 未注明 where the document does not say.
 */
import type { PolicyData } from '../format/schema.ts';
import type { DocSlug } from '../format/ids.ts';
import { UNKNOWN } from '../site/ui-text.ts';

/** One document of the collection: its slug (file name), frontmatter and Markdown body. */
export interface PolicyDoc {
  slug: DocSlug;
  data: PolicyData;
  body: string;
}

/** The one-line facts a list shows about a document. */
export interface DocSummary {
  slug: DocSlug;
  title: string;
  /** City, else province, else 未注明. */
  place: string;
  city: string | null;
  province: string | null;
  /** Year of the document's date, or null when it has none. */
  year: number | null;
  /**
   * The years a reader looks for the document under: each year of its period (a report on 2022,
   * a plan for 2023–2027) and the year of its date, ascending; empty when it has neither.
   */
  years: number[];
  date: string | null;
  /** The date as a reader writes it: 2018年2月5日, or 未注明. */
  dateLabel: string;
  /** The date as text that sorts: 2018-02-05, 2018-02-00, 0000-00-00 when unknown. */
  sortDate: string;
  docType: string;
  docNumber: string | null;
  issuer: string | null;
  measureCount: number;
  targetCount: number;
}

/** Chinese collation (pinyin order) for names of places, units and issuers. */
export const collator = new Intl.Collator('zh-CN');

/** The year of a document's date; the date is the only source (a title's year is not a date). */
export function yearOf(date: string | null): number | null {
  const m = /^(\d{4})/.exec(date ?? '');
  return m ? Number(m[1]) : null;
}

/** A period longer than this is listed only under its first and last years and its date's year. */
const LONGEST_LISTED_PERIOD = 30;

/** The years of {@link DocSummary.years}: the period's years and the date's year. */
export function yearsOf(period: { start: number; end: number } | null | undefined, date: string | null): number[] {
  const years = new Set<number>();
  if (period) {
    if (period.end - period.start < LONGEST_LISTED_PERIOD) for (let y = period.start; y <= period.end; y++) years.add(y);
    else years.add(period.start).add(period.end);
  }
  const dated = yearOf(date);
  if (dated !== null) years.add(dated);
  return [...years].sort((a, b) => a - b);
}

/** The date as a reader writes it: 2018年2月5日, 2018年2月, 2018年, or 未注明. */
export function formatDate(date: string | null): string {
  if (date === null) return UNKNOWN;
  const [y, m, d] = date.split('-');
  return `${y}年${m ? `${Number(m)}月` : ''}${d ? `${Number(d)}日` : ''}`;
}

/** A date that sorts as text, with unknown parts as zeros: 2018-02-00, 0000-00-00. */
export function sortableDate(date: string | null): string {
  const [y = '0000', m = '00', d = '00'] = (date ?? '').split('-').filter(Boolean);
  return `${y}-${m}-${d}`;
}

/** The place a list shows for a document: city, else province, else 未注明. */
export function placeOf(data: Pick<PolicyData, 'city' | 'province'>): string {
  return data.city ?? data.province ?? UNKNOWN;
}

/** Newest first; undated documents last; ties by title, then slug, so the order is stable. */
export function byDateDesc(a: DocSummary, b: DocSummary): number {
  if (a.sortDate !== b.sortDate) return a.sortDate < b.sortDate ? 1 : -1;
  return collator.compare(a.title, b.title) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
}

// One summary per document object: the site index, the target, theme and unit indexes and the
// lineage each list documents, and used to compute the same facts up to four times a build.
const summaries = new WeakMap<PolicyDoc, DocSummary>();

/** The list facts of one document, computed once per document (the same object each time). */
export function summarize(doc: PolicyDoc): DocSummary {
  let summary = summaries.get(doc);
  if (!summary) summaries.set(doc, (summary = summaryOf(doc)));
  return summary;
}

function summaryOf(doc: PolicyDoc): DocSummary {
  const d = doc.data;
  return {
    slug: doc.slug,
    title: d.title,
    place: placeOf(d),
    city: d.city,
    province: d.province,
    year: yearOf(d.date),
    years: yearsOf(d.period, d.date),
    date: d.date,
    dateLabel: formatDate(d.date),
    sortDate: sortableDate(d.date),
    docType: d.docType,
    docNumber: d.docNumber,
    issuer: d.issuer,
    measureCount: d.measures.length,
    targetCount: d.targets.length,
  };
}
