/**
 * Targets compared across places and years: targets that measure the same thing, side by side
 * (残疾儿童少年入学率, at least …%: 95% in one plan, 99% in another).
 *
 * Targets are grouped by metric identity (src/compare/metric-identity.ts): the measured quantity,
 * its denominator, the unit and the direction. Never by theme alone: 骨干教师占交流轮岗教师
 * 总数的比例 and 交流人数占应交流教职工总数的比例 share a theme and measure different things.
 * A group is shown only when targets of two documents or more fall in it; every other target
 * is listed as standing alone, so nothing is hidden and nothing is compared with its own kin.
 */
import type { IndexedTarget } from '../index/target-index.ts';
import type { DocSlug } from '../format/ids.ts';
import { metricIdentity, type Direction } from './metric-identity.ts';

/** How a direction is named in a group's heading. */
export const DIRECTION_LABELS: Readonly<Record<Direction, string>> = {
  floor: '不低于（下限）',
  ceiling: '不高于（上限）',
  increase: '增长',
  decrease: '减少',
  eliminate: '消除期限',
};

/** What the target-group export says of a target that stands alone. */
export const ALONE_LABEL = '无同类可比';

/**
 * What target comparison reads of a target: the part of the target index's one record of it
 * (`TargetRow`, src/index/target-index.ts) that a comparison row shows. The index's rows are
 * passed as they are; nothing is copied into another shape.
 */
export interface TargetInput {
  doc: { slug: DocSlug; title: string; place: string; year: number | null; docType: string };
  /** Position in the document's targets, from 1. */
  index: number;
  target: Pick<IndexedTarget, 'metric' | 'comparator' | 'value' | 'valueMax' | 'unit' | 'year' | 'text'>;
  requirement: string;
  measure: { id: string; number: string; title: string } | null;
}

/** One table of comparable targets: one metric identity, two documents or more. */
export interface TargetGroup {
  /** Stable id: the metric identity key. */
  key: string;
  /** The measured quantity as the documents write it (the shortest wording of the group). */
  metric: string;
  /** The whole the quantity is a share of, as written; null when the targets name none. */
  denominator: string | null;
  direction: Direction;
  unit: string | null;
  /** Targets in order of the requirement: highest floor first, lowest ceiling first, earliest deadline first. */
  rows: TargetInput[];
  documents: number;
  places: number;
}

export interface TargetComparison {
  groups: TargetGroup[];
  /** Targets no other document has a comparable target for, in input order. */
  alone: TargetInput[];
}

function order(direction: Direction): (a: TargetInput, b: TargetInput) => number {
  const byValue = (a: TargetInput, b: TargetInput, dir: 1 | -1): number => {
    const [x, y] = [a.target.value, b.target.value];
    if (x === y) return 0;
    if (x === null) return 1;
    if (y === null) return -1;
    return dir * (x - y);
  };
  const byYear = (a: TargetInput, b: TargetInput): number => {
    const [x, y] = [a.target.year, b.target.year];
    return x === y ? 0 : x === null ? 1 : y === null ? -1 : x - y;
  };
  const tail = (a: TargetInput, b: TargetInput): number =>
    (a.doc.place < b.doc.place ? -1 : a.doc.place > b.doc.place ? 1 : 0) || (b.doc.year ?? 0) - (a.doc.year ?? 0) || (a.doc.slug < b.doc.slug ? -1 : a.doc.slug > b.doc.slug ? 1 : 0) || a.index - b.index;
  if (direction === 'eliminate') return (a, b) => byYear(a, b) || tail(a, b);
  if (direction === 'ceiling') return (a, b) => byValue(a, b, 1) || byYear(a, b) || tail(a, b);
  return (a, b) => byValue(a, b, -1) || byYear(a, b) || tail(a, b);
}

const shortest = (words: readonly string[]): string =>
  words.reduce((best, w) => ([...w].length < [...best].length ? w : best));

/** Groups targets by metric identity; a group needs two documents. Linear in the targets apart from the sorts. */
export function compareTargets(targets: readonly TargetInput[]): TargetComparison {
  const byKey = new Map<string, { rows: TargetInput[]; quantities: string[]; denominators: string[]; direction: Direction; unit: string | null }>();
  for (const t of targets) {
    const id = metricIdentity(t.target);
    let g = byKey.get(id.key);
    if (!g) {
      g = { rows: [], quantities: [], denominators: [], direction: id.direction, unit: id.unit };
      byKey.set(id.key, g);
    }
    g.rows.push(t);
    g.quantities.push(id.quantity);
    if (id.denominator !== null) g.denominators.push(id.denominator);
  }
  const groups: TargetGroup[] = [];
  const grouped = new Set<TargetInput>();
  for (const [key, g] of byKey) {
    const documents = new Set(g.rows.map((r) => r.doc.slug)).size;
    if (documents < 2) continue;
    g.rows.sort(order(g.direction));
    for (const r of g.rows) grouped.add(r);
    groups.push({
      key,
      metric: shortest(g.quantities),
      denominator: g.denominators.length > 0 ? shortest(g.denominators) : null,
      direction: g.direction,
      unit: g.unit,
      rows: g.rows,
      documents,
      places: new Set(g.rows.map((r) => r.doc.place)).size,
    });
  }
  const rank: Record<Direction, number> = { floor: 0, ceiling: 1, increase: 2, decrease: 3, eliminate: 4 };
  groups.sort((a, b) => b.documents - a.documents || a.metric.localeCompare(b.metric, 'zh-Hans-CN') || rank[a.direction] - rank[b.direction] || (a.unit ?? '').localeCompare(b.unit ?? ''));
  return { groups, alone: targets.filter((t) => !grouped.has(t)) };
}

/** The heading of a group: 骨干教师（占交流轮岗教师总数） · 不低于（下限） · %. */
export function groupLabel(g: Pick<TargetGroup, 'metric' | 'denominator' | 'direction' | 'unit'>): string {
  const metric = g.denominator === null ? g.metric : `${g.metric}（占${g.denominator}）`;
  return [metric, DIRECTION_LABELS[g.direction], g.unit ?? ''].filter(Boolean).join(' · ');
}
