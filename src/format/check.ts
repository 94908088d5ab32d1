/**
 * Validation of policy files without building the site: every problem of every file, each
 * with its line, so a clerk can fix them all in one pass. `npm run check` prints them, and the
 * build runs the same checks (src/astro/policy-loader.ts) so that it fails with all of them at
 * once instead of stopping at the first.
 *
 * The frontmatter is read by src/format/frontmatter.ts (js-yaml 4, as Astro reads it), so the check and the build agree on
 * what a field holds (an unquoted 2024-01-05 is a timestamp to both); the `yaml` package, which
 * keeps positions, is only used to find the line of a problem.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join, sep } from 'node:path';
import { LineCounter, parseDocument, isNode, isScalar, type Document } from 'yaml';
import type { ZodIssue, ZodTypeAny } from 'zod';
import { binaryReason, utf16WithoutBom } from './bytes.ts';
import { FrontmatterError, readFrontmatter, type Frontmatter } from './frontmatter.ts';
import { DEFAULT_LIMITS, megabytes } from './input-limits.ts';
import { policySchema, referenceIssues, SLUG_PATTERN, type PolicyData } from './schema.ts';

/** What the check compares files against, beyond the schema. */
export interface CheckOptions {
  /** Slugs of content/vocab/themes.yaml; when given, a measure's `themes` must name only these. */
  themes?: ReadonlySet<string>;
  /** Bytes above which a policy file is refused (`--max-policy-mb`). */
  maxBytes?: number;
}

export interface Problem {
  file: string;
  line: number;
  message: string;
  severity: 'error' | 'warning';
}

export interface CheckedFile {
  file: string;
  slug: string;
  data: PolicyData | null;
  problems: Problem[];
  /** The file as read (decoded), and its Markdown body, when the frontmatter could be read: the build reads each file once. */
  text?: string;
  body?: string;
  /** `size:mtime` of the file when the folder check read it, so a later reader can tell whether it changed since. */
  stamp?: string;
}

const ANCHOR = /^#{1,6}\s.*\{#([a-z][a-z0-9-]*)\}\s*$/gmu;
/** The fields of the format (src/format/schema.ts). */
const SHAPE = policySchema.innerType().shape as Record<string, ZodTypeAny>;
const FIELDS = new Set(Object.keys(SHAPE));

/** The line (1-based) of every offset of a text, found by binary search over line starts. */
function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

const typeName = (v: unknown): string =>
  v === null ? 'null' : v instanceof Date ? 'date' : Array.isArray(v) ? 'list' : typeof v === 'object' ? 'mapping' : typeof v;

/** A zod issue as a clerk reads it: what is wrong, then what to do. */
function describeIssue(issue: ZodIssue, raw: Record<string, unknown>, literal: (path: readonly (string | number)[]) => string | undefined): string {
  const field = issue.path.join('.') || '(frontmatter)';
  const value = issue.path.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined), raw);
  if (issue.code === 'invalid_type') {
    if (issue.received === 'undefined') {
      const nullable = issue.path.length === 1 && SHAPE[String(issue.path[0])]?.safeParse(null).success;
      return `${field}: Required: add "${String(issue.path.at(-1))}:" with its value${nullable ? ' (null when the document does not say)' : ''}`;
    }
    if (issue.expected === 'string' && (issue.received === 'number' || issue.received === 'date' || issue.received === 'boolean')) {
      // As written (0635… would lose its zero as a number), else as read.
      const shown = literal(issue.path) ?? (value instanceof Date ? value.toISOString().slice(0, 10) : String(value));
      return `${field}: ${issue.message}: put the value in quotes, e.g. ${String(issue.path.at(-1))}: '${shown}'`;
    }
    if (issue.expected === 'array') return `${field}: ${issue.message}: write a list, [a, b] or one "- item" per line ([] when empty)`;
    if (issue.received === 'null') return `${field}: ${issue.message}: this field cannot be null; give a value`;
    return `${field}: ${issue.message}`;
  }
  if (issue.code === 'invalid_enum_value') return `${field}: ${issue.message}: use one of the listed values (其他 when none fits)`;
  if (issue.code === 'too_small' && typeName(value) === 'string') return `${field}: is empty: give a value`;
  return `${field}: ${issue.message}`;
}

/**
 * Block quotes and lists nested deeper than this are refused: the Markdown renderer recurses
 * once per level and overflows the stack somewhere past a thousand; a real document uses a few.
 */
export const MAX_NESTING = 100;

/** Container levels a line opens: its `>` and list markers, and the list levels its indentation implies. */
function nestingOf(line: string): number {
  const indent = /^[ \t]*/u.exec(line)![0].replace(/\t/gu, '    ').length;
  let depth = 0;
  let i = indent === 0 ? 0 : /^[ \t]*/u.exec(line)![0].length;
  for (;;) {
    while (line[i] === ' ' || line[i] === '\t') i++;
    if (line[i] === '>') {
      depth++;
      i++;
      continue;
    }
    const marker = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/u.exec(line.slice(i, i + 11));
    if (!marker) break;
    depth++;
    i += marker[0].length;
  }
  // Nested lists written one per line are indented two or more spaces a level.
  return depth === 0 ? 0 : depth + Math.floor(indent / 2);
}

/** Checks one policy file's text; `file` is only used in messages. */
export function checkPolicyText(file: string, text: string, options: CheckOptions = {}): CheckedFile {
  const slug = file.replace(/^.*\//u, '').replace(/\.md$/u, '');
  const problems: Problem[] = [];
  const add = (line: number, message: string, severity: Problem['severity'] = 'error'): void => {
    problems.push({ file, line, message, severity });
  };
  if (!SLUG_PATTERN.test(slug)) {
    add(1, `file name "${slug}.md" is not a slug: use lowercase ASCII letters, digits and dashes (e.g. jiyuan-2018-gongzuo-yaodian.md)`);
  }
  let fm: Frontmatter | null;
  try {
    fm = readFrontmatter(text);
  } catch (e) {
    if (!(e instanceof FrontmatterError)) throw e;
    add(e.line, e.reason);
    return { file, slug, data: null, problems };
  }
  if (!fm) {
    add(1, 'no frontmatter: the file must start with a line "---", the fields, and another "---"');
    return { file, slug, data: null, problems };
  }
  const source = fm.yaml;
  const raw = fm.data;

  // The positions of fields, only when a problem needs a line.
  let doc: Document | null = null;
  let lineOf: ((offset: number) => number) | null = null;
  const located = (): Document => {
    if (!doc) {
      const counter = new LineCounter();
      doc = parseDocument(source, { lineCounter: counter, prettyErrors: false });
      lineOf = (offset) => counter.linePos(offset).line + 1;
    }
    return doc;
  };
  const literal = (path: readonly (string | number)[]): string | undefined => {
    const node = located().getIn(path, true);
    return isScalar(node) && typeof node.source === 'string' ? node.source : undefined;
  };
  const lineAtPath = (path: readonly (string | number)[]): number => {
    const doc = located();
    // Point at the deepest part of the path that exists in the file.
    let p = [...path];
    let node = doc.getIn(p, true);
    while (!isNode(node) && p.length > 0) {
      p = p.slice(0, -1);
      node = p.length > 0 ? doc.getIn(p, true) : doc.contents;
    }
    const where = isNode(node) ? node.range?.[0] : undefined;
    return where === undefined ? 1 : lineOf!(where);
  };

  for (const key of Object.keys(raw)) {
    if (FIELDS.has(key)) continue;
    const fix =
      key === 'slug'
        ? 'a page’s address is its file name: rename the file instead, and remove the field'
        : `it is not a field of the format and is ignored: check its spelling (fields: ${[...FIELDS].join(', ')})`;
    add(lineAtPath([key]), `${key}: ${fix}`, 'warning');
  }

  const parsed = policySchema.safeParse(raw);
  let data: PolicyData | null = null;
  if (!parsed.success) {
    // zod skips the cross-references while other fields are invalid; list them anyway.
    const issues = [...parsed.error.issues];
    for (const r of referenceIssues(raw)) {
      if (!issues.some((i) => i.path.join('.') === r.path.join('.'))) issues.push({ ...r, code: 'custom' });
    }
    for (const issue of issues) add(lineAtPath(issue.path), describeIssue(issue, raw, literal));
  } else data = parsed.data;

  const bodyStart = fm.bodyLine;
  const body = fm.body;
  const bodyLine = lineIndex(body);
  const anchors = new Map<string, number>();
  for (const m of body.matchAll(ANCHOR)) {
    const line = bodyStart + bodyLine(m.index) - 1;
    if (anchors.has(m[1]!)) add(line, `duplicate anchor {#${m[1]}} (first on line ${anchors.get(m[1]!)}): give each heading its own id`);
    else anchors.set(m[1]!, line);
  }
  const rawMeasures = Array.isArray(raw.measures) ? (raw.measures as { id?: unknown }[]) : [];
  for (const [i, m] of rawMeasures.entries()) {
    if (typeof m?.id === 'string' && !anchors.has(m.id)) {
      add(lineAtPath(['measures', i, 'id']), `measure "${m.id}" has no heading with {#${m.id}} in the body: add the anchor to its heading or remove the measure`);
    }
  }
  let deepest = { depth: 0, line: 0 };
  body.split('\n').forEach((l, i) => {
    // Only lines that can open containers are measured: a cheap test first, as bodies can be long.
    if (!/^[ \t]*(?:>|[-*+\d])/u.test(l)) return;
    const depth = nestingOf(l);
    if (depth > deepest.depth) deepest = { depth, line: bodyStart + i };
  });
  if (deepest.depth > MAX_NESTING) {
    add(deepest.line, `block quotes or lists nested ${deepest.depth} levels deep (at most ${MAX_NESTING}): the page cannot be rendered; remove the extra ">" or list markers at the start of the line`);
  }
  if (data && options.themes) {
    for (const [i, m] of data.measures.entries()) {
      for (const [j, slug] of (m.themes ?? []).entries()) {
        if (!options.themes.has(slug)) {
          add(lineAtPath(['measures', i, 'themes', j]), `measure "${m.id}" lists theme "${slug}", which is not in content/vocab/themes.yaml: use one of its slugs (e.g. ${[...options.themes].slice(0, 3).join(', ')}) or add the theme there`);
        }
      }
    }
  }
  if (data) {
    const flat = body.replace(/\\(.)/gu, '$1');
    for (const [i, t] of data.targets.entries()) {
      if (!flat.includes(t.text)) {
        add(lineAtPath(['targets', i, 'text']), `target text "${t.text.slice(0, 30)}" is not in the body, so it cannot be highlighted: copy it exactly from the text`, 'warning');
      }
    }
  }
  return { file, slug, data, problems, text, body: fm.body };
}

/** Bytes above which a policy file is probably several documents, or a data dump: a warning below the limit. */
export const LARGE_FILE = 5 * 2 ** 20;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8');

/**
 * Checks one policy file's bytes: an empty or binary file and bytes that are not UTF-8 are
 * problems of their own (the site would show U+FFFD where the bytes are broken); the text then
 * goes through {@link checkPolicyText}.
 */
export function checkPolicyBytes(file: string, bytes: Uint8Array, options: CheckOptions = {}): CheckedFile {
  const slug = file.replace(/^.*\//u, '').replace(/\.md$/u, '');
  const only = (message: string): CheckedFile => ({ file, slug, data: null, problems: [{ file, line: 1, message, severity: 'error' }] });
  if (bytes.length === 0) return only('the file is empty (0 bytes): write the document into it, or delete it');
  const maxBytes = options.maxBytes ?? DEFAULT_LIMITS.policyBytes;
  if (bytes.length > maxBytes) {
    return only(
      `the file is ${megabytes(bytes.length)}, over the limit of ${megabytes(maxBytes)} for a policy file: split it into one file per document; if it is one document, raise the limit with --max-policy-mb`,
    );
  }
  if (utf16WithoutBom(bytes)) return only('UTF-16 without a byte-order mark: open it in an editor and save it as UTF-8');
  const binary = binaryReason(bytes);
  if (binary) return only(`not a text file (${binary}): policy files are UTF-8 Markdown; ingest the original with npm run ingest, or delete this file`);
  const checked = checkDecoded(file, bytes, options);
  if (bytes.length > LARGE_FILE) {
    checked.problems.push({
      file,
      line: 1,
      message: `the file is unusually large (${(bytes.length / 2 ** 20).toFixed(1)} MB; a policy file is rarely over 1 MB): check that it holds one document; its page will be as large, and slow to build and to load`,
      severity: 'warning',
    });
  }
  return checked;
}

function checkDecoded(file: string, bytes: Uint8Array, options: CheckOptions): CheckedFile {
  let strict: string | null = null;
  try {
    strict = strictUtf8.decode(bytes);
  } catch {
    // Not UTF-8: below.
  }
  if (strict !== null) return checkPolicyText(file, strict, options);
  {
    // Not UTF-8: name the lines where the bytes are broken, and check the rest as it would be read.
    const text = lenientUtf8.decode(bytes);
    const checked = checkPolicyText(file, text, options);
    const broken: number[] = [];
    text.split('\n').forEach((l, i) => {
      if (l.includes('\uFFFD')) broken.push(i + 1);
    });
    const lines = broken.length > 5 ? `${broken.slice(0, 5).join(', ')} and ${broken.length - 5} more` : broken.join(', ');
    checked.problems.unshift({
      file,
      line: broken[0] ?? 1,
      message: `not valid UTF-8 (line${broken.length === 1 ? '' : 's'} ${lines}): open it in an editor that detects the encoding and save it as UTF-8`,
      severity: 'error',
    });
    return checked;
  }
}

/** Problems that only show across files: two documents claiming the same source or slug. */
export function checkAcross(files: CheckedFile[]): Problem[] {
  const problems: Problem[] = [];
  const bySlug = new Map<string, string>();
  const bySource = new Map<string, string>();
  for (const f of files) {
    const lower = f.slug.toLowerCase();
    const other = bySlug.get(lower);
    if (other) problems.push({ file: f.file, line: 1, severity: 'error', message: `slug "${f.slug}" is also used by ${other}: rename one of the files` });
    else bySlug.set(lower, f.file);
    const src = f.data?.source.file;
    if (src) {
      const prev = bySource.get(src);
      if (prev) problems.push({ file: f.file, line: 1, severity: 'warning', message: `source "${src}" is also the source of ${prev}: the same document is in the base twice` });
      else bySource.set(src, f.file);
    }
  }
  return problems;
}

/**
 * Every `*.md` of a folder, checked one by one and across: what `npm run check` prints. A page's
 * address is its file name, so a policy file in a subfolder is a problem of its own (the build
 * would have no address for it); so is a file name with a line break or other control character.
 */
export function checkPolicyFolder(dir: string, options: CheckOptions = {}): { files: CheckedFile[]; problems: Problem[] } {
  const names = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((n) => n.endsWith('.md'))
    .sort();
  const misplaced: Problem[] = [];
  const files: CheckedFile[] = [];
  for (const name of names) {
    const path = join(dir, name);
    if (/[\u0000-\u001f\u007f]/u.test(name)) {
      misplaced.push({ file: JSON.stringify(path), line: 1, severity: 'error', message: 'the file name holds a line break or another control character: rename it to a slug (lowercase ASCII letters, digits and dashes)' });
      continue;
    }
    let info;
    try {
      info = statSync(path);
    } catch (error) {
      misplaced.push({ file: path, line: 1, severity: 'error', message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}): fix or remove it (a symbolic link to nowhere?)` });
      continue;
    }
    if (!info.isFile()) continue;
    if (name.includes(sep) || name.includes('/')) {
      misplaced.push({ file: path, line: 1, severity: 'error', message: `policy files must be directly in ${dir}, not in a subfolder: move it to ${join(dir, basename(name))} (or out of the folder)` });
      continue;
    }
    files.push({ ...checkPolicyBytes(path, readFileSync(path), options), stamp: `${info.size}:${info.mtimeMs}` });
  }
  return { files, problems: [...misplaced, ...files.flatMap((f) => f.problems), ...checkAcross(files)] };
}

/** `file:line: message` as editors and terminals understand it. */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`;
}
