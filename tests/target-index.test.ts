import { describe, expect, it } from 'vitest';
import type { PolicyDoc } from '../src/index/documents.ts';
import type { Target } from '../src/format/schema.ts';
import { buildTargetIndex, formatRequirement } from '../src/index/target-index.ts';
import { FIXTURE_POLICIES, loadPolicies } from './support/fixtures.ts';
import { docSlug } from '../src/format/ids.ts';

describe('formatRequirement', () => {
  it.each<[Pick<Target, 'comparator' | 'value' | 'valueMax' | 'unit'>, string]>([
    [{ comparator: '>=', value: 95, valueMax: null, unit: '%' }, '不低于 95%'],
    [{ comparator: '<=', value: 2000, valueMax: null, unit: '人' }, '不高于 2000人'],
    [{ comparator: '<', value: 0.15, valueMax: null, unit: null }, '低于 0.15'],
    [{ comparator: '>', value: 3, valueMax: null, unit: '所' }, '高于 3所'],
    [{ comparator: '=', value: 100, valueMax: null, unit: '%' }, '达到 100%'],
    [{ comparator: 'range', value: 1, valueMax: 2, unit: '项' }, '介于 1–2项'],
    [{ comparator: 'increase', value: 15, valueMax: null, unit: '%' }, '提高 15%'],
    [{ comparator: 'decrease', value: null, valueMax: null, unit: null }, '降低'],
    [{ comparator: 'eliminate', value: null, valueMax: null, unit: null }, '全面消除'],
    [{ comparator: '>=', value: 0.1 + 0.2, valueMax: null, unit: null }, '不低于 0.3'],
  ])('writes %o as “%s”', (t, text) => {
    expect(formatRequirement(t)).toBe(text);
  });
});

describe('buildTargetIndex', () => {
  const docs = loadPolicies(FIXTURE_POLICIES);
  const withUndated: PolicyDoc = {
    slug: docSlug('undated'),
    body: '',
    data: {
      ...docs[0]!.data,
      city: null,
      province: null,
      goals: [],
      measures: [],
      targets: [{ text: '满意度达95%', metric: '满意度', comparator: '>=', value: 95, unit: '%', year: null, yearImplied: false, measure: null }],
    },
  };
  const index = buildTargetIndex([...docs, withUndated]);

  it('collects every target with its document, measure and sentence anchor', () => {
    expect(index.rows).toHaveLength(3);
    const first = index.rows.find((r) => r.target.metric === '交流轮岗教师比例')!;
    expect(first).toMatchObject({ key: 'quanzhou-2023-jiaoyu-gongzuo-yaodian-t2', anchor: 'target-2', index: 2, requirement: '不低于 10%' });
    expect(first.measure?.title).toBe('推进教师交流轮岗');
    expect(index.rows.find((r) => r.doc.slug === 'undated')!.measure).toBeNull();
  });
  it('groups the timeline by deadline year, undated last', () => {
    expect(index.byYear.map((g) => [g.label, g.rows.length])).toEqual([
      ['2024', 1],
      ['2025', 1],
      ['未注明', 1],
    ]);
  });
  it('groups by place with 未注明 last, and sorts by metric', () => {
    expect(index.byPlace.map((g) => g.label)).toEqual(['泉州市', '未注明']);
    expect(index.byMetric.map((r) => r.target.metric)).toEqual(['56人及以上大班额', '交流轮岗教师比例', '满意度']);
  });
});
