/**
 * The five sample documents through the whole ingest, checked against what they say.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestText, type Ingested } from '../src/extract/pipeline.ts';
import { loadPlaces, loadUnitAliases } from '../src/ingest/vocab.ts';

const places = loadPlaces();
const aliases = loadUnitAliases();

function ingest(name: string): Ingested {
  const text = readFileSync(`content/sources/${name}`, 'utf8');
  return ingestText(text, { sourceFile: name, places, aliases });
}

const jiyuan = ingest('2018-jiyuan-jiaoyuju-gongzuo-yaodian.txt');
const plan = ingest('shi-yiwu-jiaoyu-youzhi-junheng-shishi-fangan.txt');
const retreat = ingest('2024-shi-jiaoyuju-wuxu-huiyi-cailiao.txt');
const speech = ingest('2023-jiaoyuju-juzhang-luntan-fayan.txt');
const jingjiang = ingest('2023-jingjiang-lvxing-jiaoyu-zhize-huibao.txt');

const measure = (doc: Ingested, title: string) => {
  const m = doc.data.measures.find((x) => x.title === title);
  if (!m) throw new Error(`no measure titled ${title}`);
  return m;
};

describe('济源 2018 工作要点 (portal page)', () => {
  it('reads the portal metadata and qualifies the issuer with the city of the title', () => {
    expect(jiyuan.data).toMatchObject({
      title: '济源市教育局2018年工作要点',
      issuer: '济源市教育局',
      city: '济源市',
      province: '河南省',
      date: '2018-02-05',
      docNumber: '济教〔2018〕1号',
      docType: '工作要点',
    });
  });
  it('has 8 sections as goals and 36 measures numbered through the document', () => {
    expect(jiyuan.data.goals).toHaveLength(8);
    expect(jiyuan.data.goals[0]!.title).toBe('全面从严治党,夯实教育发展根基');
    expect(jiyuan.data.measures).toHaveLength(36);
    expect(jiyuan.data.measures.map((m) => m.number)).toEqual(Array.from({ length: 36 }, (_, i) => `${i + 1}.`));
    expect(jiyuan.data.goals.flatMap((g) => g.measures)).toHaveLength(36);
  });
  it('places measure 23 in its section and finds its rotation target', () => {
    const m = measure(jiyuan, '探索教师管理新机制');
    expect(m.section).toBe('坚持管培并重,加强教师队伍建设');
    expect(jiyuan.data.targets).toContainEqual(expect.objectContaining({ measure: m.id, comparator: '>=', value: 10, unit: '%' }));
  });
  it('finds the 95% enrolment target of special education', () => {
    const m = measure(jiyuan, '提升特殊教育水平');
    expect(jiyuan.data.targets).toContainEqual(expect.objectContaining({ measure: m.id, comparator: '>=', value: 95, unit: '%' }));
  });
  it('keeps the footer and the signature date out of the last measure', () => {
    expect(jiyuan.body).not.toMatch(/ICP|主办|承办/);
    expect(jiyuan.body).toContain('{#m36}');
    expect(jiyuan.body).not.toContain('2018年2月5日');
  });
  it('uses the pinyin of place, year and title for the slug', () => {
    expect(jiyuan.slug).toBe('jiyuan-2018-jiaoyuju-gongzuo-yaodian');
  });
});

describe('义务教育优质均衡 实施方案 (sharing-site capture)', () => {
  it('does not invent a city or a date, and reads the province from 来闽考察', () => {
    expect(plan.data).toMatchObject({
      title: '关于进一步统筹推进义务教育优质均衡发展实施方案',
      city: null,
      date: null,
      docNumber: null,
      docType: '实施方案',
      province: '福建省',
    });
  });
  it('has its four top sections as goals and 22 measures under 工作措施, each with its units', () => {
    expect(plan.data.goals.map((g) => g.title)).toEqual(['指导思想', '工作目标', '工作措施', '工作保障']);
    expect(plan.data.goals[2]!.measures).toHaveLength(22);
    expect(measure(plan, '优化中小学布局规划').section).toBe('科学规划学校布局,优化教育资源均衡配置');
    expect(plan.data.measures).toHaveLength(22);
    for (const m of plan.data.measures) expect(m.units.length, m.title).toBeGreaterThan(0);
  });
  it('normalises the units of measure 7 with the level prefix given once', () => {
    expect(measure(plan, '完善教师编制管理机制').units).toEqual(['市委编办', '市教育局', '市财政局', '市人社局', '市卫健局']);
  });
  it('keeps 各乡镇(街道)人民政府(办事处) as one unit and the company untouched', () => {
    expect(measure(plan, '优化中小学布局规划').units[0]).toMatch(/^各乡镇[(（]街道[)）]人民政府[(（]办事处[)）]$/);
    expect(measure(plan, '加大薄弱项目改造力度').units).toContain('南翼集团');
    expect(measure(plan, '关爱保护农村留守儿童').units).toContain('团市委');
  });
  it('finds the 大班额 targets with their deadline', () => {
    const m = measure(plan, '全面消除大校额和大班额');
    const t = plan.data.targets.filter((x) => x.measure === m.id);
    expect(t).toContainEqual(expect.objectContaining({ comparator: 'eliminate', year: 2025 }));
    expect(t).toContainEqual(expect.objectContaining({ comparator: '<=', value: 10, unit: '%', year: 2025 }));
  });
  it('finds the rotation share not lower than 10%, and 20% for key teachers', () => {
    const m = measure(plan, '深入实施教师“县管校聘”改革');
    const values = plan.data.targets.filter((x) => x.measure === m.id && x.comparator === '>=').map((x) => x.value);
    expect(values).toEqual(expect.arrayContaining([10, 20]));
  });
  it('removes the sharing-site banner and trailer', () => {
    expect(plan.body).not.toMatch(/上传人|由会员分享|展开阅读全文|猜你喜欢|ICP/);
  });
});

describe('2024 务虚 paper (run-on 一是/二是/三是)', () => {
  it('has 6 sections and 18 measures', () => {
    expect(retreat.data.goals).toHaveLength(6);
    expect(retreat.data.measures).toHaveLength(18);
    expect(retreat.data.goals[1]!.title).toBe('坚持质量为本,着力夯实教育主业');
  });
  it('joins the page chunk that cut 主题教育 in two', () => {
    expect(retreat.data.measures.map((m) => m.title)).toContain('深化主题教育学习');
  });
  it('gives no issuer for 市教育局 without a place, and no city', () => {
    expect(retreat.data).toMatchObject({ title: '市教育局2024年务虚会议材料', issuer: null, city: null, province: null, date: '2024', period: { start: 2024, end: 2024 } });
  });
  it('finds the 15% funding increase and skips the masked X figures', () => {
    expect(retreat.data.targets).toContainEqual(expect.objectContaining({ comparator: 'increase', value: 15, unit: '%' }));
    expect(retreat.data.targets.some((t) => /X/.test(t.text) && t.value !== null)).toBe(false);
  });
});

describe('2023 speech (anonymised)', () => {
  it('has three —— sections and takes no anonymised place for a city', () => {
    expect(speech.data.city).toBeNull();
    expect(speech.data.province).toBeNull();
    expect(speech.data.docType).toBe('讲话');
    expect(speech.body.match(/^## /gmu)).toHaveLength(3);
  });
  it('drops the template-site noise', () => {
    expect(speech.body).not.toMatch(/小编|推荐访问|精选推荐|网友投稿/);
  });
});

describe('靖江 2022 duty report (portal table)', () => {
  it('reads the | table of the portal', () => {
    expect(jingjiang.data).toMatchObject({
      title: '靖江市2022年履行教育职责情况汇报',
      issuer: '靖江市教育局',
      city: '靖江市',
      province: '江苏省',
      date: '2023-05-19',
      docNumber: null,
      docType: '汇报',
    });
  });
  it('has four top sections and 一是 measures under (一)…(四) and (一)…(三)', () => {
    expect(jingjiang.body.match(/^## /gmu)).toHaveLength(4);
    expect(jingjiang.data.goals.map((g) => g.title)).toEqual(['基本情况', '主要做法', '自评结果及存在问题', '下一步工作打算']);
    expect(jingjiang.data.measures).toHaveLength(21);
  });
  it('finds the 20% rotation target of the plans for next year', () => {
    expect(jingjiang.data.targets).toContainEqual(expect.objectContaining({ comparator: '>=', value: 20, unit: '%' }));
  });
});

/**
 * Every target the five samples give, read in their texts: each is a number, deadline or state
 * the document sets for the future. A report's results (靖江's 2022 figures, the speech's) and
 * headings that name an action (全面消除大校额和大班额, 加快…推进步伐) must not appear here.
 */
describe('every target of the five samples', () => {
  const row = (t: Ingested['data']['targets'][number]) => [t.measure, t.comparator, t.value, t.unit, t.year, t.yearImplied, t.text];
  it.each<[string, Ingested, unknown[][]]>([
    ['济源 2018 工作要点: the plan year is the implied deadline', jiyuan, [
      ['m22', '>=', 95, '%', 2018, true, '确保适龄残疾儿童少年入学率达到95%以上'],
      ['m23', '>=', 10, '%', 2018, true, '教师交流人数达到应交流教职工总数的10%以上'],
      ['m33', '=', 100, '%', 2018, true, '实施各学段家庭经济困难学生资助全覆盖'],
    ]],
    ['the speech sets none', speech, []],
    ['靖江 report: only the plan for next year', jingjiang, [
      // Not 有序推进今年列入泰州计划13个项目 (m16): it names the projects in hand, 项目 counted in items
      // is no thing to reach; the commitment, 年内项目竣工投用, has no number.
      ['m21', '>=', 20, '%', null, false, '确保全市专任教师、骨干教师流动比例不低于20%'],
    ]],
    ['务虚 paper: the increase planned for next year', retreat, [
      ['m9', 'increase', 15, '%', 2025, false, '计划明年教科研经费和竞赛经费在原定基础上各增长15%'],
    ]],
    ['义务教育优质均衡 实施方案', plan, [
      [null, 'eliminate', null, null, 2027, false, '城镇大班额全面消除'],
      [null, '<=', 2000, '人', 2027, false, '所有小学、初中规模基本不超过2000人'],
      [null, '<=', 2500, '人', 2027, false, '九年一贯制学校、十二年一贯制学校义务教育阶段规模不超过2500人'],
      [null, '>=', 95, '%', 2027, false, '群众对教育的满意度、学校和社会对政府管理义务教育的满意度均达95%以上'],
      ['m2', 'eliminate', null, null, 2025, false, '到2025年基本消除56人及以上大班额'],
      ['m2', '<=', 10, '%', 2025, false, '5155人班额比例控制在10%以内'],
      ['m3', '>=', 80, '%', 2025, false, '全市80%以上中小学校完成“省义务教育学校管理标准化学校”创建工作'],
      ['m4', 'increase', null, null, null, false, '一般公共预算教育支出逐年只增不减'],
      ['m4', 'increase', null, null, null, false, '按在校学生人数平均的一般公共预算教育支出逐年只增不减'],
      ['m5', '>=', 85, '%', 2027, false, '力争生均教学及辅助用房面积、生均体育运动场馆面积达标率达85%'],
      ['m6', '>=', 10, 'M', null, false, '实现全市所有学校班均互联网出口带宽不低于IOM'],
      ['m6', '=', 100, '%', null, false, '实现高速光纤接入和无线网络全覆盖'],
      ['m8', '>=', 10, '%', null, false, '县域内城镇学校、优质学校教师每学年交流轮岗到乡村学校和薄弱学校的比例不低于符合交流条件教师总数的10%'],
      ['m8', '>=', 20, '%', null, false, '其中骨干教师不低于交流轮岗教师总数的20%'],
      ['m13', '>=', 99, '%', null, false, '全市残疾儿童少年入学率达99%以上'],
      ['m14', '=', 100, '%', null, false, '实现各学段家庭经济困难学生资助全覆盖'],
      ['m17', '>=', 1, '项', null, false, '确保每位学生掌握1至2项运动技能'],
      ['m17', '>=', 1, '项', null, false, '学会1至2项艺术技能'],
      ['m17', '>=', 1, '小时', null, false, '保证学生每天在校锻炼1小时'],
      ['m19', '<=', 15, '%', null, false, '确保民办义务教育在校生比例控制在15%以内'],
      ['m19', 'decrease', null, null, null, false, '学科类培训机构数量每年递减'],
      ['m21', '>=', 3, '级', null, false, '相关科目学生学业水平达到11I级以上'],
      ['m21', '<', 0.15, null, null, false, '且校际差异率低于0.15'],
    ]],
  ])('%s', (_, doc, expected) => {
    expect(doc.data.targets.map(row)).toEqual(expected);
  });
});
