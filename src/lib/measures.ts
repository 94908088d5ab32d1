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

// 总体要求 of a notice or plan states its aims (`到2025年…实现全覆盖`) when it has no sub-items.
const OBJECTIVES = /^(工作目标|主要目标|发展目标|总体目标|目标任务|总体要求)$/u;

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

/** Assigns ids and collects the measures and goals of an outline. */
export function outline(structure: Structure): Outline {
  const ids = new Map<Node, string>();
  const measures: OutlineMeasure[] = [];
  const goals: OutlineGoal[] = [];
  const goalOf = new Map<Node, OutlineGoal>();
  const visit = (nodes: Node[], parent: Node | null, path: number[], titles: string[]): void => {
    nodes.forEach((node, i) => {
      if (node.kind === structure.measureKind) {
        const id = `m${measures.length + 1}`;
        ids.set(node, id);
        measures.push({ id, node, parent, text: measureText(node), path: titles });
        // The section that holds measures is the aim they serve; top-level measures serve none.
        if (parent) {
          let goal = goalOf.get(parent);
          if (!goal) {
            goal = { id: `g${goals.length + 1}`, title: parent.title, node: parent, measures: [] };
            goalOf.set(parent, goal);
            goals.push(goal);
          }
          goal.measures.push(id);
        }
        return;
      }
      const p = [...path, i + 1];
      ids.set(node, `s${p.join('-')}`);
      if (OBJECTIVES.test(node.title) && node.paragraphs.length > 0) {
        // An explicit 工作目标 section is a goal of its own, stated in its first sentence.
        const first = node.paragraphs[0]!.split(/(?<=[。;；])/u)[0]!;
        const summary = first.length > 80 ? `${first.slice(0, 79)}…` : first;
        const goal = { id: `g${goals.length + 1}`, title: `${node.title}:${summary}`, node, measures: [] };
        goalOf.set(node, goal);
        goals.push(goal);
      }
      visit(node.children, node, p, [...titles, node.title]);
    });
  };
  visit(structure.sections, null, [], []);
  return { measures, goals, ids };
}
