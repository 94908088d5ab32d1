/**
 * The comparison side of the site, computed once per build from the site index: each
 * document's comparison data (what /compare/ fetches), the document picker, year-over-year
 * changes between documents of the same body, and targets grouped for comparison across
 * places and years. Linear in the documents apart from sorting.
 */
import {
  INLINE_PICKER_LIMIT,
  type CompareDoc,
  type CompareMeasure,
  type ComparePicker,
  type PickerDoc,
  type PickerShard,
  type PickerValue,
} from '../compare/compare.ts';
import { collator, type DocSummary } from '../index/documents.ts';
import { measuresOf } from './exports.ts';
import { metricIdentity } from '../compare/metric-identity.ts';
import { shortRequirement } from '../index/target-index.ts';
import type { MeasureView, PolicyView, SiteIndex } from '../index/site-index.ts';
import { nameSlug, paths } from '../site/paths.ts';
import { compareTargets, type TargetComparison, type TargetInput } from '../compare/target-compare.ts';
import type { Theme } from '../vocab/themes.ts';
import { UNKNOWN } from '../site/ui-text.ts';
import { buildYearOverYear, targetSignature, type ChangeStatus, type ComparableMeasure } from '../compare/year-over-year.ts';

/** A measure as a changes page lists it. */
export interface ChangeMeasure {
  id: string;
  number: string;
  title: string;
}

/** One measure of the later document, and the earlier measure it continues (if any). */
export interface ChangeRow {
  status: ChangeStatus;
  measure: ChangeMeasure;
  previous: ChangeMeasure | null;
  /** Bigram similarity to `previous`, 0 to 1; null for a new measure. */
  similarity: number | null;
}

/** A document against the same body's document of an earlier year. */
export interface ChangesView {
  doc: DocSummary;
  previous: DocSummary;
  rows: ChangeRow[];
  /** The earlier document's measures that the later one no longer names. */
  dropped: ChangeMeasure[];
  counts: Record<ChangeStatus | 'dropped', number>;
}

export interface Comparisons {
  picker: ComparePicker;
  /** Per document slug: what /data/compare/<slug>.json holds. */
  docs: Map<string, CompareDoc>;
  /** Per place shard file: the picker documents of those places (empty for a small base). */
  shards: Map<string, PickerDoc[]>;
  /** Per document slug with an earlier document of the same body. */
  changes: Map<string, ChangesView>;
  /** Previous document of each document that has one. */
  previousOf: Map<string, string>;
  targets: TargetComparison;
}

/** What building the comparisons needs besides the site index. */
export interface ComparisonVocabulary {
  /** Themes in vocabulary order: the rows of a comparison. */
  themes: readonly Theme[];
}

const changeMeasure = (m: { id: string; number: string; title: string }): ChangeMeasure => ({ id: m.id, number: m.number, title: m.title });

function compareMeasure(mv: MeasureView): CompareMeasure {
  const m = mv.measure;
  return {
    id: m.id,
    number: m.number,
    title: m.title,
    units: [...new Set([...m.leadUnits, ...m.units])],
    targets: mv.targets.map((t) => {
      const id = metricIdentity(t.target);
      return {
        metric: t.target.metric,
        requirement: t.requirement,
        short: shortRequirement(t.target),
        quantity: id.measure,
        scale: `${id.unit ?? ''}|${id.direction}`,
        year: t.target.year,
        yearImplied: t.target.yearImplied,
        anchor: t.anchor,
      };
    }),
  };
}

/** A document's comparison data: its measures with targets and units, grouped by theme. */
export function compareDocOf(view: PolicyView): CompareDoc {
  const s = view.summary;
  const measures: CompareMeasure[] = [];
  const themes: Record<string, number[]> = {};
  const unthemed: number[] = [];
  for (const { view: mv } of measuresOf(view)) {
    const at = measures.push(compareMeasure(mv)) - 1;
    if (mv.themes.length === 0) unthemed.push(at);
    for (const t of mv.themes) (themes[t.slug] ??= []).push(at);
  }
  return { slug: s.slug, title: s.title, place: s.place, year: s.year, docType: s.docType, issuer: s.issuer, url: paths.policy(s.slug), measures, themes, unthemed };
}

const pickerDoc = (d: DocSummary): PickerDoc => ({ slug: d.slug, title: d.title, place: d.place, year: d.year, docType: d.docType });

function valueCounts(values: readonly string[], order: (a: string, b: string) => number): PickerValue[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => order(a.value, b.value));
}

// 未注明 last in every list of values.
const unknownLast =
  (order: (a: string, b: string) => number) =>
  (a: string, b: string): number =>
    a === UNKNOWN ? (b === UNKNOWN ? 0 : 1) : b === UNKNOWN ? -1 : order(a, b);

/** The document picker of /compare/, and its shards by place when the base is large. */
export function buildPicker(docs: readonly DocSummary[], themes: readonly Theme[], limit = INLINE_PICKER_LIMIT): { picker: ComparePicker; shards: Map<string, PickerDoc[]> } {
  const all = docs.map(pickerDoc);
  const shards = new Map<string, PickerDoc[]>();
  const shardPlaces = new Map<string, Set<string>>();
  if (all.length > limit) {
    for (const d of all) {
      // A place's pinyin is its file: two places with the same pinyin share one.
      const file = d.place === UNKNOWN ? 'weizhuming' : nameSlug(d.place);
      (shards.get(file) ?? shards.set(file, []).get(file)!).push(d);
      (shardPlaces.get(file) ?? shardPlaces.set(file, new Set()).get(file)!).add(d.place);
    }
  }
  const shardList: PickerShard[] = [...shards].map(([file, list]) => ({ file, places: [...shardPlaces.get(file)!].sort(unknownLast(collator.compare)), count: list.length }));
  shardList.sort((a, b) => unknownLast(collator.compare)(a.places[0]!, b.places[0]!));
  return {
    picker: {
      version: 1,
      themes: themes.map((t) => ({ slug: t.slug, name: t.name, url: paths.theme(t.slug) })),
      total: all.length,
      places: valueCounts(all.map((d) => d.place), unknownLast(collator.compare)),
      years: valueCounts(all.map((d) => (d.year === null ? UNKNOWN : String(d.year))), unknownLast((a, b) => Number(b) - Number(a))),
      types: valueCounts(all.map((d) => d.docType), unknownLast(collator.compare)),
      docs: all.length > limit ? null : all,
      shards: shardList,
    },
    shards,
  };
}

function comparable(view: PolicyView): ComparableMeasure[] {
  const targetsOf = new Map<string, string[]>();
  for (const t of view.targets) {
    if (t.measure === null) continue;
    const list = targetsOf.get(t.measure.id) ?? [];
    list.push(targetSignature(t.target));
    targetsOf.set(t.measure.id, list);
  }
  return view.doc.data.measures.map((m) => ({ id: m.id, text: `${m.title}\n${view.measureTexts.get(m.id) ?? ''}`, targets: targetsOf.get(m.id) ?? [] }));
}

/** Year over year for every document with an earlier one of the same body. */
export function buildChanges(site: SiteIndex): Map<string, ChangesView> {
  const yoy = buildYearOverYear(site.docs, (slug) => comparable(site.policies.get(slug)!));
  const out = new Map<string, ChangesView>();
  for (const [slug, result] of yoy) {
    const view = site.policies.get(slug)!;
    const before = site.policies.get(result.previous)!;
    const mine = new Map(view.doc.data.measures.map((m) => [m.id, m]));
    const theirs = new Map(before.doc.data.measures.map((m) => [m.id, m]));
    out.set(slug, {
      doc: view.summary,
      previous: before.summary,
      rows: result.measures.map((c) => ({
        status: c.status,
        measure: changeMeasure(mine.get(c.id)!),
        previous: c.previous === null ? null : changeMeasure(theirs.get(c.previous)!),
        similarity: c.similarity,
      })),
      dropped: result.dropped.map((id) => changeMeasure(theirs.get(id)!)),
      counts: result.counts,
    });
  }
  return out;
}

/**
 * Every target of the base, as target comparison takes it. A template's figures (公文范文 full
 * of placeholders) are no one's commitment, so they stay out of comparisons across places.
 */
export function targetInputs(site: SiteIndex): TargetInput[] {
  const isTemplate = (slug: string): boolean => site.policies.get(slug)?.doc.data.template === true;
  return site.targets.rows.filter((r) => !isTemplate(r.doc.slug));
}

/** All comparison data of the site. */
export function buildComparisons(site: SiteIndex, vocab: ComparisonVocabulary): Comparisons {
  const docs = new Map<string, CompareDoc>();
  for (const d of site.docs) docs.set(d.slug, compareDocOf(site.policies.get(d.slug)!));
  const { picker, shards } = buildPicker(site.docs, vocab.themes);
  const changes = buildChanges(site);
  const previousOf = new Map([...changes].map(([slug, c]) => [slug, c.previous.slug]));
  const targets = compareTargets(targetInputs(site));
  return { picker, docs, shards, changes, previousOf, targets };
}
