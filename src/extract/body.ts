/**
 * The Markdown body of an ingested document: the document's own hierarchy as headings,
 * every section and measure with an explicit anchor (`{#m12}`), each responsibility line
 * kept next to its measure. Document text is escaped so that it can never become markup.
 */
import type { Node, Structure } from './structure.ts';
import type { Outline } from './measures.ts';

/** Escapes text so Markdown shows it literally: no HTML, links, emphasis or lists from documents. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>{}|~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/^(\s*)([#+\-=>])/u, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/u, '$1\\$2');
}

/** A heading line with its anchor: `### 1. 深入学习贯彻党的十九大精神 {#m1}`. */
function heading(depth: number, node: Node, id: string): string {
  // `一、全面…` and `(一)加强…` read as one; `1. 深入…` wants the space.
  const label = node.label ? escapeMarkdown(node.label) + (/[、)）是]$/u.test(node.label) ? '' : ' ') : '';
  // A node below the measures has no id: its heading gets no anchor rather than an empty `{#}`.
  return `${'#'.repeat(Math.min(depth, 6))} ${label}${escapeMarkdown(node.title)}${id ? ` {#${id}}` : ''}`;
}

/** Renders the outline as Markdown; `depth` 2 is the top level (the page's h1 is the title). */
export function renderBody(structure: Structure, ol: Outline): string {
  const out: string[] = [];
  for (const p of structure.preamble) out.push(escapeMarkdown(p));
  const visit = (nodes: Node[], depth: number): void => {
    for (const node of nodes) {
      out.push(heading(depth, node, ol.ids.get(node) ?? ''));
      for (const p of [...node.paragraphs, ...(node.notes ?? [])]) out.push(escapeMarkdown(p));
      visit(node.children, depth + 1);
    }
  };
  visit(structure.sections, 2);
  for (const p of structure.closing ?? []) out.push(escapeMarkdown(p));
  if (structure.appendix.length > 0) {
    out.push('## 附件 {#appendix}');
    for (const p of structure.appendix) out.push(escapeMarkdown(p));
  }
  return out.join('\n\n') + '\n';
}
