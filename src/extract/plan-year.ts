/**
 * The plan year of a document: the year an annual plan is for, which is the implicit deadline
 * of every target it sets without a year of its own (`普通高中计划招生6728人` in a 2013年工作要点).
 */
import type { DocType } from '../format/schema.ts';

export interface PlanYearInput {
  title: string | null;
  docType: DocType;
  date: string | null;
  /** The years the document is about, when the metadata stage reads them. */
  period?: { start: number; end: number } | null;
}

/** Annual kinds: a 工作要点 or 工作计划 is for one year even when its title omits it. */
const ANNUAL_TYPES = new Set<DocType>(['工作要点', '工作计划']);
const PLAN_TYPES = new Set<DocType>(['工作要点', '工作计划', '实施方案', '行动方案']);
/** Titles of task tables and lists, which set the year's tasks whatever type they are filed under. */
const TASK_LIST = /任务(?:分解|清单)|分解表|责任清单|工作清单/u;
/** Titles that report, not plan: their years are the years reported on. */
const ACCOUNT = /总结|汇报|述职|报告(?!》)|自评|回顾/u;

/** Years written in a title, without the bounds of a span (2021—2023年, 2017-2020年). */
function titleYears(title: string): number[] {
  const spans = /(?:19|20)\d{2}\s*[-—–―~至到]\s*(?:19|20)?\d{2,4}年?/gu;
  return [...new Set([...title.replace(spans, '').matchAll(/(?<!\d)((?:19|20)\d{2})(?=\s*年|\s*$|[^\d])/gu)].map((m) => Number(m[1])))];
}

/** The year an annual plan is for, or null when the document is no single-year plan. */
export function planYear(doc: PlanYearInput): number | null {
  const title = doc.title ?? '';
  const isTaskList = TASK_LIST.test(title);
  if (!PLAN_TYPES.has(doc.docType) && !isTaskList) return null;
  if (ACCOUNT.test(title.replace(/政府工作报告/u, '')) && !isTaskList) return null;
  if (doc.period) return doc.period.start === doc.period.end ? doc.period.start : null;
  const years = titleYears(title);
  if (years.length === 1) return years[0]!;
  if (years.length > 1) return null;
  // A 工作要点 without a year in its title is for the year it was issued in.
  if (ANNUAL_TYPES.has(doc.docType) && !/(?:19|20)\d{2}\s*[-—–―~至到]/u.test(title)) {
    const y = /^\d{4}/u.exec(doc.date ?? '')?.[0];
    return y ? Number(y) : null;
  }
  return null;
}
