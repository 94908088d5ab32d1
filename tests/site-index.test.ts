import { describe, expect, it } from 'vitest';
import { buildSiteIndex, describeReasons, goalsByDocument, homeView } from '../src/index/site-index.ts';
import { loadSiteVocabulary } from '../src/astro/vocab.ts';
import { FIXTURE_POLICIES, loadPolicies } from './support/fixtures.ts';
import { docSlug } from '../src/format/ids.ts';

const docs = loadPolicies(FIXTURE_POLICIES);
const site = buildSiteIndex(docs, { ...loadSiteVocabulary(), hasSource: (file) => file === 'quanzhou-2023.txt' });
const view = (slug: string) => site.policies.get(slug)!;

describe('buildSiteIndex', () => {
  it('counts what is in the base', () => {
    expect(site.stats).toMatchObject({ documents: 4, cities: 2, years: 2, measures: 7, targets: 2, firstYear: 2021, lastYear: 2023 });
  });
  it('assigns themes to measures from their title and text', () => {
    const goals = view('quanzhou-2023-jiaoyu-gongzuo-yaodian').goals;
    const themesOf = (id: string) => goals.flatMap((g) => g.measures).find((m) => m.measure.id === id)!.themes.map((t) => t.name);
    expect(themesOf('m1')).toContain('消除大班额');
    expect(themesOf('m2')).toContain('课后服务');
    expect(themesOf('m3')).toContain('教师交流轮岗');
  });
  it("follows the editor's themes in the frontmatter and reports the ones that do not exist", () => {
    expect(view('quanzhou-2021-jiaoyu-gongzuo-yaodian').themes.map((t) => t.slug)).toEqual(['xuesheng-xinli-jiankang']);
    expect(site.problems).toEqual([
      expect.stringContaining('content/policies/quanzhou-2021-jiaoyu-gongzuo-yaodian.md: measure "m1" lists theme "no-such-theme"'),
    ]);
  });
  it('does not read the units of a responsibility line as what the measure does', () => {
    const base = docs.find((d) => d.slug === 'quanzhou-2023-jiaoyu-gongzuo-yaodian')!;
    const m = { id: 'm1', number: '1.', title: '做好年度工作', section: null, units: ['市学生资助中心'], leadUnits: [], supportUnits: [] };
    const doc = { slug: docSlug('x'), data: { ...base.data, goals: [], targets: [], measures: [m] }, body: '### 1\\. 做好年度工作 {#m1}\n\n按计划推进。\n\n责任单位:市学生资助中心\n' };
    const one = buildSiteIndex([doc], loadSiteVocabulary());
    expect(one.policies.get('x')!.looseMeasures[0]!.themes).toEqual([]);
  });
  it('lists each theme by place and year across documents', () => {
    const dabane = site.themes.find((t) => t.theme.name === '消除大班额')!;
    expect(dabane.places.map((p) => [p.place, p.years.map((y) => y.label)])).toEqual([
      ['靖江市', ['2023']],
      ['泉州市', ['2023']],
    ]);
    expect(dabane.counts).toEqual({ places: 2, documents: 2, measures: 2, targets: 1 });
    const m1 = dabane.places[1]!.years[0]!.documents[0]!.measures[0]!;
    expect(m1.units.map((u) => u.roleName)).toEqual(['市教育局', '市财政局', '市住建局']);
    expect(m1.targets.map((t) => t.anchor)).toEqual(['target-1']);
  });
  it('relates documents of the same city and links the same issuer of other years', () => {
    const v = view('quanzhou-2023-jiaoyu-gongzuo-yaodian');
    expect(v.related[0]).toMatchObject({ doc: { slug: 'quanzhou-2021-jiaoyu-gongzuo-yaodian' } });
    expect(v.related[0]!.reason).toMatch(/同一地区：泉州市$/);
    expect(v.sameIssuer.map((d) => d.slug)).toEqual(['quanzhou-2021-jiaoyu-gongzuo-yaodian']);
  });
  it('publishes only the source files that are there', () => {
    expect(site.sources).toEqual(['quanzhou-2023.txt']);
    expect(view('jingjiang-2022-huibao').sourceFile).toBeNull();
  });
  it('gives Pagefind a sortable date with zeros for unknown parts', () => {
    expect(view('quanzhou-2021-jiaoyu-gongzuo-yaodian').sortDate).toBe('2021-02-00');
    expect(view('weizhuming-fayan').sortDate).toBe('0000-00-00');
  });
  it('builds a table of contents with measures marked', () => {
    expect(view('quanzhou-2023-jiaoyu-gongzuo-yaodian').toc.map((n) => [n.id, n.children.map((c) => c.id)])).toEqual([
      ['s1', ['m1', 'm2']],
      ['s2', ['m3']],
    ]);
  });
  it('keeps measures outside any goal apart', () => {
    expect(view('weizhuming-fayan').looseMeasures.map((m) => m.measure.id)).toEqual(['m1']);
  });
});

describe('homeView and goalsByDocument', () => {
  it('shows the newest documents and the heads of the indexes', () => {
    const home = homeView(site, 2);
    expect(home.newest.map((d) => d.slug)).toEqual(['jingjiang-2022-huibao', 'quanzhou-2023-jiaoyu-gongzuo-yaodian']);
    expect(home.cities.map((v) => v.label)).toEqual(['泉州市', '靖江市']);
    expect(home.units[0]!.name).toBe('泉州市教育局');
    expect(home.deadlines).toEqual([
      { label: '2024', year: 2024, count: 1 },
      { label: '2025', year: 2025, count: 1 },
    ]);
  });
  it('lists the documents that state goals, newest first', () => {
    expect(goalsByDocument(site).map((d) => [d.doc.slug, d.goals.map((g) => g.measures)])).toEqual([
      ['jingjiang-2022-huibao', [2]],
      ['quanzhou-2023-jiaoyu-gongzuo-yaodian', [2, 1]],
    ]);
  });
});

describe('describeReasons', () => {
  it('says what two documents share, shortening long lists', () => {
    const doc = site.docs[0]!;
    expect(
      describeReasons({ doc, score: 1, reasons: { place: '济源市', themes: ['shuangjian'], units: ['甲', '乙', '丙', '丁'] } }, () => '双减'),
    ).toBe('同一主题：双减；共同责任单位：甲、乙、丙等 4 个；同一地区：济源市');
  });
});
