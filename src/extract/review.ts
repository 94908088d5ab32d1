/**
 * What a person should check after an ingest: every fact the extractor could not read from the
 * document (unknown), or took from somewhere other than the document's own statement of it
 * (inferred from the body, or the file name standing in for a title).
 *
 * The same rows feed the ingest's summary, its CSV beside the output, and the site's
 * 待核对 page, so the clerk and the editor see one list.
 */
import { recordsToCsv, type CsvColumn } from '../format/csv.ts';

/** The facts a reader relies on to find and cite a document. */
export const REVIEWED_FIELDS = ['title', 'issuer', 'place', 'date', 'docType'] as const;
export type ReviewedField = (typeof REVIEWED_FIELDS)[number];

/** How each field is named to staff. */
export const FIELD_LABEL: Record<ReviewedField, string> = {
  title: '标题',
  issuer: '发布机构',
  place: '地区',
  date: '日期',
  docType: '文件类型',
};

export type ReviewStatus = 'unknown' | 'inferred';

export const STATUS_LABEL: Record<ReviewStatus, string> = { unknown: '未知', inferred: '推断' };

/** One fact to check. `value` is what the document now says (empty when unknown). */
export interface ReviewRow {
  field: ReviewedField;
  status: ReviewStatus;
  value: string;
  /** Where an inferred value came from, in words staff read; empty for an unknown one. */
  from: string;
}

/** The parts of a policy document the review looks at (a subset of the schema's data). */
export interface ReviewInput {
  title: string;
  issuer: string | null;
  city: string | null;
  province: string | null;
  date: string | null;
  docType: string;
  /** Facts the ingest inferred, with their evidence (see the schema's `inferred`). */
  inferred?: readonly { field: string; from: string }[];
  source?: { file: string | null };
}

// The schema records inferred city and province separately; staff check them as one place.
const INFERRED_AS: Record<string, ReviewedField> = {
  title: 'title',
  issuer: 'issuer',
  city: 'place',
  province: 'place',
  date: 'date',
  period: 'date',
  docType: 'docType',
};

/** The title the ingest falls back on is the file name without its extension. */
function titleIsFileName(doc: ReviewInput): boolean {
  const file = doc.source?.file;
  if (!file) return false;
  const stem = file.replace(/^.*\//u, '').replace(/\.[^.]+$/u, '');
  return stem !== '' && doc.title === stem;
}

/** The facts of one document that a person should check, in the order of {@link REVIEWED_FIELDS}. */
export function reviewRows(doc: ReviewInput): ReviewRow[] {
  const rows: ReviewRow[] = [];
  const place = [doc.province, doc.city].filter(Boolean).join(' ');
  const valueOf: Record<ReviewedField, string> = {
    title: doc.title,
    issuer: doc.issuer ?? '',
    place,
    date: doc.date ?? '',
    docType: doc.docType,
  };
  const unknown: Record<ReviewedField, boolean> = {
    title: titleIsFileName(doc),
    issuer: doc.issuer === null,
    place: place === '',
    date: doc.date === null,
    // 其他 is also what a document of no listed kind is: the clerk confirms it.
    docType: doc.docType === '其他',
  };
  const inferred = new Map<ReviewedField, string[]>();
  for (const i of doc.inferred ?? []) {
    const field = INFERRED_AS[i.field];
    if (field) inferred.set(field, [...(inferred.get(field) ?? []), i.from]);
  }
  for (const field of REVIEWED_FIELDS) {
    if (unknown[field]) {
      rows.push({ field, status: 'unknown', value: field === 'title' ? valueOf.title : '', from: field === 'title' ? '文件名' : '' });
    } else if (inferred.has(field)) {
      rows.push({ field, status: 'inferred', value: valueOf[field], from: [...new Set(inferred.get(field))].join('；') });
    }
  }
  return rows;
}

/** A row of the review list of a whole ingest: the document, then the fact. */
export interface ReviewEntry extends ReviewRow {
  /** The input file, as given to the ingest. */
  file: string;
  /** The policy file written for it, or null (a --json run writes none). */
  output: string | null;
}

const COLUMNS: CsvColumn<ReviewEntry>[] = [
  { header: '文件', value: (r) => r.file },
  { header: '生成的文件', value: (r) => r.output },
  { header: '字段', value: (r) => FIELD_LABEL[r.field] },
  { header: '状态', value: (r) => STATUS_LABEL[r.status] },
  { header: '当前值', value: (r) => r.value },
  { header: '依据', value: (r) => r.from },
];

/** The review list as CSV (UTF-8 with BOM, so Excel opens it as it is). */
export function reviewCsv(entries: readonly ReviewEntry[]): string {
  return recordsToCsv(entries, COLUMNS);
}

/** One line of the terminal summary: `file: 发布机构 未知; 地区 推断 (正文“…”)`. */
export function reviewLine(file: string, rows: readonly ReviewRow[]): string {
  const facts = rows.map((r) => `${FIELD_LABEL[r.field]} ${STATUS_LABEL[r.status]}${r.status === 'inferred' && r.from ? `（${r.from}）` : ''}`);
  return `${file}: ${facts.join('；')}`;
}

/** Where an inferred fact came from, in words staff read; null when the document states it. */
export function inferenceOf(inferred: ReviewInput['inferred'], field: string): string | null {
  const from = (inferred ?? []).filter((i) => i.field === field).map((i) => i.from);
  return from.length > 0 ? [...new Set(from)].join('；') : null;
}

/** A document and the facts of it to check, for the site's 待核对 page. */
export interface ReviewDoc<D> {
  doc: D;
  rows: ReviewRow[];
}

/** The documents with facts to check, in the order given, each with its rows. */
export function reviewList<D>(docs: readonly D[], dataOf: (doc: D) => ReviewInput): ReviewDoc<D>[] {
  return docs.map((doc) => ({ doc, rows: reviewRows(dataOf(doc)) })).filter((r) => r.rows.length > 0);
}
