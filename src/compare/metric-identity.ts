/**
 * What a quantitative target measures, so that only like is compared with like.
 *
 * Two targets are comparable when they measure the same quantity, as a share of the same
 * whole (its denominator: 占应交流教职工总数的比例), in the same unit and in the same
 * direction (a floor, a ceiling, an increase, a decrease, an elimination). A theme is never
 * enough: 骨干教师占交流轮岗教师总数20% and 交流人数占应交流教职工总数10% are both about
 * teacher rotation and still measure different things.
 *
 * Identity is read from the words of the target alone (its metric and its sentence), after
 * removing what does not change the quantity: punctuation, quotation marks, and the scope
 * words a document puts in front of any metric (全市, 所有, 适龄…).
 */
import type { Comparator } from '../format/schema.ts';

/** Which way a target asks the quantity to go. */
export type Direction = 'floor' | 'ceiling' | 'increase' | 'decrease' | 'eliminate';

const DIRECTION_OF: Readonly<Record<Comparator, Direction>> = {
  '>=': 'floor',
  '>': 'floor',
  // 达到100%, 1至2项: a level to reach, read as a floor.
  '=': 'floor',
  range: 'floor',
  '<=': 'ceiling',
  '<': 'ceiling',
  increase: 'increase',
  decrease: 'decrease',
  eliminate: 'eliminate',
};

/** The direction of a comparator. */
export function directionOf(comparator: Comparator): Direction {
  return DIRECTION_OF[comparator];
}

/** The identity of what one target measures. */
export interface MetricIdentity {
  /** The measured quantity as written in the metric, without its denominator (骨干教师). */
  quantity: string;
  /** The whole it is a share of (交流轮岗教师总数), or null when the target names none. */
  denominator: string | null;
  /** The unit, NFKC-normalised; null for eliminations and unit-less ratios. */
  unit: string | null;
  direction: Direction;
  /** Quantity and denominator, normalised: targets with the same `measure` speak of the same thing. */
  measure: string;
  /** `measure`, unit and direction: targets with the same key are comparable. */
  key: string;
}

export interface TargetWords {
  metric: string;
  /** The target's sentence as extracted; searched for a denominator the metric leaves out. */
  text: string;
  comparator: Comparator;
  unit: string | null;
}

// 骨干教师占交流轮岗教师总数比例 / 占全市学生总数的比重.
const SHARE_IN_METRIC = /占(.{2,30}?)(?:的)?(?:比例|比重|比率|百分比)$/u;
// 达到应交流教职工总数的10% / 不低于符合交流条件教师总数的10%: the whole is written beside the number.
const SHARE_IN_TEXT = /(?:达到|不低于|不少于|不高于|不超过|低于|高于|超过|少于|占|为)([^，,。；;、：:\d０-９%％]{2,30}?(?:总数|总量|总额|总人数|总和))的\s*[\d０-９]/u;
// Scope words a document puts before any metric; they do not change what is measured.
const SCOPE = /^(?:全市|全县|全区|全省|全镇|全乡|全国|县域内|市域内|区域内|各地|所有|全体|全部|每位|每名|每个|每所|确保|力争|实现|适龄)+/u;
const NOISE = /[\s\p{P}\p{S}]/gu;

/** A phrase reduced to what identifies it: NFKC, no punctuation, quotes or spaces, scope words dropped. */
export function normalizeQuantity(text: string): string {
  const plain = text.normalize('NFKC').replace(NOISE, '');
  // 总数 / 总人数 / 总量 name the same whole: 应交流教职工总数 = 应交流教职工总人数.
  return plain.replace(SCOPE, '').replace(/(?:总人数|总数|总量|总额|总和)$/u, '');
}

/** The unit as compared: NFKC, trimmed; `%` and `％` are one. */
export function normalizeUnit(unit: string | null): string | null {
  if (unit === null) return null;
  const u = unit.normalize('NFKC').trim();
  return u === '' ? null : u;
}

/** What a target measures: quantity, denominator, unit and direction. */
export function metricIdentity(t: TargetWords): MetricIdentity {
  const direction = directionOf(t.comparator);
  const metric = t.metric.trim();
  let quantity = metric;
  let denominator: string | null = null;
  const inMetric = SHARE_IN_METRIC.exec(metric);
  if (inMetric) {
    denominator = inMetric[1] ?? null;
    quantity = metric.slice(0, inMetric.index);
  } else {
    const inText = SHARE_IN_TEXT.exec(t.text);
    if (inText) denominator = inText[1] ?? null;
  }
  const unit = direction === 'eliminate' ? null : normalizeUnit(t.unit);
  const measure = `${normalizeQuantity(quantity)}/${denominator === null ? '' : normalizeQuantity(denominator)}`;
  return { quantity, denominator, unit, direction, measure, key: `${measure}|${unit ?? ''}|${direction}` };
}
