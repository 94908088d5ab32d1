/**
 * remark plugin: highlights every quantitative target of the frontmatter in the text it was
 * read from (`targets[].text`, verbatim in its measure) and links it to its row on the targets
 * index. Each mark carries the id `target-N`, so the index links back to the very sentence.
 *
 * A target whose text is not found (the body was edited) still gets its anchor, at the head
 * of its measure, and a message on the file.
 */
import type { Heading, Link, Parent, Root, RootContent, Text } from 'mdast';
import type { VFile } from 'vfile';
import { SKIP, visit } from 'unist-util-visit';
import { paths, targetAnchor } from '../site/paths.ts';
import { formatRequirement } from '../index/target-index.ts';
import { policyOf, slugOf } from './policy-file.ts';
import { headingId } from './mdast.ts';

export interface TargetMarkOptions {
  /** Link of a target's row on the targets index; by default `/targets/<year>/#<slug>-t<N>`. */
  targetHref?: (docSlug: string, index: number, year: number | null) => string;
}

interface Pending {
  text: string;
  index: number;
  year: number | null;
  title: string;
  done: boolean;
}

/** Splits one text value at the targets it contains, earliest first. */
function split(value: string, pending: Pending[], mark: (p: Pending, text: string) => RootContent): RootContent[] | null {
  const out: RootContent[] = [];
  let rest = value;
  for (;;) {
    let best: { p: Pending; at: number } | null = null;
    for (const p of pending) {
      if (p.done) continue;
      const at = rest.indexOf(p.text);
      if (at >= 0 && (!best || at < best.at || (at === best.at && p.text.length > best.p.text.length))) best = { p, at };
    }
    if (!best) break;
    if (best.at > 0) out.push({ type: 'text', value: rest.slice(0, best.at) });
    out.push(mark(best.p, best.p.text));
    best.p.done = true;
    rest = rest.slice(best.at + best.p.text.length);
  }
  if (out.length === 0) return null;
  if (rest) out.push({ type: 'text', value: rest });
  return out;
}

export default function remarkTargetMarks(options: TargetMarkOptions = {}) {
  const targetHref = options.targetHref ?? paths.target;
  return (tree: Root, file: VFile): void => {
    const policy = policyOf(file);
    const slug = slugOf(file);
    if (!policy || !slug || policy.targets.length === 0) return;
    const measureIds = new Set(policy.measures.map((m) => m.id));
    // Targets by region: a measure id, or '' for text outside any measure (the goals section).
    const byRegion = new Map<string, Pending[]>();
    policy.targets.forEach((t, i) => {
      const region = t.measure ?? '';
      const list = byRegion.get(region) ?? [];
      list.push({ text: t.text, index: i + 1, year: t.year, title: `量化指标：${t.metric} ${formatRequirement(t)}${t.year ? `（${t.year}年）` : ''}`, done: false });
      byRegion.set(region, list);
    });
    const mark = (p: Pending, value: string): RootContent => {
      const link: Link = { type: 'link', url: targetHref(slug, p.index, p.year), title: p.title, children: [{ type: 'text', value }] };
      return {
        type: 'targetMark',
        data: { hName: 'mark', hProperties: { id: targetAnchor(p.index), className: ['target'] } },
        children: [link],
      } as unknown as RootContent;
    };

    let region = '';
    for (const node of tree.children) {
      if (node.type === 'heading') {
        const id = headingId(node);
        if (id !== null) region = measureIds.has(id) ? id : '';
      }
      const pending = byRegion.get(region);
      if (!pending || pending.every((p) => p.done)) continue;
      visit(node, 'text', (t: Text, index, parent: Parent | undefined) => {
        if (!parent || index === undefined) return;
        const parts = split(t.value, pending, mark);
        if (!parts) return;
        parent.children.splice(index, 1, ...(parts as never[]));
        return [SKIP, index + parts.length];
      });
    }

    // Anchors for targets not found, at the head of their measure (or of the text).
    for (const [where, pending] of byRegion) {
      const missing = pending.filter((p) => !p.done);
      if (missing.length === 0) continue;
      let at = where === '' ? 0 : tree.children.findIndex((n) => n.type === 'heading' && headingId(n) === where) + 1;
      if (at < 0) at = 0;
      for (const p of missing) {
        file.message(`target ${p.index} "${p.text}" is not in the text of ${where ? `measure ${where}` : 'the document'}: fix targets[${p.index - 1}].text to quote the text`, {
          ruleId: 'target-not-found',
          source: 'policy-kb',
        });
        tree.children.splice(at, 0, {
          type: 'targetAnchor',
          data: { hName: 'span', hProperties: { id: targetAnchor(p.index), className: ['target-anchor'] } },
        } as unknown as RootContent);
      }
    }
  };
}
