/**
 * Target follow-through on a crafted series of one place: a plan's targets, a later report, a
 * later plan that restates aims, an earlier report and another place's report.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { metricTerms, readResult } from '../src/index/follow-through.ts';
import { buildSiteIndex } from '../src/index/site-index.ts';
import { loadSiteVocabulary } from '../src/astro/vocab.ts';
import { loadPolicies } from './support/fixtures.ts';
import { writeChain } from './support/lineage-chain.ts';

const tmp = mkdtempSync(join(tmpdir(), 'follow-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const target = (text: string, metric: string, comparator: string, value: number | null, unit: string | null, year: number, measure: string) =>
  ({ text, metric, comparator, value, unit, year, measure }) as never;

const docs = loadPolicies(
  writeChain(join(tmp, 'policies'), [
    {
      slug: 'taizhou-2030-huibao',
      data: { title: '泰州市2030年教育工作汇报', city: '泰州市', province: '江苏省', date: '2030-12-01', docType: '汇报' },
      measures: [{ title: '课后服务', text: '全市课后服务覆盖率达到100%。' }],
    },
    {
      slug: 'taizhou-2031-fangan',
      data: {
        title: '泰州市教育提升三年行动方案', city: '泰州市', province: '江苏省', date: '2031-03-01', docType: '行动方案',
        targets: [
          target('到2032年,心理辅导室建设达标率达到100%', '心理辅导室建设达标率', '>=', 100, '%', 2032, 'm1'),
          target('到2033年,全面消除56人及以上大班额', '56人及以上大班额', 'eliminate', null, null, 2033, 'm2'),
          target('到2033年,学前三年毛入园率达到95%', '学前三年毛入园率', '>=', 95, '%', 2033, 'm3'),
          target('到2033年,课后服务覆盖率达到100%', '课后服务覆盖率', '>=', 100, '%', 2033, 'm4'),
        ],
      },
      measures: [
        { title: '建设心理辅导室', text: '到2032年,心理辅导室建设达标率达到100%。' },
        { title: '消除大班额', text: '到2033年,全面消除56人及以上大班额。' },
        { title: '发展学前教育', text: '到2033年,学前三年毛入园率达到95%。' },
        { title: '推进课后服务', text: '到2033年,课后服务覆盖率达到100%。' },
      ],
    },
    {
      slug: 'taizhou-2033-huibao',
      data: { title: '泰州市2033年履行教育职责情况汇报', city: '泰州市', province: '江苏省', date: '2033-11-20', docType: '汇报' },
      measures: [
        { title: '办学条件持续改善', text: '全市心理辅导室建设达标率达到100%。56人及以上大班额全部消除。' },
        { title: '学前教育稳步发展', text: '学前三年毛入园率达到92%,比2031年提高3个百分点。' },
      ],
    },
    {
      slug: 'taizhou-2034-yaodian',
      data: {
        title: '泰州市教育局2034年工作要点', city: '泰州市', province: '江苏省', date: '2034-02-01', docType: '工作要点',
        targets: [target('到2035年,学前三年毛入园率达到98%', '学前三年毛入园率', '>=', 98, '%', 2035, 'm1')],
      },
      measures: [
        { title: '发展学前教育', text: '到2035年,学前三年毛入园率达到98%。' },
        { title: '推进课后服务', text: '课后服务覆盖率力争达到100%。' },
      ],
    },
    {
      slug: 'jingjiang-2034-huibao',
      data: { title: '靖江市2034年教育工作汇报', city: '靖江市', province: '江苏省', date: '2034-12-01', docType: '汇报' },
      measures: [{ title: '课后服务', text: '课后服务覆盖率达到100%。' }],
    },
  ]),
);
const site = buildSiteIndex(docs, loadSiteVocabulary());
const follow = (index: number) => site.followThrough.get(`taizhou-2031-fangan-t${index}`)!;

describe('buildFollowThrough on a series of one place', () => {
  it('reports a target met when a later report states a result that meets it, quoting the sentence', () => {
    expect(follow(1)).toMatchObject({ status: '已报告完成', evidence: { sentence: '全市心理辅导室建设达标率达到100%。', anchor: 'm1' } });
    expect(follow(1).evidence!.doc.slug).toBe('taizhou-2033-huibao');
    expect(follow(2)).toMatchObject({ status: '已报告完成', evidence: { sentence: '56人及以上大班额全部消除。' } });
  });

  it('reports progress when the later result falls short, and never counts a later plan\'s own aim as a result', () => {
    expect(follow(3)).toMatchObject({ status: '已报告进展', evidence: { sentence: '学前三年毛入园率达到92%,比2031年提高3个百分点。' } });
  });

  it('says 未见后续报告 when only an earlier document, another place or a later aim speaks of the metric', () => {
    expect(follow(4)).toMatchObject({ status: '未见后续报告', evidence: null });
    expect(follow(4).why).toContain('2 份文件');
  });

  it('gives every target with a deadline a status, and none without its sentence unless unreported', () => {
    const rows = site.targets.rows.filter((r) => r.target.year !== null);
    expect(rows.every((r) => site.followThrough.has(r.key))).toBe(true);
    for (const f of site.followThrough.values()) expect(f.evidence === null).toBe(f.status === '未见后续报告');
  });
});

describe('readResult', () => {
  const rate = { metric: '学前三年毛入园率', comparator: '>=', value: 92, valueMax: null, unit: '%' } as const;
  const eliminate = { metric: '56人及以上大班额', comparator: 'eliminate', value: null, valueMax: null, unit: null } as const;
  it.each<[string, typeof rate | typeof eliminate, string | null]>([
    ['全市学前三年毛入园率达到92.5%。', rate, 'met'],
    ['毛入园率达到93%。', rate, 'met'],
    ['学前三年毛入园率为90.1%。', rate, 'progress'],
    ['到2025年,学前三年毛入园率达到95%。', rate, null],
    ['学前三年毛入园率力争达到95%。', rate, null],
    ['新建幼儿园12所,学前三年毛入园率稳步提高。', rate, null],
    ['全市大班额全部消除。', eliminate, 'met'],
    ['56人及以上大班额实现动态清零。', eliminate, 'met'],
    ['大班额尚未消除,仍有12个。', eliminate, 'progress'],
    ['56人及以上大班额比例下降至3%。', eliminate, 'progress'],
    ['继续做好消除大班额工作。', eliminate, null],
  ])('%s → %s', (sentence, t, expected) => {
    expect(readResult(sentence, t)).toBe(expected);
  });

  it('reads the metric\'s core words', () => {
    expect(metricTerms('56人及以上大班额')).toEqual(['56人及以上大班额', '大班额']);
    expect(metricTerms('学前三年毛入园率')).toEqual(['学前三年毛入园率', '前三年毛入园率', '三年毛入园率', '年毛入园率', '毛入园率']);
  });
});
