/**
 * remark plugin: an image whose address is on another host (`![图](https://…)`, `//host/x.png`)
 * becomes a visible note with its alt text, as a local image does (src/astro/policy-body.ts).
 * A remote image would be fetched by every reader's browser from a host the site does not
 * control, telling it who reads what; the knowledge base keeps no images anyway.
 */
import type { Definition, Nodes, Root } from 'mdast';
import { visit } from 'unist-util-visit';

/** The note shown instead of an image; the same class as the local image note. */
export const IMAGE_NOTE_CLASS = 'policy-image-missing';

/** True when the address leaves the site: a scheme (`https:`), or a host (`//`, `\\`, which browsers read alike). */
export function isRemoteUrl(url: string): boolean {
  return /^(?:[a-z][a-z0-9+.-]*:|[/\\]{2})/iu.test(url.replace(/[\u0000-\u0020\u007f]/gu, ''));
}

function note(alt: string | null | undefined): Nodes {
  return {
    type: 'emphasis',
    data: { hName: 'span', hProperties: { className: [IMAGE_NOTE_CLASS] } },
    children: [{ type: 'text', value: `［图片未收录${alt ? `：${alt}` : ''}］` }],
  };
}

export default function remarkRemoteImages() {
  return (tree: Root): void => {
    const definitions = new Map<string, Definition>();
    visit(tree, 'definition', (d: Definition) => {
      definitions.set(d.identifier, d);
    });
    visit(tree, (node, index, parent) => {
      if (!parent || index === undefined) return;
      if (node.type === 'image' && isRemoteUrl(node.url)) parent.children[index] = note(node.alt) as never;
      if (node.type === 'imageReference') {
        const url = definitions.get(node.identifier)?.url;
        if (url !== undefined && isRemoteUrl(url)) parent.children[index] = note(node.alt) as never;
      }
    });
  };
}
