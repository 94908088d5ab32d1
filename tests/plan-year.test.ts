import { describe, expect, it } from 'vitest';
import { planYear, type PlanYearInput } from '../src/extract/plan-year.ts';

// Titles of the development corpus and the samples.
describe('planYear', () => {
  it.each<[string, PlanYearInput, number | null]>([
    ['the year of an annual 工作要点', { title: '苍南县教育局2013年工作要点', docType: '工作要点', date: null }, 2013],
    ['the issue year of a 工作要点 whose title has none', { title: '市教育局工作要点', docType: '工作要点', date: '2022-03-01' }, 2022],
    ['the single year of a town 实施方案', { title: '后柳镇2025年控辍保学工作实施方案', docType: '实施方案', date: '2025-01-06' }, 2025],
    ['the year of a task table filed as 其他', { title: '2024年《政府工作报告》重点工作目标任务分解表', docType: '其他', date: null }, 2024],
    ['none for a plan over several years', { title: '广西壮族自治区学校美育教师配备和场地器材建设三年行动计划（2021-2023年）', docType: '行动方案', date: '2021-04-26' }, null],
    ['none for a 实施意见 without a year', { title: '贵州省人民政府办公厅关于全面加强和改进学校美育工作的实施意见', docType: '实施方案', date: '2016-12-30' }, null],
    ['none for a summary', { title: '教育局2018年工作总结和2019年工作思路', docType: '工作总结', date: null }, null],
    ['none for a duty report', { title: '靖江市2022年履行教育职责情况汇报', docType: '汇报', date: '2023-05-19' }, null],
    ['the period when the metadata reads one year', { title: '教育局年度工作思路', docType: '工作计划', date: null, period: { start: 2014, end: 2014 } }, 2014],
  ])('%s', (_, input, year) => expect(planYear(input)).toBe(year));
});
