import { describe, expect, it } from 'vitest';
import { groupByPlace, PLACE_PAGE_LIMIT, placeSlug, regionOf, splitsByPlace } from '../src/index/place-pages.ts';
import { buildSiteIndex } from '../src/index/site-index.ts';
import { themePlacePages } from '../src/index/theme-index.ts';
import { loadSiteVocabulary } from '../src/astro/vocab.ts';
import { syntheticPolicies } from './support/synthetic.ts';

describe('regionOf', () => {
  it('is the province, else the place', () => {
    expect(regionOf({ province: '河南省', place: '济源市' })).toBe('河南省');
    expect(regionOf({ province: null, place: '未注明' })).toBe('未注明');
  });
});

describe('groupByPlace', () => {
  it('keeps the order places first appear in, one group per place slug, 未注明 on its own page', () => {
    const groups = groupByPlace(['靖江市', '济源市', '未注明', '济源市'], (p) => p);
    expect(groups.map((g) => [g.slug, g.places, g.items.length])).toEqual([
      [placeSlug('靖江市'), ['靖江市'], 1],
      [placeSlug('济源市'), ['济源市'], 2],
      ['weizhuming', ['未注明'], 1],
    ]);
    // Whatever the pinyin does, two places never end up on two pages of one slug.
    const many = groupByPlace(['泰州市', '台州市', '济源市', '靖江市'], (p) => p);
    expect(new Set(many.map((g) => g.slug)).size).toBe(many.length);
  });

  it(`splits a page only above ${PLACE_PAGE_LIMIT} documents`, () => {
    expect(splitsByPlace(PLACE_PAGE_LIMIT)).toBe(false);
    expect(splitsByPlace(PLACE_PAGE_LIMIT + 1)).toBe(true);
  });
});

describe('place pages of a large base', () => {
  const site = buildSiteIndex(syntheticPolicies(300), loadSiteVocabulary());

  it('keeps a busy body to one place, so its page needs no split by place', () => {
    const unit = [...site.units.units].sort((a, b) => b.documents.length - a.documents.length)[0]!;
    expect(new Set(unit.documents.map((d) => d.doc.place)).size).toBe(1);
  });

  it('gives every document of a busy theme to one place page, with its measures', () => {
    const entry = [...site.themes].sort((a, b) => b.counts.documents - a.counts.documents)[0]!;
    const pages = themePlacePages(entry);
    expect(pages.reduce((n, p) => n + p.documents, 0)).toBe(entry.counts.documents);
    expect(pages.reduce((n, p) => n + p.measures, 0)).toBe(entry.counts.measures);
  });
});
