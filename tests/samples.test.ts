/**
 * The five sample documents through the whole ingest, checked against what they say.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestText, type Ingested } from '../src/lib/ingest.ts';
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
  it('names the issuer the text gives and no city', () => {
    expect(retreat.data).toMatchObject({ title: '市教育局2024年务虚会议材料', issuer: '市教育局', city: null, province: null, date: '2024' });
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
