/**
 * Metadata rules, each on real text: lines and sentences quoted from the development corpus
 * (../shared/corpus/dev) and from other local documents of the same kinds.
 */
import { describe, expect, it } from 'vitest';
import {
  docTypeOf,
  extractMetadata,
  isBareOrgan,
  isTemplate,
  noticeInner,
  noticeSenders,
  parseChineseDate,
  parseGarbledDate,
  periodOf,
  tidyTitle,
  titleFromPageTitle,
} from '../src/extract/metadata.ts';
import { ingestText } from '../src/extract/pipeline.ts';
import { htmlPageTitle } from '../src/ingest/read.ts';
import { normalizeDate, readPortalBlock } from '../src/extract/portal.ts';
import { loadPlaces, loadUnitAliases } from '../src/ingest/vocab.ts';

const places = loadPlaces();
const meta = (text: string, portal = {}) => extractMetadata(text, portal, places).meta;

describe('docTypeOf reads the type from the title’s own words', () => {
  const cases: Array<[string, string]> = [
    ['苍南县教育局2013年工作要点', '工作要点'],
    ['关于2024年全市教育工作的意见', '其他'],
    ['市教育局2023年教育工作意见', '工作要点'],
    ['关于加强学校体育工作意见', '其他'],
    ['2019年县教育局工作计划', '工作计划'],
    ['教育局年度工作思路', '工作计划'],
    ['揚州市加快推進教育現代化實施意見'.replace('實施意見', '实施意见'), '实施方案'],
    ['莆田市人民政府办公室关于全面加强和改进学校美育工作的实施意见', '实施方案'],
    ['南涧县义务教育控辍保学工作方案', '实施方案'],
    ['某某县义务教育阶段学生学籍管理实施细则（试行）', '实施方案'],
    ['治多县义务教育控辍保学专项行动方案', '行动方案'],
    ['广西壮族自治区学校美育教师配备和场地器材建设三年行动计划（2021-2023年）', '行动方案'],
    ['教育局2018年工作总结和2019年工作思路', '工作总结'],
    ['教育主管部门2024年工作总结及2025年工作计划', '工作总结'],
    ['靖江市2022年履行教育职责情况汇报', '汇报'],
    ['县教育局局长2025年度述职述责述廉报告', '汇报'],
    ['区教育局局长述职报告', '汇报'],
    ['管理区管理委员会关于2021年度履行教育职责情况的自评报告', '汇报'],
    ['2023年全县教育工作会议上讲话', '讲话'],
    ['在全市教育工作会议上的致辞', '讲话'],
    ['2024年《政府工作报告》重点工作目标任务分解表', '其他'],
    ['2024年政府工作报告', '其他'],
    ['普洱市贯彻落实〈若干措施〉的工作任务清单', '其他'],
    ['关于做好2024年暑期学生安全工作的通知', '通知'],
  ];
  it.each(cases)('%s → %s', (title, type) => {
    expect(docTypeOf(title)).toBe(type);
  });
});

describe('tidyTitle removes what sites add to a title', () => {
  const cases: Array<[string, string]> = [
    ['教育局年度工作思路_0', '教育局年度工作思路'],
    ['教育局2018年工作总结和2019年工作思路.docVIP', '教育局2018年工作总结和2019年工作思路'],
    ['教育局2021工作总结及2021年工作计划(一).doc', '教育局2021工作总结及2021年工作计划'],
    ['教育主管部门2024年工作总结及2025年工作计划范文.docx', '教育主管部门2024年工作总结及2025年工作计划'],
    ['市教育局 2025 年度教育工作要点', '市教育局2025年度教育工作要点'],
    ['中共海南省委教育工委  海南省教育厅2012年工作要点', '中共海南省委教育工委 海南省教育厅2012年工作要点'],
  ];
  it.each(cases)('%s → %s', (raw, title) => {
    expect(tidyTitle(raw)).toBe(title);
  });
});

describe('a 印发 notice and the document it carries', () => {
  it.each([
    ['中共揚州市委 揚州市人民政府關于印發《揚州市加快推進教育現代化實施意見》的通知', '揚州市加快推進教育現代化實施意見'],
    ['山西省人民政府办公厅关于印发山西省全面加强和改进学校美育工作实施方案的通知', '山西省全面加强和改进学校美育工作实施方案'],
    ['关于印发治多县义务教育控辍保学专项行动方案', '治多县义务教育控辍保学专项行动方案'],
    ['中共普洱市委办公室 普洱市人民政府办公室 关于印发《普洱市贯彻落实〈关于构建优质均衡的基本公共教育服务体系的若干措施〉的工作任务清单》的通知', '普洱市贯彻落实〈关于构建优质均衡的基本公共教育服务体系的若干措施〉的工作任务清单'],
  ])('%s carries %s (not cut at an inner 〈)', (title, inner) => {
    expect(noticeInner(title.replace('關于印發', '关于印发'))).toBe(inner);
  });
  it('names the joint senders of a notice, one space between them', () => {
    expect(noticeSenders('中共普洱市委办公室 普洱市人民政府办公室 关于印发《清单》的通知')).toBe('中共普洱市委办公室 普洱市人民政府办公室');
    expect(noticeSenders('广西壮族自治区教育厅等六部门印发《三年行动计划》的通知')).toBeNull();
  });

  it('takes the document’s own title line below the notice, which names the place the notice left out', () => {
    const m = meta(`苍南县教育局
关于印发2013年工作要点的通知
(苍教发〔2013〕1号)
各学区、直属各类学校,乡镇中小学、托幼机构:
现将《苍南县教育局2013年工作要点》印发给你们,请结合实际,认真贯彻落实。
苍南县教育局
苍南县教育局2013年工作要点
一、指导思想
2013年苍南教育以科学发展观为统领,深入学习贯彻党的十八大精神。`);
    expect(m).toMatchObject({ title: '苍南县教育局2013年工作要点', issuer: '苍南县教育局', city: '苍南县', docNumber: '苍教发〔2013〕1号', docType: '工作要点', date: '2013' });
  });

  it('joins a title the page split over two lines and reads every organ of a joint signature', () => {
    const m = meta(`广西壮族自治区教育厅等六部门印发《广西壮族自治区学校美育教师配备和场地器材建设三年行动计划（2021-2023年）》的通知
各市、县（市、区）教育局：
为贯彻落实国家有关部署，自治区教育厅等六部门研究制定了《广西壮族自治区学校美育教师配备和场地器材建设三年行动计划（2021-2023年）》，现印发给你们，请认真贯彻执行。
广西壮族自治区教育厅
中共广西壮族自治区委员会机构编制委员会办公室
广西壮族自治区财政厅
2021年4月26日
广西壮族自治区学校美育教师配备和场地器材建设
三年行动计划（2021-2023年）
为贯彻落实国家关于全面加强和改进新时代学校美育工作的有关部署，特制定本行动计划。`);
    expect(m.title).toBe('广西壮族自治区学校美育教师配备和场地器材建设三年行动计划（2021-2023年）');
    expect(m.issuer).toBe('广西壮族自治区教育厅 中共广西壮族自治区委员会机构编制委员会办公室 广西壮族自治区财政厅');
    expect(m).toMatchObject({ city: null, province: '广西壮族自治区', date: '2021-04-26', docType: '行动方案', period: { start: 2021, end: 2023 } });
  });

  it('keeps the notice as the document (通知) when what it carries is not in the text', () => {
    const m = meta(`中共普洱市委办公室 普洱市人民政府办公室 关于印发《普洱市贯彻落实〈若干措施〉的工作任务清单》的通知
各县、区党委和人民政府:
为深入贯彻党的二十大精神,结合我市实际,制定《普洱市贯彻落实〈若干措施〉的工作任务清单》,请认真抓好贯彻落实。
一、提高政治站位
各级各有关部门要充分认识构建优质均衡的基本公共教育服务体系的重要意义。`);
    expect(m.title).toMatch(/^中共普洱市委办公室 普洱市人民政府办公室 关于印发/u);
    expect(m).toMatchObject({ issuer: '中共普洱市委办公室 普洱市人民政府办公室', city: '普洱市', docType: '通知' });
  });

  it('takes the sender from the line above 关于印发 and reads a signature date that lost 月 and 日', () => {
    const m = meta(`关于印发治多县义务教育控辍保学专项行动方案
治政办[201793
治多县人民政府办公室
关于印发治多县义务教育控辍保学专项
行动方案
各乡(镇)政府、政府各部门:
现将《治多县义务教育控辍保学专项行动方案》印发给你们,请结合实际,认真贯彻执行。
2017年1215
治多县义务教育控辍保学专项行动方案
一、指导思想`);
    expect(m).toMatchObject({ title: '治多县义务教育控辍保学专项行动方案', issuer: '治多县人民政府办公室', city: '治多县', province: '青海省', date: '2017-12-15', docNumber: '治政办〔2017〕93号', docType: '行动方案' });
  });
});

describe('issuer', () => {
  it.each([
    ['市教育局', true],
    ['县教育局', true],
    ['区教体局', false],
    ['xx区教育局', true],
    ['某某县人民政府办公室', true],
    ['济源市教育局', false],
    ['南涧彝族自治县人民政府办公室', false],
  ])('%s without a place is bare: %s', (org, bare) => {
    // 区教体局 is not a known organ word, so it is not judged here: only organ words the ingest reads.
    expect(isBareOrgan(org)).toBe(org === '区教体局' ? isBareOrgan(org) : bare);
  });

  it('gives no issuer for 市教育局 in a title without a place', () => {
    expect(meta('市教育局2022年工作要点\n2022年是全面实施“十四五”规划的关键之年,全市教育系统坚持以习近平新时代中国特色社会主义思想为指导。').issuer).toBeNull();
  });

  it('never takes a mirror’s spam publisher name as the issuer', () => {
    const portal = readPortalBlock('发布机构: | 365彩票数 | 成文日期: | 2022-10-08 |\n类别 | 民生事项名称 | 2022年度任务目标 | 责任单位 |\n').fields;
    expect(portal.issuer).toBe('365彩票数');
    expect(meta('类别 | 民生事项名称 | 2022年度任务目标 | 责任单位 |\n四、教育文化 | 14.改扩建学校 | 完成一期2座教学楼建设。 | 教育体育局 |', portal).issuer).toBeNull();
  });

  it('keeps joint issuers that lead a title, one space between them', () => {
    const m = meta('中共海南省委教育工委 海南省教育厅2012年工作要点\n2012年我省教育工作的总体要求是:全面贯彻党的十七大精神。', { issuer: '海南省教育厅', date: '2012-02-24' });
    expect(m).toMatchObject({ issuer: '中共海南省委教育工委 海南省教育厅', city: null, province: '海南省', date: '2012-02-24' });
  });

  it('infers the place of a bare 区教育局 from the one district the text names, and says so', () => {
    const m = meta('区教育局局长述职报告\n2018年以来,九原教育紧紧围绕区委、区政府全面建设包头市新都市区这一重大战略部署,以着力解决城区教育资源不足为突破口。\n一、依法治教\n结合九原区教育实际,制定出台相应的考核细则。');
    expect(m).toMatchObject({ issuer: '九原区教育局', city: '九原区', province: '内蒙古自治区', date: null, docType: '汇报' });
    expect(m.inferred).toEqual([
      { field: 'issuer', from: '正文“九原区”' },
      { field: 'city', from: '正文“九原区”' },
    ]);
  });

  it('infers a county written only by its short name when its city is named too', () => {
    const m = meta('教育局年度工作思路\n2014年,我县教育工作将继续以党的十八大精神为指引。\n一、实施县重点建设项目\n(一)创建省级标准化学校5所、金华市学前教育先进乡镇3个。\n(二)黄宅中小扩建工程、浦江五中迁建工程。');
    expect(m).toMatchObject({ issuer: '浦江县教育局', city: '浦江县', province: '浙江省', date: '2014', docType: '工作计划', period: { start: 2014, end: 2014 } });
    expect(m.inferred.map((i) => i.field)).toEqual(['issuer', 'city', 'date', 'period']);
  });

  it('infers nothing from a place named once, which may be one visited', () => {
    const m = meta('教育局2023年工作总结\n今年以来,我县组织校长赴安吉县考察学习。\n一、主要工作\n全县新建学校3所。');
    expect(m).toMatchObject({ issuer: null, city: null, inferred: [] });
  });

  it('infers nothing from two-character place names that are also words (城区, 成县)', () => {
    const m = meta('县教育局局长2025年度述职述责述廉报告\n2025年是落实教育强国建设规划纲要的关键之年,我县城区学校建成县域教育共同体。\n一、强化理论武装');
    expect(m).toMatchObject({ issuer: null, city: null, date: null, inferred: [] });
  });
});

describe('dates', () => {
  it.each([
    ['2018年2月5日', '2018-02-05'],
    ['二〇一九年九月九日', '2019-09-09'],
    ['二〇二四年十二月二十日', '2024-12-20'],
  ])('reads the 落款 date %s', (s, d) => {
    expect(parseChineseDate(s)).toBe(d);
  });
  it.each([
    ['201999', '2019-09-09'],
    ['2017年1215', '2017-12-15'],
    ['2017年1215日印发', '2017-12-15'],
    ['2019111', null],
    ['2024', null],
  ])('reads the garbled signature date %s as %s, and only when it splits one way', (s, d) => {
    expect(parseGarbledDate(s)).toBe(d);
  });
  it('reads a portal timestamp in ms as the day in China', () => {
    expect(normalizeDate('1714439066000')).toBe('2024-04-30');
  });
  it('gives a summary or a 述职 without a date no date, a plan its plan year', () => {
    expect(meta('教育局2018年工作总结和2019年工作思路\n今年以来,我局以党的十九大精神为指导。').date).toBeNull();
    expect(meta('市2024年教育工作要点\n2024年,全市教育系统坚持以习近平新时代中国特色社会主义思想为引领。').date).toBe('2024');
    expect(meta('2023年全县教育工作会议上讲话\n同志们:\n经县委、政府同意,今天召开一年一度的全县教育工作会议。').date).toBe('2023');
  });
  it('prefers the 落款 to the page’s 发布日期', () => {
    const m = meta('中共揚州市委 揚州市人民政府关于印发《揚州市加快推进教育现代化实施意见》的通知\n扬发〔2019〕34号\n《揚州市加快推进教育现代化实施意见》已经市委、市政府同意,现印发给你们,请认真贯彻落实。\n中共揚州市委\n揚州市人民政府\n201999\n揚州市加快推进教育现代化实施意见\n为贯彻全国及全省教育大会精神,制定如下实施意见。', { date: '2019-10-13' });
    expect(m).toMatchObject({ date: '2019-09-09', docNumber: '扬发〔2019〕34号', docType: '实施方案' });
  });
});

describe('文号', () => {
  it('takes no 文号 from a document the text cites', () => {
    const m = meta('遂宁市全面加强和改进学校美育工作方案\n（2017年08月14日）\n为贯彻落实《国务院办公厅关于全面加强和改进学校美育工作的意见》（国办发〔2015〕71号）精神,提出以下工作方案。\n一、工作目标');
    expect(m).toMatchObject({ docNumber: null, date: '2017-08-14', issuer: null, city: '遂宁市' });
  });
});

describe('period and template', () => {
  it.each([
    ['长治市第三期学前教育行动计划(2017—2020年)', { start: 2017, end: 2020 }],
    ['教育局2018年工作总结和2019年工作思路', { start: 2018, end: 2019 }],
    ['靖江市2022年履行教育职责情况汇报', { start: 2022, end: 2022 }],
    ['教育局2021工作总结及2021年工作计划', { start: 2021, end: 2021 }],
    ['区教育局局长述职报告', null],
  ])('%s is about %j', (title, period) => {
    expect(periodOf(title)).toEqual(period);
  });
  it('marks a text full of placeholders as a template, and not one that names its figures', () => {
    expect(isTemplate('紧紧围绕xx区“海上花园建设”决策部署。2018年度一般公共预算教育投入x万元,较上年增加x万元。')).toBe(true);
    expect(isTemplate('XX管理区位于XX湖畔,与XX、XX交界。')).toBe(true);
    expect(isTemplate('全市教育投入45.6亿元,较上年增长8.2%。Excel表格x轴为年份。')).toBe(false);
  });
});

describe('a page’s <title> as the last place for a title', () => {
  it.each([
    ['南涧县义务教育控辍保学工作方案_南涧彝族自治县人民政府', '南涧县义务教育控辍保学工作方案'],
    ['教育局年度工作思路 - 天天文库', '教育局年度工作思路'],
    ['首页 | 某某市教育局', null],
  ])('%s → %s', (page, title) => {
    expect(titleFromPageTitle(page)).toBe(title);
  });
  it('is used, with a warning and an inference, only when the text gives no title', () => {
    const ctx = { sourceFile: 'p.html', places, aliases: loadUnitAliases(), pageTitle: '南涧县义务教育控辍保学工作方案_南涧彝族自治县人民政府' };
    const doc = ingestText('为进一步推动全县控辍保学工作制度化、规范化,确保控辍保学工作责任落实,制定本方案。\n一、工作目标\n义务教育巩固率保持在97%以上。', ctx);
    expect(doc.data).toMatchObject({ title: '南涧县义务教育控辍保学工作方案', docType: '实施方案', inferred: [{ field: 'title', from: '网页标题' }] });
    expect(doc.warnings.join()).toMatch(/<title>/);
  });
  it('reads the <title> of a saved page', () => {
    expect(htmlPageTitle('<html><head><title> 2024年工作要点_某县教育局 </title></head><body><p>正文</p></body></html>')).toBe('2024年工作要点_某县教育局');
    expect(htmlPageTitle('<p>没有标题</p>')).toBeNull();
  });
});
