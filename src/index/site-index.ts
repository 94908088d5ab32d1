/**
 * Everything the pages show, built once per build from the documents and the vocabularies:
 * facets, the unit directory, themes, targets, related documents and one view per policy.
 * Pages pick their data from here and only render it.
 */
import type { Goal, Measure } from '../format/schema.ts';
import { byDateDesc, collator, sortableDate, summarize, type DocSummary, type PolicyDoc } from './documents.ts';
import { readOutline, isResponsibilityLine, tocTree, type TocNode } from '../format/body-outline.ts';
import { buildFacet, type Facet } from './facets.ts';
import { buildUnitDirectory, type BodyNamer, type RoleNamer, type UnitDirectory, type UnitEntry } from './unit-directory.ts';
import { assignThemes, type Theme, type ThemeMatcher } from '../vocab/themes.ts';
import { describeFiling } from '../vocab/theme-evidence.ts';
import { buildThemeIndex, type ThemeEntry } from './theme-index.ts';
import { buildTargetIndex, type TargetIndex, type TargetRow } from './target-index.ts';
import { buildRelated, mainThemes, sameIssuerOtherYears, type RelatedDoc } from './related.ts';
import type { FacetName } from '../site/ui-text.ts';
import { buildReferenceIndex, type PlaceLevels, type ReferenceIndex } from './reference-index.ts';
import { buildFollowThrough, type FollowThrough } from './follow-through.ts';

export interface SiteVocabulary {
  themes: ThemeMatcher;
  /** Role name of a unit (济源市教育局 → 市教育局), aliases applied. */
  roleOf: RoleNamer;
  /** The body a unit name stands for in a document (市财政局 in a 济源 document → 济源市财政局). */
  bodyOf: BodyNamer;
  /** Whether an original file (path under content/sources/) is there to link to. */
  hasSource?: (file: string) => boolean;
  /** Place names by level, to tell the level of a cited document (none: levels from 文号 and wording only). */
  placeLevels?: PlaceLevels;
}

/** A goal of a document with its measures. */
export interface GoalView {
  goal: Goal;
  measures: MeasureView[];
}

export interface MeasureView {
  measure: Measure;
  themes: Theme[];
  /** Per theme slug, why the measure was filed there (依据：标题“课后服务”); empty when an editor assigned the themes. */
  themeReasons: ReadonlyMap<string, string>;
  targets: TargetRow[];
}

/** Everything a policy page shows besides the rendered body. */
export interface PolicyView {
  summary: DocSummary;
  doc: PolicyDoc;
  toc: TocNode[];
  /** Themes served by any measure of the document, in vocabulary order. */
  themes: Theme[];
  goals: GoalView[];
  /** Measures that serve no goal, in document order. */
  looseMeasures: MeasureView[];
  /** Role names of the document's responsible units, in pinyin order. */
  unitRoles: string[];
  /** The measures naming each of `unitBodies`, by its label (ids in document order): what the 责任单位 filter narrows to. */
  unitMeasures: Map<string, string[]>;
  /** The bodies the document names as responsible or that issued it, in directory order: its 责任单位 search filter. */
  unitBodies: UnitEntry[];
  targets: TargetRow[];
  related: RelatedView[];
  sameIssuer: DocSummary[];
  /** The original file kept under content/sources/, when it is there. */
  sourceFile: string | null;
  /** Pagefind's date sort key: YYYY-MM-DD, with 0000/00 for unknown parts. */
  sortDate: string;
  /** The documents it cites, each by the title of its cited-document page (spellings met): the 依据文件 facet. */
  citedTitles: string[];
  /** Each measure's text as the body gives it, without its 责任单位 line: for exports and year-over-year matching. */
  measureTexts: ReadonlyMap<string, string>;
}

/** A related document and, in words, what it shares with this one. */
export interface RelatedView {
  doc: DocSummary;
  reason: string;
}

export interface SiteStats {
  documents: number;
  cities: number;
  years: number;
  measures: number;
  targets: number;
  units: number;
  themes: number;
  /** Earliest and latest known years. */
  firstYear: number | null;
  lastYear: number | null;
}

export interface SiteIndex {
  /** All documents, newest first. */
  docs: DocSummary[];
  policies: Map<string, PolicyView>;
  facets: Record<FacetName, Facet>;
  units: UnitDirectory;
  themes: ThemeEntry[];
  targets: TargetIndex;
  stats: SiteStats;
  /** Original files to publish under /sources/. */
  sources: string[];
  /** Cited documents (依据文件), who cites them, and the lineage they form. */
  references: ReferenceIndex;
  /** What later documents of the same place report on each target with a deadline, by target row key. */
  followThrough: ReadonlyMap<string, FollowThrough>;
  /** Content problems an editor should fix (an unknown theme slug in a frontmatter); the build goes on. */
  problems: string[];
}

/** Builds the whole site index; linear in the documents and their measures. */
export function buildSiteIndex(docs: readonly PolicyDoc[], vocab: SiteVocabulary): SiteIndex {
  const problems: string[] = [];
  const targets = buildTargetIndex(docs);
  const targetsByDoc = new Map<string, Map<string, TargetRow[]>>();
  const allTargetsByDoc = new Map<string, TargetRow[]>();
  for (const row of targets.rows) {
    const all = allTargetsByDoc.get(row.doc.slug) ?? [];
    all.push(row);
    allTargetsByDoc.set(row.doc.slug, all);
    if (row.measure === null) continue;
    const perMeasure = targetsByDoc.get(row.doc.slug) ?? new Map<string, TargetRow[]>();
    targetsByDoc.set(row.doc.slug, perMeasure);
    const list = perMeasure.get(row.measure.id);
    if (list) list.push(row);
    else perMeasure.set(row.measure.id, [row]);
  }

  const themesByDoc = new Map<string, Map<string, string[]>>();
  const reasonsByDoc = new Map<string, Map<string, Map<string, string>>>();
  const textsByDoc = new Map<string, Map<string, string>>();
  const outlines = new Map<string, TocNode[]>();
  for (const doc of docs) {
    const outline = readOutline(doc.body);
    outlines.set(doc.slug, tocTree(outline.headings, new Set(doc.data.measures.map((m) => m.id))));
    const perMeasure = new Map<string, string[]>();
    const reasons = new Map<string, Map<string, string>>();
    reasonsByDoc.set(doc.slug, reasons);
    const texts = new Map<string, string>();
    textsByDoc.set(doc.slug, texts);
    for (const m of doc.data.measures) {
      const text = (outline.paragraphs.get(m.id) ?? []).filter((p) => !isResponsibilityLine(p)).join('\n');
      texts.set(m.id, text);
      const assigned = assignThemes(vocab.themes, { title: m.title, text, override: m.themes });
      for (const slug of assigned.unknown) {
        problems.push(
          `content/policies/${doc.slug}.md: measure "${m.id}" lists theme "${slug}", which is not in content/vocab/themes.yaml; ` +
            `fix the slug or add the theme there`,
        );
      }
      perMeasure.set(m.id, assigned.themes);
      reasons.set(m.id, new Map([...assigned.reasons].map(([slug, r]) => [slug, describeFiling(r)])));
    }
    themesByDoc.set(doc.slug, perMeasure);
  }

  const summaries = docs.map(summarize);
  const summaryBySlug = new Map(summaries.map((s) => [s.slug, s]));
  const themeIndex = buildThemeIndex(vocab.themes.themes, docs, {
    themesOf: (doc) => themesByDoc.get(doc.slug) ?? new Map(),
    targetsOf: (doc) => targetsByDoc.get(doc.slug) ?? new Map(),
    reasonsOf: (doc) => reasonsByDoc.get(doc.slug) ?? new Map(),
    roleOf: vocab.roleOf,
  });
  const units = buildUnitDirectory(docs, vocab.bodyOf);

  const unitRolesByDoc = new Map<string, string[]>();
  const unitMeasuresByDoc = new Map<string, Map<string, string[]>>();
  const docThemes = new Map<string, string[]>();
  for (const doc of docs) {
    const roles = new Set<string>();
    for (const m of doc.data.measures) for (const u of [...m.leadUnits, ...m.units]) roles.add(vocab.roleOf(u));
    unitRolesByDoc.set(doc.slug, [...roles].sort(collator.compare));
    // Keyed by the body's label, the value of the 责任单位 filter, so the filter narrows to its measures.
    const measuresOf = new Map<string, string[]>();
    for (const u of units.byDocument.get(doc.slug) ?? []) {
      const ids = u.documents.find((d) => d.doc.slug === doc.slug)?.measures.map((m) => m.measure.id) ?? [];
      if (ids.length > 0) measuresOf.set(u.label, ids);
    }
    unitMeasuresByDoc.set(doc.slug, measuresOf);
    const slugs = new Set<string>();
    for (const list of themesByDoc.get(doc.slug)?.values() ?? []) for (const s of list) slugs.add(s);
    docThemes.set(doc.slug, [...slugs]);
  }
  const related = buildRelated(
    docs.map((d) => ({
      doc: summaryBySlug.get(d.slug)!,
      themes: mainThemes([...(themesByDoc.get(d.slug)?.values() ?? [])]),
      units: unitRolesByDoc.get(d.slug) ?? [],
    })),
  );
  const sameIssuer = sameIssuerOtherYears(summaries);

  const themeOrder = new Map(vocab.themes.themes.map((t, i) => [t.slug, i]));
  const themesOfSlugs = (slugs: readonly string[]): Theme[] =>
    [...slugs]
      .sort((a, b) => (themeOrder.get(a) ?? 0) - (themeOrder.get(b) ?? 0))
      .map((s) => vocab.themes.bySlug.get(s))
      .filter((t): t is Theme => t !== undefined);

  const themeName = (slug: string): string => vocab.themes.bySlug.get(slug)?.name ?? slug;
  const references = buildReferenceIndex(docs, {
    places: vocab.placeLevels ?? { names: [] },
    themesOfTitle: (title) => vocab.themes.match(title),
    measureThemes: (slug, id) => themesByDoc.get(slug)?.get(id) ?? [],
    measureText: (slug, id) => textsByDoc.get(slug)?.get(id) ?? '',
    themeName,
  });
  const hasSource = vocab.hasSource ?? (() => true);
  const sources = new Set<string>();
  const policies = new Map<string, PolicyView>();
  for (const doc of docs) {
    const perMeasureThemes = themesByDoc.get(doc.slug) ?? new Map<string, string[]>();
    const perMeasureTargets = targetsByDoc.get(doc.slug) ?? new Map<string, TargetRow[]>();
    const measureView = (m: Measure): MeasureView => ({
      measure: m,
      themes: themesOfSlugs(perMeasureThemes.get(m.id) ?? []),
      themeReasons: reasonsByDoc.get(doc.slug)?.get(m.id) ?? new Map(),
      targets: perMeasureTargets.get(m.id) ?? [],
    });
    const file = doc.data.source.file;
    const sourceFile = file !== null && hasSource(file) ? file : null;
    if (sourceFile) sources.add(sourceFile);
    const byId = new Map(doc.data.measures.map((m) => [m.id, m]));
    const inGoal = new Set<string>();
    const goals = doc.data.goals.map((goal) => ({
      goal,
      measures: goal.measures.flatMap((id) => {
        inGoal.add(id);
        const m = byId.get(id);
        return m ? [measureView(m)] : [];
      }),
    }));
    policies.set(doc.slug, {
      summary: summaryBySlug.get(doc.slug)!,
      doc,
      toc: outlines.get(doc.slug) ?? [],
      themes: themesOfSlugs(docThemes.get(doc.slug) ?? []),
      goals,
      looseMeasures: doc.data.measures.filter((m) => !inGoal.has(m.id)).map(measureView),
      unitRoles: unitRolesByDoc.get(doc.slug) ?? [],
      unitMeasures: unitMeasuresByDoc.get(doc.slug) ?? new Map(),
      unitBodies: units.byDocument.get(doc.slug) ?? [],
      targets: allTargetsByDoc.get(doc.slug) ?? [],
      related: (related.get(doc.slug) ?? []).map((r) => ({ doc: r.doc, reason: describeReasons(r, themeName) })),
      sameIssuer: sameIssuer.get(doc.slug) ?? [],
      sourceFile,
      sortDate: sortableDate(doc.data.date),
      measureTexts: textsByDoc.get(doc.slug) ?? new Map(),
      citedTitles: [...new Set((references.basisOf.get(doc.slug) ?? []).map((b) => b.cited.title))],
    });
  }

  const facets = {
    city: buildFacet('city', summaries),
    year: buildFacet('year', summaries),
    type: buildFacet('type', summaries),
    issuer: buildFacet('issuer', summaries),
  };
  const knownYears = facets.year.values.filter((v) => v.known).map((v) => Number(v.label));
  return {
    docs: [...summaries].sort(byDateDesc),
    policies,
    facets,
    units,
    themes: themeIndex,
    targets,
    stats: {
      documents: docs.length,
      cities: facets.city.values.filter((v) => v.known).length,
      years: knownYears.length,
      measures: docs.reduce((n, d) => n + d.data.measures.length, 0),
      targets: targets.rows.length,
      units: units.units.length,
      themes: themeIndex.filter((t) => t.counts.measures > 0).length,
      firstYear: knownYears.length > 0 ? Math.min(...knownYears) : null,
      lastYear: knownYears.length > 0 ? Math.max(...knownYears) : null,
    },
    sources: [...sources].sort(),
    references,
    followThrough: buildFollowThrough(docs, targets.rows),
    problems,
  };
}

/** What a related document shares, in words: 同一主题：课后服务、消除大班额；共同责任单位：市财政局；同一地区：济源市. */
export function describeReasons(r: RelatedDoc, themeName: (slug: string) => string): string {
  const list = (items: string[]): string => (items.length > 3 ? `${items.slice(0, 3).join('、')}等 ${items.length} 个` : items.join('、'));
  const parts: string[] = [];
  if (r.reasons.themes.length > 0) parts.push(`同一主题：${list(r.reasons.themes.map(themeName))}`);
  if (r.reasons.units.length > 0) parts.push(`共同责任单位：${list(r.reasons.units)}`);
  if (r.reasons.place !== null) parts.push(`同一地区：${r.reasons.place}`);
  return parts.join('；');
}

/** What the home page shows: the newest documents and the head of every index. */
export interface HomeView {
  newest: DocSummary[];
  /** Values with the most documents first, 未注明 last. */
  cities: Facet['values'];
  years: Facet['values'];
  types: Facet['values'];
  issuers: Facet['values'];
  /** Units carrying the most tasks, then documents, first. */
  units: UnitDirectory['units'];
  /** Themes with the most measures first; themes no measure serves are left out. */
  themes: ThemeEntry[];
  /** Deadline years of the targets, with how many targets each. */
  deadlines: { label: string; year: number | null; count: number }[];
}

/** The heads of the indexes for the home page; `limit` entries of each. */
export function homeView(site: SiteIndex, limit = 8): HomeView {
  const byDocs = (values: Facet['values']) =>
    [...values].sort((a, b) => (a.known !== b.known ? (a.known ? -1 : 1) : b.docs.length - a.docs.length)).slice(0, limit);
  return {
    newest: site.docs.slice(0, limit),
    cities: byDocs(site.facets.city.values),
    years: site.facets.year.values.slice(0, limit),
    types: byDocs(site.facets.type.values),
    issuers: byDocs(site.facets.issuer.values),
    units: site.units.units.slice(0, limit),
    themes: site.themes.filter((t) => t.counts.measures > 0).sort((a, b) => b.counts.measures - a.counts.measures).slice(0, limit + 4),
    deadlines: site.targets.byYear.map((g) => ({ label: g.label, year: g.year, count: g.rows.length })),
  };
}

/** The per-document level of the goal index: each document with its goals. */
export interface DocumentGoals {
  doc: DocSummary;
  goals: { goal: Goal; measures: number }[];
}

/** Documents that state goals, newest first, each with its goals and their number of measures. */
export function goalsByDocument(site: SiteIndex): DocumentGoals[] {
  return site.docs.flatMap((doc) => {
    const view = site.policies.get(doc.slug);
    if (!view || view.goals.length === 0) return [];
    return [{ doc, goals: view.goals.map((g) => ({ goal: g.goal, measures: g.measures.length })) }];
  });
}
