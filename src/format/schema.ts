/**
 * The policy document format: the product's public contract.
 *
 * One zod schema, used by the content collection (src/content.config.ts), by the ingest
 * before it writes a file, and by `npm run check`. docs/format.md mirrors it.
 */
import { z } from 'zod';
import { sourceFileProblem, webAddress } from './source.ts';

/** Document types a clerk can choose from; anything else is 其他. */
export const DOC_TYPES = [
  '工作要点',
  '工作计划',
  '实施方案',
  '行动方案',
  '工作总结',
  '汇报',
  '讲话',
  '通知',
  '其他',
] as const;
export type DocType = (typeof DOC_TYPES)[number];

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: as precise as the document allows. */
export const DATE_PATTERN = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** Whether a date of {@link DATE_PATTERN} is one the calendar has (no 2024-02-31, no 2023-02-29). */
export function isCalendarDate(date: string): boolean {
  const [y, m, d] = date.split('-').map(Number);
  if (d === undefined) return true;
  const day = new Date(Date.UTC(y!, m! - 1, d));
  return day.getUTCMonth() === m! - 1 && day.getUTCDate() === d;
}

/** A number a target can hold: finite (YAML's .inf and .nan are numbers too, but no target's). */
const finite = z.number().finite('must be a finite number (not .inf or .nan)');

/** Anchor ids: ASCII letters, digits and dashes, starting with a letter. */
export const ID_PATTERN = /^[a-z][a-z0-9-]*$/;

/** Slugs: lowercase ASCII words joined by dashes. */
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const id = z
  .string()
  .regex(ID_PATTERN, 'must be lowercase ASCII letters, digits and dashes, starting with a letter (e.g. "m12")');

/** Comparators a target can carry. */
export const COMPARATORS = ['>=', '<=', '>', '<', '=', 'range', 'increase', 'decrease', 'eliminate'] as const;
export type Comparator = (typeof COMPARATORS)[number];

export const measureSchema = z.object({
  /** Anchor id of the measure in the body (`{#m12}` on its heading). */
  id,
  /** The item number as the document writes it: `12.`, `(三)`, `二是`. */
  number: z.string(),
  /** The measure's title: its first sentence or its heading text. */
  title: z.string().min(1),
  /** Title of the section the measure belongs to (without its number), or null at top level. */
  section: z.string().nullable(),
  /** Every responsible unit of the measure, normalised (lead units first). */
  units: z.array(z.string()).default([]),
  /** Units the document names as 牵头 (lead); empty when it makes no such distinction. */
  leadUnits: z.array(z.string()).default([]),
  /** Units the document names as 配合/协同 (support), apart from the lead ones; empty when it makes no such distinction. */
  supportUnits: z.array(z.string()).default([]),
  /** Theme slugs set by an editor; when present they replace the automatic assignment. */
  themes: z.array(z.string()).optional(),
});
export type Measure = z.infer<typeof measureSchema>;

export const goalSchema = z.object({
  id,
  title: z.string().min(1),
  /** Ids of the measures that serve this goal. */
  measures: z.array(id).default([]),
});
export type Goal = z.infer<typeof goalSchema>;

export const targetSchema = z.object({
  /** The sentence fragment the target was read from, verbatim. */
  text: z.string().min(1),
  /** What is measured, e.g. 教师交流轮岗比例, 56人及以上大班额. */
  metric: z.string().min(1),
  comparator: z.enum(COMPARATORS),
  /** The number (or the lower bound of a range); null for 全面消除-style targets. */
  value: finite.nullable(),
  /** Upper bound when comparator is `range`. */
  valueMax: finite.nullable().optional(),
  /** %, 人, 所, 项, 元 …, or null. */
  unit: z.string().nullable(),
  /** Deadline year, or null when the text gives none. */
  year: z.number().int().nullable(),
  /** True when `year` is the plan year of an annual plan, not a year written beside the target. */
  yearImplied: z.boolean().default(false),
  /** Id of the measure the target belongs to, or null when it stands outside any measure. */
  measure: id.nullable(),
});
export type Target = z.infer<typeof targetSchema>;

/** How a document uses a document it cites (see src/extract/references.ts). */
export const REFERENCE_RELATIONS = ['依据', '落实', '延续', '配套', '法律', '其他'] as const;

export const referenceSchema = z.object({
  /** The cited title as written (simplified characters), without the outer 《》. */
  title: z.string().min(1),
  /** The 文号 written beside the title (教督〔2017〕6号), or null. */
  docNumber: z.string().nullable().default(null),
  /**
   * 依据 (根据, 按照), 落实 (贯彻, 落实, 对照), 延续 (the same series' earlier plan), 配套 (a
   * companion or sub-plan the document makes), 法律 (a law or regulation), 其他 (参照, 结合 …).
   */
  relation: z.enum(REFERENCE_RELATIONS),
});
export type PolicyReference = z.infer<typeof referenceSchema>;

export const policySchema = z
  .object({
    title: z.string().min(1, 'title is empty: give the document title'),
    issuer: z.string().nullable(),
    city: z.string().nullable(),
    province: z.string().nullable(),
    date: z
      .string()
      .regex(DATE_PATTERN, 'date must be YYYY, YYYY-MM or YYYY-MM-DD (or null when unknown)')
      .refine(isCalendarDate, 'date is not in the calendar (that month has fewer days): check the day')
      .nullable(),
    docNumber: z.string().nullable(),
    docType: z.enum(DOC_TYPES),
    /** The year or years the document is about (2022 for a report on 2022, 2023–2027 for a plan to 2027); null when unknown. */
    period: z
      .object({ start: z.number().int(), end: z.number().int() })
      .refine((p) => p.start <= p.end, 'period.start must not be after period.end')
      .nullable()
      .default(null),
    /** Facts the document does not state where it should, read from elsewhere in its text, with the evidence. */
    inferred: z
      .array(
        z.object({
          field: z.enum(['title', 'issuer', 'city', 'province', 'date', 'docType', 'period']),
          /** The evidence, a short Chinese phrase shown to staff: 正文“浦江五中”. */
          from: z.string().min(1),
        }),
      )
      .default([]),
    /** A 公文范文 full of placeholders (xx, ×××, x.x): kept, marked, and kept out of comparisons. */
    template: z.boolean().default(false),
    source: z.object({
      /**
       * The original's file name in content/sources/: a plain name (no folder, no "..", no
       * control characters), so the build reads and publishes nothing outside that folder.
       */
      file: z
        .string()
        .superRefine((name, ctx) => {
          const problem = sourceFileProblem(name);
          if (problem) {
            ctx.addIssue({
              code: z.ZodIssueCode.custom,
              message: `"${name.slice(0, 60)}" ${problem}: give the plain file name of the original in content/sources/ (e.g. 2018-jiyuan-gongzuo-yaodian.txt), or null`,
            });
          }
        })
        .nullable(),
      /** Where the document was published: an http: or https: address, or null. */
      url: z
        .string()
        .refine((url) => webAddress(url) !== null, (url) => ({
          message: `"${url.slice(0, 60)}" is not a web address: give the http:// or https:// address where the document was published, or null`,
        }))
        .nullable()
        .default(null),
    }),
    topics: z.array(z.string()).default([]),
    goals: z.array(goalSchema).default([]),
    measures: z.array(measureSchema).default([]),
    targets: z.array(targetSchema).default([]),
    responsibleUnits: z.array(z.string()).default([]),
    /** Documents this one cites in 《…》 as its basis, as what it implements or continues, or as law. */
    references: z.array(referenceSchema).default([]),
    /** Written by the ingest: a hash of the body and data it wrote, to detect hand edits. */
    generated: z
      .object({ by: z.string(), hash: z.string() })
      .optional(),
  })
  .superRefine((doc, ctx) => {
    for (const issue of referenceIssues(doc)) ctx.addIssue({ code: z.ZodIssueCode.custom, ...issue });
  });

/** Frontmatter of one policy document as written in content/policies/<slug>.md. */
export type PolicyData = z.infer<typeof policySchema>;
/** Frontmatter as a writer supplies it, before defaults. */
export type PolicyInput = z.input<typeof policySchema>;

interface Refs {
  measures?: unknown;
  goals?: unknown;
  targets?: unknown;
}

/**
 * Ids that must agree inside one document: unique measure ids, goals and targets pointing at
 * existing measures. Tolerates malformed data, so `npm run check` can list these problems
 * even when other fields are invalid.
 */
export function referenceIssues(doc: Refs): { path: (string | number)[]; message: string }[] {
  const out: { path: (string | number)[]; message: string }[] = [];
  const list = (v: unknown): Record<string, unknown>[] =>
    Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null) : [];
  const ids = new Set<string>();
  list(doc.measures).forEach((m, i) => {
    if (typeof m.id !== 'string') return;
    if (ids.has(m.id)) out.push({ path: ['measures', i, 'id'], message: `duplicate measure id "${m.id}": every measure needs its own id` });
    ids.add(m.id);
  });
  list(doc.goals).forEach((g, gi) => {
    (Array.isArray(g.measures) ? g.measures : []).forEach((mid: unknown, mi: number) => {
      if (typeof mid === 'string' && !ids.has(mid)) {
        out.push({ path: ['goals', gi, 'measures', mi], message: `goal "${String(g.id)}" points at measure "${mid}", which is not in measures: fix the id or add the measure` });
      }
    });
  });
  list(doc.targets).forEach((t, ti) => {
    if (typeof t.measure === 'string' && !ids.has(t.measure)) {
      out.push({ path: ['targets', ti, 'measure'], message: `target points at measure "${t.measure}", which is not in measures: fix the id or set it to null` });
    }
  });
  return out;
}
