/**
 * Target follow-through: what later documents of the same place (reports, summaries, the next
 * plans) say about a target with a deadline. A status is given only with the sentence it was
 * read from: 已报告完成 when a later sentence states a result that meets the target, 已报告进展
 * when it states a result for the same metric that does not (yet) meet it, and otherwise
 * 未见后续报告. Sentences that set a new target (到2025年…, 力争…) are not results.
 */
import { readOutline } from '../format/body-outline.ts';
import { summarize, type DocSummary, type PolicyDoc } from './documents.ts';
import type { Target } from '../format/schema.ts';
import type { TargetRow } from './target-index.ts';

export const FOLLOW_STATUSES = ['已报告完成', '已报告进展', '未见后续报告'] as const;
export type FollowStatus = (typeof FOLLOW_STATUSES)[number];

/** A sentence of a later document stating a result for the target's metric. */
export interface FollowEvidence {
  doc: DocSummary;
  /** The sentence, verbatim. */
  sentence: string;
  /** Anchor of the heading the sentence stands under, or null before the first heading. */
  anchor: string | null;
}

export interface FollowThrough {
  status: FollowStatus;
  /** The sentence the status rests on; null only for 未见后续报告. */
  evidence: FollowEvidence | null;
  /** Why, in words: which documents were read. */
  why: string;
}

interface Sentence {
  text: string;
  anchor: string | null;
}

// Words that make a sentence a plan, not a result: a deadline ahead, an aim, a commitment.
const PLANNED = /到(?:20\d{2}|今|明)年|(?:20\d{2}|今|明)年(?:底|末)?(?:前|以前)?(?:要|将|力争|确保)|力争|确保|争取|计划|目标|预计|力求|拟|努力|将(?:进一步|继续|全面)?(?:达到|实现|提高|消除)|要(?:达到|实现|消除)/u;
// A result for an elimination target: 大班额全部消除, 实现动态清零; not 未消除.
const ELIMINATED = /(?<!未|没有|尚未)(?:全部|全面|基本|已|彻底)?(?:消除|清零|化解完毕)/u;
// Other wording of progress: 减少, 下降, 化解.
const PROGRESS = /减少|下降|降低|化解|提高|提升|增加|增长/u;
const NUMBER = /(\d+(?:\.\d+)?)\s*(%|％|个百分点|[人所个项名万元亿])?/gu;

/** Splits a body into sentences, each with the anchor of the heading it stands under. */
export function sentencesOf(body: string): Sentence[] {
  const out: Sentence[] = [];
  const push = (text: string, anchor: string | null): void => {
    for (const s of text.split(/(?<=[。；;！？!?])|\n/u)) {
      const t = s.trim();
      if (t.length >= 4) out.push({ text: t, anchor });
    }
  };
  const firstHeading = body.search(/^#{1,6}\s/mu);
  if (firstHeading !== 0) push(firstHeading < 0 ? body : body.slice(0, firstHeading), null);
  const outline = readOutline(body);
  for (const h of outline.headings) {
    push(h.text, h.id);
    for (const p of outline.paragraphs.get(h.id) ?? []) push(p, h.id);
  }
  return out;
}

/** The words a sentence must contain to speak of the metric: the metric, and its core (56人及以上大班额 → 大班额). */
export function metricTerms(metric: string): string[] {
  const terms = new Set<string>([metric]);
  const core = metric.replace(/^.*?(?:及以上|及以下|以上|以下)/u, '').replace(/^(?:全[市县区省]|各[级类])/u, '');
  if (core.length >= 3) terms.add(core);
  // A rate is often written without its qualifier (学前三年毛入园率 → 毛入园率): its tails of four
  // characters or more; shorter tails (达标率, 覆盖率) would meet other metrics.
  if (/(?:率|比例)$/u.test(core)) for (let i = 1; core.length - i >= 4; i++) terms.add(core.slice(i));
  return [...terms].filter((t) => t.length >= 3);
}

/** How a sentence speaks of a target: a result that meets it, a result short of it, or nothing. */
export function readResult(sentence: string, target: Pick<Target, 'metric' | 'comparator' | 'value' | 'valueMax' | 'unit'>): 'met' | 'progress' | null {
  const terms = metricTerms(target.metric);
  const at = terms.map((t) => sentence.indexOf(t)).filter((i) => i >= 0);
  if (at.length === 0 || PLANNED.test(sentence)) return null;
  const after = sentence.slice(Math.min(...at));
  if (target.comparator === 'eliminate') {
    if (ELIMINATED.test(after)) return 'met';
    return PROGRESS.test(after) || /\d/u.test(after) ? 'progress' : null;
  }
  const unit = target.unit === '％' ? '%' : target.unit;
  for (const m of after.matchAll(NUMBER)) {
    const n = Number(m[1]);
    const u = m[2] === '％' ? '%' : m[2] ?? null;
    // A number in another unit (2023年, 12所 for a %) is not the metric's value.
    if (unit && u !== unit) continue;
    if (!unit && u === '%') continue;
    if (target.value === null) return 'progress';
    const v = target.value;
    switch (target.comparator) {
      case '>=': return n >= v ? 'met' : 'progress';
      case '>': return n > v ? 'met' : 'progress';
      case '<=': return n <= v ? 'met' : 'progress';
      case '<': return n < v ? 'met' : 'progress';
      case '=': return n === v ? 'met' : 'progress';
      case 'range': return n >= v && n <= (target.valueMax ?? v) ? 'met' : 'progress';
      default: return 'progress';
    }
  }
  return target.comparator === 'increase' || target.comparator === 'decrease' ? (PROGRESS.test(after) ? 'progress' : null) : null;
}

const placeKey = (d: DocSummary): string | null => (d.city ? `c:${d.city}` : d.province ? `p:${d.province}` : null);

/** The follow-through of every target with a deadline, by target row key. */
export function buildFollowThrough(docs: readonly PolicyDoc[], rows: readonly TargetRow[]): Map<string, FollowThrough> {
  const byPlace = new Map<string, { doc: PolicyDoc; summary: DocSummary }[]>();
  for (const doc of docs) {
    const summary = summarize(doc);
    const key = placeKey(summary);
    if (!key) continue;
    const list = byPlace.get(key) ?? [];
    list.push({ doc, summary });
    byPlace.set(key, list);
  }
  // Newest first, once per place: the later documents of a target are a prefix of its place's list.
  for (const list of byPlace.values()) list.sort((a, b) => (a.summary.sortDate < b.summary.sortDate ? 1 : a.summary.sortDate > b.summary.sortDate ? -1 : 0));
  const sentences = new Map<string, Sentence[]>();
  const sentencesOfDoc = (doc: PolicyDoc): Sentence[] => {
    let list = sentences.get(doc.slug);
    if (!list) {
      // A later plan's own targets restate aims; they are not results.
      const own = doc.data.targets.map((t) => t.text);
      list = sentencesOf(doc.body).filter((s) => !own.some((t) => s.text.includes(t)));
      sentences.set(doc.slug, list);
    }
    return list;
  };
  // The sentences of a document that name a metric, worked out once per document and metric:
  // many targets of a place share a metric, and most sentences name none of them.
  const termsOf = new Map<string, string[]>();
  const naming = new Map<string, Sentence[]>();
  const sentencesNaming = (doc: PolicyDoc, metric: string): Sentence[] => {
    const key = `${doc.slug}\u0000${metric}`;
    let list = naming.get(key);
    if (!list) {
      let terms = termsOf.get(metric);
      if (!terms) termsOf.set(metric, (terms = metricTerms(metric)));
      const t = terms;
      list = sentencesOfDoc(doc).filter((s) => t.some((term) => s.text.includes(term)));
      naming.set(key, list);
    }
    return list;
  };
  const out = new Map<string, FollowThrough>();
  for (const row of rows) {
    if (row.target.year === null) continue;
    const key = placeKey(row.doc);
    // Later: dated after the target's document (an undated document cannot be placed).
    const later: { doc: PolicyDoc; summary: DocSummary }[] = [];
    for (const x of key ? byPlace.get(key) ?? [] : []) {
      if (x.summary.sortDate <= row.doc.sortDate) break;
      if (x.doc.slug !== row.doc.slug && x.summary.year !== null) later.push(x);
    }
    let progress: FollowEvidence | null = null;
    let met: FollowEvidence | null = null;
    for (const { doc, summary } of later) {
      for (const s of sentencesNaming(doc, row.target.metric)) {
        const r = readResult(s.text, row.target);
        if (r === 'met' && !met) met = { doc: summary, sentence: s.text, anchor: s.anchor };
        if (r === 'progress' && !progress) progress = { doc: summary, sentence: s.text, anchor: s.anchor };
      }
      if (met) break;
    }
    const place = row.doc.city ?? row.doc.province;
    const read = later.length === 0 ? `库中没有${place ?? '该地区'}在该文件之后的文件` : `已查阅${place}在该文件之后的 ${later.length} 份文件`;
    if (met) out.set(row.key, { status: '已报告完成', evidence: met, why: `${met.doc.title}（${met.doc.year}）写明的结果达到指标要求` });
    else if (progress) out.set(row.key, { status: '已报告进展', evidence: progress, why: `${progress.doc.title}（${progress.doc.year}）写明了该指标的结果，尚未达到要求` });
    else out.set(row.key, { status: '未见后续报告', evidence: null, why: `${read}，未见该指标的结果` });
  }
  return out;
}
