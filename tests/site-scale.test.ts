/**
 * The site's indexes at 10,000 documents: nothing may be quadratic in the number of documents.
 * The time limit is loose (a 2-core machine); a quadratic step would take minutes.
 */
import { describe, expect, it } from 'vitest';
import { buildSiteIndex } from '../src/lib/site-index.ts';
import { loadSiteVocabulary } from '../src/site/vocab.ts';
import { syntheticPolicies } from './support/synthetic.ts';

describe('the site index at scale', () => {
  it('indexes 10,000 documents of 20 measures each in well under a minute', () => {
    const docs = syntheticPolicies(10_000);
    const vocab = loadSiteVocabulary();
    const started = performance.now();
    const site = buildSiteIndex(docs, vocab);
    const seconds = (performance.now() - started) / 1000;
    expect(site.stats.documents).toBe(10_000);
    expect(site.stats.measures).toBe(200_000);
    expect(site.policies.get('doc-05000')!.related.length).toBeGreaterThan(0);
    expect(seconds).toBeLessThan(45);
  }, 120_000);

  it('grows about linearly: four times the documents take well under sixteen times as long', () => {
    const vocab = loadSiteVocabulary();
    const time = (n: number): number => {
      const docs = syntheticPolicies(n);
      const t = performance.now();
      buildSiteIndex(docs, vocab);
      return performance.now() - t;
    };
    time(500);
    const small = time(1_000);
    const large = time(4_000);
    expect(large / small).toBeLessThan(8);
  }, 120_000);
});
