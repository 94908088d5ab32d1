/**
 * remark plugin: shows raw HTML written in a document as text instead of passing it
 * through. Document text is untrusted; a `<script>` in it must be seen, never run.
 */
import type { Root, Html } from 'mdast';
import { visit } from 'unist-util-visit';

export default function remarkLiteralHtml() {
  return (tree: Root): void => {
    visit(tree, 'html', (node: Html, index, parent) => {
      if (!parent || index === undefined) return;
      const text = { type: 'text', value: node.value } as const;
      // A block of HTML stands where a paragraph would: keep the text in one.
      parent.children[index] = (parent.type === 'root' ? { type: 'paragraph', children: [text] } : text) as never;
    });
  };
}
