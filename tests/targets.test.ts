import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { targetSchema, type Comparator, type Target } from '../src/format/schema';
import { extractTargets } from '../src/extract/targets';

const SOURCES = fileURLToPath(new URL('../content/sources/', import.meta.url));

/** What a case expects of one target; `metric` as `{ has }` only needs to contain the words. */
interface Expected {
  metric: string | { has: string };
  comparator: Comparator;
  value: number | null;
  valueMax?: number | null;
  unit: string | null;
  year: number | null;
}

interface Case {
  name: string;
  input: string;
  docYear?: number | null;
  targets: Expected[];
}

/** Reduces a target to the fields a case states, so a failing case prints a readable diff. */
function comparable(t: Target, e: Expected | undefined): Expected {
  const metric = e && typeof e.metric === 'object' && t.metric.includes(e.metric.has) ? e.metric : t.metric;
  const out: Expected = { metric, comparator: t.comparator, value: t.value, unit: t.unit, year: t.year };
  if (t.valueMax !== undefined || e?.valueMax !== undefined) out.valueMax = t.valueMax ?? null;
  return out;
}

function check(c: Case): void {
  const got = extractTargets(c.input, { docYear: c.docYear ?? null });
  expect(got.map((t, i) => comparable(t, c.targets[i]))).toEqual(c.targets);
  for (const t of got) expect(c.input).toContain(t.text);
}

const comparators: Case[] = [
  {
    name: 'reads 达到…以上 as >= and keeps what is measured as the metric',
    input: '全县学前教育毛入园率达到92%以上。',
    targets: [{ metric: '学前教育毛入园率', comparator: '>=', value: 92, unit: '%', year: null }],
  },
  {
    name: 'reads 达到 alone as =',
    input: '普惠性幼儿园覆盖率达到85%。',
    targets: [{ metric: '普惠性幼儿园覆盖率', comparator: '=', value: 85, unit: '%', year: null }],
  },
  {
    name: 'reads 保持在…以上 as >=',
    input: '义务教育巩固率保持在98%以上。',
    targets: [{ metric: '义务教育巩固率', comparator: '>=', value: 98, unit: '%', year: null }],
  },
  {
    name: 'reads 稳定在…以上 as >=',
    input: '力争到2030年,全市普惠性幼儿园覆盖率稳定在90%以上。',
    targets: [{ metric: '普惠性幼儿园覆盖率', comparator: '>=', value: 90, unit: '%', year: 2030 }],
  },
  {
    name: 'reads 不少于 with 万元 as >= 500 万元',
    input: '区财政每年安排专项经费不少于500万元,用于薄弱学校改造。',
    targets: [{ metric: { has: '专项经费' }, comparator: '>=', value: 500, unit: '万元', year: null }],
  },
  {
    name: 'reads 不少于…小时 as >= 1 小时',
    input: '确保学生每天校内体育活动时间不少于1小时。',
    targets: [{ metric: '学生每天校内体育活动时间', comparator: '>=', value: 1, unit: '小时', year: null }],
  },
  {
    name: 'reads 不超过 as <= and drops 一般 from the metric',
    input: '义务教育阶段学校规模一般不超过2000人,班额不超过45人。',
    targets: [
      { metric: '义务教育阶段学校规模', comparator: '<=', value: 2000, unit: '人', year: null },
      { metric: '班额', comparator: '<=', value: 45, unit: '人', year: null },
    ],
  },
  {
    name: 'reads 控制在…以下 as <=',
    input: '全市中小学生体质健康测试优良率达到55%以上,近视率控制在50%以下。',
    targets: [
      { metric: '中小学生体质健康测试优良率', comparator: '>=', value: 55, unit: '%', year: null },
      { metric: '近视率', comparator: '<=', value: 50, unit: '%', year: null },
    ],
  },
  {
    name: 'reads 低于 as the strict <, with no unit for a plain ratio',
    input: '县域内义务教育学校校际差异系数小学低于0.5、初中低于0.45。',
    targets: [
      { metric: { has: '校际差异系数小学' }, comparator: '<', value: 0.5, unit: null, year: null },
      { metric: '初中', comparator: '<', value: 0.45, unit: null, year: null },
    ],
  },
  {
    name: 'reads 提高到 as = the new level, not as an increase',
    input: '明年,全市特殊教育学校生均公用经费提高到8000元。',
    docYear: 2024,
    targets: [{ metric: '特殊教育学校生均公用经费', comparator: '=', value: 8000, unit: '元', year: 2025 }],
  },
  {
    name: 'reads 提升至 as =',
    input: '到2027年,教师学历达标率达到100%,骨干教师占比提升至30%。',
    targets: [
      { metric: '教师学历达标率', comparator: '=', value: 100, unit: '%', year: 2027 },
      { metric: '骨干教师占比', comparator: '=', value: 30, unit: '%', year: 2027 },
    ],
  },
  {
    name: 'reads 增长15% as an increase of 15 % and drops the baseline 比上年',
    input: '教育经费投入比上年增长15%。',
    targets: [{ metric: '教育经费投入', comparator: 'increase', value: 15, unit: '%', year: null }],
  },
  {
    name: 'reads 增长…左右 as an increase',
    input: '各乡镇(街道)幼儿园在园幼儿数增长10%左右。',
    targets: [{ metric: { has: '幼儿园在园幼儿数' }, comparator: 'increase', value: 10, unit: '%', year: null }],
  },
  {
    name: 'reads 每年下降1个百分点 as a decrease in percentage points',
    input: '中小学生近视率每年下降1个百分点。',
    targets: [{ metric: '中小学生近视率', comparator: 'decrease', value: 1, unit: '个百分点', year: null }],
  },
  {
    name: 'reads 较2020年下降 as a decrease and keeps the base year out of the deadline',
    input: '全区学生近视率较2020年下降5个百分点以上。',
    targets: [{ metric: '学生近视率', comparator: 'decrease', value: 5, unit: '个百分点', year: null }],
  },
  {
    name: 'reads 逐年减少 without a number as a decrease with no value',
    input: '校外培训机构数量逐年减少。',
    targets: [{ metric: '校外培训机构数量', comparator: 'decrease', value: null, unit: null, year: null }],
  },
  {
    name: 'reads 只增不减 as an increase with no value',
    input: '确保一般公共预算教育支出逐年只增不减。',
    targets: [{ metric: '一般公共预算教育支出', comparator: 'increase', value: null, unit: null, year: null }],
  },
  {
    name: 'reads 全覆盖 as = 100 % on the coverage of what is covered',
    input: '实现农村义务教育学校营养改善计划全覆盖。',
    targets: [{ metric: '农村义务教育学校营养改善计划覆盖率', comparator: '=', value: 100, unit: '%', year: null }],
  },
  {
    name: 'reads 全面消除 after the subject as eliminate',
    input: '全县义务教育学校56人及以上大班额全面消除,46-55人班额比例控制在5%以内。',
    targets: [
      { metric: '义务教育学校56人及以上大班额', comparator: 'eliminate', value: null, unit: null, year: null },
      { metric: '46-55人班额比例', comparator: '<=', value: 5, unit: '%', year: null },
    ],
  },
  {
    name: 'reads 实现清零 as eliminate',
    input: '全县城区中小学56人以上大班额实现清零。',
    targets: [{ metric: '城区中小学56人以上大班额', comparator: 'eliminate', value: null, unit: null, year: null }],
  },
  {
    name: 'reads 确保…1至2项 as a floor of 1',
    input: '确保每名学生熟练掌握1至2项体育运动技能。',
    targets: [{ metric: { has: '体育运动技能' }, comparator: '>=', value: 1, unit: '项', year: null }],
  },
  {
    name: 'reads 1至2项 without 确保 as a range',
    input: '帮助学生掌握1-2项艺术技能和爱好。',
    targets: [],
  },
  {
    name: 'reads 控制在1万-1.5万人 as a range in 万人',
    input: '每所完全小学服务人口控制在1万-1.5万人。',
    targets: [{ metric: '每所完全小学服务人口', comparator: 'range', value: 1, valueMax: 1.5, unit: '万人', year: null }],
  },
  {
    name: 'reads 至少配备1名 as >= with the counted thing as the metric',
    input: '每所中小学至少配备1名专职心理健康教师。',
    targets: [{ metric: { has: '专职心理健康教师' }, comparator: '>=', value: 1, unit: '名', year: null }],
  },
  {
    name: 'reads a bandwidth target in M',
    input: '中小学互联网接入带宽达到1000M以上。',
    targets: [{ metric: '中小学互联网接入带宽', comparator: '>=', value: 1000, unit: 'M', year: null }],
  },
  {
    name: 'reads 万平方米 as one unit',
    input: '农村学校教师周转宿舍建设面积达到2万平方米。',
    targets: [{ metric: '农村学校教师周转宿舍建设面积', comparator: '=', value: 2, unit: '万平方米', year: null }],
  },
  {
    name: 'reads 占…的…以上 as the share of the named total',
    input: '全县教师交流人数占应交流教师总数的15%以上。',
    targets: [{ metric: '教师交流人数占应交流教师总数比例', comparator: '>=', value: 15, unit: '%', year: null }],
  },
];

const deadlines: Case[] = [
  {
    // 行动计划 of the dev corpus (31): the 主要目标 paragraph opens with its deadline.
    name: 'lets a deadline that opens a paragraph hold for the later sentences of that paragraph',
    input: '到2023年，补充美育教师5000余名。美育场地设施进一步改善，器材配备达标比例不低于97%。\n小学、初中每12个班级配备音乐专用教室1间以上。',
    targets: [
      { metric: '补充美育教师', comparator: '>', value: 5000, unit: '名', year: 2023 },
      { metric: '器材配备达标比例', comparator: '>=', value: 97, unit: '%', year: 2023 },
      { metric: '小学、初中每12个班级配备音乐专用教室', comparator: '>=', value: 1, unit: '间', year: null },
    ],
  },
  {
    name: 'does not carry a deadline that stands inside a paragraph to the next sentence',
    input: '加强师资建设，到2023年补充美育教师5000余名。器材配备达标比例不低于97%。',
    targets: [
      { metric: '补充美育教师', comparator: '>', value: 5000, unit: '名', year: 2023 },
      { metric: '器材配备达标比例', comparator: '>=', value: 97, unit: '%', year: null },
    ],
  },
  {
    name: 'takes the year of 到2025年 for the target after it',
    input: '到2025年,全县学前教育毛入园率达到92%以上。',
    targets: [{ metric: '学前教育毛入园率', comparator: '>=', value: 92, unit: '%', year: 2025 }],
  },
  {
    name: 'takes the year of 到2027年 for 不低于',
    input: '到2027年,高中阶段毛入学率不低于95%。',
    targets: [{ metric: '高中阶段毛入学率', comparator: '>=', value: 95, unit: '%', year: 2027 }],
  },
  {
    name: 'reads 到2026年底前 as 2026',
    input: '到2026年底前,全区公办幼儿园在园幼儿占比达到55%以上。',
    targets: [{ metric: '公办幼儿园在园幼儿占比', comparator: '>=', value: 55, unit: '%', year: 2026 }],
  },
  {
    name: 'reads 2027年前建成…所 as a count due in 2027',
    input: '2027年前建成公办幼儿园5所。',
    targets: [{ metric: '建成公办幼儿园', comparator: '=', value: 5, unit: '所', year: 2027 }],
  },
  {
    name: 'reads 年底前 as the document year',
    input: '年底前,全县中小学校园视频监控联网率达到100%。',
    docYear: 2024,
    targets: [{ metric: '中小学校园视频监控联网率', comparator: '=', value: 100, unit: '%', year: 2024 }],
  },
  {
    name: 'leaves 年底前 without a year when the document year is unknown',
    input: '年底前,全县中小学校园视频监控联网率达到100%。',
    targets: [{ metric: '中小学校园视频监控联网率', comparator: '=', value: 100, unit: '%', year: null }],
  },
  {
    name: 'reads 今年 as the document year for a count',
    input: '今年,全区计划新增公办学位3000个。',
    docYear: 2024,
    targets: [{ metric: '新增公办学位', comparator: '=', value: 3000, unit: '个', year: 2024 }],
  },
  {
    name: 'reads 3年内 as three years after the document year',
    input: '力争3年内全县义务教育优质均衡发展达标学校比例达到90%。',
    docYear: 2024,
    targets: [{ metric: '义务教育优质均衡发展达标学校比例', comparator: '>=', value: 90, unit: '%', year: 2027 }],
  },
  {
    name: 'reads “十四五”期间 as 2025',
    input: '“十四五”期间,全市累计新建改扩建幼儿园30所。',
    targets: [{ metric: { has: '幼儿园' }, comparator: '=', value: 30, unit: '所', year: 2025 }],
  },
  {
    name: 'applies one deadline to every target of its sentence',
    input: '到2025年底,全县中小学教师本科及以上学历比例达到80%,研究生学历教师比例提高2个百分点。',
    targets: [
      { metric: '中小学教师本科及以上学历比例', comparator: '=', value: 80, unit: '%', year: 2025 },
      { metric: '研究生学历教师比例', comparator: 'increase', value: 2, unit: '个百分点', year: 2025 },
    ],
  },
  {
    name: 'lets a new deadline replace the previous one within a sentence',
    input: '到2025年,全县小学入学率达到99%;到2027年,小学入学率达到100%。',
    targets: [
      { metric: '小学入学率', comparator: '=', value: 99, unit: '%', year: 2025 },
      { metric: '小学入学率', comparator: '=', value: 100, unit: '%', year: 2027 },
    ],
  },
  {
    // A deadline opening a paragraph holds for that paragraph only (see the first case).
    name: 'does not carry a deadline into the next paragraph',
    input: '到2025年,全县小学入学率达到99%。\n初中巩固率保持在97%以上。',
    targets: [
      { metric: '小学入学率', comparator: '=', value: 99, unit: '%', year: 2025 },
      { metric: '初中巩固率', comparator: '>=', value: 97, unit: '%', year: null },
    ],
  },
  {
    // Review 7: a speech goes on from its goal to what was done; a carried deadline is no cue.
    name: 'does not carry an opening deadline into a sentence about the years past or the present',
    input: '到2025年,全县要新增学位5000个。这几年,我们新建学校20所,招聘教师800名。目前,全县新建幼儿园12所。',
    docYear: 2023,
    targets: [{ metric: '新增学位', comparator: '=', value: 5000, unit: '个', year: 2025 }],
  },
  {
    name: 'reads a sentence that opens with 目前 as the present state, not as the opening deadline\'s target',
    input: '到2025年,全县普惠性幼儿园覆盖率达到90%。目前,全县普惠性幼儿园覆盖率达到85%,新建幼儿园12所。',
    docYear: 2024,
    targets: [{ metric: '普惠性幼儿园覆盖率', comparator: '=', value: 90, unit: '%', year: 2025 }],
  },
  {
    name: 'still reads a deadline after 目前 in the same sentence',
    input: '目前全县普惠性幼儿园覆盖率为85%,力争到2025年达到90%。',
    docYear: 2024,
    targets: [{ metric: { has: '覆盖率' }, comparator: '>=', value: 90, unit: '%', year: 2025 }],
  },
  {
    name: 'dates a later bare count by the opening deadline but needs a cue of its own for it',
    input: '到2025年,全县普惠性幼儿园覆盖率达到90%。新建幼儿园12所。义务教育巩固率达到97%。',
    docYear: 2024,
    targets: [
      { metric: '普惠性幼儿园覆盖率', comparator: '=', value: 90, unit: '%', year: 2025 },
      { metric: '义务教育巩固率', comparator: '=', value: 97, unit: '%', year: 2025 },
    ],
  },
  {
    // Review 9: 全覆盖的目标 names the coverage as the aim.
    name: 'reads 实现…全覆盖的目标 as full coverage by its deadline',
    input: '到2025年实现农村学校教师周转宿舍全覆盖的目标。',
    docYear: 2024,
    targets: [{ metric: { has: '周转宿舍覆盖率' }, comparator: '=', value: 100, unit: '%', year: 2025 }],
  },
  {
    name: 'reads 秋季学期起 as a start date, not a deadline',
    input: '2024年秋季学期起,全县义务教育学校课后服务覆盖率达到100%。',
    docYear: 2024,
    targets: [{ metric: '义务教育学校课后服务覆盖率', comparator: '=', value: 100, unit: '%', year: null }],
  },
  {
    name: 'reads 2025年前消除 as eliminate due in 2025',
    input: '确保2025年前消除66人以上超大班额。',
    targets: [{ metric: '66人以上超大班额', comparator: 'eliminate', value: null, unit: null, year: 2025 }],
  },
];

const several: Case[] = [
  {
    name: 'splits two comparators joined by a comma into two targets',
    input: '幼儿园保教人员持证上岗率达到100%,专任教师学历达标率达到95%以上。',
    targets: [
      { metric: '幼儿园保教人员持证上岗率', comparator: '=', value: 100, unit: '%', year: null },
      { metric: '专任教师学历达标率', comparator: '>=', value: 95, unit: '%', year: null },
    ],
  },
  {
    name: 'pairs 分别 values with the listed subjects',
    input: '学前教育、高中阶段教育毛入学率分别达到92%和95%。',
    targets: [
      { metric: '学前教育毛入学率', comparator: '=', value: 92, unit: '%', year: null },
      { metric: '高中阶段教育毛入学率', comparator: '=', value: 95, unit: '%', year: null },
    ],
  },
  {
    name: 'pairs 分别控制在 values and lets one 以内 close the list',
    input: '小学、初中大班额比例分别控制在5%、3%以内。',
    targets: [
      { metric: '小学大班额比例', comparator: '<=', value: 5, unit: '%', year: null },
      { metric: '初中大班额比例', comparator: '<=', value: 3, unit: '%', year: null },
    ],
  },
  {
    // 工作计划 of the dev corpus (09): the two subjects are joined by 和, not 、.
    name: 'pairs 分别 values with two subjects joined by 和',
    input: '普高和职高在校学生年巩固率分别达97%、95%。',
    targets: [
      { metric: '普高在校学生年巩固率', comparator: '=', value: 97, unit: '%', year: null },
      { metric: '职高在校学生年巩固率', comparator: '=', value: 95, unit: '%', year: null },
    ],
  },
  {
    name: 'keeps the first 分别 value when a 和 list does not pair with the values',
    input: '教育和体育经费分别达到5%、3%、2%。',
    targets: [{ metric: '教育和体育经费', comparator: '=', value: 5, unit: '%', year: null }],
  },
  {
    name: 'keeps the first 分别 value when the subjects cannot be paired',
    input: '专任教师本科学历比例分别达到70%、90%。',
    targets: [{ metric: '专任教师本科学历比例', comparator: '=', value: 70, unit: '%', year: null }],
  },
  {
    name: 'reads the subject of 分别 from the clause before it',
    input: '小学、中学专任教师本科及以上学历比例进一步提升,分别达到70%、90%。',
    targets: [
      { metric: '小学专任教师本科及以上学历比例', comparator: '=', value: 70, unit: '%', year: null },
      { metric: '中学专任教师本科及以上学历比例', comparator: '=', value: 90, unit: '%', year: null },
    ],
  },
  {
    name: 'gives 其中 its own target',
    input: '校长教师交流轮岗比例每年不低于15%,其中骨干教师不低于20%。',
    targets: [
      { metric: '校长教师交流轮岗比例', comparator: '>=', value: 15, unit: '%', year: null },
      { metric: '骨干教师', comparator: '>=', value: 20, unit: '%', year: null },
    ],
  },
  {
    name: 'distributes a count verb over a 、 list',
    input: '力争到2027年,全县新增省级优质园5所、市级优质园10所。',
    targets: [
      { metric: '新增省级优质园', comparator: '=', value: 5, unit: '所', year: 2027 },
      { metric: '新增市级优质园', comparator: '=', value: 10, unit: '所', year: 2027 },
    ],
  },
  {
    name: 'reads 80%以上 in front of a noun as >= when a deadline sets it',
    input: '到2026年,全县80%以上的乡村学校建成智慧校园。',
    targets: [{ metric: '乡村学校建成智慧校园', comparator: '>=', value: 80, unit: '%', year: 2026 }],
  },
];

const ocr: Case[] = [
  {
    name: 'repairs 1万L5万 into the range 1万-1.5万 while text keeps the damaged words',
    input: '每所小学服务人口控制在1万L5万人。',
    targets: [{ metric: '每所小学服务人口', comparator: 'range', value: 1, valueMax: 1.5, unit: '万人', year: null }],
  },
  {
    name: 'repairs IOM into 10 M',
    input: '全县中小学班均出口带宽不低于IOM。',
    targets: [{ metric: '中小学班均出口带宽', comparator: '>=', value: 10, unit: 'M', year: null }],
  },
  {
    name: 'repairs III级 into 3 级',
    input: '学生学业水平达到III级以上。',
    targets: [{ metric: '学生学业水平', comparator: '>=', value: 3, unit: '级', year: null }],
  },
  {
    name: 'repairs 5155人班额 into the band 51-55',
    input: '5155人班额比例控制在8%以内。',
    targets: [{ metric: '51-55人班额比例', comparator: '<=', value: 8, unit: '%', year: null }],
  },
  {
    name: 'reads %o as the end of a sentence',
    input: '教师参训率达100%o加快推进智慧校园建设。',
    targets: [{ metric: '教师参训率', comparator: '=', value: 100, unit: '%', year: null }],
  },
  {
    name: 'repairs a lost decimal point in 075人',
    input: '每百名学生拥有体育专任教师数达到075人以上。',
    targets: [{ metric: '每百名学生拥有体育专任教师数', comparator: '>=', value: 0.75, unit: '人', year: null }],
  },
];

const notTargets: Case[] = [
  {
    // 行动计划 of the dev corpus (31), in its 指导思想.
    name: 'does not take 全覆盖 that describes a noun for a coverage target',
    input: '为形成全覆盖、多样化、高质量的现代化学校美育新格局提供强有力的保障。',
    targets: [],
  },
  {
    name: 'does not take 全覆盖的 before a noun it describes for a coverage target',
    input: '形成全覆盖的课后服务体系。',
    targets: [],
  },
  {
    // 工作计划 of the dev corpus (09): extraction lost the % signs and the colon of 55:45.
    name: 'leaves out a rate written as a bare number above 1, which lost its % or colon',
    input: '高中教师学历合格率达98,普高和职高招生人数比例达5545,双师型教师比率达20%。',
    targets: [{ metric: '双师型教师比率', comparator: '=', value: 20, unit: '%', year: null }],
  },
  {
    name: 'keeps a rate below 1 written without a unit',
    input: '校际差异率低于0.15。',
    targets: [{ metric: '校际差异率', comparator: '<', value: 0.15, unit: null, year: null }],
  },
  {
    // Outside a plan a count in front of its noun needs a cue: a summary's 完成…57所… is a result.
    name: 'does not take a count in front of its noun for a target outside a plan without a cue',
    input: '完成57所乡镇中心幼儿园建设,有序推进13个项目。',
    targets: [],
  },
  {
    name: 'reads no number out of a ratio such as 班师比不低于1:2 or 生师比1∶15',
    input: '班师比不低于1:2,生师比控制在1∶15以内。',
    targets: [],
  },
  {
    name: 'finds nothing in a count of schools',
    input: '全市共有各级各类学校107所,在校学生82790人。',
    targets: [],
  },
  {
    name: 'treats a past year in a report as a fact',
    input: '2022年,全市一般公共预算教育支出11.87亿元,同比增长6.3%。',
    docYear: 2023,
    targets: [],
  },
  {
    name: 'treats 同比 as a report of what happened even without a document year',
    input: '全市一般公共预算教育支出同比增长6.3%。',
    targets: [],
  },
  {
    name: 'treats a verb with 了 as a fact',
    input: '全县中考平均分比上年提高了10%。',
    targets: [],
  },
  {
    name: 'treats 均已达到 as a fact',
    input: '全县14所乡镇中心校均已达到省定办学标准,达标率达到100%。',
    targets: [],
  },
  {
    name: 'keeps a past year factual for the rest of its paragraph',
    input: '2022年,全市新建幼儿园5所。普通高中资源新增供给比例达100%。',
    docYear: 2023,
    targets: [],
  },
  {
    name: 'skips masked values',
    input: '明年新增学位x.x万个,教育投入X亿元,优秀率达到xx%,生均经费提高至xxx元。',
    docYear: 2024,
    targets: [],
  },
  {
    name: 'skips a comparator without a number',
    input: '中小学教师平均工资收入水平不低于当地公务员平均工资收入水平。',
    targets: [],
  },
  {
    name: 'skips a quantity that only qualifies a noun',
    input: '对在校生不足100人的学校按100人核定公用经费,超过2000人的学校要逐步分流。',
    targets: [],
  },
  {
    name: 'skips 超过 in a description without a target cue',
    input: '全县有13所学校班额超过45人。',
    targets: [],
  },
  {
    name: 'skips years and numbers inside a document title',
    input: '认真落实《XX县教育事业发展“十四五”规划(2021-2025年)》和2022年新修订的课程方案。',
    targets: [],
  },
  {
    name: 'skips slogans in quotation marks',
    input: '实现开工率、竣工率“四个100%”,形成“全面覆盖、方便就读”的办学格局。',
    targets: [],
  },
  {
    name: 'skips 消除 used as a modifier of a noun',
    input: '建立消除大班额工作台账,巩固大班额消除成果。',
    targets: [],
  },
  {
    name: 'skips 达 inside 下达',
    input: '争取上级下达专项资金2000万元。',
    targets: [],
  },
  {
    name: 'skips a count verb without a target cue',
    input: '全区完成薄弱学校改造30所。',
    targets: [],
  },
];

describe('extractTargets', () => {
  describe('comparators and units', () => {
    for (const c of comparators) it(c.name, () => check(c));
  });
  describe('deadlines', () => {
    for (const c of deadlines) it(c.name, () => check(c));
  });
  describe('several targets in one clause', () => {
    for (const c of several) it(c.name, () => check(c));
  });
  describe('OCR damage inside numbers', () => {
    for (const c of ocr) it(c.name, () => check(c));
  });
  describe('text that is no target', () => {
    for (const c of notTargets) it(c.name, () => check(c));
  });

  it('copies the measure id into every target', () => {
    const got = extractTargets('入学率达到99%,巩固率达到98%。', { measure: 'm12' });
    expect(got).toHaveLength(2);
    for (const t of got) expect(t.measure).toBe('m12');
  });

  it('returns the exact damaged words as text so they can be found in the document', () => {
    const input = '到2025年基本消除56人及以上大班额、5155人班额比例控制在10%以内。';
    expect(extractTargets(input).map((t) => t.text)).toEqual(['到2025年基本消除56人及以上大班额', '5155人班额比例控制在10%以内']);
  });
});

describe('extractTargets on real sentences from the sample documents', () => {
  const sources = Object.fromEntries(
    readdirSync(SOURCES)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => [f, readFileSync(SOURCES + f, 'utf8')]),
  );
  const quote = (file: string, sentence: string): string => {
    expect(sources[file], `${file} is missing from content/sources`).toBeDefined();
    expect(sources[file]).toContain(sentence);
    return sentence;
  };

  it('reads the class-size sentence of the implementation plan as two targets due in 2025', () => {
    const input = quote(
      'shi-yiwu-jiaoyu-youzhi-junheng-shishi-fangan.txt',
      '到2025年基本消除56人及以上大班额、5155人班额比例控制在10%以内;到2027年,学校规模和班额达到国家标准要求。',
    );
    check({
      name: '',
      input,
      targets: [
        { metric: '56人及以上大班额', comparator: 'eliminate', value: null, unit: null, year: 2025 },
        { metric: '51-55人班额比例', comparator: '<=', value: 10, unit: '%', year: 2025 },
      ],
    });
  });

  it('reads the teacher-exchange sentence of the implementation plan as two shares', () => {
    const input = quote(
      'shi-yiwu-jiaoyu-youzhi-junheng-shishi-fangan.txt',
      '县域内城镇学校、优质学校教师每学年交流轮岗到乡村学校和薄弱学校的比例不低于符合交流条件教师总数的10%,其中骨干教师不低于交流轮岗教师总数的20%o责任单位:',
    );
    check({
      name: '',
      input,
      targets: [
        { metric: { has: '交流轮岗到乡村学校和薄弱学校的比例' }, comparator: '>=', value: 10, unit: '%', year: null },
        { metric: '骨干教师占交流轮岗教师总数比例', comparator: '>=', value: 20, unit: '%', year: null },
      ],
    });
  });

  it('reads the exchange quota of the Jiyuan work points as a share of the staff to exchange', () => {
    const input = quote('2018-jiyuan-jiaoyuju-gongzuo-yaodian.txt', '组织实施校长教师轮岗交流,教师交流人数达到应交流教职工总数的10%以上。');
    check({
      name: '',
      input,
      docYear: 2018,
      targets: [{ metric: '教师交流人数占应交流教职工总数比例', comparator: '>=', value: 10, unit: '%', year: null }],
    });
  });

  it('reads 明年 in the 2024 planning paper as the plan year and skips the masked X元', () => {
    const input = quote(
      '2024-shi-jiaoyuju-wuxu-huiyi-cailiao.txt',
      '计划明年教科研经费和竞赛经费在原定基础上各增长15%;中小学省均公用经费分别提升至X元/年。',
    );
    check({
      name: '',
      input,
      docYear: 2023,
      targets: [{ metric: '教科研经费和竞赛经费', comparator: 'increase', value: 15, unit: '%', year: 2024 }],
    });
  });

  it('reads the damaged bandwidth and grade figures of the implementation plan', () => {
    const bandwidth = quote('shi-yiwu-jiaoyu-youzhi-junheng-shishi-fangan.txt', '实现全市所有学校班均互联网出口带宽不低于IOM0强化');
    const grade = quote('shi-yiwu-jiaoyu-youzhi-junheng-shishi-fangan.txt', '相关科目学生学业水平达到11I级以上,且校际差异率低于0.15。');
    check({
      name: '',
      input: bandwidth,
      targets: [{ metric: '学校班均互联网出口带宽', comparator: '>=', value: 10, unit: 'M', year: null }],
    });
    check({
      name: '',
      input: grade,
      targets: [
        { metric: '相关科目学生学业水平', comparator: '>=', value: 3, unit: '级', year: null },
        { metric: '校际差异率', comparator: '<', value: 0.15, unit: null, year: null },
      ],
    });
  });

  it('reads the 2022 health figures of the Jingjiang report as facts, and as decreases without a document year', () => {
    const input = quote(
      '2023-jingjiang-lvxing-jiaoyu-zhize-huibao.txt',
      '2022中小学生体质健康测试合格率达95.85%,学生近视率下降3.52%、肥胖率下降0.51%。',
    );
    check({ name: '', input, docYear: 2023, targets: [] });
    check({
      name: '',
      input,
      targets: [
        { metric: '中小学生体质健康测试合格率', comparator: '=', value: 95.85, unit: '%', year: 2022 },
        { metric: '学生近视率', comparator: 'decrease', value: 3.52, unit: '%', year: 2022 },
        { metric: '肥胖率', comparator: 'decrease', value: 0.51, unit: '%', year: 2022 },
      ],
    });
  });

  // The 2024 planning paper speaks of 2024 as 明年, so it was written in 2023.
  const docYears: Record<string, number | null> = {
    '2018-jiyuan-jiaoyuju-gongzuo-yaodian.txt': 2018,
    '2023-jiaoyuju-juzhang-luntan-fayan.txt': 2023,
    '2023-jingjiang-lvxing-jiaoyu-zhize-huibao.txt': 2023,
    '2024-shi-jiaoyuju-wuxu-huiyi-cailiao.txt': 2023,
    'shi-yiwu-jiaoyu-youzhi-junheng-shishi-fangan.txt': null,
  };
  // Lower bounds, so the substring check below cannot pass on an empty result.
  const atLeast: Record<string, number> = {
    '2018-jiyuan-jiaoyuju-gongzuo-yaodian.txt': 3,
    '2023-jiaoyuju-juzhang-luntan-fayan.txt': 0,
    '2023-jingjiang-lvxing-jiaoyu-zhize-huibao.txt': 1,
    '2024-shi-jiaoyuju-wuxu-huiyi-cailiao.txt': 1,
    'shi-yiwu-jiaoyu-youzhi-junheng-shishi-fangan.txt': 30,
  };

  it('covers all five sample files', () => {
    expect(Object.keys(sources).sort()).toEqual(Object.keys(docYears).sort());
  });

  for (const [file, docYear] of Object.entries(docYears)) {
    it(`returns schema-valid targets whose text is a substring of ${file}`, () => {
      const input = sources[file] ?? '';
      for (const year of [docYear, null]) {
        const got = extractTargets(input, { docYear: year, measure: 'm1' });
        expect(got.length).toBeGreaterThanOrEqual(atLeast[file] ?? 1);
        for (const t of got) {
          expect(input).toContain(t.text);
          expect(targetSchema.safeParse(t).success, JSON.stringify(t)).toBe(true);
        }
      }
    });
  }

  it('finds the plan targets of the implementation plan', () => {
    const metrics = extractTargets(sources['shi-yiwu-jiaoyu-youzhi-junheng-shishi-fangan.txt'] ?? '').map((t) => t.metric);
    expect(metrics).toEqual(
      expect.arrayContaining(['小学、初中规模', '51-55人班额比例', '学科类培训机构数量', '民办义务教育在校生比例', '残疾儿童少年入学率']),
    );
  });

  it('finds no target in the anonymised speech, whose figures are all masked', () => {
    expect(extractTargets(sources['2023-jiaoyuju-juzhang-luntan-fayan.txt'] ?? '', { docYear: 2023 })).toEqual([]);
  });
});

describe('extractTargets in a plan', () => {
  it('takes a bare count after a verb as a target only when the text is a plan', () => {
    expect(extractTargets('新增学位2000个。')).toEqual([]);
    expect(extractTargets('新增学位2000个。', { planned: true })).toContainEqual(
      expect.objectContaining({ value: 2000, unit: '个' }),
    );
  });
});

describe('extractTargets on full-width punctuation', () => {
  it('splits clauses at ，and ；as it does at , and ;', () => {
    const text = '新建幼儿园5所，新增学位1200个，普惠性幼儿园在园幼儿占比保持在95%以上；教师交流轮岗比例不低于15%。';
    const targets = extractTargets(text, { planned: true });
    expect(targets).toContainEqual(expect.objectContaining({ metric: '普惠性幼儿园在园幼儿占比', comparator: '>=', value: 95 }));
    expect(targets).toContainEqual(expect.objectContaining({ metric: '教师交流轮岗比例', comparator: '>=', value: 15 }));
    for (const t of targets) {
      expect(text).toContain(t.text);
      expect(t.text).not.toMatch(/^[，；]/);
    }
  });
});

describe('extractTargets on kinds of wording the samples do not show', () => {
  const cases: Case[] = [
    {
      name: 'reads a percentage written in Chinese numerals as a number',
      input: '到2026年，全乡学生近视防控知识知晓率达到百分之九十五以上。',
      targets: [{ metric: '学生近视防控知识知晓率', comparator: '>=', value: 95, unit: '%', year: 2026 }],
    },
    {
      name: 'reads 百分之百 as 100 percent',
      input: '民办培训机构年检合格率达到百分之百。',
      targets: [{ metric: '民办培训机构年检合格率', comparator: '=', value: 100, unit: '%', year: null }],
    },
    {
      name: 'reads a Chinese-numeral percentage with a decimal part',
      input: '高中阶段毛入学率保持在百分之九十八点五以上。',
      targets: [{ metric: '高中阶段毛入学率', comparator: '>=', value: 98.5, unit: '%', year: null }],
    },
    {
      name: 'keeps both verbs of 新建、改扩建 in the metric of their shared count',
      input: '力争新建、改扩建公办幼儿园8所。',
      targets: [{ metric: '新建、改扩建公办幼儿园', comparator: '=', value: 8, unit: '所', year: null }],
    },
    {
      name: 'reads a count of events held each term as a target',
      input: '每学期至少举办3次家庭教育讲座。',
      targets: [{ metric: '举办家庭教育讲座', comparator: '>=', value: 3, unit: '次', year: null }],
    },
    {
      name: 'reads a range of activities each pupil takes part in',
      input: '每名学生每学年参加2至3项体育社团活动。',
      targets: [{ metric: '参加体育社团活动', comparator: 'range', value: 2, valueMax: 3, unit: '项', year: null }],
    },
    {
      name: 'counts training sessions in 期',
      input: '确保全年举办校长专题研修班不少于3期。',
      targets: [{ metric: '举办校长专题研修班', comparator: '>=', value: 3, unit: '期', year: null }],
    },
    {
      name: 'keeps a level qualifier with 以上 inside the thing counted',
      input: '力争新增省级以上特色高中1所。',
      targets: [{ metric: '新增省级以上特色高中', comparator: '=', value: 1, unit: '所', year: null }],
    },
    {
      name: 'takes 到…年秋季学期 for a deadline',
      input: '到2026年秋季学期，初中学校课后服务实现全覆盖。',
      targets: [{ metric: '初中学校课后服务覆盖率', comparator: '=', value: 100, unit: '%', year: 2026 }],
    },
    {
      name: 'does not take a staffing standard introduced by 按照…的标准 for a count target',
      input: '按照每3所幼儿园配备1名专职督学的标准，配齐配强督学队伍。',
      docYear: 2025,
      targets: [],
    },
  ];
  for (const c of cases) it(c.name, () => check(c));
});

// Sentences of the development corpus (../shared/corpus/dev), read as parts of plans.
describe('extractTargets on sentences of real plans', () => {
  const planned: Array<[string, string, Expected[]]> = [
    ['joins a PDF line wrap and spaces around numbers', '学前三年毛入园率达到 94.5%以上,普\n惠性幼儿园覆盖率达到 89%,特色学校达到 250 所。', [
      { metric: '学前三年毛入园率', comparator: '>=', value: 94.5, unit: '%', year: null },
      { metric: '普惠性幼儿园覆盖率', comparator: '=', value: 89, unit: '%', year: null },
      { metric: '特色学校', comparator: '=', value: 250, unit: '所', year: null },
    ]],
    ['reads 计划招生 and 创 as counts', '普通高中计划招生6728人,创省标准化学校30所。', [
      { metric: '普通高中计划招生', comparator: '=', value: 6728, unit: '人', year: null },
      { metric: '创省标准化学校', comparator: '=', value: 30, unit: '所', year: null },
    ]],
    ['does not let a year that dates a noun make the sentence a report', '完成2011年立项的乡镇中心幼儿园建设,新增学位13640个。', [
      { metric: '新增学位', comparator: '=', value: 13640, unit: '个', year: null },
    ]],
    ['reads 按总课时的11% as a share', '鼓励有条件的学校按总课时的11%开设美育课程。', [
      { metric: '美育课程占总课时比例', comparator: '=', value: 11, unit: '%', year: null },
    ]],
    ['reads 保证72学时 as a floor', '中等职业学校要将艺术课程纳入公共基础必修课，保证72学时。', [
      { metric: { has: '艺术课程' }, comparator: '>=', value: 72, unit: '学时', year: null },
    ]],
    ['reads 72个学时 in 学时', '美育课程不得低于72个学时。', [{ metric: '美育课程', comparator: '>=', value: 72, unit: '学时', year: null }]],
    ['reads 占总课时9%的下限 as the bound', '确保艺术课程课时总量不低于国家课程方案规定占总课时9%的下限。', [
      { metric: '艺术课程课时总量占总课时比例', comparator: '>=', value: 9, unit: '%', year: null },
    ]],
    ['reads 10个左右的 before its noun', '到2020年，力争建设10个左右的优秀传统文化艺术教育基地。', [
      { metric: '建设优秀传统文化艺术教育基地', comparator: '=', value: 10, unit: '个', year: 2020 },
    ]],
    ['reads 至少有1所 as a floor', '力争每县中小学校中至少有1所学校建有综合性礼堂。', [
      { metric: { has: '每县中小学校' }, comparator: '>=', value: 1, unit: '所', year: null },
    ]],
    ['reads 保证每天…1小时 as a floor', '保证学生每天在校锻炼1小时。', [{ metric: { has: '锻炼' }, comparator: '>=', value: 1, unit: '小时', year: null }]],
    ['leaves a field label before -- out of the metric', '高中教育--高考二本以上上线人数达到520人。', [
      { metric: '高考二本以上上线人数', comparator: '=', value: 520, unit: '人', year: null },
    ]],
    // The review's check of the -- label rule: dashes joining words inside a sentence are no label.
    ['takes words joined by —— inside a sentence for no label: each rate keeps its own noun', '构建学校——家庭——社会协同育人机制,家长学校覆盖率达到90%。落实“双减”——课后服务参与率达到95%以上。', [
      { metric: '家长学校覆盖率', comparator: '=', value: 90, unit: '%', year: null },
      { metric: '课后服务参与率', comparator: '>=', value: 95, unit: '%', year: null },
    ]],
    ['reads a counted list joined by 和', '立项新建幼儿园42所,建设农村小学附属幼儿园项目100个和闲置校舍改建幼儿园项目30个。', [
      { metric: '新建幼儿园', comparator: '=', value: 42, unit: '所', year: null },
      { metric: '建设农村小学附属幼儿园项目', comparator: '=', value: 100, unit: '个', year: null },
      { metric: '建设闲置校舍改建幼儿园项目', comparator: '=', value: 30, unit: '个', year: null },
    ]],
    ['carries a counted list on past commas while the clauses have no verb and the same unit', '全县培养市级以上骨干教师100名,县级以上骨干教师200名,名优校长5名。', [
      { metric: '培养市级以上骨干教师', comparator: '=', value: 100, unit: '名', year: null },
      { metric: '培养县级以上骨干教师', comparator: '=', value: 200, unit: '名', year: null },
      { metric: '培养名优校长', comparator: '=', value: 5, unit: '名', year: null },
    ]],
    ['does not carry a counted list into a clause with its own verb', '新建学校3所,招聘教师50名。', [
      { metric: '新建学校', comparator: '=', value: 3, unit: '所', year: null },
      { metric: '招聘教师', comparator: '=', value: 50, unit: '名', year: null },
    ]],
    ['does not carry a counted list into a clause counted in another unit', '培养骨干教师100名,专项经费500万元。', [
      { metric: '培养骨干教师', comparator: '=', value: 100, unit: '名', year: null },
    ]],
    ['reads 达标 as part of the thing counted', '创建市学前教育达标乡镇4个、先进乡镇3个。', [
      { metric: '创建市学前教育达标乡镇', comparator: '=', value: 4, unit: '个', year: null },
      { metric: '创建先进乡镇', comparator: '=', value: 3, unit: '个', year: null },
    ]],
    ['reads a count in front of the things counted inside a verb\'s object', '完成2011年立项的57所乡镇中心幼儿园建设,新增学位13640个。', [
      { metric: '乡镇中心幼儿园建设', comparator: '=', value: 57, unit: '所', year: null },
      { metric: '新增学位', comparator: '=', value: 13640, unit: '个', year: null },
    ]],
    ['reads counts in front of their nouns after 推进 and 完成', '强力推进150亩涉农基地建设,建成县域现代农业示范工程;完成全年600人招生任务。', [
      { metric: '涉农基地建设', comparator: '=', value: 150, unit: '亩', year: null },
      { metric: '招生任务', comparator: '=', value: 600, unit: '人', year: null },
    ]],
    ['reads things counted and made into something as a count of what they become', '年内将蒙泉镇中心学校等12所学校创建成合格学校。', [
      { metric: '创建合格学校', comparator: '=', value: 12, unit: '所', year: null },
    ]],
    ['takes no count in front of a noun when the only verb is inside the noun', '继续完善二期4所思源学校项目建设。', []],
    // A part, a total or a stock after a comma is no further item of a counted list (review 8).
    ['does not carry a counted list into 其中, a 总数 or a 累计', '新建幼儿园5所,其中公办幼儿园3所;招聘教师100名,全县教师总数2000名;新增学位2000个,累计学位50000个。', [
      { metric: '新建幼儿园', comparator: '=', value: 5, unit: '所', year: null },
      { metric: '招聘教师', comparator: '=', value: 100, unit: '名', year: null },
      { metric: '新增学位', comparator: '=', value: 2000, unit: '个', year: null },
    ]],
    ['does not carry a counted list into a part of its last item', '新建学校3所,改造运动场12个,其中塑胶跑道8个。', [
      { metric: '新建学校', comparator: '=', value: 3, unit: '所', year: null },
      { metric: '改造运动场', comparator: '=', value: 12, unit: '个', year: null },
    ]],
    // A label line (as a table row's cells are written) is a field of its own (review 3).
    ['does not join a line break before a label line into the thing counted', '新建幼儿园3所\n牵头单位:县教育局', [
      { metric: '新建幼儿园', comparator: '=', value: 3, unit: '所', year: null },
    ]],
    ['does not read the unit label after a labelled cell as the thing counted', '建设内容:新增学位360个\n责任单位:县教育局', [
      { metric: '新增学位', comparator: '=', value: 360, unit: '个', year: null },
    ]],
    ['still joins a sentence wrapped across lines', '新建幼儿园3所,改造\n校舍12所。', [
      { metric: '新建幼儿园', comparator: '=', value: 3, unit: '所', year: null },
      { metric: '改造校舍', comparator: '=', value: 12, unit: '所', year: null },
    ]],
    // 一年来/这几年 open an account of the time just past, as 近年来 does (review 6).
    ['reads a paragraph opened by 一年来 or 这几年 as what was done', '一年来,全县新建学校5所,高考本科上线率达到85%。\n这几年,我们招聘教师800名。', []],
    // A count of items of work sizes a list of tasks; it is no number to reach (review 2).
    ['takes no count of reforms, tasks or 实事 in front of them', '全力推进5项重点改革,扎实推进8项民生实事。', []],
    ['takes no count that announces a list', '重点完成以下5项任务:', []],
    ['takes no count of 专项行动 or 项目 counted in items', '安排部署3项专项行动,有序推进今年列入计划13个项目。', []],
    ['takes no count of work followed by what it should achieve', '今年要确保推进10项重点工作落地见效。', []],
    ['takes no count that closes the noun before it and is followed by a predicate', '目前全县幼儿园共120所,新建幼儿园8所正在推进。', []],
    ['keeps a count of projects that build a thing', '全面推进100个农村小学附属幼儿园项目。', [
      { metric: '农村小学附属幼儿园项目', comparator: '=', value: 100, unit: '个', year: null },
    ]],
    ['takes no count in front of a noun from a range, a rate per group or a statement about it', '各县区要选定2-3所优质初中学校招收艺术特长生,每6个教学班配备音乐教室,建成5所学校达到省级标准。', [
      { metric: '建成学校达到省级标准', comparator: '=', value: 5, unit: '所', year: null },
    ]],
    ['takes no target from quickening the pace of an action', '在全市范围内加快全面消除大班额和大规模学校推进步伐。', []],
  ];
  it.each(planned)('%s', (_, input, expected) => {
    const got = extractTargets(input, { planned: true });
    expect(got.map((t, i) => comparable(t, expected[i]))).toEqual(expected);
  });
});
