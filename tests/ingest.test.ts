/**
 * The pure ingest pipeline on documents of kinds the sample does not show.
 */
import { describe, expect, it } from 'vitest';
import { ingestText, ExtractionError } from '../src/extract/pipeline.ts';
import { loadPlaces, loadUnitAliases } from '../src/ingest/vocab.ts';

const ctx = { sourceFile: 'x.txt', places: loadPlaces(), aliases: loadUnitAliases() };

const countyPlan = `
首页 > 政务公开 > 通知公告
索引号: 11330782MB1234567X/2023-00012
发文机关: 义乌市教育局 成文日期: 2023-03-01
发文字号: 义教〔2023〕5号
标题: 关于印发《义乌市学前教育普及普惠提升行动方案(2023-2025年)》的通知
各镇(街道)中心学校,各幼儿园:
现将《义乌市学前教育普及普惠提升行动方案(2023-2025年)》印发给你们,请认真贯彻执行。
一、主要目标
到2025年,全市学前三年毛入园率达到99%以上,普惠性幼儿园覆盖率达到92%以上。
二、重点任务
(一)扩大普惠资源
1.新建改扩建公办幼儿园。每年新建改扩建公办幼儿园5所以上。牵头单位:市教育局;配合单位:市发改局、自然资源和规划局、住建局。
2.规范小区配套幼儿园。小区配套幼儿园全部办成普惠性幼儿园。牵头单位:市住建局;配合单位:市教育局。
(二)提升保教质量
3.推进集团化办园。到2025年,集团化办园覆盖率达到80%。责任单位:市教育局。
4.加强师资队伍建设。幼儿园专任教师持证率达到100%。责任单位:市教育局(牵头),市人社局、财政局。
三、保障措施
加强组织领导,落实经费保障。
义乌市教育局
2023年3月1日
主办单位:义乌市教育局 浙ICP备12345678号
`;

const districtSummary = `某区教育局2023年工作总结
一、主要工作
1.抓党建。全年开展主题党日活动。
2.抓质量。中考成绩稳步提升。
二、存在问题
1.学位紧张。部分学校班额偏大。
2.师资不足。紧缺学科教师缺口较大。
三、2024年工作打算
1.扩充学位。新增学位2000个。
2.补充师资。招聘教师不少于150名。
`;

describe('ingestText on a county plan captured from a portal', () => {
  const doc = ingestText(countyPlan, ctx);
  it('reads the portal block and the place, and takes the plan for the type', () => {
    expect(doc.data).toMatchObject({
      issuer: '义乌市教育局',
      city: '义乌市',
      province: '浙江省',
      date: '2023-03-01',
      docNumber: '义教〔2023〕5号',
      docType: '行动方案',
    });
    expect(doc.data.title).toContain('学前教育普及普惠提升行动方案');
  });
  it('finds the four measures under (一)(二) and their lead and supporting units', () => {
    expect(doc.data.measures.map((m) => m.title)).toEqual(['新建改扩建公办幼儿园', '规范小区配套幼儿园', '推进集团化办园', '加强师资队伍建设']);
    expect(doc.data.measures[0]).toMatchObject({ leadUnits: ['市教育局'] });
    expect(doc.data.measures[0]!.units).toEqual(expect.arrayContaining(['市教育局', '市发改局', '市住建局']));
    expect(doc.data.measures[3]!.leadUnits).toEqual(['市教育局']);
    expect(doc.data.measures[3]!.units).toEqual(expect.arrayContaining(['市人社局', '市财政局']));
  });
  it('finds the targets of the goals section and of the measures, with deadlines', () => {
    expect(doc.data.targets).toContainEqual(expect.objectContaining({ comparator: '>=', value: 99, unit: '%', year: 2025, measure: null }));
    expect(doc.data.targets).toContainEqual(expect.objectContaining({ value: 80, unit: '%', year: 2025, measure: 'm3' }));
    expect(doc.data.targets).toContainEqual(expect.objectContaining({ value: 100, unit: '%', measure: 'm4' }));
  });
  it('keeps the portal footer and the signature out of the text', () => {
    expect(doc.body).not.toMatch(/ICP|主办单位/);
    expect(doc.body).not.toContain('2023年3月1日');
  });
});

describe('ingestText on a district summary with numbering restarting in each section', () => {
  const doc = ingestText(districtSummary, ctx);
  it('gives an anonymised issuer (某区) no issuer and no city, and a summary without a date no date, only its period', () => {
    expect(doc.data).toMatchObject({ issuer: null, city: null, date: null, period: { start: 2023, end: 2023 }, docType: '工作总结' });
  });
  it('finds six measures in three sections', () => {
    expect(doc.data.measures).toHaveLength(6);
    expect(doc.data.goals.map((g) => g.title)).toEqual(['主要工作', '存在问题', '2024年工作打算']);
  });
  it('takes no targets from what was done, only from what is planned', () => {
    expect(doc.data.targets.map((t) => t.value)).toEqual([2000, 150]);
  });
});

describe('ingestText on hostile input', () => {
  it('escapes HTML and Markdown in document text', () => {
    const doc = ingestText('一、总则\n1.安全教育。<script>alert(1)</script>内容*强调*[链接](http://x)。\n2.第二项。内容。', ctx);
    expect(doc.body).not.toContain('<script>');
    expect(doc.body).toContain('\\<script\\>');
    expect(doc.body).toContain('\\[链接\\]');
  });
  it('rejects a text that is only page noise', () => {
    expect(() => ingestText('点击查看更多>>\n展开阅读全文\n猜你喜欢', ctx)).toThrow(ExtractionError);
  });
  it('warns about a text without numbered structure but keeps it', () => {
    const doc = ingestText('关于做好暑期安全工作的通知\n各学校要加强学生暑期安全教育,做好防溺水工作,确保学生安全度过假期。', ctx);
    expect(doc.warnings.join()).toMatch(/no numbered structure/);
    expect(doc.data.docType).toBe('通知');
    expect(doc.body).toContain('防溺水');
  });
});

describe('a notice that transmits a plan, signed before the plan', () => {
  const notice = `某某县人民政府办公室关于印发安溪县学前教育普及普惠发展行动方案（2023—2025年）的通知
安政办〔2023〕12号
各乡镇人民政府，县直有关单位：
现将《安溪县学前教育普及普惠发展行动方案（2023—2025年）》印发给你们，请认真贯彻执行。
安溪县人民政府办公室
2023年4月12日
一、总体目标
到2025年，全县学前三年毛入园率达到92%以上。
二、重点任务
1.新建改扩建公办幼儿园。新增学位3000个。
牵头单位：县教育局；配合单位：县发改局、财政局
2.配足配齐幼儿园教职工。专任教师持证率达到95%以上。
责任单位：县委编办，县教育局、人社局
`;
  const out = ingestText(notice, { ...ctx, sourceFile: 'anxi.txt' });

  it('takes the date under the covering paragraph as the signing date', () => {
    expect(out.data.date).toBe('2023-04-12');
  });

  it('takes the signature as the issuer when the title names an anonymised one (某某县)', () => {
    expect(out.data.issuer).toBe('安溪县人民政府办公室');
    expect(out.data.city).toBe('安溪县');
    expect(out.data.docType).toBe('行动方案');
  });

  it('names the slug after the plan the notice carries', () => {
    expect(out.slug).toBe('anxi-2023-xueqianjiaoyu-puji-pu-hui-fazhan-xingdong');
  });

  it('takes no date from a period in the title when nothing else dates the document', () => {
    const undated = ingestText(notice.replace('2023年4月12日\n', ''), { ...ctx, sourceFile: 'anxi.txt' });
    expect(undated.data.date).toBeNull();
  });
});

describe('ingestText on a report that names its author and date under the title', () => {
  const report = `关于2024年全县教育工作情况的汇报
桃源县教育局
（2024年12月18日）
2024年，全县教育系统各项工作取得新成效。现汇报如下：
一、主要工作及成效
（一）学位供给扩大。一是新建学校投入使用。全年新建学校4所。二是课后服务提质。课后服务参与率达到96%以上。
二、2025年工作打算
一是扩大学位。2025年计划新增学位3000个。二是建强队伍。招聘教师不少于200名。
`;
  const doc = ingestText(report, ctx);
  it('takes the organisation line as the issuer and the bracketed date line as the date', () => {
    expect(doc.data).toMatchObject({ issuer: '桃源县教育局', city: '桃源县', date: '2024-12-18', docType: '汇报' });
    expect(doc.body).not.toContain('2024年12月18日');
  });
  it('takes no targets from a 主要工作及成效 section, only from the plans', () => {
    expect(doc.data.targets.map((t) => t.value)).toEqual([3000, 200]);
  });
});

describe('ingestText on a speech whose points have —— lead-ins', () => {
  const speech = `在全市教育工作会议上的讲话
市长 李某某
（2025年2月26日）
同志们：
今天召开会议，我讲两点意见。
第一，要提高站位，认清形势。教育是国之大计。
第二，要突出重点，狠抓落实。
——聚焦学位供给。今年要新建中小学校6所，确保义务教育巩固率保持在99%以上。
——聚焦队伍建设。要落实教师待遇。
`;
  const doc = ingestText(speech, ctx);
  it('dates the speech from the bracketed date under the speaker and keeps the speaker line', () => {
    expect(doc.data.date).toBe('2025-02-26');
    expect(doc.data.issuer).toBeNull();
    expect(doc.body).toContain('市长 李某某');
  });
  it('gives a point the targets of the lead-ins under it', () => {
    expect(doc.data.measures.map((m) => m.title)).toEqual(['要提高站位，认清形势', '要突出重点，狠抓落实']);
    expect(doc.data.targets).toContainEqual(expect.objectContaining({ metric: '义务教育巩固率', comparator: '>=', value: 99, year: 2025, measure: 'm2' }));
  });
});

// 工作要点 of the dev corpus (04): the goals stand as unnumbered lines before the numbered body.
describe('ingestText on a plan that states its goals before its first heading', () => {
  const goals = `2014年全县教育工作的指导思想是:确保平安校园,提速教育质量。工作目标是:
义务教育--初中辍学率控制在3%以内,顺利通过省政府义务教育均衡发展评估验收。
高中教育--高考二本以上上线人数达到520人。
一、确保平安校园
1.落实管理责任。严格执行学校值班办法和各类安全制度。
`;
  it('reads the preamble of a plan as its goals', () => {
    const doc = ingestText(`某县教育局2014年工作要点\n${goals}`, ctx);
    expect(doc.data.targets.map((t) => [t.metric, t.comparator, t.value, t.unit, t.year])).toEqual([
      ['初中辍学率', '<=', 3, '%', 2014],
      ['高考二本以上上线人数', '=', 520, '人', 2014],
    ]);
  });
  it('does not read the opening of a report, which sums up results', () => {
    const doc = ingestText(`某县教育局2014年工作总结\n${goals}`, ctx);
    expect(doc.data.targets).toEqual([]);
  });
  // Review 6: a 工作要点 often opens with last year's results or the county's present state.
  it.each([
    ['a review of the year past', '一年来，全县教育系统新建学校5所，高考本科上线率达到85%。'],
    ['the present state, without a year', '全县学前三年毛入园率达到91%，义务教育巩固率达到97%，教育事业取得长足发展。'],
  ])('does not read a plan\'s opening that announces no goals: %s', (_, opening) => {
    const doc = ingestText(`某县教育局2024年工作要点\n${opening}\n一、扩大资源\n(一)新建学校3所。\n`, ctx);
    expect(doc.data.targets.map((t) => [t.metric, t.value, t.unit])).toEqual([['新建学校', 3, '所']]);
  });
  it('reads a plan\'s opening from the paragraph that announces its goals, not the review before it', () => {
    const doc = ingestText(`某县教育局2024年工作要点\n一年来，全县新建学校5所。\n2024年的主要目标是：学前三年毛入园率达到92%。\n一、扩大资源\n(一)新建学校3所。\n`, ctx);
    expect(doc.data.targets.map((t) => [t.metric, t.value, t.unit])).toEqual([['学前三年毛入园率', 92, '%'], ['新建学校', 3, '所']]);
  });
});

// 工作总结 openings of the dev corpus (17, 19): the account section's heading starts with its year.
describe('ingestText on a summary whose account section is dated', () => {
  const summary = `某区教育局2018年工作总结和2019年工作思路
现将2018年工作总结和2019年工作思路汇报如下:
一、2018年工作回顾
(一)持续改善办学条件。一是经费投入持续增长。2018年度投入资金建设48项小型基建项目,创成花园学校5个。
二、2024年度主要工作成效
(一)基础教育供给体系持续完善。全县义务教育阶段学校智慧黑板配备率达100%。
三、2019年工作思路
(一)扩大学位供给。新建学校3所。
`;
  const doc = ingestText(summary, ctx);
  it('takes no targets from 2018年工作回顾 or 2024年度主要工作成效, only from the plan', () => {
    expect(doc.data.targets.map((t) => [t.value, t.unit])).toEqual([[3, '所']]);
  });
});

// Review 10: 思路/安排 make a plan section only as the whole heading (2019年工作思路, 工作安排).
describe('ingestText on summary headings with 思路 or 安排 inside them', () => {
  const targetsOf = (text: string) => ingestText(text, ctx).data.targets.map((t) => [t.metric, t.value, t.unit]);
  it.each([
    ['统筹安排', '某县教育局2024年工作总结\n一、统筹安排，改善办学条件\n(一)加大投入。新建学校3所，改造薄弱学校12所。\n'],
    ['创新工作思路', '某县教育局2024年工作总结\n一、创新工作思路，推进教育改革\n(一)优化布局。新建学校3所，撤并教学点8个。\n'],
  ])('takes no bare counts of a summary section headed %s', (_, text) => {
    expect(targetsOf(text)).toEqual([]);
  });
  it('reads the bare counts of a 2025年工作思路 section as plans', () => {
    expect(targetsOf('某县教育局2024年工作总结和2025年工作思路\n一、2024年工作回顾\n(一)新建学校5所。\n二、2025年工作思路\n(一)新建学校3所。\n')).toEqual([['新建学校', 3, '所']]);
  });
});

// `主要工作` names no result: dated with the document's own year or a later one it heads the plans.
describe('ingestText on a dated 主要工作 heading', () => {
  const targetsOf = (text: string) => ingestText(text, ctx).data.targets.map((t) => [t.metric, t.value, t.unit]);
  it.each<[string, string, unknown[][]]>([
    ['reads 2024年主要工作 of a 2024 工作要点 as its plan', '某县教育局2024年工作要点\n一、2024年主要工作\n(一)扩大学位供给。新建幼儿园5所，学前三年毛入园率达到92%。\n(二)提升质量。义务教育巩固率保持在99%以上。\n', [
      ['新建幼儿园', 5, '所'], ['学前三年毛入园率', 92, '%'], ['义务教育巩固率', 99, '%'],
    ]],
    ['reads 二、2025年主要工作 of a 总结及计划 as its plan, not its 工作回顾', '某县教育局2024年工作总结及2025年工作计划\n一、2024年工作回顾\n(一)办学条件。新建幼儿园5所。\n二、2025年主要工作\n(一)扩大学位供给。新建学校3所，学前三年毛入园率达到92%。\n', [
      ['新建学校', 3, '所'], ['学前三年毛入园率', 92, '%'],
    ]],
    ['still reads a 主要工作 dated before the document as an account', '某县教育局2024年工作总结及2025年工作计划\n一、2023年主要工作\n(一)办学条件。新建幼儿园5所，学前三年毛入园率达到90%。\n二、2025年工作计划\n(一)扩大学位。新建学校3所。\n', [
      ['新建学校', 3, '所'],
    ]],
  ])('%s', (_, text, expected) => {
    expect(targetsOf(text)).toEqual(expected);
  });
});
