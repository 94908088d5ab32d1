/**
 * Search that means what it says: a Chinese query is looked for as written first, partial matches
 * apart; lone characters are never marked; unit and theme names are found by name; the 责任单位
 * filter narrows a document's parts to that unit's measures.
 */
import { describe, expect, it } from 'vitest';
import { asWrittenQuery, runSearch } from '../src/search/run.ts';
import { anchorsOfUnits, decodeUnitMeasures, dropScatteredMarks, encodeUnitMeasures, toResultView, type PagefindApi, type PagefindResultData } from '../src/search/results.ts';
import { matchNames, parseNames, type NameEntry } from '../src/search/names.ts';

describe('asWrittenQuery', () => {
  it.each([
    ['课后服务', '"课后服务"'],
    ['课后服务 经费', '"课后服务" "经费"'],
    ['课后服务 2023', '"课后服务" 2023'],
    ['"课后服务"', null],
    ['学', null],
    ['STEM', null],
  ])('%s → %s', (q, want) => expect(asWrittenQuery(q)).toBe(want));
});

describe('dropScatteredMarks', () => {
  it('unmarks single characters but keeps marked words', () => {
    expect(dropScatteredMarks('开设<mark>课</mark>程，建设<mark>服</mark>务型机关')).toBe('开设课程，建设服务型机关');
    expect(dropScatteredMarks('开展<mark>课后服务</mark>工作')).toBe('开展<mark>课后服务</mark>工作');
  });
});

function data(over: Partial<PagefindResultData>): PagefindResultData {
  return { url: '/policies/a/', content: '', excerpt: '', meta: { title: 'A' }, filters: {}, sub_results: [], word_count: 0, ...over };
}

describe('toResultView', () => {
  it('never shows lone marked characters for a query of words', () => {
    const view = toResultView(data({ content: '开设课程。建设服务型机关。', excerpt: '开设<mark>课</mark>程，建设<mark>服务</mark>型机关' }), '课后服务');
    expect(view.excerptHtml).toBe('开设课程，建设<mark>服务</mark>型机关');
    expect(view.missing).toEqual(['课后服务']);
  });

  it('with a unit chosen, shows only the parts at that unit’s measures', () => {
    const sub = (id: string) => ({ title: id, url: `/policies/a/#${id}`, excerpt: '落实<mark>经费</mark>', anchor: { element: 'h3', id, text: id, location: 0 } });
    const d = data({ content: '落实经费', sub_results: [sub('m1'), sub('m2'), sub('m3')], meta: { title: 'A', unitMeasures: '市财政局:m2;市教育局:m1,m3' } });
    const only = anchorsOfUnits(d.meta.unitMeasures, ['市财政局']);
    expect(toResultView(d, '经费', 4, only).subResults.map((s) => s.anchor)).toEqual(['m2']);
    expect(toResultView(d, '经费', 4, null).subResults.map((s) => s.anchor)).toEqual(['m1', 'm2', 'm3']);
    expect(anchorsOfUnits(d.meta.unitMeasures, undefined)).toBeNull();
  });

  it('unit measures survive the round trip through the page meta', () => {
    const byUnit = new Map([['市财政局', ['m2', 'm9']], ['各县（市、区）政府', ['m1']]]);
    expect(decodeUnitMeasures(encodeUnitMeasures(byUnit))).toEqual(new Map([['市财政局', ['m2', 'm9']], ['各县（市、区）政府', ['m1']]]));
  });
});

/** A Pagefind stand-in over a few pages: a phrase must occur as written, loose words anywhere. */
function fakePagefind(pages: Record<string, string>): PagefindApi {
  const result = (id: string) => ({ id, score: 1, data: async () => data({ url: `/policies/${id}/`, content: pages[id]!, meta: { title: id } }) });
  return {
    options: async () => undefined,
    init: async () => undefined,
    preload: async () => undefined,
    filters: async () => ({}),
    search: async (term) => {
      const q = term ?? '';
      const phrases = [...q.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
      const loose = q.replace(/"[^"]*"/g, ' ').split(/\s+/).filter(Boolean);
      const ids = Object.keys(pages).filter((id) => {
        const text = pages[id]!;
        // Loose words match when each of their characters occurs somewhere (as Pagefind's cut words do).
        return phrases.every((p) => text.includes(p)) && loose.every((w) => [...w].every((c) => text.includes(c)));
      });
      return { results: ids.map(result), unfilteredResultCount: ids.length, filters: {}, totalFilters: {} };
    },
  };
}

describe('runSearch of a Chinese query without quotes', () => {
  it('lists the documents that say it as written, and the ones with only its characters apart', async () => {
    const api = fakePagefind({ a: '全面开展课后服务。', b: '开设课程，今后建设服务型机关。', c: '课后服务全覆盖。' });
    const out = await runSearch(api, { q: '课后服务', filters: {}, sort: 'relevance' });
    expect(out.results.map((r) => r.id)).toEqual(['a', 'c']);
    expect(out.partial.map((r) => r.id)).toEqual(['b']);
  });

  it('leaves a quoted query as it was: no partial list', async () => {
    const api = fakePagefind({ a: '全面开展课后服务。', b: '开设课程，建设服务型机关。' });
    const out = await runSearch(api, { q: '"课后服务"', filters: {}, sort: 'relevance' });
    expect(out.results.map((r) => r.id)).toEqual(['a']);
    expect(out.partial).toEqual([]);
  });
});

describe('runSearch of a phrase the index cut otherwise, for a first screen', () => {
  // Pagefind's phrase search misses pages whose words its index cut otherwise (the fake: every
  // page but p0 and p5); the loose search finds them, and their text tells which say the phrase.
  const pages: Record<string, string> = Object.fromEntries(
    Array.from({ length: 12 }, (_, i) => [`p${i}`, i % 3 === 1 ? '控制辍学，保障学位。' : '做好控辍保学工作。']),
  );
  function api(): { api: PagefindApi; fetched: string[] } {
    const fetched: string[] = [];
    const base = fakePagefind(pages);
    return {
      fetched,
      api: {
        ...base,
        search: async (term, o) => {
          const r = await base.search(term, o);
          const phrase = /"/.test(term ?? '');
          const results = r.results
            .filter((x) => !phrase || x.id === 'p0' || x.id === 'p5')
            .map((x) => ({ ...x, data: async () => (fetched.push(x.id), x.data()) }));
          return { ...r, results };
        },
      },
    };
  }
  const state = { q: '控辍保学', filters: {}, sort: 'date-desc' as const };

  it('checks the pages in list order only until the screen is full, and says the rest is pending', async () => {
    const { api: first, fetched } = api();
    const out = await runSearch(first, state, 3);
    // p1 does not say it (控制辍学…); p0 and p5 the phrase search found.
    expect(out.results.slice(0, 3).map((r) => r.id)).toEqual(['p0', 'p2', 'p3']);
    expect(out.pending).toBe(true);
    expect(out.partial).toEqual([]);
    expect(fetched.sort()).toEqual(['p1', 'p2', 'p3']);

    const { api: all, fetched: allFetched } = api();
    const full = await runSearch(all, state);
    expect(full.pending).toBe(false);
    expect(full.results.map((r) => r.id)).toEqual(['p0', 'p2', 'p3', 'p5', 'p6', 'p8', 'p9', 'p11']);
    expect(full.partial.map((r) => r.id)).toEqual(['p1', 'p4', 'p7', 'p10']);
    expect(allFetched).toHaveLength(10);
  });
});

describe('matchNames', () => {
  const entries: NameEntry[] = [
    { kind: 'unit', name: '市财政局', href: '/units/shi-caizhengju/', weight: 9 },
    { kind: 'unit', name: '市教育局', href: '/units/shi-jiaoyuju/', weight: 40 },
    { kind: 'unit', name: '济源市教育局', href: '/units/jiyuan/', weight: 20 },
    { kind: 'theme', name: '消除大班额', href: '/goals/da-ban-e/', weight: 12 },
    { kind: 'theme', name: '课后服务', href: '/goals/kehou/', weight: 8 },
  ];
  it('finds a theme by a word of its name, and a unit by its name', () => {
    expect(matchNames(entries, '大班额').map((e) => e.name)).toEqual(['消除大班额']);
    expect(matchNames(entries, '课后服务').map((e) => e.name)).toEqual(['课后服务']);
    expect(matchNames(entries, '市财政局').map((e) => e.name)).toEqual(['市财政局']);
  });
  it('puts the exact name first, then the one that carries most', () => {
    expect(matchNames(entries, '教育局').map((e) => e.name)).toEqual(['市教育局', '济源市教育局']);
    expect(matchNames(entries, '济源市教育局 经费').map((e) => e.name)).toEqual(['济源市教育局']);
  });
  it('finds nothing for an empty query, and drops malformed or off-site entries', () => {
    expect(matchNames(entries, '  ')).toEqual([]);
    expect(parseNames([{ kind: 'unit', name: 'x', href: 'javascript:alert(1)', weight: 1 }, { kind: 'theme', name: 'y', href: '//evil/', weight: 1 }, entries[0]])).toEqual([entries[0]]);
  });
});
