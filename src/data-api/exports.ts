/**
 * The knowledge base as data: the shapes of the static API under /data/ (JSON) and the columns
 * of its CSV files. The JSON is a stable interface for other tools: fields are only ever added
 * (`version` changes when one is removed or changes meaning); docs/site.md documents the shapes (The static data API).
 *
 * Every record carries absolute links back to the page and anchor it came from.
 */
import type { DocSummary } from '../index/documents.ts';
import { UNKNOWN } from '../site/ui-text.ts';
import type { CsvColumn } from '../format/csv.ts';
import type { MeasureView, PolicyView } from '../index/site-index.ts';
import { bodySlug, rolesOf, type BodyNamer, type UnitBody, type UnitEntry } from '../index/unit-directory.ts';
import type { ReferenceIndex } from '../index/reference-index.ts';
import { paths, targetAnchor, goalAnchor } from '../site/paths.ts';
import { dataPaths } from '../site/data-paths.ts';
import { webAddress } from '../format/source.ts';

/** Version of the shapes below. */
export const API_VERSION = 1;


/** One document. */
export interface DocumentRecord {
  slug: string;
  /** Absolute URL of its page. */
  url: string;
  title: string;
  issuer: string | null;
  city: string | null;
  province: string | null;
  /** City, else province, else 未注明. */
  place: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD, or null. */
  date: string | null;
  year: number | null;
  docType: string;
  docNumber: string | null;
  /** The original file under /sources/, as an absolute URL, or null. */
  source: string | null;
  /** Where the document was published, when known. */
  publishedAt: string | null;
  /** Theme slugs its measures serve (vocabulary order); names in /data/index.json. */
  themes: string[];
  counts: { goals: number; measures: number; targets: number };
  /** The same body's document it is compared with year over year, or null. */
  previous: string | null;
  /** This document's own JSON export. */
  data: string;
}

/** One measure. */
export interface MeasureRecord {
  doc: string;
  id: string;
  url: string;
  number: string;
  title: string;
  section: string | null;
  /** Id of the goal it serves, or null. */
  goal: string | null;
  themes: string[];
  units: string[];
  leadUnits: string[];
  /** Positions (from 1) of its targets in the document's `targets`. */
  targets: number[];
}

/** A measure in a document's own export, with its text. */
export interface MeasureWithText extends MeasureRecord {
  /** The measure's text as the document gives it, without the 责任单位 line. */
  text: string;
}

/** One goal. */
export interface GoalRecord {
  doc: string;
  id: string;
  url: string;
  title: string;
  measures: string[];
}

/** One quantitative target. */
export interface TargetRecord {
  doc: string;
  /** Position in the document's targets, from 1. */
  index: number;
  url: string;
  measure: string | null;
  text: string;
  metric: string;
  comparator: string;
  value: number | null;
  valueMax: number | null;
  unit: string | null;
  year: number | null;
  /** The requirement in words: 不低于 10%. */
  requirement: string;
}

/** One body (济源市教育局): version 2 of /data/units.json; version 1 gathered a role name's bodies in one record. */
export interface UnitRecord {
  /** The body's name (济源市教育局; 市教育局 when its place is unknown). */
  name: string;
  /** The name that tells it apart: for a body of unknown place, with its one document's title. */
  label: string;
  /** The body's place, or null when unknown. */
  place: string | null;
  /** Its role across places (市教育局) and the role's page. */
  role: string;
  roleUrl: string;
  url: string;
  /** The names documents use for it. */
  names: string[];
  /** Documents that name it or that it issued: the count of its search filter too. */
  documents: number;
  lead: number;
  support: number;
  responsible: number;
  issued: number;
  /** Measures of the documents it issued that name no responsible unit. */
  ownDuties: number;
  /** lead + support + responsible + ownDuties: what orders the directory. */
  tasks: number;
}

/** /data/policies/<slug>.json: one document with everything in it. */
export interface PolicyExport {
  version: number;
  document: DocumentRecord;
  goals: GoalRecord[];
  measures: MeasureWithText[];
  targets: TargetRecord[];
  /** Units its measures name: the name in the document, the body it stands for (its page) and its role name. */
  units: { name: string; body: string; roleName: string; url: string }[];
}

/** A list export of the whole base: /data/<what>.json. */
export interface ListExport<T> {
  version: number;
  count: number;
  items: T[];
}

/** Wraps records as a list export. */
export function listExport<T>(items: T[]): ListExport<T> {
  return { version: API_VERSION, count: items.length, items };
}

const abs = (origin: string, href: string): string => `${origin}${href}`;

/** All measures of a policy view, in document order, with the goal each serves. */
export function measuresOf(view: PolicyView): { view: MeasureView; goal: string | null }[] {
  const goalOf = new Map<string, string>();
  for (const g of view.goals) for (const m of g.measures) if (!goalOf.has(m.measure.id)) goalOf.set(m.measure.id, g.goal.id);
  const byId = new Map<string, MeasureView>();
  for (const g of view.goals) for (const m of g.measures) byId.set(m.measure.id, m);
  for (const m of view.looseMeasures) byId.set(m.measure.id, m);
  return view.doc.data.measures.flatMap((m) => {
    const v = byId.get(m.id);
    return v ? [{ view: v, goal: goalOf.get(m.id) ?? null }] : [];
  });
}

/** The document record of a policy view. */
export function documentRecord(view: PolicyView, origin: string, previous: string | null = null): DocumentRecord {
  const d = view.doc.data;
  const s: DocSummary = view.summary;
  return {
    slug: s.slug,
    url: abs(origin, paths.policy(s.slug)),
    title: d.title,
    issuer: d.issuer,
    city: d.city,
    province: d.province,
    place: s.place,
    date: d.date,
    year: s.year,
    docType: d.docType,
    docNumber: d.docNumber,
    source: view.sourceFile === null ? null : abs(origin, paths.source(view.sourceFile)),
    publishedAt: d.source.url === null ? null : webAddress(d.source.url),
    themes: view.themes.map((t) => t.slug),
    counts: { goals: d.goals.length, measures: d.measures.length, targets: d.targets.length },
    previous,
    data: abs(origin, dataPaths.policy(s.slug, 'json')),
  };
}

/** The measure records of a policy view. */
export function measureRecords(view: PolicyView, origin: string): MeasureRecord[] {
  const slug = view.summary.slug;
  const targetPositions = new Map<string, number[]>();
  view.doc.data.targets.forEach((t, i) => {
    if (t.measure === null) return;
    targetPositions.set(t.measure, [...(targetPositions.get(t.measure) ?? []), i + 1]);
  });
  return measuresOf(view).map(({ view: mv, goal }) => ({
    doc: slug,
    id: mv.measure.id,
    url: abs(origin, paths.anchor(slug, mv.measure.id)),
    number: mv.measure.number,
    title: mv.measure.title,
    section: mv.measure.section,
    goal,
    themes: mv.themes.map((t) => t.slug),
    units: mv.measure.units,
    leadUnits: mv.measure.leadUnits,
    targets: targetPositions.get(mv.measure.id) ?? [],
  }));
}

/** The goal records of a policy view. */
export function goalRecords(view: PolicyView, origin: string): GoalRecord[] {
  const slug = view.summary.slug;
  return view.doc.data.goals.map((g) => ({ doc: slug, id: g.id, url: abs(origin, paths.anchor(slug, goalAnchor(g.id))), title: g.title, measures: g.measures }));
}

/** The target records of a policy view. */
export function targetRecords(view: PolicyView, origin: string): TargetRecord[] {
  const slug = view.summary.slug;
  return view.targets
    .slice()
    .sort((a, b) => a.index - b.index)
    .map((r) => ({
      doc: slug,
      index: r.index,
      url: abs(origin, paths.anchor(slug, targetAnchor(r.index))),
      measure: r.target.measure,
      text: r.target.text,
      metric: r.target.metric,
      comparator: r.target.comparator,
      value: r.target.value,
      valueMax: r.target.valueMax,
      unit: r.target.unit,
      year: r.target.year,
      requirement: r.requirement,
    }));
}

/** The unit record of a unit directory entry. */
export function unitRecord(u: UnitEntry, origin: string): UnitRecord {
  const names = new Set<string>();
  for (const d of u.documents) for (const n of d.names) names.add(n);
  return {
    name: u.name,
    label: u.label,
    place: u.place,
    role: u.role,
    roleUrl: abs(origin, paths.unitRole(u.role)),
    url: abs(origin, paths.unit(u.slug)),
    names: [...names],
    documents: u.documents.length,
    lead: u.counts.lead,
    support: u.counts.support,
    responsible: u.counts.responsible,
    issued: u.counts.issuer,
    ownDuties: u.ownDuties,
    tasks: u.tasks,
  };
}

/** One document's full export; `textOf` gives a measure's text. */
export function policyExport(
  view: PolicyView,
  origin: string,
  textOf: (measureId: string) => string,
  bodyOf: BodyNamer,
  previous: string | null = null,
): PolicyExport {
  const context = { slug: view.doc.slug, city: view.doc.data.city, province: view.doc.data.province };
  const units = new Map<string, UnitBody>();
  for (const m of view.doc.data.measures) for (const [u] of rolesOf(m)) if (!units.has(u)) units.set(u, bodyOf(u, context));
  return {
    version: API_VERSION,
    document: documentRecord(view, origin, previous),
    goals: goalRecords(view, origin),
    measures: measureRecords(view, origin).map((m) => ({ ...m, text: textOf(m.id) })),
    targets: targetRecords(view, origin),
    units: [...units].map(([name, body]) => ({ name, body: body.name, roleName: body.role, url: abs(origin, paths.unit(bodySlug(body))) })),
  };
}

const list = (items: readonly string[]): string => items.join('、');

/** CSV columns of documents. */
export const DOCUMENT_COLUMNS: CsvColumn<DocumentRecord>[] = [
  { header: '标识', value: (d) => d.slug },
  { header: '标题', value: (d) => d.title },
  { header: '发布机构', value: (d) => d.issuer },
  { header: '地区', value: (d) => d.place },
  { header: '省份', value: (d) => d.province },
  { header: '城市', value: (d) => d.city },
  { header: '日期', value: (d) => d.date },
  { header: '年份', value: (d) => d.year },
  { header: '类型', value: (d) => d.docType },
  { header: '文号', value: (d) => d.docNumber },
  { header: '目标数', value: (d) => d.counts.goals },
  { header: '措施数', value: (d) => d.counts.measures },
  { header: '指标数', value: (d) => d.counts.targets },
  { header: '往年对比文件', value: (d) => d.previous },
  { header: '链接', value: (d) => d.url },
];

/** CSV columns of measures; `themeName` turns theme slugs into names. */
export function measureColumns(themeName: (slug: string) => string, withText = false): CsvColumn<MeasureRecord & { text?: string }>[] {
  return [
    { header: '文件', value: (m) => m.doc },
    { header: '措施', value: (m) => m.id },
    { header: '编号', value: (m) => m.number },
    { header: '标题', value: (m) => m.title },
    ...(withText ? [{ header: '内容', value: (m: MeasureRecord & { text?: string }) => m.text ?? '' }] : []),
    { header: '所属部分', value: (m) => m.section },
    { header: '目标', value: (m) => m.goal },
    { header: '主题', value: (m) => list(m.themes.map(themeName)) },
    { header: '责任单位', value: (m) => list(m.units) },
    { header: '牵头单位', value: (m) => list(m.leadUnits) },
    { header: '指标序号', value: (m) => m.targets.join('、') },
    { header: '链接', value: (m) => m.url },
  ];
}

/** CSV columns of goals. */
export const GOAL_COLUMNS: CsvColumn<GoalRecord>[] = [
  { header: '文件', value: (g) => g.doc },
  { header: '目标', value: (g) => g.id },
  { header: '标题', value: (g) => g.title },
  { header: '措施', value: (g) => g.measures.join('、') },
  { header: '链接', value: (g) => g.url },
];

/** CSV columns of targets. */
export const TARGET_COLUMNS: CsvColumn<TargetRecord>[] = [
  { header: '文件', value: (t) => t.doc },
  { header: '序号', value: (t) => t.index },
  { header: '措施', value: (t) => t.measure },
  { header: '指标', value: (t) => t.metric },
  { header: '要求', value: (t) => t.requirement },
  { header: '比较', value: (t) => t.comparator },
  { header: '数值', value: (t) => t.value },
  { header: '上限', value: (t) => t.valueMax },
  { header: '单位', value: (t) => t.unit },
  { header: '期限', value: (t) => t.year },
  { header: '原文', value: (t) => t.text },
  { header: '链接', value: (t) => t.url },
];

/** CSV columns of units. */
export const UNIT_COLUMNS: CsvColumn<UnitRecord>[] = [
  { header: '单位', value: (u) => u.label },
  { header: '地区', value: (u) => u.place ?? UNKNOWN },
  { header: '职能', value: (u) => u.role },
  { header: '文件中的名称', value: (u) => list(u.names) },
  { header: '任务数', value: (u) => u.tasks },
  { header: '文件数', value: (u) => u.documents },
  { header: '牵头', value: (u) => u.lead },
  { header: '配合', value: (u) => u.support },
  { header: '责任单位', value: (u) => u.responsible },
  { header: '发文', value: (u) => u.issued },
  { header: '本单位任务', value: (u) => u.ownDuties },
  { header: '链接', value: (u) => u.url },
];

/** One citation: a document of the base citing a document (/data/references.json). */
export interface ReferenceRecord {
  /** Slug of the citing document. */
  doc: string;
  docTitle: string;
  place: string;
  year: number | null;
  /** The cited title as the citing document writes it. */
  citedTitle: string;
  /** The 文号 the citing document gives, or null. */
  docNumber: string | null;
  relation: string;
  /** The cited document's page (/references/<slug>/) and its usual title, level and 文号. */
  cited: string;
  citedUrl: string;
  title: string;
  level: string | null;
  /** Slug of the document of the base it is, or null when not in the base. */
  inBase: string | null;
  url: string;
}

/** Every citation of the base, by cited document (most cited first), then citing document. */
export function referenceRecords(index: ReferenceIndex, origin: string): ReferenceRecord[] {
  return index.cited.flatMap((c) =>
    c.citations.map((x) => ({
      doc: x.doc.slug,
      docTitle: x.doc.title,
      place: x.doc.place,
      year: x.doc.year,
      citedTitle: x.title,
      docNumber: x.docNumber,
      relation: x.relation,
      cited: c.slug,
      citedUrl: `${origin}${paths.reference(c.slug)}`,
      title: c.title,
      level: c.level,
      inBase: c.inBase?.slug ?? null,
      url: `${origin}${paths.policy(x.doc.slug)}`,
    })),
  );
}

/** CSV columns of citations. */
export const REFERENCE_COLUMNS: CsvColumn<ReferenceRecord>[] = [
  { header: '引用文件', value: (r) => r.docTitle },
  { header: '地区', value: (r) => r.place },
  { header: '年份', value: (r) => r.year },
  { header: '被引文件', value: (r) => r.citedTitle },
  { header: '文号', value: (r) => r.docNumber },
  { header: '关系', value: (r) => r.relation },
  { header: '被引文件层级', value: (r) => r.level },
  { header: '被引文件页面', value: (r) => r.citedUrl },
  { header: '引用文件链接', value: (r) => r.url },
];
