/**
 * Items a document numbers but leaves empty, and lines that only look like items: the document
 * still goes through, with no empty heading and no anchor without an id.
 */
import { describe, expect, it } from 'vitest';
import { loadPlaces, loadUnitAliases } from '../src/ingest/vocab.ts';
import { ingestText } from '../src/extract/pipeline.ts';

const ctx = { sourceFile: 'edge.txt', places: loadPlaces(), aliases: loadUnitAliases() };
const PLAN = '某县教育局2024年工作要点\n一、加强党建\n1.深入学习贯彻党的精神。\n2.推进学习教育常态化。\n二、发展教育\n3.推进均衡发展。\n4.扩大普惠学前教育资源。\n';

const headings = (body: string): string[] => body.split('\n').filter((l) => l.startsWith('#'));

describe('empty and look-alike items', () => {
  it('drops a bare "2." line and keeps the other measures', () => {
    const doc = ingestText(PLAN.replace('2.推进学习教育常态化。', '2.'), ctx);
    expect(doc.data.measures.map((m) => m.title)).toEqual(['深入学习贯彻党的精神', '推进均衡发展', '扩大普惠学前教育资源']);
    expect(doc.body).not.toMatch(/\{#\}/u);
  });

  it('drops a bare "二、" line and puts its measures under the section before it', () => {
    const doc = ingestText(PLAN.replace('二、发展教育', '二、'), ctx);
    expect(doc.data.goals.map((g) => g.title)).toEqual(['加强党建']);
    expect(doc.data.measures.map((m) => m.section)).toEqual(['加强党建', '加强党建', '加强党建', '加强党建']);
  });

  it('keeps the document when its first section heading has no text', () => {
    const doc = ingestText(PLAN.replace('一、加强党建', '一、 '), ctx);
    expect(doc.data.measures).toHaveLength(4);
    expect(doc.data.goals.every((g) => g.title.trim() !== '')).toBe(true);
  });

  it('reads a "---" or "——————" line as a rule, not as a heading', () => {
    for (const rule of ['---', '-----', '——————']) {
      const doc = ingestText(PLAN.replace('二、发展教育', `${rule}\n二、发展教育`), ctx);
      expect(headings(doc.body), rule).toEqual([
        '## 一、加强党建 {#s1}',
        '### 1\\. 深入学习贯彻党的精神 {#m1}',
        '### 2\\. 推进学习教育常态化 {#m2}',
        '## 二、发展教育 {#s2}',
        '### 3\\. 推进均衡发展 {#m3}',
        '### 4\\. 扩大普惠学前教育资源 {#m4}',
      ]);
    }
  });

  it('still reads a dash lead-in followed by text as an item of a speech', () => {
    const speech = '在全县教育工作会议上的讲话\n一、关于今年的工作\n——抓好党建工作，落实全面从严治党责任。\n——抓好队伍建设，提高教师素质。\n';
    const doc = ingestText(speech, ctx);
    expect(doc.body).toContain('抓好党建工作');
    expect(doc.body).not.toMatch(/\{#\}/u);
  });

  it('gives a heading below the measures no anchor rather than an empty one', () => {
    const doc = ingestText(PLAN.replace('3.推进均衡发展。', '3.推进均衡发展。\n(1)改善办学条件。\n(2)加强师资配备。'), ctx);
    expect(doc.body).not.toMatch(/\{#\}/u);
    for (const h of headings(doc.body)) expect(h).toMatch(/\S\s*(\{#[a-z][a-z0-9-]*\})?$/u);
  });
});
