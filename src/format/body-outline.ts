/**
 * Reads a policy body (Markdown with `{#id}` heading anchors) into its headings and the text
 * under each, in one pass over the lines. Used for the table of contents and to give theme
 * rules the text of each measure, which the frontmatter does not hold.
 */
import { RESPONSIBILITY_LINE } from './responsibility.ts';

/** One heading of the body. */
export interface BodyHeading {
  /** Markdown depth: 2 for the top level (the page's h1 is the document title). */
  depth: number;
  /** The explicit anchor id (`s1`, `m12`). */
  id: string;
  /** Heading text without its anchor, unescaped. */
  text: string;
}

export interface BodyOutline {
  headings: BodyHeading[];
  /** Paragraphs directly under each heading (up to the next heading of any depth), unescaped. */
  paragraphs: Map<string, string[]>;
}

const HEADING = /^(#{1,6})[ \t]+(.*?)[ \t]*\{#([A-Za-z][\w-]*)\}[ \t]*#*[ \t]*$/u;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Undoes Markdown escaping: backslash escapes and the common character references. */
export function unescapeMarkdown(text: string): string {
  return text
    .replace(/\\([!-/:-@[-`{-~])/gu, '$1')
    .replace(/&(#\d+|#x[\da-f]+|[a-z]+);/giu, (all, ref: string) => {
      if (ref.startsWith('#x') || ref.startsWith('#X')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
      if (ref.startsWith('#')) return String.fromCodePoint(Number(ref.slice(1)));
      return ENTITIES[ref.toLowerCase()] ?? all;
    });
}

/** The headings of a body and the paragraphs under each. */
export function readOutline(body: string): BodyOutline {
  const headings: BodyHeading[] = [];
  const paragraphs = new Map<string, string[]>();
  let current: string[] | null = null;
  let para: string[] = [];
  const flush = (): void => {
    if (current && para.length > 0) current.push(unescapeMarkdown(para.join('\n')));
    para = [];
  };
  for (const line of body.split(/\r?\n/u)) {
    const h = HEADING.exec(line);
    if (h) {
      flush();
      const id = h[3]!;
      headings.push({ depth: h[1]!.length, id, text: unescapeMarkdown(h[2]!) });
      current = [];
      paragraphs.set(id, current);
    } else if (line.trim() === '') flush();
    else para.push(line.trim());
  }
  flush();
  return { headings, paragraphs };
}

/** A paragraph that names responsible units (`责任单位:…`), not what the measure does. */
export function isResponsibilityLine(text: string): boolean {
  return RESPONSIBILITY_LINE.test(text);
}

export { RESPONSIBILITY_LINE };

/** A tree of headings for a table of contents: each heading with the deeper ones under it. */
export interface TocNode extends BodyHeading {
  /** The heading is a measure's (its id is one of `measureIds`). */
  measure: boolean;
  children: TocNode[];
}

/** Nests headings by depth, in one pass with a stack. */
export function tocTree(headings: readonly BodyHeading[], measureIds: ReadonlySet<string> = new Set()): TocNode[] {
  const roots: TocNode[] = [];
  const stack: TocNode[] = [];
  for (const h of headings) {
    const node: TocNode = { ...h, measure: measureIds.has(h.id), children: [] };
    while (stack.length > 0 && stack[stack.length - 1]!.depth >= h.depth) stack.pop();
    const parent = stack[stack.length - 1];
    (parent ? parent.children : roots).push(node);
    stack.push(node);
  }
  return roots;
}
