/**
 * Browsing documents by one property: city, year, type or issuer. Each value lists its
 * documents newest first; documents without the property form an explicit 未注明 group.
 */
import { DOC_TYPES } from '../format/schema.ts';
import { byDateDesc, collator, type DocSummary } from './documents.ts';
import { nameSlug, UNKNOWN_SLUG, type Slug } from '../site/paths.ts';
import { FACET_LABELS, UNKNOWN, type FacetName } from '../site/ui-text.ts';

/** One value of a facet and its documents. */
export interface FacetValue {
  /** The value as shown: 济源市, 2018, 工作要点; 未注明 for documents without it. */
  label: string;
  /** False for the 未注明 group. */
  known: boolean;
  slug: Slug;
  /** A second line for the value, e.g. the province of a city. */
  note: string | null;
  /** Newest first. */
  docs: DocSummary[];
  /** The documents in groups: by year (by place on year pages), with the 未注明 group last. */
  groups: DocGroup[];
}

/** Documents of one year or one place within a facet value. */
export interface DocGroup {
  /** 2018年, 济源市, or 年份未注明 / 地区未注明. */
  label: string;
  known: boolean;
  docs: DocSummary[];
}

export interface Facet {
  name: FacetName;
  /** Values in reading order; the 未注明 group, when there is one, last. */
  values: FacetValue[];
  /** The values of each page (more than one only when two names share a pinyin slug). */
  bySlug: Map<Slug, FacetValue[]>;
}

interface FacetRule {
  /** The values a document is listed under; none puts it in the 未注明 group. */
  valuesOf: (d: DocSummary) => readonly string[];
  slugOf: (value: string) => Slug;
  noteOf?: (d: DocSummary) => string | null;
  order: (a: string, b: string) => number;
}

const RULES: Record<FacetName, FacetRule> = {
  city: {
    valuesOf: (d) => (d.city === null ? [] : [d.city]),
    slugOf: nameSlug,
    noteOf: (d) => d.province,
    order: (a, b) => collator.compare(a, b),
  },
  year: {
    // A document is listed under every year it is about (its period) and the year of its date.
    valuesOf: (d) => d.years.map(String),
    slugOf: (v) => v as Slug,
    order: (a, b) => Number(b) - Number(a),
  },
  type: {
    valuesOf: (d) => [d.docType],
    slugOf: nameSlug,
    order: (a, b) => DOC_TYPES.indexOf(a as never) - DOC_TYPES.indexOf(b as never),
  },
  issuer: {
    valuesOf: (d) => (d.issuer === null ? [] : [d.issuer]),
    slugOf: nameSlug,
    order: (a, b) => collator.compare(a, b),
  },
};

/** Documents (newest first) in year groups, 年份未注明 last. */
export function groupByYear(docs: readonly DocSummary[]): DocGroup[] {
  const groups = new Map<number | null, DocGroup>();
  for (const d of docs) {
    let g = groups.get(d.year);
    if (!g) {
      g = { label: d.year === null ? `年份${UNKNOWN}` : `${d.year}年`, known: d.year !== null, docs: [] };
      groups.set(d.year, g);
    }
    g.docs.push(d);
  }
  // Newest-first documents give newest-first groups; undated documents come last already.
  return [...groups.values()];
}

/** Documents (newest first) in place groups in pinyin order, 地区未注明 last. */
export function groupByPlace(docs: readonly DocSummary[]): DocGroup[] {
  const groups = new Map<string, DocGroup>();
  for (const d of docs) {
    const known = d.place !== UNKNOWN;
    let g = groups.get(d.place);
    if (!g) {
      g = { label: known ? d.place : `地区${UNKNOWN}`, known, docs: [] };
      groups.set(d.place, g);
    }
    g.docs.push(d);
  }
  return [...groups.values()].sort((a, b) => (a.known !== b.known ? (a.known ? -1 : 1) : collator.compare(a.label, b.label)));
}

/** The pages of a facet: one per slug, with the values it shows. */
export function facetPages(facet: Facet): { slug: Slug; values: FacetValue[] }[] {
  return [...facet.bySlug].map(([slug, values]) => ({ slug, values }));
}

/** Groups documents by one facet, in one pass plus one sort per value. */
export function buildFacet(name: FacetName, docs: readonly DocSummary[]): Facet {
  const rule = RULES[name];
  const groups = new Map<string | null, FacetValue>();
  for (const d of docs) {
    const listed = rule.valuesOf(d);
    for (const value of listed.length > 0 ? listed : [null]) {
      let g = groups.get(value);
      if (!g) {
        g = {
          label: value ?? UNKNOWN,
          known: value !== null,
          slug: value === null ? UNKNOWN_SLUG : rule.slugOf(value),
          note: null,
          docs: [],
          groups: [],
        };
        groups.set(value, g);
      }
      g.docs.push(d);
    }
  }
  const values = [...groups.values()];
  for (const g of values) {
    g.docs.sort(byDateDesc);
    // The most common note (a city's province) of the group's documents.
    if (rule.noteOf && g.known) {
      const notes = new Map<string, number>();
      for (const d of g.docs) {
        const n = rule.noteOf(d);
        if (n !== null) notes.set(n, (notes.get(n) ?? 0) + 1);
      }
      g.note = [...notes].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
    }
  }
  for (const g of values) g.groups = name === 'year' ? groupByPlace(g.docs) : groupByYear(g.docs);
  values.sort((a, b) => (a.known !== b.known ? (a.known ? -1 : 1) : rule.order(a.label, b.label)));
  const bySlug = new Map<Slug, FacetValue[]>();
  for (const v of values) bySlug.set(v.slug, [...(bySlug.get(v.slug) ?? []), v]);
  return { name, values, bySlug };
}

/** How a value is named on pages: 济源市, 2018年, or 地区未注明 for the unknown group. */
export function valueName(facet: FacetName, value: Pick<FacetValue, 'label' | 'known'>): string {
  if (!value.known) return FACET_LABELS[facet].unknown;
  return facet === 'year' ? `${value.label}年` : value.label;
}
