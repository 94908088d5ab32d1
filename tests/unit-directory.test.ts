import { describe, expect, it } from 'vitest';
import { buildUnitDirectory, roleNamer, rolesOf } from '../src/lib/unit-directory.ts';
import { loadRoleNamer } from '../src/site/vocab.ts';
import { FIXTURE_POLICIES, loadPolicies } from './support/fixtures.ts';

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

describe('rolesOf', () => {
  const m = (units: string[], leadUnits: string[]) => ({ id: 'm1', number: '1.', title: 't', section: null, units, leadUnits, supportUnits: [] });
  it('marks lead and support where the document distinguishes them', () => {
    expect(rolesOf(m(['市教育局', '市财政局'], ['市教育局']))).toEqual([
      ['市教育局', 'lead'],
      ['市财政局', 'support'],
    ]);
  });
  it('counts every unit as 责任单位 when the document makes no distinction', () => {
    expect(rolesOf(m(['市教育局', '市财政局'], []))).toEqual([
      ['市教育局', 'responsible'],
      ['市财政局', 'responsible'],
    ]);
  });
});

describe('buildUnitDirectory', () => {
  const docs = loadPolicies(FIXTURE_POLICIES);
  const dir = buildUnitDirectory(docs, loadRoleNamer());
  const unit = (name: string) => dir.units.find((u) => u.name === name)!;

  it('gathers 泉州市教育局 and 靖江市教育局 under 市教育局, keeping the names each document uses', () => {
    const edu = unit('市教育局');
    expect(edu.documents.map((d) => d.doc.slug)).toEqual([
      'jingjiang-2022-huibao',
      'quanzhou-2023-jiaoyu-gongzuo-yaodian',
      'quanzhou-2021-jiaoyu-gongzuo-yaodian',
    ]);
    expect(edu.documents[0]!.names).toEqual(['靖江市教育局']);
    expect(edu.documents[1]!.names).toEqual(['市教育局', '泉州市教育局']);
  });
  it('counts measures by role and issued documents', () => {
    expect(unit('市教育局').counts).toEqual({ lead: 1, support: 0, responsible: 2, issuer: 3 });
    expect(unit('市财政局').counts).toEqual({ lead: 0, support: 1, responsible: 0, issuer: 0 });
  });
  it("takes the measures without units of a document the unit issued as the unit's own duties", () => {
    const quanzhou = unit('市教育局').documents.find((d) => d.doc.slug === 'quanzhou-2023-jiaoyu-gongzuo-yaodian')!;
    expect(quanzhou.issued).toBe(true);
    expect(quanzhou.ownDuties.map((m) => m.id)).toEqual(['m3']);
    expect(unit('市教育局').ownDuties).toBe(3);
  });
  it('lists co-responsible units, most shared first, then in pinyin order', () => {
    expect(unit('市教育局').coUnits.map((c) => [c.name, c.measures])).toEqual([
      ['市财政局', 1],
      ['市人社局', 1],
      ['市卫健委', 1],
      ['市住建局', 1],
    ]);
  });
  it('has one page per slug and sorts units by pinyin', () => {
    expect(dir.bySlug.get(unit('市教育局').slug)).toEqual([unit('市教育局')]);
    const names = dir.units.map((u) => u.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'zh-CN')));
  });
  it('leaves a document without issuer and units out of every unit', () => {
    expect(dir.units.some((u) => u.documents.some((d) => d.doc.slug === 'weizhuming-fayan'))).toBe(false);
  });
});
