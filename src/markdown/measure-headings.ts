/**
 * remark plugin: dresses the heading of every measure (an id listed in the frontmatter's
 * measures) — a class for styling, a higher search weight — and puts under it a citation in
 * the form a 公文 quotes (《标题》（文号）第N项“措施”，发布机构，日期，link) that works without
 * JavaScript: a `<details>` whose text can be selected; the page's script adds the copy buttons
 * and, when the site has no public address, writes the link out in full from the page's own.
 *
 * Runs after measure-anchors, which sets the ids.
 */
import type { ElementContent, Element, Properties } from 'hast';
import type { Heading, Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { citations, itemLabel, type Citation } from '../site/citation.ts';
import { paths } from '../site/paths.ts';
import { policyOf, slugOf } from './policy-file.ts';
import { headingId } from './mdast.ts';

export interface MeasureHeadingOptions {
  /** The site's public origin (`https://jyj.example.gov.cn`), which citation links resolve against; null leaves them root-relative. */
  origin: string | null;
  /** Pagefind weight of measure headings (default 8; the page title has 10, text 1). */
  searchWeight?: number;
}

function el(tagName: string, properties: Properties, children: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children };
}

const text = (value: string): ElementContent => ({ type: 'text', value });

/** The citation block that follows a measure heading. */
function citationNode(citation: Citation, item: string): RootContent {
  const summary = el('summary', {}, [text('引用'), el('span', { className: ['visually-hidden'] }, [text(item ? `：${item}` : '本项')])]);
  const body = el('p', { className: ['cite-body'] }, [
    el('span', { className: ['cite-text'] }, [text(citation.words), el('a', { className: ['cite-url'], href: citation.url }, [text(citation.url)])]),
  ]);
  return {
    type: 'measureCitation',
    data: { hName: 'details', hProperties: { className: ['cite'], dataPagefindIgnore: true }, hChildren: [summary, body] },
  } as unknown as RootContent;
}

export default function remarkMeasureHeadings(options: MeasureHeadingOptions) {
  const weight = String(options.searchWeight ?? 8);
  return (tree: Root, file: VFile): void => {
    const policy = policyOf(file);
    const slug = slugOf(file);
    if (!policy || !slug) return;
    const measures = new Map(policy.measures.map((m) => [m.id, m]));
    const anchor = (id: string): string => paths.anchor(slug, id);
    const cited = citations(policy, options.origin === null ? anchor : (id) => new URL(anchor(id), options.origin!).href);
    const seen = new Set<string>();
    // Top-level children only: headings of a policy body are never nested in other blocks.
    for (let i = tree.children.length - 1; i >= 0; i--) {
      const node = tree.children[i]!;
      if (node.type !== 'heading') continue;
      const id = headingId(node);
      const measure = id === null ? undefined : measures.get(id);
      if (!measure || !id) continue;
      seen.add(id);
      const props = (node.data?.hProperties ?? {}) as Properties;
      const classes = Array.isArray(props.className) ? props.className : [];
      node.data = { ...node.data, hProperties: { ...props, className: [...classes, 'measure'], dataPagefindWeight: weight } };
      tree.children.splice(i + 1, 0, citationNode(cited.get(id) ?? { words: '', url: anchor(id) }, itemLabel(measure.number)));
    }
    for (const m of policy.measures) {
      if (!seen.has(m.id)) {
        file.message(`measure "${m.id}" (${m.title}) has no heading with {#${m.id}} in the body: add the anchor or remove the measure`, {
          ruleId: 'measure-without-heading',
          source: 'policy-kb',
        });
      }
    }
  };
}
