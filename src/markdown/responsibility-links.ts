/**
 * remark plugin: turns the responsible units of each measure into links to their unit pages.
 *
 * The responsibility line (`责任单位:市发改局、教育局、财政局`) stays as the document wrote it;
 * each written name that stands for one of the measure's normalised units (frontmatter
 * measures[].units: 市教育局, 市财政局) becomes a link. A unit the line spells so differently
 * that it is not found (an alias) is linked after the line, under its normalised name, so
 * every unit of the measure has its link.
 */
import type { Heading, Link, Paragraph, Parent, PhrasingContent, Root, Text } from 'mdast';
import type { VFile } from 'vfile';
import { SKIP, visit } from 'unist-util-visit';
import { fullWidthBrackets, RESPONSIBILITY_LINE } from '../format/responsibility.ts';
import type { AliasTable } from '../extract/units.ts';
import type { UnitContext } from '../index/unit-directory.ts';
import { policyOf, slugOf } from './policy-file.ts';
import { headingId } from './mdast.ts';

export interface ResponsibilityLinkOptions {
  /** Page of the body a normalised unit name stands for in the document (市财政局 of a 济源 document: 济源市财政局). */
  unitHref: (name: string, doc: UnitContext) => string;
  /** The unit alias table (canonical → variant lookup), so variant spellings in the text are found. */
  aliases?: AliasTable;
}

// Characters after which a unit name may begin in a list of units.
const BEFORE = new Set(['', ...'、,，;；:：（(/／ 　和及与】]']);
const LEVEL = /^[省市县区州盟旗]/u;

/** How a unit may be written in a responsibility line: as normalised, by a variant, or without its level (财政局 after 市教育局、). */
function spellings(name: string, variants: ReadonlyMap<string, string[]>): string[] {
  const out = new Set<string>([name, ...(variants.get(name) ?? [])]);
  for (const s of [...out]) {
    const bare = s.replace(LEVEL, '');
    if (bare !== s && bare.length >= 2) out.add(bare);
  }
  return [...out].sort((a, b) => b.length - a.length);
}

interface Span {
  start: number;
  end: number;
  unit: string;
}

/** Leftmost-longest occurrences of the units' spellings that start a name in a list. */
function findUnits(text: string, units: readonly string[], variants: ReadonlyMap<string, string[]>): Span[] {
  const line = fullWidthBrackets(text);
  const candidates = units.flatMap((unit) => spellings(unit, variants).map((s) => ({ s, unit })));
  const spans: Span[] = [];
  let i = 0;
  while (i < line.length) {
    let best: Span | null = null;
    if (BEFORE.has(line[i - 1] ?? '')) {
      for (const c of candidates) {
        if (line.startsWith(c.s, i) && (!best || c.s.length > best.end - best.start)) best = { start: i, end: i + c.s.length, unit: c.unit };
      }
    }
    if (best) {
      spans.push(best);
      i = best.end;
    } else i++;
  }
  return spans;
}

export default function remarkResponsibilityLinks(options: ResponsibilityLinkOptions) {
  const variants = new Map<string, string[]>();
  for (const [variant, name] of Object.entries(options.aliases ?? {})) variants.set(name, [...(variants.get(name) ?? []), variant]);
  const link = (unit: string, value: string, doc: UnitContext): Link => ({
    type: 'link',
    url: options.unitHref(unit, doc),
    title: `${unit}：各文件中的全部任务`,
    children: [{ type: 'text', value }],
  });

  return (tree: Root, file: VFile): void => {
    const policy = policyOf(file);
    if (!policy) return;
    const doc: UnitContext = { slug: slugOf(file) ?? '', city: policy.city, province: policy.province };
    const unitsOf = new Map(policy.measures.map((m) => [m.id, [...new Set([...m.leadUnits, ...m.units])]]));
    let units: string[] | null = null;
    for (const node of tree.children) {
      if (node.type === 'heading') {
        const id = headingId(node);
        if (id !== null) units = unitsOf.get(id) ?? null;
        continue;
      }
      if (node.type !== 'paragraph' || !units || units.length === 0) continue;
      const first = node.children[0];
      if (!first || first.type !== 'text' || !RESPONSIBILITY_LINE.test(first.value)) continue;
      const linked = new Set<string>();
      visit(node, 'text', (t: Text, index, parent: Parent | undefined) => {
        if (!parent || index === undefined || parent.type === 'link') return;
        const spans = findUnits(t.value, units!, variants);
        if (spans.length === 0) return;
        const parts: PhrasingContent[] = [];
        let pos = 0;
        for (const s of spans) {
          if (s.start > pos) parts.push({ type: 'text', value: t.value.slice(pos, s.start) });
          parts.push(link(s.unit, t.value.slice(s.start, s.end), doc));
          linked.add(s.unit);
          pos = s.end;
        }
        if (pos < t.value.length) parts.push({ type: 'text', value: t.value.slice(pos) });
        parent.children.splice(index, 1, ...(parts as never[]));
        return [SKIP, index + parts.length];
      });
      const rest = units.filter((u) => !linked.has(u));
      if (rest.length > 0) {
        const more: PhrasingContent[] = [{ type: 'text', value: '（规范名称：' }];
        rest.forEach((u, i) => {
          if (i > 0) more.push({ type: 'text', value: '、' });
          more.push(link(u, u, doc));
        });
        more.push({ type: 'text', value: '）' });
        node.children.push({
          type: 'emphasis',
          data: { hName: 'span', hProperties: { className: ['unit-more'] } },
          children: more,
        });
      }
      const paragraph = node as Paragraph;
      paragraph.data = { ...paragraph.data, hProperties: { ...(paragraph.data?.hProperties ?? {}), className: ['duty'] } };
    }
  };
}
