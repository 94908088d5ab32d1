/**
 * The ingest pipeline from decoded text to a validated policy document, without the disk:
 * clean → portal block → metadata → structure → measures, units, targets → validate.
 */
import { cleanText, stripInsertedPinyin } from './clean.ts';
import { simplifiedReading, type SimplifiedReading } from './simplified-reading.ts';
import { readPortalBlock } from './portal.ts';
import { docTypeOf, extractMetadata, titleFromPageTitle } from './metadata.ts';
import { buildStructure } from './structure.ts';
import { outline, nodeText } from './measures.ts';
import { planYear } from './plan-year.ts';
import type { Node } from './structure.ts';
import { renderBody } from './body.ts';
import { parseResponsibility, type AliasTable } from './units.ts';
import { extractTargets } from './targets.ts';
import { policySchema, type PolicyData, type PolicyReference, type Target } from '../format/schema.ts';
import { policySlug } from '../format/slug.ts';
import { extractReferences } from './references.ts';
import type { PlaceIndex } from '../vocab/places.ts';

export interface IngestContext {
  /** Name of the source file, relative to content/sources/ (recorded in the frontmatter). */
  sourceFile: string;
  sourceUrl?: string | null;
  places: PlaceIndex;
  aliases: AliasTable;
  /** A saved page's `<title>`: the title when the text gives none. */
  pageTitle?: string | null;
}

export interface Ingested {
  slug: string;
  data: PolicyData;
  body: string;
  warnings: string[];
}

/** A document the ingest cannot turn into a policy page; the message says what to do. */
export class ExtractionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExtractionError';
  }
}

// Sharing sites name the document in their banner: 《….docx》由会员分享; template sites in 下面是小编为大家整理的…
const BANNER_TITLE = [/《([^《》]{4,80}?)》由会员分享/u, /下面是小编为大家整理的(.{4,80}?)[,，]供大家参考/u];

// `主要工作及成效`, `工作进展和成效`: the work done and its results, reported together.
// A year before the heading dates the account: `2018年工作回顾`, `2024年度主要工作成效`.
const ACCOUNT_SECTION = /^(?:(?:19|20)\d{2}年度?)?(基本情况|主要做法|(?:主要)?工作成效|主要成效|取得的成效|主要成绩|取得的成绩|工作回顾|工作开展情况|经验做法|.*(工作|履职)情况|.*工作(进展)?(及|和|与)(主要)?(成效|成绩))$/u;
// `主要工作` names no result: it heads the plan half of a 总结及计划 (`二、2025年主要工作`) and the
// body of a 工作要点 as often as an account. It is an account only under a year before the document's.
const DATED_WORK = /^((?:19|20)\d{2})年度?主要工作$/u;

/** Whether a heading opens an account of work done, whose figures are facts. */
function isAccount(title: string, docYear: number | null): boolean {
  if (ACCOUNT_SECTION.test(title)) return true;
  const dated = DATED_WORK.exec(title);
  return dated !== null && docYear !== null && Number(dated[1]) < docYear;
}

/** A heading dated after the document (`二、2025年主要工作` in a 2024 summary) heads its plans. */
function datedAhead(title: string, docYear: number | null): boolean {
  const y = /^((?:19|20)\d{2})年/u.exec(title);
  return y !== null && docYear !== null && Number(y[1]) > docYear;
}

// Sections and documents that state what is to be done: their bare counts are commitments.
// 工作思路 and 工作安排 are plans too (a 工作总结和2019年工作思路), but only as the whole heading:
// inside one (统筹安排，改善办学条件; 创新工作思路) they are part of an account.
const PLAN_SECTION = /打算|计划|下一步|今后|目标|任务|措施|举措|重点工作|^(?:(?:19|20)\d{2}年度?|明年|来年)?(?:教育)?(?:工作)?(?:思路|安排)$/u;
/** Words that announce a plan's goals: `工作目标是:`, `主要目标`, `力争`, `到2025年`. */
const GOAL_CUE = /目标(?:是|为|[:：])|(?:主要|总体|工作|发展)目标|力争|到(?:19|20)\d{2}年/u;
const PLAN_TYPES = new Set(['工作要点', '工作计划', '实施方案', '行动方案']);

function titleHints(raw: string): string[] {
  const hints: string[] = [];
  for (const re of BANNER_TITLE) {
    const m = re.exec(raw);
    if (m) hints.push(m[1]!);
  }
  const first = raw.split('\n').find((l) => l.trim())?.trim() ?? '';
  if (/\.(docx?|wps|pdf)$/iu.test(first) && first.length <= 80) hints.unshift(first);
  return hints;
}

/**
 * The text of a measure to read targets from. A title that is a heading with no number in it
 * names an action (全面消除大校额和大班额, 加快推进…步伐): it is no target; the measure's text says
 * what is to be reached.
 */
function targetText(node: Node, text: string): string {
  if (!node.titleIsSentence || /\d/u.test(node.title)) return text;
  const own = nodeText(node);
  return text.startsWith(own) ? node.paragraphs.join('\n') + text.slice(own.length) : text;
}

/** Characters of text above which a file is probably several documents, or a data dump. */
export const LONG_TEXT = 500_000;

/** Turns the decoded text of one document into its frontmatter and Markdown body. */
export function ingestText(input: string, ctx: IngestContext): Ingested {
  const warnings: string[] = [];
  // Every rule reads simplified characters; a 繁體 document's facts are given back as it writes them.
  const reading = simplifiedReading(stripInsertedPinyin(input).text);
  const raw = reading.text;
  // The portal block goes first: cleaning drops 发布时间/来源 lines that belong to it.
  const portal = readPortalBlock(raw);
  const cleaned = cleanText(portal.text).text;
  const { meta, body } = extractMetadata(cleaned, portal.fields, ctx.places, titleHints(raw));
  if (body.replace(/\s/gu, '').length < 20) {
    throw new ExtractionError('no document text left after removing page noise: check that the file holds the document itself');
  }
  if (body.length > LONG_TEXT) {
    warnings.push(
      `the text is unusually long (${body.length.toLocaleString('en')} characters; a policy document rarely has more than 100,000): ` +
        'check that the file holds one document and split it into one file per document if not; a text this long makes a page of many megabytes and a slow build',
    );
  }
  const structure = buildStructure(body);
  if (structure.sections.length === 0) {
    warnings.push('no numbered structure (一、/(一)/1./一是) found: the text is kept as plain paragraphs, without measures');
  }
  const ol = outline(structure);
  const docYear = Number(/^\d{4}/.exec(meta.date ?? '')?.[0] ?? /(?:19|20)\d{2}/.exec(meta.title ?? '')?.[0]) || null;

  // Units are kept as the document writes them (with the level it wrote once carried on): the
  // unit directory groups variants through the alias table, the page shows what the text says.
  const measures = ol.measures.map((m) => {
    const resp = parseResponsibility(m.text);
    return {
      id: m.id,
      number: m.node.label,
      title: m.node.title,
      section: m.parent?.title ?? null,
      units: resp?.units ?? [],
      leadUnits: resp?.lead ?? [],
      supportUnits: resp?.support ?? [],
    };
  });
  const year = planYear({ title: meta.title, docType: meta.docType, date: meta.date, period: (meta as { period?: { start: number; end: number } | null }).period });
  const targets: Target[] = [];
  const add = (found: Target[]): void => {
    for (const t of found) targets.push(t.year === null && year !== null ? { ...t, year, yearImplied: true } : t);
  };
  const measureOf = new Map(ol.measures.map((m) => [m.node, m]));
  // Every part of the outline is read once: a measure with its sub-items, any other section by
  // its own paragraphs (a 工作目标 or 主要指标 section states targets outside every measure).
  const read = (nodes: Node[], path: string[]): void => {
    for (const node of nodes) {
      const m = measureOf.get(node);
      // A table's rows stand at the top of the outline but belong under the headings above the table.
      const within = [...(structure.tableContext?.get(node) ?? path), node.title];
      // A report's 基本情况/主要做法 describe what was done: its figures are facts, not targets.
      if (within.some((t) => isAccount(t, docYear))) continue;
      // A row of a task table with a 完成时限 or 目标 column is a task set for someone: its counts are
      // commitments, whatever the document's type. A table of 完成情况 under an account reports.
      const planned = PLAN_TYPES.has(meta.docType) || within.some((t) => PLAN_SECTION.test(t) || datedAhead(t, docYear)) || node.commitment === true;
      if (m) {
        add(extractTargets(targetText(m.node, m.text), { measure: m.id, docYear, planned }));
        continue;
      }
      if (node.paragraphs.length > 0) add(extractTargets(node.paragraphs.join('\n'), { measure: null, docYear, planned }));
      read(node.children, within);
    }
  };
  // A plan may state its goals before its numbered body (工作目标是: … 初中辍学率控制在3%以内): its
  // preamble is read as a goals section from the paragraph that announces them on. The opening
  // before it (一年来…, the county's present state) sums up results and is not read, nor is a report's.
  const goalsFrom = structure.preamble.findIndex((p) => GOAL_CUE.test(p));
  if (PLAN_TYPES.has(meta.docType) && goalsFrom >= 0) {
    add(extractTargets(structure.preamble.slice(goalsFrom).join('\n'), { measure: null, docYear, planned: true }));
  }
  read(structure.sections, []);
  const responsibleUnits = [...new Set(measures.flatMap((m) => m.units))];

  let title = meta.title;
  const fromPage = !title && ctx.pageTitle ? titleFromPageTitle(reading.traditional ? simplifiedReading(ctx.pageTitle).text : ctx.pageTitle) : null;
  if (fromPage) {
    title = fromPage;
    meta.docType = docTypeOf(fromPage);
    meta.inferred.push({ field: 'title', from: '网页标题' });
    warnings.push(`no title found in the text: the page's <title> "${fromPage}" is used; check it`);
  }
  if (!title) {
    title = ctx.sourceFile.replace(/^.*\//u, '').replace(/\.[^.]+$/u, '');
    warnings.push(`no title found in the text: the file name "${title}" is used; set title in the frontmatter`);
  }
  const candidate = {
    title,
    issuer: meta.issuer,
    city: meta.city,
    province: meta.province,
    date: meta.date,
    docNumber: meta.docNumber,
    docType: meta.docType,
    period: meta.period,
    inferred: meta.inferred,
    template: meta.template,
    source: { file: ctx.sourceFile, url: ctx.sourceUrl ?? null },
    topics: meta.topics,
    goals: ol.goals.map((g) => ({ id: g.id, title: g.title, measures: g.measures })),
    measures,
    targets,
    responsibleUnits,
    references: extractReferences(cleaned, title),
  };
  const parsed = policySchema.safeParse(reading.traditional ? asWritten(candidate, reading) : candidate);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ExtractionError(`the extracted data is not valid (${problems}): please report this document`);
  }
  return {
    slug: policySlug({ title, city: meta.city, date: meta.date }),
    data: parsed.data,
    body: restoreLines(renderBody(structure, ol), reading),
    warnings,
  };
}

/** The extracted record with the document's text and names in the characters the document uses. */
function asWritten<T extends { title: string; issuer: string | null; city: string | null; docNumber: string | null }>(
  doc: T & {
    topics: string[];
    goals: { id: string; title: string; measures: string[] }[];
    measures: { title: string; section: string | null; units: string[]; leadUnits: string[]; supportUnits?: string[] }[];
    targets: Target[];
    responsibleUnits: string[];
    references: { title: string; docNumber: string | null; relation: PolicyReference['relation'] }[];
  },
  reading: SimplifiedReading,
): T {
  const r = reading.restore;
  const maybe = (s: string | null): string | null => (s === null ? null : s.split(' ').map(r).join(' '));
  return {
    ...doc,
    title: r(doc.title),
    issuer: maybe(doc.issuer),
    city: maybe(doc.city),
    docNumber: maybe(doc.docNumber),
    topics: doc.topics.map(r),
    goals: doc.goals.map((g) => ({ ...g, title: r(g.title) })),
    measures: doc.measures.map((m) => ({ ...m, title: r(m.title), section: maybe(m.section), units: m.units.map(r), leadUnits: m.leadUnits.map(r), ...(m.supportUnits ? { supportUnits: m.supportUnits.map(r) } : {}) })),
    targets: doc.targets.map((t) => ({ ...t, text: r(t.text), metric: r(t.metric) })),
    responsibleUnits: doc.responsibleUnits.map(r),
    references: doc.references.map((x) => ({ ...x, title: r(x.title), docNumber: maybe(x.docNumber) })),
  };
}

/** The rendered body in the document's own characters, line by line. */
function restoreLines(body: string, reading: SimplifiedReading): string {
  return reading.traditional ? body.split('\n').map(reading.restore).join('\n') : body;
}
