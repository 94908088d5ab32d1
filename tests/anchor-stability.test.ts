/**
 * Citations link to measure anchors (#m23): re-ingesting a document must keep every measure's
 * anchor, so a link pasted into a 公文 last year still lands on the same measure.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestText } from '../src/extract/pipeline.ts';
import { loadPlaces, loadUnitAliases } from '../src/ingest/vocab.ts';

const ctx = { sourceFile: '2018-jiyuan-jiaoyuju-gongzuo-yaodian.txt', places: loadPlaces(), aliases: loadUnitAliases() };
const source = readFileSync('content/sources/2018-jiyuan-jiaoyuju-gongzuo-yaodian.txt', 'utf8');
const anchors = (text: string): [string, string][] => ingestText(text, ctx).data.measures.map((m) => [m.id, m.title]);

describe('measure anchors on re-ingest', () => {
  it('are the same when the same text is ingested again', () => {
    const first = anchors(source);
    expect(first.length).toBeGreaterThan(30);
    expect(anchors(source)).toEqual(first);
    expect(first).toContainEqual(['m23', '探索教师管理新机制']);
  });
  it('stay on their measures when a measure’s wording or a line ending changes', () => {
    const edited = source.replace('鼓励农村学校探索“走教”模式。', '鼓励农村学校探索“走教”“送教”模式。').replace(/\n/gu, '\r\n');
    expect(edited).not.toBe(source);
    expect(anchors(edited)).toEqual(anchors(source));
  });
  it('stay the same when page noise around the document changes', () => {
    expect(anchors(`首页 > 政务公开 > 通知公告\n${source}\n主办单位:济源市教育局\n`)).toEqual(anchors(source));
  });
});
