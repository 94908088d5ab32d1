/** mdast helpers the policy plugins share. */
import type { Heading } from 'mdast';
import type { Properties } from 'hast';

/** The anchor id a heading carries (`{#m12}`, set by measure-anchors), or null. */
export function headingId(node: Heading): string | null {
  const id = (node.data?.hProperties as Properties | undefined)?.id;
  return typeof id === 'string' ? id : null;
}
