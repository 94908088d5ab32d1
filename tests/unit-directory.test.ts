import { describe, expect, it } from 'vitest';
import { bodySlug, buildUnitDirectory, roleNamer, rolesOf } from '../src/index/unit-directory.ts';
import { loadRoleNamer, loadSiteVocabulary, loadUnitNamer } from '../src/astro/vocab.ts';
import { buildComparisons } from '../src/data-api/comparison-data.ts';
import { listFile } from '../src/data-api/data-files.ts';
import { policyFilters } from '../src/search/facets.ts';
import { buildSiteIndex } from '../src/index/site-index.ts';
import { FIXTURE_POLICIES, loadPolicies } from './support/fixtures.ts';
import { docSlug } from '../src/format/ids.ts';

describe('roleNamer over the gazetteer', () => {
  const roleOf = loadRoleNamer();
  it.each([
    ['济源市教育局', '市教育局'],
    ['靖江市教育局', '市教育局'],
    ['镇江市教育局', '市教育局'],
    ['河南省济源市教育局', '市教育局'],
    ['泉州市财政局', '市财政局'],
    ['海陵区教育局', '区教育局'],
    ['市中区教育局', '区教育局'],
    ['沛县教育局', '县教育局'],
    ['xx市教育局', '市教育局'],
    ['××县财政局', '县财政局'],
    ['中共济源市委教育工委', '中共市委教育工委'],
    ['济源市教育和体育局', '市教体局'],
    ['济源市人力资源和社会保障局', '市人社局'],
  ])('groups %s under %s', (name, role) => {
    expect(roleOf(name)).toBe(role);
  });
  it.each([
    ['市教育局'],
    ['市财政局'],
    ['县教育局'],
    ['团市委'],
    ['市委编办'],
    ['各乡镇（街道）人民政府（办事处）'],
    ['教师进修学校'],
    ['南翼集团'],
    ['城市管理局'],
    ['济源市'],
  ])('keeps %s as it is', (name) => {
    expect(roleOf(name)).toBe(name);
  });
});

describe('roleNamer', () => {
  it('strips only leading places and keeps their level', () => {
    const roleOf = roleNamer(new Set(['甲市', '乙县', '丙省']));
    expect(roleOf('丙省甲市教育局')).toBe('市教育局');
    expect(roleOf('乙县教育局')).toBe('县教育局');
    expect(roleOf('教育局甲市分局')).toBe('教育局甲市分局');
  });
  it('leaves a name alone when the place gives no level (a 街道)', () => {
    expect(roleNamer(new Set(['某街道']))('某街道办事处')).toBe('某街道办事处');
  });
  it('applies the alias table to the role name', () => {
    expect(roleNamer(new Set(['甲市']), { 市教育和体育局: '市教体局' })('甲市教育和体育局')).toBe('市教体局');
  });
});

describe('unitNamer: the body a name stands for in a document', () => {
  const { body } = loadUnitNamer();
  const jiyuan = { slug: 'jiyuan-2018', city: '济源市', province: '河南省' };
  const hailing = { slug: 'hailing-2020', city: '海陵区', province: '江苏省' };
  const anonymous = { slug: 'fangan', city: null, province: '福建省' };
  it.each([
    ['济源市教育局', jiyuan, '济源市教育局', '济源市', '名称写明'],
    ['市财政局', jiyuan, '济源市财政局', '济源市', '文件地区（济源市）'],
    ['泉州市教育局', jiyuan, '泉州市教育局', '泉州市', '名称写明'],
    ['河南省济源市教育局', jiyuan, '济源市教育局', '济源市', '名称写明'],
    ['市人力资源和社会保障局', jiyuan, '济源市人社局', '济源市', '文件地区（济源市）'],
    ['济源市人力资源和社会保障局', jiyuan, '济源市人社局', '济源市', '名称写明'],
    ['市市场监管局', jiyuan, '济源市市场监管局', '济源市', '文件地区（济源市）'],
    ['中共市委教育工委', jiyuan, '中共济源市委教育工委', '济源市', '文件地区（济源市）'],
    ['省教育厅', jiyuan, '河南省教育厅', '河南省', '文件地区（河南省）'],
    ['区教育局', hailing, '海陵区教育局', '海陵区', '文件地区（海陵区）'],
    ['教师进修学校', jiyuan, '教师进修学校（济源市）', '济源市', '文件地区（济源市）'],
    ['团市委', jiyuan, '团市委（济源市）', '济源市', '文件地区（济源市）'],
  ])('reads %s in a document of %o as %s', (name, doc, full, place, from) => {
    expect(body(name, doc)).toMatchObject({ key: full, name: full, place, scope: null, placeFrom: from });
  });
  it('gives 济源市教育局 and 市教育局 of a 济源 document one body, and the role 市教育局', () => {
    expect(body('市教育局', jiyuan).key).toBe(body('济源市教育局', jiyuan).key);
    expect(body('市教育局', jiyuan).role).toBe('市教育局');
    expect(body('靖江市教育局', jiyuan).role).toBe('市教育局');
  });
  it('keeps a name without place in a document of unknown place to that document', () => {
    const a = body('市教育局', anonymous);
    expect(a).toMatchObject({ name: '市教育局', place: null, scope: 'fangan', role: '市教育局', placeFrom: null });
    expect(body('市教育局', { ...anonymous, slug: 'other' }).key).not.toBe(a.key);
    expect(a.key).not.toBe(body('市教育局', jiyuan).key);
    expect(body('教师进修学校', anonymous).scope).toBe('fangan');
  });
  it('gives a level only the document’s place of that level: not 县教育局 in a city’s document', () => {
    expect(body('县教育局', jiyuan)).toMatchObject({ place: null, scope: 'jiyuan-2018' });
    // The province is known, so 省教育厅 is that province's.
    expect(body('省教育厅', anonymous)).toMatchObject({ name: '福建省教育厅', place: '福建省' });
  });
  it('keeps anonymised places (xx市) to their document', () => {
    expect(body('xx市教育局', jiyuan)).toMatchObject({ name: 'xx市教育局', place: null, scope: 'jiyuan-2018' });
  });
  it('gives a body of unknown place a page of its own document', () => {
    expect(bodySlug(body('市教育局', anonymous))).toBe('shi-jiaoyuju-fangan');
    expect(bodySlug(body('市教育局', jiyuan))).toBe(bodySlug(body('济源市教育局', jiyuan)));
  });
});

describe('rolesOf', () => {
  const m = (units: string[], leadUnits: string[], supportUnits?: string[]) => ({ id: 'm1', number: '1.', title: 't', section: null, units, leadUnits, supportUnits: supportUnits ?? [] });
  it('marks lead and support units as the document names them', () => {
    expect(rolesOf(m(['市教育局', '市财政局', '市人社局'], ['市教育局'], ['市财政局']))).toEqual([
      ['市教育局', 'lead'],
      ['市财政局', 'support'],
      ['市人社局', 'responsible'],
    ]);
  });
  it('does not take the units after a lead unit as supporting unless the document says 配合', () => {
    expect(rolesOf(m(['市教育局', '市财政局'], ['市教育局']))).toEqual([
      ['市教育局', 'lead'],
      ['市财政局', 'responsible'],
    ]);
  });
  it('counts every unit of a plain list as 责任单位, the first one too', () => {
    expect(rolesOf(m(['市教育局', '市财政局'], []))).toEqual([
      ['市教育局', 'responsible'],
      ['市财政局', 'responsible'],
    ]);
  });
});

type Doc = ReturnType<typeof loadPolicies>[number];
function crafted(slug: string, city: string | null, measures: { units: string[]; leadUnits?: string[]; supportUnits?: string[] }[], issuer: string | null = null): Doc {
  const base = loadPolicies(FIXTURE_POLICIES)[0]!;
  return {
    slug: docSlug(slug),
    body: '',
    data: {
      ...base.data,
      title: `${slug} 文件`,
      issuer,
      city,
      province: null,
      goals: [],
      targets: [],
      measures: measures.map((m, i) => ({ id: `m${i + 1}`, number: `${i + 1}.`, title: `措施${i + 1}`, section: null, units: m.units, leadUnits: m.leadUnits ?? [], ...(m.supportUnits ? { supportUnits: m.supportUnits } : {}) })),
    } as Doc['data'],
  };
}

describe('buildUnitDirectory', () => {
  const docs = loadPolicies(FIXTURE_POLICIES);
  const dir = buildUnitDirectory(docs, loadUnitNamer().body);
  const unit = (name: string) => dir.units.find((u) => u.name === name)!;

  it('keeps 泉州市教育局 and 靖江市教育局 apart, each with the names its documents use', () => {
    const quanzhou = unit('泉州市教育局');
    expect(quanzhou.documents.map((d) => d.doc.slug)).toEqual(['quanzhou-2023-jiaoyu-gongzuo-yaodian', 'quanzhou-2021-jiaoyu-gongzuo-yaodian']);
    expect(quanzhou.documents[0]!.names).toEqual(['市教育局', '泉州市教育局']);
    expect(unit('靖江市教育局').documents.map((d) => d.doc.slug)).toEqual(['jingjiang-2022-huibao']);
    expect(dir.units.some((u) => u.name === '市教育局')).toBe(false);
  });
  it('counts measures by role and issued documents: a unit after a lead unit is responsible, not supporting', () => {
    expect(unit('泉州市教育局').counts).toEqual({ lead: 1, support: 0, responsible: 2, issuer: 2 });
    expect(unit('泉州市财政局').counts).toEqual({ lead: 0, support: 0, responsible: 1, issuer: 0 });
    expect(unit('靖江市教育局').counts).toEqual({ lead: 0, support: 0, responsible: 0, issuer: 1 });
  });
  it("takes the measures without units of a document the unit issued as the unit's own duties", () => {
    const quanzhou = unit('泉州市教育局').documents.find((d) => d.doc.slug === 'quanzhou-2023-jiaoyu-gongzuo-yaodian')!;
    expect(quanzhou.issued).toBe(true);
    expect(quanzhou.ownDuties.map((m) => m.id)).toEqual(['m3']);
    expect(unit('泉州市教育局').tasks).toBe(3 + unit('泉州市教育局').ownDuties);
  });
  it('lists co-responsible bodies, most shared first, then in pinyin order', () => {
    expect(unit('泉州市教育局').coUnits.map((c) => [c.name, c.measures])).toEqual([
      ['泉州市财政局', 1],
      ['泉州市人社局', 1],
      ['泉州市卫健委', 1],
      ['泉州市住建局', 1],
    ]);
  });
  it('orders the directory by tasks, then documents, then pinyin', () => {
    const weights = dir.units.map((u) => [u.tasks, u.documents.length]);
    for (let i = 1; i < weights.length; i++) {
      const [t0, d0] = weights[i - 1]!;
      const [t1, d1] = weights[i]!;
      expect(t0! > t1! || (t0 === t1 && d0! >= d1!)).toBe(true);
    }
    expect(dir.units[0]!.name).toBe('泉州市教育局');
  });
  it('gathers the bodies of one role across places on the role page', () => {
    const role = dir.roles.find((r) => r.name === '市教育局')!;
    expect(role.bodies.map((b) => b.name)).toEqual(['泉州市教育局', '靖江市教育局']);
    expect(role.tasks).toBe(role.bodies.reduce((n, b) => n + b.tasks, 0));
    expect(dir.roleBySlug.get(role.slug)).toEqual([role]);
  });
  it('offers each place with its bodies as a filter', () => {
    expect(dir.places.map((p) => p.label)).toEqual(['靖江市', '泉州市']);
    expect(dir.places.find((p) => p.label === '泉州市')!.units.every((u) => u.place === '泉州市')).toBe(true);
  });
  it('leaves a document without issuer and units out of every unit', () => {
    expect(dir.units.some((u) => u.documents.some((d) => d.doc.slug === 'weizhuming-fayan'))).toBe(false);
  });

  it('never merges the 市教育局 of two documents of unknown place, and lists both on the role page', () => {
    const crafted2 = buildUnitDirectory(
      [crafted('a-doc', null, [{ units: ['市教育局'] }]), crafted('b-doc', null, [{ units: ['市教育局', '市财政局'] }]), crafted('c-doc', '济源市', [{ units: ['市教育局'] }])],
      loadUnitNamer().body,
    );
    const edu = crafted2.units.filter((u) => u.role === '市教育局');
    expect(edu.map((u) => [u.label, u.place, u.documents.length])).toEqual([
      ['济源市教育局', '济源市', 1],
      ['市教育局（a-doc 文件）', null, 1],
      ['市教育局（b-doc 文件）', null, 1],
    ]);
    expect(crafted2.roles.find((r) => r.name === '市教育局')!.bodies).toHaveLength(3);
    expect(crafted2.places.map((p) => p.label)).toEqual(['济源市', '未注明']);
  });

  it('counts a measure once per body, by the most precise role the document gives', () => {
    const d = buildUnitDirectory(
      [crafted('jy', '济源市', [{ units: ['济源市教育局', '市教育局', '市财政局'], leadUnits: ['济源市教育局'], supportUnits: ['市财政局'] }, { units: ['市教育局', '市财政局'], supportUnits: ['市教育局'] }])],
      loadUnitNamer().body,
    );
    const edu = d.units.find((u) => u.name === '济源市教育局')!;
    expect(edu.counts).toEqual({ lead: 1, support: 1, responsible: 0, issuer: 0 });
    expect(edu.documents[0]!.names).toEqual(['济源市教育局', '市教育局']);
    expect(d.units.find((u) => u.name === '济源市财政局')!.counts).toEqual({ lead: 0, support: 1, responsible: 1, issuer: 0 });
  });
});

describe('units of the sample documents', () => {
  const vocab = loadSiteVocabulary();
  const site = buildSiteIndex(loadPolicies('content/policies'), vocab);
  const ctx = { site, comparisons: buildComparisons(site, { themes: vocab.themes.themes }), origin: 'https://kb.example', bodyOf: vocab.bodyOf };
  const byLabel = (label: string) => site.units.units.find((u) => u.label === label)!;
  const FANGAN = '关于进一步统筹推进义务教育优质均衡发展实施方案';

  // Counted by reading: no sample document marks 牵头 or 配合; only the 实施方案 writes 责任单位 lines
  // (22 measures, every one naming 市教育局; 财政局 in 12 of them; 各乡镇（街道）人民政府 in 7), and it
  // names no city. 济源 2018, 靖江 2022 and the 2024 务虚会 name no unit in their measures: their
  // measures are the issuer's own duties (36, 21, 18). The 2023 speech names no issuer.
  it('makes 牵头, 配合 and 责任单位 what the documents say', () => {
    for (const u of site.units.units) expect([u.label, u.counts.lead, u.counts.support]).toEqual([u.label, 0, 0]);
    expect(byLabel(`市教育局（${FANGAN}）`).counts).toEqual({ lead: 0, support: 0, responsible: 22, issuer: 0 });
    expect(byLabel(`市财政局（${FANGAN}）`).counts.responsible).toBe(12);
    expect(byLabel(`各乡镇（街道）人民政府（办事处）（${FANGAN}）`).counts.responsible).toBe(7);
    expect(byLabel('济源市教育局')).toMatchObject({ place: '济源市', ownDuties: 36, tasks: 36, counts: { lead: 0, support: 0, responsible: 0, issuer: 1 } });
    expect(byLabel('靖江市教育局')).toMatchObject({ place: '靖江市', ownDuties: 21, tasks: 21 });
    // The 务虚 paper names no place: its issuer is unknown (a bare 市教育局 is no issuer), so no body owns its 18 measures.
    expect(site.units.units.find((u) => u.label === '市教育局（市教育局2024年务虚会议材料）')).toBeUndefined();
  });

  it('never merges 济源市教育局, 靖江市教育局 and the unnamed 市教育局 of the 实施方案: three bodies of one role', () => {
    const role = site.units.roles.find((r) => r.name === '市教育局')!;
    expect(role.bodies.map((b) => b.label)).toEqual(['济源市教育局', `市教育局（${FANGAN}）`, '靖江市教育局']);
  });

  it('puts the units that carry most first, not 各乡镇 by pinyin', () => {
    expect(site.units.units.slice(0, 3).map((u) => u.label)).toEqual(['济源市教育局', `市教育局（${FANGAN}）`, '靖江市教育局']);
  });

  it('gives every unit one count of documents on its page, in the search filter and in the data file', () => {
    const facet = new Map<string, number>();
    for (const view of site.policies.values()) {
      for (const [name, value] of policyFilters(view)) if (name === '责任单位') facet.set(value, (facet.get(value) ?? 0) + 1);
    }
    const data = JSON.parse(listFile(ctx, 'units', 'json').body) as { items: { label: string; documents: number }[] };
    expect(data.items).toHaveLength(site.units.units.length);
    for (const u of site.units.units) {
      expect([u.label, facet.get(u.label)]).toEqual([u.label, u.documents.length]);
      expect(data.items.find((i) => i.label === u.label)!.documents).toBe(u.documents.length);
    }
    expect(facet.size).toBe(site.units.units.length);
    expect(facet.get('济源市教育局')).toBe(1);
  });
});
