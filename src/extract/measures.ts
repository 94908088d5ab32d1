/**
 * Measures, goals and their anchor ids, from a document's outline.
 *
 * Ids are assigned in document order (`m1`, `m2`, … for measures; `s1`, `s1-2`, … for
 * sections by their position), so re-ingesting the same source gives the same anchors.
 */
import type { Node, Structure } from './structure.ts';

export interface OutlineMeasure {
  id: string;
  node: Node;
  /** The section node the measure belongs to, or null at top level. */
  parent: Node | null;
  /** Full text of the measure: title sentence and paragraphs. */
  text: string;
  /** Titles of the sections above the measure, outermost first. */
  path: string[];
}

export interface OutlineGoal {
  id: string;
  title: string;
  node: Node;
  measures: string[];
}

export interface Outline {
  measures: OutlineMeasure[];
  goals: OutlineGoal[];
  /** Anchor id of every node (sections and measures). */
  ids: Map<Node, string>;
}

/** Kinds of top sections that are goals even where they are the measures themselves. */
const TOP_SECTION_KINDS = new Set<Node['kind']>(['chapter', 'cn', 'dash']);

/** Full text of a node: its title (when it is a sentence of the text) and its paragraphs. */
export function nodeText(node: Node): string {
  const parts = node.titleIsSentence && node.title ? [`${node.title}。`, ...node.paragraphs] : node.paragraphs;
  return parts.join('\n');
}

/**
 * Text of a measure with its sub-items (`①②③`, `——` lead-ins under it): their targets and
 * 责任单位 belong to the measure, as a responsibility line after `③` covers the whole item.
 */
function measureText(node: Node): string {
  return [nodeText(node), ...node.children.map(measureText)].filter(Boolean).join('\n');
}

/**
 * Assigns ids and collects the measures and goals of an outline. The goals are the document's
 * top sections (一、 headings, `——` lead-ins), each with the measures below it; a flat list
 * of items has none.
 */
export function outline(structure: Structure): Outline {
  const ids = new Map<Node, string>();
  const measures: OutlineMeasure[] = [];
  const goals: OutlineGoal[] = [];
  const visit = (nodes: Node[], parent: Node | null, path: number[], titles: string[], goal: OutlineGoal | null): void => {
    nodes.forEach((node, i) => {
      const isMeasure = structure.measures.has(node);
      let own = goal;
      if (!goal && (!isMeasure || TOP_SECTION_KINDS.has(node.kind))) {
        own = { id: `g${goals.length + 1}`, title: node.title || node.label, node, measures: [] };
        goals.push(own);
      }
      if (isMeasure) {
        const id = `m${measures.length + 1}`;
        ids.set(node, id);
        measures.push({ id, node, parent, text: measureText(node), path: titles });
        own?.measures.push(id);
        return;
      }
      const p = [...path, i + 1];
      ids.set(node, `s${p.join('-')}`);
      visit(node.children, node, p, [...titles, node.title], own);
    });
  };
  visit(structure.sections, null, [], [], null);
  return { measures, goals, ids };
}
