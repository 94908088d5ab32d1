/**
 * remark plugin: reads the explicit anchor at the end of a heading (`### 1. 标题 {#m1}`),
 * removes it from the text and sets it as the heading's id, so every measure and section
 * has a stable URL anchor that does not depend on its wording.
 */
import type { Heading, Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';

export interface MeasureAnchorOptions {
  /** Pattern an id must match; others are left in the text. */
  idPattern?: RegExp;
}

const TRAILING_ID = /\s*\{#([^{}\s]+)\}\s*$/u;

export default function remarkMeasureAnchors(options: MeasureAnchorOptions = {}) {
  const idPattern = options.idPattern ?? /^[a-z][a-z0-9-]*$/;
  return (tree: Root): void => {
    visit(tree, 'heading', (node: Heading) => {
      const last = node.children[node.children.length - 1];
      if (!last || last.type !== 'text') return;
      const m = TRAILING_ID.exec((last as Text).value);
      if (!m || !idPattern.test(m[1]!)) return;
      (last as Text).value = (last as Text).value.slice(0, m.index);
      node.data = { ...node.data, hProperties: { ...(node.data?.hProperties ?? {}), id: m[1]! } };
    });
  };
}
