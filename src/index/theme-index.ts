/**
 * The cross-document side of the goal index: for each theme, the measures of every document
 * that serve it, by place and year, with their targets and units.
 */
import type { Measure } from '../format/schema.ts';
import { byDateDesc, collator, summarize, type DocSummary, type PolicyDoc } from './documents.ts';
import type { TargetRow } from './target-index.ts';
import type { Theme } from '../vocab/themes.ts';
import { UNKNOWN } from '../site/ui-text.ts';
import { groupByPlace, regionOf } from './place-pages.ts';
import type { Slug } from '../site/paths.ts';

/** A measure on a theme page. */
export interface ThemeMeasure {
  measure: Measure;
  /** Why the measure is filed under this theme, for the editor (依据：标题“课后服务”); empty when an editor assigned it. */
  reason: string;
  targets: TargetRow[];
  /** The measure's units: the name in the document and the role name of its unit page. */
  units: { name: string; roleName: string }[];
}

export interface ThemeDocument {
  doc: DocSummary;
  measures: ThemeMeasure[];
}

export interface ThemeYear {
  year: number | null;
  /** 2018, or 未注明. */
  label: string;
  documents: ThemeDocument[];
}

export interface ThemePlace {
  place: string;
  /** Newest first, 未注明 last. */
  years: ThemeYear[];
}

export interface ThemeEntry {
  theme: Theme;
  /** Places in pinyin order, 未注明 last. */
  places: ThemePlace[];
  /** `places` counts known places only (not the 未注明 group). */
  counts: { places: number; documents: number; measures: number; targets: number };
}

/** What the index needs to know of each document besides its data. */
export interface ThemeSources {
  /** Theme slugs of each measure of a document. */
  themesOf: (doc: PolicyDoc) => ReadonlyMap<string, readonly string[]>;
  /** Targets of each measure of a document. */
  targetsOf: (doc: PolicyDoc) => ReadonlyMap<string, readonly TargetRow[]>;
  /** Per measure, per theme slug: why the measure was filed there. */
  reasonsOf?: (doc: PolicyDoc) => ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** Role name of a unit (济源市教育局 → 市教育局). */
  roleOf: (name: string) => string;
}

/** Builds every theme's page data in one pass over the measures. */
export function buildThemeIndex(themes: readonly Theme[], docs: readonly PolicyDoc[], sources: ThemeSources): ThemeEntry[] {
  const byTheme = new Map<string, ThemeDocument[]>(themes.map((t) => [t.slug, []]));
  for (const doc of docs) {
    const themesOf = sources.themesOf(doc);
    const targets = sources.targetsOf(doc);
    const reasons = sources.reasonsOf?.(doc);
    let summary: DocSummary | null = null;
    const perTheme = new Map<string, ThemeDocument>();
    for (const measure of doc.data.measures) {
      for (const slug of themesOf.get(measure.id) ?? []) {
        const list = byTheme.get(slug);
        if (!list) continue;
        let td = perTheme.get(slug);
        if (!td) {
          summary ??= summarize(doc);
          td = { doc: summary, measures: [] };
          perTheme.set(slug, td);
          list.push(td);
        }
        const units = [...new Set([...measure.leadUnits, ...measure.units])].map((name) => ({ name, roleName: sources.roleOf(name) }));
        td.measures.push({ measure, reason: reasons?.get(measure.id)?.get(slug) ?? '', targets: [...(targets.get(measure.id) ?? [])], units });
      }
    }
  }
  return themes.map((theme) => {
    const documents = byTheme.get(theme.slug) ?? [];
    const places = new Map<string, Map<number | null, ThemeDocument[]>>();
    for (const td of documents) {
      const years = places.get(td.doc.place) ?? new Map<number | null, ThemeDocument[]>();
      places.set(td.doc.place, years);
      const list = years.get(td.doc.year);
      if (list) list.push(td);
      else years.set(td.doc.year, [td]);
    }
    const placeList: ThemePlace[] = [...places]
      .sort(([a], [b]) => (a === b ? 0 : a === UNKNOWN ? 1 : b === UNKNOWN ? -1 : collator.compare(a, b)))
      .map(([place, years]) => ({
        place,
        years: [...years]
          .sort(([a], [b]) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : b - a))
          .map(([year, docsOfYear]) => ({
            year,
            label: year === null ? UNKNOWN : String(year),
            documents: docsOfYear.sort((a, b) => byDateDesc(a.doc, b.doc)),
          })),
      }));
    const measures = documents.reduce((n, d) => n + d.measures.length, 0);
    const targets = documents.reduce((n, d) => n + d.measures.reduce((k, m) => k + m.targets.length, 0), 0);
    return { theme, places: placeList, counts: { places: placeList.filter((p) => p.place !== UNKNOWN).length, documents: documents.length, measures, targets } };
  });
}

/** One place page of a theme split by place, with what its summary shows. */
export interface ThemePlacePage {
  slug: Slug;
  /** The region (province) of the page; its places are in `items`. */
  places: string[];
  items: ThemePlace[];
  documents: number;
  measures: number;
  /** Year labels, newest first (未注明 last). */
  years: string[];
}

/** The place pages of a theme (src/index/place-pages.ts), in the order of its places. */
export function themePlacePages(entry: ThemeEntry): ThemePlacePage[] {
  return groupByPlace(entry.places, (p) => regionOf(p.years[0]!.documents[0]!.doc)).map((g) => {
    const docs = g.items.flatMap((p) => p.years.flatMap((y) => y.documents));
    return {
      ...g,
      documents: docs.length,
      measures: docs.reduce((n, d) => n + d.measures.length, 0),
      years: [...new Set(g.items.flatMap((p) => p.years.map((y) => y.label)))],
    };
  });
}
