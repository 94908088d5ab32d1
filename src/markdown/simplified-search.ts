/**
 * A 繁體 document is found by a 简体 query. Staff type simplified characters; Pagefind matches
 * characters as written, so 教師輪崗 would never answer 教师轮岗. Each block of a 繁體 body
 * (paragraph, heading, list item, table cell) carries its simplified reading in an attribute that
 * Pagefind indexes (`data-pagefind-index-attrs`), in the same section as the block, so a hit still
 * links to its measure. What the reader sees stays as the document wrote it.
 *
 * Whether a body is 繁體 is decided once for the whole document, by the ingest's own rule
 * (src/extract/simplified-reading.ts): a simplified document with a stray traditional character
 * gets nothing.
 */
import type { Element, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';
import { simplifiedReading, toSimplified } from '../extract/simplified-reading.ts';

/** The attribute holding a block's simplified reading. */
export const SIMPLIFIED_ATTRIBUTE = 'data-zh-hans';

const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'td', 'th', 'blockquote']);

function holdsBlock(node: Element): boolean {
  return node.children.some((child) => child.type === 'element' && (BLOCKS.has(child.tagName) || holdsBlock(child)));
}

export default function rehypeSimplifiedSearch() {
  return (tree: Root): void => {
    if (!simplifiedReading(toText(tree)).traditional) return;
    visit(tree, 'element', (node: Element) => {
      // The innermost block only (a list item's paragraph, not the item too): each text indexed once.
      if (!BLOCKS.has(node.tagName) || holdsBlock(node)) return;
      const text = toText(node);
      const simplified = toSimplified(text);
      if (simplified === text) return;
      // Angle brackets left out: no search needs them, and the page's HTML then holds no tag-like
      // string from a document, even inside a quoted attribute where it would be inert.
      node.properties = { ...node.properties, dataZhHans: simplified.replace(/[<>]/gu, ' '), dataPagefindIndexAttrs: SIMPLIFIED_ATTRIBUTE };
    });
  };
}
