/**
 * The files of the static data API under /data/: what each one holds, as JSON or as CSV
 * (UTF-8 with BOM, for Excel). Routes under src/pages/data/ only name the file and return
 * what this module makes; the shapes are documented in exports.ts and docs/site.md.
 */
import type { Comparisons } from './comparison-data.ts';
import { metricIdentity } from '../compare/metric-identity.ts';
import { ALONE_LABEL, DIRECTION_LABELS, groupLabel, type TargetGroup, type TargetInput } from '../compare/target-compare.ts';
import { CSV_TYPE, recordsToCsv, type CsvColumn } from '../format/csv.ts';
import {
  API_VERSION,
  documentRecord,
  DOCUMENT_COLUMNS,
  GOAL_COLUMNS,
  goalRecords,
  listExport,
  measureColumns,
  measureRecords,
  policyExport,
  REFERENCE_COLUMNS,
  referenceRecords,
  TARGET_COLUMNS,
  targetRecords,
  UNIT_COLUMNS,
  unitRecord,
} from './exports.ts';
import { dataPaths, LIST_NAMES, type DataFormat, type ListName } from '../site/data-paths.ts';
import { collator } from '../index/documents.ts';
import type { SiteIndex } from '../index/site-index.ts';
import { paths, targetAnchor } from '../site/paths.ts';
import type { BodyNamer } from '../index/unit-directory.ts';
import { UNKNOWN } from '../site/ui-text.ts';
import { docSlug } from '../format/ids.ts';

/** What every data file is made from. */
export interface DataContext {
  site: SiteIndex;
  comparisons: Comparisons;
  /** The site's address, for absolute links (https://kb.example). */
  origin: string;
  bodyOf: BodyNamer;
}

/** A file's text and its media type. */
export interface DataFile {
  body: string;
  type: string;
}

export const JSON_TYPE = 'application/json; charset=utf-8';

const json = (value: unknown): DataFile => ({ body: JSON.stringify(value), type: JSON_TYPE });
const csv = <T>(records: readonly T[], columns: readonly CsvColumn<T>[]): DataFile => ({ body: recordsToCsv(records, columns), type: CSV_TYPE });
const list = (items: readonly string[]): string => items.join('、');

/** A measure of a theme, in the theme's export. */
export interface ThemeMeasureRecord {
  theme: string;
  doc: string;
  place: string;
  year: number | null;
  docType: string;
  title: string;
  measure: string;
  number: string;
  measureTitle: string;
  url: string;
  units: string[];
  targets: { metric: string; requirement: string; year: number | null; url: string }[];
}

/** One row of a year-over-year export: a measure of the later document, or a dropped one of the earlier. */
export interface ChangeRecord {
  doc: string;
  previousDoc: string;
  /** continued 延续 · changed 调整 · new 新增 · dropped 不再提及 */
  status: 'continued' | 'changed' | 'new' | 'dropped';
  measure: string | null;
  number: string | null;
  title: string | null;
  url: string | null;
  previousMeasure: string | null;
  previousNumber: string | null;
  previousTitle: string | null;
  previousUrl: string | null;
  similarity: number | null;
}

/** Version of /data/units.json: 2 since a record is one body, not a role name. */
export const UNITS_VERSION = 2;

/** Version of /data/target-groups.json: 2 since groups are metric identities and alone targets are listed. */
export const TARGET_GROUPS_VERSION = 2;

/** One target in a group of comparable targets. */
export interface TargetGroupRecord {
  /** The group's metric identity key; null for a target that stands alone (no other document has a comparable one). */
  group: string | null;
  /** The group's heading, or 无同类可比. */
  label: string;
  /** 不低于（下限）, 不高于（上限）, 增长, 减少 or 消除期限. */
  direction: string;
  unit: string | null;
  doc: string;
  place: string;
  year: number | null;
  docType: string;
  index: number;
  metric: string;
  requirement: string;
  value: number | null;
  valueMax: number | null;
  deadline: number | null;
  text: string;
  url: string;
}

/** Names of the change statuses, as pages and CSV show them. */
export const CHANGE_LABELS = { continued: '延续', changed: '调整', new: '新增', dropped: '不再提及' } as const;

const THEME_COLUMNS: CsvColumn<ThemeMeasureRecord>[] = [
  { header: '地区', value: (r) => r.place },
  { header: '年份', value: (r) => r.year ?? UNKNOWN },
  { header: '类型', value: (r) => r.docType },
  { header: '文件', value: (r) => r.title },
  { header: '编号', value: (r) => r.number },
  { header: '措施', value: (r) => r.measureTitle },
  { header: '量化指标', value: (r) => r.targets.map((t) => `${t.metric} ${t.requirement}${t.year === null ? '' : `（${t.year}年）`}`).join('\n') },
  { header: '责任单位', value: (r) => list(r.units) },
  { header: '链接', value: (r) => r.url },
];

const CHANGE_COLUMNS: CsvColumn<ChangeRecord>[] = [
  { header: '状态', value: (r) => CHANGE_LABELS[r.status] },
  { header: '本文件编号', value: (r) => r.number },
  { header: '本文件措施', value: (r) => r.title },
  { header: '上一文件编号', value: (r) => r.previousNumber },
  { header: '上一文件措施', value: (r) => r.previousTitle },
  { header: '相似度', value: (r) => r.similarity },
  { header: '本文件链接', value: (r) => r.url },
  { header: '上一文件链接', value: (r) => r.previousUrl },
];

const TARGET_GROUP_COLUMNS: CsvColumn<TargetGroupRecord>[] = [
  { header: '分组', value: (r) => r.label },
  { header: '要求方向', value: (r) => r.direction },
  { header: '单位', value: (r) => r.unit },
  { header: '地区', value: (r) => r.place },
  { header: '年份', value: (r) => r.year ?? UNKNOWN },
  { header: '类型', value: (r) => r.docType },
  { header: '文件', value: (r) => r.doc },
  { header: '指标', value: (r) => r.metric },
  { header: '要求', value: (r) => r.requirement },
  { header: '数值', value: (r) => r.value },
  { header: '上限', value: (r) => r.valueMax },
  { header: '期限', value: (r) => r.deadline },
  { header: '原文', value: (r) => r.text },
  { header: '链接', value: (r) => r.url },
];

const themeName = (ctx: DataContext) => {
  const names = new Map(ctx.comparisons.picker.themes.map((t) => [t.slug, t.name]));
  return (slug: string): string => names.get(slug) ?? slug;
};

const views = (ctx: DataContext) => ctx.site.docs.map((d) => ctx.site.policies.get(d.slug)!);

/** Every target: those of the comparison tables group by group, then those standing alone. */
export function targetGroupRecords(ctx: DataContext): TargetGroupRecord[] {
  const record = (r: TargetInput, group: TargetGroup | null): TargetGroupRecord => {
    const id = metricIdentity(r.target);
    return {
      group: group?.key ?? null,
      label: group === null ? ALONE_LABEL : groupLabel(group),
      direction: DIRECTION_LABELS[id.direction],
      unit: id.unit,
      doc: r.doc.slug,
      place: r.doc.place,
      year: r.doc.year,
      docType: r.doc.docType,
      index: r.index,
      metric: r.target.metric,
      requirement: r.requirement,
      value: r.target.value,
      valueMax: r.target.valueMax,
      deadline: r.target.year,
      text: r.target.text,
      url: `${ctx.origin}${paths.anchor(docSlug(r.doc.slug), targetAnchor(r.index))}`,
    };
  };
  const { groups, alone } = ctx.comparisons.targets;
  return [...groups.flatMap((g) => g.rows.map((r) => record(r, g))), ...alone.map((r) => record(r, null))];
}

/** /data/<name>.json or .csv: one list of the whole base. */
export function listFile(ctx: DataContext, name: ListName, format: DataFormat): DataFile {
  const { origin } = ctx;
  const previous = (slug: string) => ctx.comparisons.previousOf.get(slug) ?? null;
  switch (name) {
    case 'documents': {
      const items = views(ctx).map((v) => documentRecord(v, origin, previous(v.summary.slug)));
      return format === 'json' ? json(listExport(items)) : csv(items, DOCUMENT_COLUMNS);
    }
    case 'measures': {
      const items = views(ctx).flatMap((v) => measureRecords(v, origin));
      return format === 'json' ? json(listExport(items)) : csv(items, measureColumns(themeName(ctx)));
    }
    case 'goals': {
      const items = views(ctx).flatMap((v) => goalRecords(v, origin));
      return format === 'json' ? json(listExport(items)) : csv(items, GOAL_COLUMNS);
    }
    case 'targets': {
      const items = views(ctx).flatMap((v) => targetRecords(v, origin));
      return format === 'json' ? json(listExport(items)) : csv(items, TARGET_COLUMNS);
    }
    case 'units': {
      const items = ctx.site.units.units.map((u) => unitRecord(u, origin));
      // Version 2: one record per body (济源市教育局), no longer per role name.
      return format === 'json' ? json({ ...listExport(items), version: UNITS_VERSION }) : csv(items, UNIT_COLUMNS);
    }
    case 'target-groups': {
      const items = targetGroupRecords(ctx);
      // Version 2: groups by metric identity, not theme (`theme` and `kind` gave way to `direction`); alone targets are items too.
      return format === 'json' ? json({ ...listExport(items), version: TARGET_GROUPS_VERSION, groups: ctx.comparisons.targets.groups.length, alone: ctx.comparisons.targets.alone.length }) : csv(items, TARGET_GROUP_COLUMNS);
    }
    case 'references': {
      const items = referenceRecords(ctx.site.references, origin);
      return format === 'json' ? json(listExport(items)) : csv(items, REFERENCE_COLUMNS);
    }
  }
}

/** /data/policies/<slug>.json (everything of one document) or .csv (its measures with their text). */
export function policyFile(ctx: DataContext, slug: string, format: DataFormat): DataFile {
  const view = ctx.site.policies.get(slug);
  if (!view) throw new Error(`no policy document "${slug}"`);
  const data = policyExport(view, ctx.origin, (id) => view.measureTexts.get(id) ?? '', ctx.bodyOf, ctx.comparisons.previousOf.get(slug) ?? null);
  return format === 'json' ? json(data) : csv(data.measures, measureColumns(themeName(ctx), true));
}

/** The measures of every document serving a theme, by place and year. */
export function themeRecords(ctx: DataContext, slug: string): ThemeMeasureRecord[] {
  const entry = ctx.site.themes.find((t) => t.theme.slug === slug);
  if (!entry) throw new Error(`no theme "${slug}"`);
  return entry.places.flatMap((p) =>
    p.years.flatMap((y) =>
      y.documents.flatMap((d) =>
        d.measures.map((m) => ({
          theme: slug,
          doc: d.doc.slug,
          place: p.place,
          year: y.year,
          docType: d.doc.docType,
          title: d.doc.title,
          measure: m.measure.id,
          number: m.measure.number,
          measureTitle: m.measure.title,
          url: `${ctx.origin}${paths.anchor(d.doc.slug, m.measure.id)}`,
          units: m.units.map((u) => u.name),
          targets: m.targets.map((t) => ({ metric: t.target.metric, requirement: t.requirement, year: t.target.year, url: `${ctx.origin}${paths.anchor(d.doc.slug, t.anchor)}` })),
        })),
      ),
    ),
  );
}

/** /data/themes/<slug>.json or .csv. */
export function themeFile(ctx: DataContext, slug: string, format: DataFormat): DataFile {
  const items = themeRecords(ctx, slug);
  return format === 'json' ? json({ ...listExport(items), theme: { slug, name: themeName(ctx)(slug) } }) : csv(items, THEME_COLUMNS);
}

/** The year-over-year rows of a document: its measures in order, then the dropped ones. */
export function changeRecords(ctx: DataContext, slug: string): ChangeRecord[] {
  const c = ctx.comparisons.changes.get(slug);
  if (!c) throw new Error(`document "${slug}" has no earlier document to compare with`);
  const at = (doc: string, id: string) => `${ctx.origin}${paths.anchor(docSlug(doc), id)}`;
  return [
    ...c.rows.map((r) => ({
      doc: slug,
      previousDoc: c.previous.slug,
      status: r.status,
      measure: r.measure.id,
      number: r.measure.number,
      title: r.measure.title,
      url: at(slug, r.measure.id),
      previousMeasure: r.previous?.id ?? null,
      previousNumber: r.previous?.number ?? null,
      previousTitle: r.previous?.title ?? null,
      previousUrl: r.previous ? at(c.previous.slug, r.previous.id) : null,
      similarity: r.similarity,
    })),
    ...c.dropped.map((m) => ({
      doc: slug,
      previousDoc: c.previous.slug,
      status: 'dropped' as const,
      measure: null,
      number: null,
      title: null,
      url: null,
      previousMeasure: m.id,
      previousNumber: m.number,
      previousTitle: m.title,
      previousUrl: at(c.previous.slug, m.id),
      similarity: null,
    })),
  ];
}

/** /data/changes/<slug>.json or .csv. */
export function changesFile(ctx: DataContext, slug: string, format: DataFormat): DataFile {
  const items = changeRecords(ctx, slug);
  const c = ctx.comparisons.changes.get(slug)!;
  return format === 'json' ? json({ ...listExport(items), doc: slug, previous: c.previous.slug, counts: c.counts }) : csv(items, CHANGE_COLUMNS);
}

/** /data/index.json: what the API holds and where. */
export function apiIndexFile(ctx: DataContext): DataFile {
  const abs = (href: string) => `${ctx.origin}${href}`;
  const both = (make: (f: DataFormat) => string) => ({ json: abs(make('json')), csv: abs(make('csv')) });
  return json({
    version: API_VERSION,
    counts: { documents: ctx.site.stats.documents, measures: ctx.site.stats.measures, targets: ctx.site.stats.targets, units: ctx.site.stats.units },
    lists: Object.fromEntries(LIST_NAMES.map((n) => [n, both((f) => dataPaths.all(n, f))])),
    policies: ctx.site.docs.map((d) => ({ slug: d.slug, title: d.title, ...both((f) => dataPaths.policy(d.slug, f)) })),
    themes: ctx.comparisons.picker.themes.map((t) => ({ ...t, ...both((f) => dataPaths.theme(t.slug, f)) })),
    changes: [...ctx.comparisons.changes.keys()].map((slug) => ({ doc: slug, previous: ctx.comparisons.previousOf.get(slug)!, ...both((f) => dataPaths.changes(slug, f)) })),
    compare: { index: abs(dataPaths.compareIndex), doc: abs(dataPaths.compareDoc('<slug>')) },
  });
}

/** How many records a whole-base list holds (without writing it out). */
export function listRecordCount(ctx: DataContext, name: ListName): number {
  const docs = views(ctx);
  switch (name) {
    case 'documents':
      return docs.length;
    case 'measures':
      return docs.reduce((n, v) => n + v.doc.data.measures.length, 0);
    case 'goals':
      return docs.reduce((n, v) => n + v.doc.data.goals.length, 0);
    case 'targets':
      return docs.reduce((n, v) => n + v.doc.data.targets.length, 0);
    case 'units':
      return ctx.site.units.units.length;
    case 'target-groups':
      return targetGroupRecords(ctx).length;
    case 'references':
      return ctx.site.references.cited.reduce((n, c) => n + c.citations.length, 0);
  }
}

/** The size of a data file as served, in bytes (UTF-8). */
export function fileBytes(file: DataFile): number {
  return new TextEncoder().encode(file.body).length;
}

/** A size as the /data/ page writes it: 812 B, 35 KB, 4.2 MB. */
export function sizeLabel(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** One download of the /data/ page: what it holds, how many records, each format's address and size. */
export interface DownloadRow {
  label: string;
  /** The page the data is about (a document's), or null. */
  page: string | null;
  /** A short second line: place, year, type. */
  note: string | null;
  /** 5 份文件, 36 项措施. */
  records: string;
  files: { format: DataFormat; href: string; size: string }[];
}

export interface DownloadGroup {
  title: string;
  rows: DownloadRow[];
}

/** Measures the size of the file served at `href` (made by `make` when not made yet). */
export type SizeOf = (href: string, make: () => DataFile) => number;

const LIST_LABELS: Record<ListName, { label: string; word: string }> = {
  documents: { label: '全部文件（发布机构、日期、地区、类型、文号、措施数）', word: '份文件' },
  measures: { label: '全部措施（编号、标题、所属部分、主题、责任单位）', word: '项措施' },
  goals: { label: '全部目标及其措施', word: '个目标' },
  targets: { label: '全部量化指标（指标、要求、数值、单位、期限、原文）', word: '项指标' },
  units: { label: '全部责任单位（牵头、配合次数）', word: '个单位' },
  'target-groups': { label: '同类指标对比表', word: '项指标' },
  references: { label: '引用关系（引用文件、被引文件、文号、关系、地区、年份）', word: '条引用' },
};

/**
 * The downloads of the /data/ page, grouped: the whole base; each document, by place (only up
 * to `perDocumentLimit` documents: beyond, each policy page links its own); each theme.
 */
export function downloadGroups(ctx: DataContext, sizeOf: SizeOf, perDocumentLimit: number): DownloadGroup[] {
  const files = (href: (f: DataFormat) => string, make: (f: DataFormat) => DataFile) =>
    (['csv', 'json'] as const).map((format) => ({ format, href: href(format), size: sizeLabel(sizeOf(href(format), () => make(format))) }));
  const groups: DownloadGroup[] = [
    {
      title: '整个知识库',
      rows: LIST_NAMES.map((name) => ({
        label: LIST_LABELS[name].label,
        page: null,
        note: null,
        records: `${listRecordCount(ctx, name)} ${LIST_LABELS[name].word}`,
        files: files((f) => dataPaths.all(name, f), (f) => listFile(ctx, name, f)),
      })),
    },
  ];
  if (ctx.site.docs.length <= perDocumentLimit) {
    const byPlace = new Map<string, DownloadRow[]>();
    const places = [...new Set(ctx.site.docs.map((d) => d.place))].sort((a, b) => (a === UNKNOWN ? 1 : b === UNKNOWN ? -1 : collator.compare(a, b)));
    for (const p of places) byPlace.set(p, []);
    for (const d of ctx.site.docs) {
      byPlace.get(d.place)!.push({
        label: d.title,
        page: paths.policy(d.slug),
        note: [d.year === null ? `年份${UNKNOWN}` : `${d.year}年`, d.docType].join(' · '),
        records: `${d.measureCount} 项措施`,
        files: files((f) => dataPaths.policy(d.slug, f), (f) => policyFile(ctx, d.slug, f)),
      });
    }
    for (const [place, rows] of byPlace) groups.push({ title: `按文件：${place === UNKNOWN ? `地区${UNKNOWN}` : place}`, rows });
  }
  groups.push({
    title: '按主题',
    rows: ctx.site.themes
      .filter((t) => t.counts.measures > 0)
      .map((t) => ({
        label: t.theme.name,
        page: paths.theme(t.theme.slug),
        note: null,
        records: `${themeRecords(ctx, t.theme.slug).length} 项措施`,
        files: files((f) => dataPaths.theme(t.theme.slug, f), (f) => themeFile(ctx, t.theme.slug, f)),
      })),
  });
  return groups;
}
