/**
 * remark plugin: keeps only links and images whose address is safe to follow (http, https,
 * mailto, or a path on this site). Document text is untrusted: a `javascript:` link written
 * into a body by hand becomes its text.
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';

const SAFE = /^(?:https?:|mailto:|[/#?.]|[^:/?#]*(?:[/?#]|$))/iu;

/** True when following the address cannot run code: a web or mail address, or a relative path. */
export function isSafeUrl(url: string): boolean {
  // Browsers ignore control characters and whitespace inside a scheme (`java\tscript:`).
  return SAFE.test(url.replace(/[\u0000-\u0020\u007f]/gu, ''));
}

export default function remarkSafeLinks() {
  return (tree: Root): void => {
    visit(tree, (node, index, parent) => {
      if (!parent || index === undefined) return;
      if (node.type === 'link' && !isSafeUrl(node.url)) {
        parent.children.splice(index, 1, ...(node.children as never[]));
        return index;
      }
      if (node.type === 'image' && !isSafeUrl(node.url)) {
        parent.children[index] = { type: 'text', value: node.alt ?? '' } as never;
      }
      if (node.type === 'definition' && !isSafeUrl(node.url)) node.url = '';
      return undefined;
    });
  };
}
