/**
 * The site's indexes at 10,000 documents: everything is indexed, counted and cross-linked as
 * it is at five. This test asserts behaviour only; how long the index takes, and how that
 * grows with the number of documents, is a figure of the benchmark (`npm run bench`: the
 * "site index s" column and its growth line), never a timed assertion here.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSiteIndex, type SiteIndex } from '../src/index/site-index.ts';
import { loadSiteVocabulary } from '../src/astro/vocab.ts';
import { syntheticPolicies } from './support/synthetic.ts';

const N = 10_000;
/** Documents without a city: every 17th (tests/support/synthetic.ts). */
const WITHOUT_CITY = Math.ceil(N / 17);
let site: SiteIndex;

beforeAll(() => {
  site = buildSiteIndex(syntheticPolicies(N), loadSiteVocabulary());
}, 300_000); // a guard against a hang, not a speed goal: the bench measures the index (docs/benchmark.md)

describe('the site index of 10,000 documents of 20 measures each', () => {
  it('counts every document, measure, target, city, year and theme', () => {
    expect(site.problems).toEqual([]);
    expect(site.stats).toMatchObject({ documents: N, measures: N * 20, targets: N * 8, cities: 12, years: 15, themes: 10, firstYear: 2010, lastYear: 2024 });
    expect(site.docs).toHaveLength(N);
    expect(site.policies.size).toBe(N);
    expect(site.targets.rows).toHaveLength(N * 8);
    expect(site.targets.byYear.reduce((n, g) => n + g.rows.length, 0)).toBe(N * 8);
  });

  it('puts every document in exactly one value of each facet, the ones without a city under 未注明', () => {
    for (const facet of Object.values(site.facets)) {
      expect(facet.values.reduce((n, v) => n + v.docs.length, 0), facet.name).toBe(N);
    }
    const unknown = site.facets.city.values.filter((v) => !v.known);
    expect(unknown.map((v) => v.docs.length)).toEqual([WITHOUT_CITY]);
  });

  it('finds related documents for every document, at most five, each sharing what its reason says', () => {
    // Violations are collected and compared once: ten thousand expect() calls would be the slow part.
    const wrong: string[] = [];
    for (const [slug, view] of site.policies) {
      if (view.related.length === 0 || view.related.length > 5) wrong.push(`${slug}: ${view.related.length} related documents`);
      for (const r of view.related) {
        if (r.doc.slug === slug) wrong.push(`${slug} is related to itself`);
        const place = /同一地区：(\S+?)(?:；|$)/.exec(r.reason)?.[1];
        if (place !== undefined && place !== view.summary.city && place !== view.summary.province) wrong.push(`${slug} → ${r.doc.slug}: not of ${place}`);
        if (place !== undefined && place !== r.doc.city && place !== r.doc.province) wrong.push(`${slug} → ${r.doc.slug}: not of ${place}`);
      }
    }
    expect(wrong).toEqual([]);
    const view = site.policies.get('doc-05000')!;
    expect(view.related.every((r) => r.doc.city === '苏州市')).toBe(true);
  });

  it('lists the same issuer’s documents of other years, nearest years first, at most eight', () => {
    const wrong: string[] = [];
    for (const [slug, view] of site.policies) {
      if (view.sameIssuer.length > 8) wrong.push(`${slug}: ${view.sameIssuer.length} documents of the same issuer`);
      for (const d of view.sameIssuer) {
        if (d.issuer !== view.summary.issuer || d.year === view.summary.year) wrong.push(`${slug} → ${d.slug}: ${d.issuer} ${d.year}`);
      }
    }
    expect(wrong).toEqual([]);
    // doc-05000 is 苏州市's 2015 document; 苏州市 has documents of 2012, 2015, 2018, 2021 and 2024.
    const years = site.policies.get('doc-05000')!.sameIssuer.map((d) => d.year);
    expect(years).toHaveLength(8);
    expect(new Set(years)).toEqual(new Set([2012, 2018]));
    expect(years).toEqual([...years].sort((a, b) => b! - a!));
  });

  it('gives the role every document names all 10,000 documents, spread over the bodies of their places', () => {
    const education = site.units.roles.find((r) => r.name === '市教育局');
    expect(education).toBeDefined();
    expect(education!.documents).toBe(N);
    for (const body of education!.bodies) expect(new Set(body.documents.map((d) => d.doc.place)).size).toBe(1);
  });
});
