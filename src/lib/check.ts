/**
 * Validation of policy files without building the site: every problem of every file, each
 * with its line, so a clerk can fix them all in one pass.
 */
import { LineCounter, parseDocument, isNode } from 'yaml';
import { policySchema, referenceIssues, SLUG_PATTERN, type PolicyData } from './schema.ts';

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
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;
const ANCHOR = /^#{1,6}\s.*\{#([a-z][a-z0-9-]*)\}\s*$/gmu;

/** Checks one policy file's text; `file` is only used in messages. */
export function checkPolicyText(file: string, text: string): CheckedFile {
  const slug = file.replace(/^.*\//u, '').replace(/\.md$/u, '');
  const problems: Problem[] = [];
  const add = (line: number, message: string, severity: Problem['severity'] = 'error'): void => {
    problems.push({ file, line, message, severity });
  };
  if (!SLUG_PATTERN.test(slug)) {
    add(1, `file name "${slug}.md" is not a slug: use lowercase ASCII letters, digits and dashes (e.g. jiyuan-2018-gongzuo-yaodian.md)`);
  }
  const fm = FRONTMATTER.exec(text);
  if (!fm) {
    add(1, 'no frontmatter: the file must start with a line "---", the fields, and another "---"');
    return { file, slug, data: null, problems };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(fm[1]!, { lineCounter, prettyErrors: false });
  // Frontmatter starts on line 2 of the file.
  const lineAt = (offset: number | undefined): number => (offset === undefined ? 1 : lineCounter.linePos(offset).line + 1);
  for (const e of doc.errors) add(lineAt(e.pos[0]), `frontmatter is not valid YAML: ${e.message.split('\n')[0]}`);
  if (doc.errors.length > 0) return { file, slug, data: null, problems };

  const raw = (doc.toJS() ?? {}) as Record<string, unknown>;
  const parsed = policySchema.safeParse(raw);
  let data: PolicyData | null = null;
  if (!parsed.success) {
    // zod skips the cross-references while other fields are invalid; list them anyway.
    const issues = [...parsed.error.issues];
    for (const r of referenceIssues(raw)) {
      if (!issues.some((i) => i.path.join('.') === r.path.join('.'))) issues.push({ ...r, code: 'custom' });
    }
    for (const issue of issues) {
      // Point at the deepest part of the path that exists in the file.
      let path = issue.path;
      let node = doc.getIn(path, true);
      while (!isNode(node) && path.length > 0) {
        path = path.slice(0, -1);
        node = path.length > 0 ? doc.getIn(path, true) : doc.contents;
      }
      const where = isNode(node) ? node.range?.[0] : undefined;
      const field = issue.path.join('.') || '(frontmatter)';
      add(lineAt(where), `${field}: ${issue.message}`);
    }
  } else data = parsed.data;

  const bodyStart = fm[0].split('\n').length;
  const body = text.slice(fm[0].length);
  const anchors = new Map<string, number>();
  for (const m of body.matchAll(ANCHOR)) {
    const line = bodyStart + body.slice(0, m.index).split('\n').length - 1;
    if (anchors.has(m[1]!)) add(line, `duplicate anchor {#${m[1]}} (first on line ${anchors.get(m[1]!)}): give each heading its own id`);
    else anchors.set(m[1]!, line);
  }
  const rawMeasures = Array.isArray(raw.measures) ? (raw.measures as { id?: unknown }[]) : [];
  for (const [i, m] of rawMeasures.entries()) {
    if (typeof m?.id === 'string' && !anchors.has(m.id)) {
      const node = doc.getIn(['measures', i, 'id'], true);
      add(lineAt(isNode(node) ? node.range?.[0] : undefined), `measure "${m.id}" has no heading with {#${m.id}} in the body: add the anchor to its heading or remove the measure`);
    }
  }
  if (data) {
    const flat = body.replace(/\\(.)/gu, '$1');
    for (const [i, t] of data.targets.entries()) {
      if (!flat.includes(t.text)) {
        const node = doc.getIn(['targets', i, 'text'], true);
        add(lineAt(isNode(node) ? node.range?.[0] : undefined), `target text "${t.text.slice(0, 30)}" is not in the body, so it cannot be highlighted: copy it exactly from the text`, 'warning');
      }
    }
  }
  return { file, slug, data, problems };
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

/** `file:line: message` as editors and terminals understand it. */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`;
}
