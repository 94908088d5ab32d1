/**
 * Targets compared across places and years: the same kind of requirement on the same topic
 * in one table (教师交流轮岗, at least …%: 10% in one plan, 20% in another; 消除大班额 by
 * which year).
 *
 * What counts as comparable, and why:
 *   - the topic is a theme of the vocabulary found in the target's own words: its metric,
 *     else its sentence as extracted, else the sentence of the measure text it stands in.
 *     The measure's themes are not used: a measure on 信息化 and 教师队伍 would otherwise put
 *     its broadband target beside teacher rotation. Targets with no theme are compared only
 *     with targets whose metric is written the same (after removing punctuation);
 *   - the kind of requirement: a floor (≥, >, =, range), a ceiling (≤, <), a change
 *     (increase, decrease) or an elimination (compared by deadline);
 *   - the unit: 10% and 10 人 are never in one table. Eliminations need no unit.
 * A group is shown only when it holds two targets or more.
 */
import type { Comparator } from './schema.ts';
import { normalizeText } from './similarity.ts';

export type RequirementKind = 'floor' | 'ceiling' | 'change' | 'eliminate';

const KIND_OF: Readonly<Record<Comparator, RequirementKind>> = {
  '>=': 'floor',
  '>': 'floor',
  '=': 'floor',
  range: 'floor',
  '<=': 'ceiling',
  '<': 'ceiling',
  increase: 'change',
  decrease: 'change',
  eliminate: 'eliminate',
};

/** How a kind of requirement is named in a group's heading. */
export const KIND_LABELS: Readonly<Record<RequirementKind, string>> = {
  floor: '不低于（下限）',
  ceiling: '不高于（上限）',
  change: '增减幅度',
  eliminate: '消除期限',
};

/** A target with what its row shows. */
export interface TargetInput {
  doc: { slug: string; title: string; place: string; year: number | null; docType: string };
  /** Position in the document's targets, from 1. */
  index: number;
  metric: string;
  comparator: Comparator;
  value: number | null;
  valueMax?: number | null;
  unit: string | null;
  year: number | null;
  text: string;
  requirement: string;
  measure: { id: string; number: string; title: string } | null;
  /** The text of the measure the target belongs to, to find the sentence it stands in. */
  measureText: string;
}

/** One table of comparable targets. */
export interface TargetGroup {
  /** Stable id: theme or metric, kind and unit. */
  key: string;
  /** The theme, or null for a group of targets with the same metric and no theme. */
  theme: { slug: string; name: string } | null;
  /** The metric, for a group without a theme. */
  metric: string | null;
  kind: RequirementKind;
  unit: string | null;
  /** Targets in order of the requirement: highest floor first, lowest ceiling first, earliest deadline first. */
  rows: TargetInput[];
  documents: number;
  places: number;
}

export interface TargetComparison {
  groups: TargetGroup[];
  /** Targets that have nothing to be compared with. */
  alone: number;
}

/** The sentence of `text` (split at 。；;！？ and line breaks) that contains `needle`, or null when it is not there. */
export function sentenceAround(text: string, needle: string): string | null {
  const at = text.indexOf(needle);
  if (at < 0) return null;
  const stops = /[。；;！？!?\n]/gu;
  let start = 0;
  let end = text.length;
  for (const m of text.matchAll(stops)) {
    const i = m.index;
    if (i < at) start = i + 1;
    else if (i >= at + needle.length) {
      end = i + 1;
      break;
    }
  }
  return text.slice(start, end);
}

function unitKey(unit: string | null): string {
  return unit === null ? '' : unit.normalize('NFKC').trim();
}

function order(kind: RequirementKind): (a: TargetInput, b: TargetInput) => number {
  const byValue = (a: TargetInput, b: TargetInput, dir: 1 | -1): number => {
    if (a.value === b.value) return 0;
    if (a.value === null) return 1;
    if (b.value === null) return -1;
    return dir * (a.value - b.value);
  };
  const byYear = (a: TargetInput, b: TargetInput): number =>
    a.year === b.year ? 0 : a.year === null ? 1 : b.year === null ? -1 : a.year - b.year;
  const tail = (a: TargetInput, b: TargetInput): number =>
    (a.doc.place < b.doc.place ? -1 : a.doc.place > b.doc.place ? 1 : 0) || (b.doc.year ?? 0) - (a.doc.year ?? 0) || (a.doc.slug < b.doc.slug ? -1 : a.doc.slug > b.doc.slug ? 1 : 0) || a.index - b.index;
  if (kind === 'eliminate') return (a, b) => byYear(a, b) || tail(a, b);
  if (kind === 'ceiling') return (a, b) => byValue(a, b, 1) || byYear(a, b) || tail(a, b);
  return (a, b) => byValue(a, b, -1) || byYear(a, b) || tail(a, b);
}

/**
 * Groups targets into comparable tables; `themesOf(text)` gives the theme slugs a text names
 * (the theme vocabulary's matcher), `themeName(slug)` its name. Linear in the targets apart
 * from the sorts.
 */
export function compareTargets(
  targets: readonly TargetInput[],
  themesOf: (text: string) => readonly string[],
  themeOrder: readonly { slug: string; name: string }[],
): TargetComparison {
  const groups = new Map<string, TargetGroup>();
  const add = (key: string, make: () => Omit<TargetGroup, 'rows' | 'documents' | 'places' | 'key'>, t: TargetInput): void => {
    let g = groups.get(key);
    if (!g) {
      g = { key, ...make(), rows: [], documents: 0, places: 0 };
      groups.set(key, g);
    }
    g.rows.push(t);
  };
  const themeBySlug = new Map(themeOrder.map((t) => [t.slug, t]));
  for (const t of targets) {
    const kind = KIND_OF[t.comparator];
    const unit = kind === 'eliminate' ? null : unitKey(t.unit) || null;
    const sentence = sentenceAround(t.measureText, t.text);
    let themes = themesOf(t.metric);
    if (themes.length === 0) themes = themesOf(t.text);
    if (themes.length === 0 && sentence !== null) themes = themesOf(sentence);
    const known = themes.filter((s) => themeBySlug.has(s));
    if (known.length > 0) {
      for (const slug of known) add(`${slug}:${kind}:${unit ?? ''}`, () => ({ theme: themeBySlug.get(slug)!, metric: null, kind, unit }), t);
    } else {
      const metric = normalizeText(t.metric);
      add(`=${metric}:${kind}:${unit ?? ''}`, () => ({ theme: null, metric: t.metric, kind, unit }), t);
    }
  }
  const themeRank = new Map(themeOrder.map((t, i) => [t.slug, i]));
  const kindRank: Record<RequirementKind, number> = { floor: 0, ceiling: 1, change: 2, eliminate: 3 };
  const shown: TargetGroup[] = [];
  const inShown = new Set<TargetInput>();
  for (const g of groups.values()) {
    if (g.rows.length < 2) continue;
    g.rows.sort(order(g.kind));
    g.documents = new Set(g.rows.map((r) => r.doc.slug)).size;
    g.places = new Set(g.rows.map((r) => r.doc.place)).size;
    shown.push(g);
    for (const r of g.rows) inShown.add(r);
  }
  shown.sort(
    (a, b) =>
      (a.theme ? (themeRank.get(a.theme.slug) ?? 0) : themeOrder.length) - (b.theme ? (themeRank.get(b.theme.slug) ?? 0) : themeOrder.length) ||
      (a.metric ?? '').localeCompare(b.metric ?? '') ||
      kindRank[a.kind] - kindRank[b.kind] ||
      (a.unit ?? '').localeCompare(b.unit ?? ''),
  );
  return { groups: shown, alone: targets.filter((t) => !inShown.has(t)).length };
}

/** The heading of a group: 教师交流轮岗 · 不低于（下限） · %. */
export function groupLabel(g: Pick<TargetGroup, 'theme' | 'metric' | 'kind' | 'unit'>): string {
  return [g.theme?.name ?? g.metric ?? '', KIND_LABELS[g.kind], g.unit ?? ''].filter(Boolean).join(' · ');
}
