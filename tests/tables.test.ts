import { describe, expect, it } from 'vitest';
import { columnRole, readTables } from '../src/extract/tables.ts';
import { buildStructure } from '../src/extract/structure.ts';
import { outline } from '../src/extract/measures.ts';
import { parseResponsibility } from '../src/extract/units.ts';
import { renderBody } from '../src/extract/body.ts';
import { ingestText } from '../src/extract/pipeline.ts';
import { loadPlaces, loadUnitAliases } from '../src/ingest/vocab.ts';

const lines = (text: string): string[] => text.split('\n');

/** The measures of a body as the ingest sees them: title, number, units with their roles. */
function measuresOf(body: string) {
  const s = buildStructure(body);
  return outline(s).measures.map((m) => {
    const r = parseResponsibility(m.text);
    return { number: m.node.label, title: m.node.title, section: m.parent?.title ?? null, lead: r?.lead ?? [], support: r?.support ?? [], units: r?.units ?? [] };
  });
}

describe('columnRole', () => {
  it.each([
    ['序号', 'number'],
    ['目标与任务', 'task'],
    ['重点任务', 'task'],
    ['民生事项名称', 'task'],
    ['2022年度任务目标', 'target'],
    ['牵头责任单位', 'lead'],
    ['牵头单位', 'lead'],
    ['责任单位', 'duty'],
    ['配合单位', 'support'],
    ['协同配合单位', 'support'],
    ['完成时限', 'deadline'],
    ['分 管 县领导', 'person'],
    ['分管市领导', 'person'],
    ['1-9月份工作完成情况', 'progress'],
    ['1-9月份工作取得成效', 'progress'],
    ['监督电话', 'other'],
    ['类别', 'category'],
  ])('reads the header %s as %s', (cell, role) => expect(columnRole(cell)).toBe(role));

  it.each([
    ['县教育局'],
    ['责任单位：市教育局、财政局'],
    ['80'],
    ['新增托位数400个以上'],
    ['完成泉山学校一期2座教学楼建设,庙后吕家初级中学主体建设并投入使用。'],
  ])('reads the data cell %s as no header', (cell) => expect(columnRole(cell)).toBeNull());
});

describe('readTables: one row per line, cells between |', () => {
  // Crafted, in the shape of a 民生实事 progress table: the category cell is merged over the rows,
  // so later rows lack it, and the row numbers stand in the task cell.
  const table = [
    '类别 | 事项名称 | 2024年度任务目标 | 责任单位 | 分管领导 | 1-6月完成情况 |',
    '二、教育 | 5.新建城东小学 | 建成城东小学1所。 | 教育局 | 张三 | 完成主体施工60%。 |',
    '6.扩充学位 | 新增学位500个。 | 教育局、住建局 | 张三 | 已完成30%。 | |',
  ].join('\n');

  it('reads a row per line, the merged category carried to the rows that lack it', () => {
    const [t] = readTables(lines(table));
    expect(t?.rows.map((r) => [r.category, r.number, r.task])).toEqual([
      ['二、教育', '5.', '新建城东小学'],
      ['二、教育', '6.', '扩充学位'],
    ]);
    expect(t?.rows[1]?.cells.map((c) => [c.column.role, c.text])).toEqual([
      ['target', '新增学位500个。'],
      ['duty', '教育局、住建局'],
      ['person', '张三'],
      ['progress', '已完成30%。'],
    ]);
  });

  it('makes each row a measure under its category, with the unit column as its units', () => {
    expect(measuresOf(table)).toEqual([
      { number: '5.', title: '新建城东小学', section: '教育', lead: [], support: [], units: ['教育局'] },
      { number: '6.', title: '扩充学位', section: '教育', lead: [], support: [], units: ['教育局', '住建局'] },
    ]);
  });

  it('keeps the target column in the measure text and the progress and leader cells out of it', () => {
    const s = buildStructure(table);
    const [m] = outline(s).measures;
    expect(m?.text).toContain('2024年度任务目标：建成城东小学1所。');
    expect(m?.text).not.toContain('60%');
    expect(m?.text).not.toContain('张三');
    // The page still shows them, next to the row, a cell that names its column not named twice.
    const body = renderBody(s, outline(s));
    expect(body).toContain('1-6月完成情况：完成主体施工60%。');
    const phone = buildStructure('序号 | 重点任务 | 责任单位 | 监督电话 |\n1 | 推进课后服务。 | 市教育局 | 监督电话0535-8246306 |');
    expect(renderBody(phone, outline(phone))).toMatch(/\n监督电话0535-8246306\n/u);
  });

  it('reads a quoted row of a captured table (doc 16) under its header', () => {
    const quoted = [
      '类别 | 民生事项名称 | 2022年度任务目标 | 责任单位 | 分管市领导 | 1-9月份工作完成情况 | 1-9月份工作取得成效 | 监督电话 |',
      '15.推进学校塑胶运动场地建设 | 完成罗峰学校及13处农村学校塑胶运动场地建成并投入使用。 | 教育体育局 | 刘福利 | 罗峰学校:9月份开始施工,完成基础施工30%; | 罗峰学校正在全力推进基础施工。 | 监督电话0535-8246306 | |',
    ].join('\n');
    expect(measuresOf(quoted)).toEqual([
      { number: '15.', title: '推进学校塑胶运动场地建设', section: null, lead: [], support: [], units: ['教育体育局'] },
    ]);
  });

  it('skips a header repeated at a page break and a total row', () => {
    const t = readTables(lines([
      '序号 | 重点任务 | 牵头单位 | 完成时限 |',
      '1 | 推进课后服务全覆盖。 | 市教育局 | 2024年底 |',
      '序号 | 重点任务 | 牵头单位 | 完成时限 |',
      '2 | 新建幼儿园3所。 | 市教育局 | 2024年9月 |',
      '合计 | 合计 | | |',
    ].join('\n')));
    expect(t[0]?.rows.map((r) => r.number)).toEqual(['1', '2']);
  });
});

describe('readTables: other ways a table is written', () => {
  it('reads cells separated by tabs, as a browser copies a table', () => {
    const body = ['序号\t重点任务\t牵头单位\t配合单位\t完成时限', '1\t新建幼儿园3所。\t市教育局\t市财政局\t2024年底', '2\t\t\t\t', '3\t推进课后服务。\t市教育局\t\t2024年9月'].join('\n');
    expect(measuresOf(body).map((m) => [m.number, m.title, m.lead, m.support])).toEqual([
      ['1', '新建幼儿园3所', ['市教育局'], ['市财政局']],
      ['3', '推进课后服务', ['市教育局'], []],
    ]);
  });

  it('reads a Markdown table: the bar before the first cell opens no cell, the rule is no row', () => {
    const body = ['| 序号 | 工作任务 | 责任单位 |', '|---|:---|---|', '| 1 | 开展教师全员培训。 | 区教育局、区人社局 |'].join('\n');
    expect(measuresOf(body)).toEqual([
      { number: '1', title: '开展教师全员培训', section: null, lead: [], support: [], units: ['区教育局', '区人社局'] },
    ]);
  });

  it('takes a numbered heading standing alone between rows as the category of the rows after it', () => {
    const rows = ['序号 | 重点任务 | 牵头单位 |', '一、学前教育 |', '1 | 新建幼儿园3所。 | 县教育局 |', '二、义务教育 |', '2 | 推进课后服务。 | 县教育局 |'].join('\n');
    expect(measuresOf(rows).map((m) => [m.section, m.title])).toEqual([['学前教育', '新建幼儿园3所'], ['义务教育', '推进课后服务']]);
    const cells = ['序号 |', '重点任务 |', '牵头单位 |', '一、学前教育 |', '1 |', '新建幼儿园3所。 |', '县教育局 |', '二、义务教育 |', '2 |', '推进课后服务。 |', '县教育局 |'].join('\n');
    expect(measuresOf(cells).map((m) => [m.section, m.title])).toEqual([['学前教育', '新建幼儿园3所'], ['义务教育', '推进课后服务']]);
  });
});

describe('readTables: headers of two lines and of more than one task column', () => {
  it('puts the 牵头/配合 columns of a header’s second line in place of the 责任单位 they split', () => {
    const body = [
      '序号 | 重点任务 | 责任单位 | 完成时限 |',
      '牵头单位 | 配合单位 |',
      '1 | 新建幼儿园3所。 | 县教育局 | 县财政局 | 2024年底 |',
    ].join('\n');
    expect(readTables(lines(body))[0]?.columns.map((c) => c.role)).toEqual(['number', 'task', 'lead', 'support', 'deadline']);
    expect(measuresOf(body).map((m) => [m.lead, m.support])).toEqual([[['县教育局'], ['县财政局']]]);
  });

  it('reads a second task column (具体措施) and a 目标要求 column into the measure text, past one unknown column', () => {
    const body = ['序号 | 工作任务 | 具体措施 | 目标要求 | 责任单位 | 佐证材料 |', '1 | 扩充学前教育资源。 | 新建幼儿园3所。 | 公办园在园幼儿占比达到55%。 | 县教育局 | 项目清单 |'].join('\n');
    const [m] = outline(buildStructure(body)).measures;
    expect(m?.node.title).toBe('扩充学前教育资源');
    expect(m?.text).toContain('具体措施：新建幼儿园3所。');
    expect(m?.text).toContain('目标要求：公办园在园幼儿占比达到55%。');
    expect(m?.text).not.toContain('项目清单');
  });
});

describe('readTables: one cell per line', () => {
  // Quoted from doc 15: one cell per line ending ` |`, rows numbered from 80, a leader column
  // with PDF spaces, 牵头责任单位 (lead) and 责任单位 (support) columns.
  const quoted = [
    '附件',
    '序号 |',
    '目标与任务 |',
    '分 管 县领导 |',
    '牵头责任单位 |',
    '责任单位 |',
    '80 |',
    '极回应群众新期待新要求,加大普惠性托育供给,新增托位数400个以上,公办园在园幼儿占比60%以上。 |',
    '俞 悦 |',
    '县教育局 |',
    '县各有关单位 |',
    '81 |',
    '保障芜职院现代物流智造学院秋季开学,支持芜湖科技工程学校发展,探索职业教育赋能区域发展路径。 |',
    '陆 明俞 悦 |',
    '县教育局 |',
    '县各有关单位 |',
  ].join('\n');

  it('starts a row at each number continuing the last, wherever the numbers start', () => {
    const [t] = readTables(lines(quoted));
    expect(t?.start).toBe(1);
    expect(t?.rows.map((r) => r.number)).toEqual(['80', '81']);
    expect(t?.rows[1]?.task).toBe('保障芜职院现代物流智造学院秋季开学,支持芜湖科技工程学校发展,探索职业教育赋能区域发展路径。');
  });

  it('keeps the lead (牵头责任单位) and the supporting (责任单位) units apart', () => {
    const ms = measuresOf(quoted);
    expect(ms).toHaveLength(2);
    expect(ms[0]).toMatchObject({ number: '80', lead: ['县教育局'], support: ['县各有关单位'], units: ['县教育局', '县各有关单位'] });
    expect(buildStructure(quoted).preamble).toEqual(['附件']);
  });

  it('reads bare cells (no |) when the rows are numbered, and ends at the first line that fits no row', () => {
    const body = ['序号', '工作任务', '牵头单位', '配合单位', '1', '建成智慧校园示范校10所。', '区教育局', '区财政局', '2', '开展教师全员培训。', '区教育局', '区人社局', '区教育局', '2024年3月1日'].join('\n');
    const [t] = readTables(lines(body));
    expect(t?.rows.map((r) => r.task)).toEqual(['建成智慧校园示范校10所。', '开展教师全员培训。']);
    const s = buildStructure(body);
    expect(s.closing).toEqual(['区教育局', '2024年3月1日']);
    expect(measuresOf(body).map((m) => [m.lead, m.support])).toEqual([
      [['区教育局'], ['区财政局']],
      [['区教育局'], ['区人社局']],
    ]);
  });
});

describe('readTables: what is no task table', () => {
  it('leaves a plan with a 责任单位 line to the numbered structure', () => {
    const plan = '一、优化布局\n1.规划学校。内容。\n责任单位：市教育局、财政局\n2.建设学校。内容。\n责任单位：市住建局';
    expect(readTables(lines(plan))).toEqual([]);
    expect(buildStructure(plan).measureKind).toBe('arabic');
  });

  it('leaves an ordinary list of numbers alone', () => {
    expect(readTables(lines('1\n2\n3\n学校数\n80\n81'))).toEqual([]);
  });

  it('does not take a portal metadata block for a table', () => {
    expect(readTables(lines('索引号 | 014437609/2023-00761 | 主题分类 | |\n发布单位 | 靖江市教育局 | 发文日期 | 2023-05-19 |\n文号 | 时效 |'))).toEqual([]);
  });

  it('does not take a table of figures without a task column for one', () => {
    expect(readTables(lines('学校 | 学生数 | 教师数 |\n城东小学 | 1200 | 80 |\n城西小学 | 900 | 60 |'))).toEqual([]);
  });

  it('needs someone responsible or a schedule beside the task column', () => {
    expect(readTables(lines('序号 | 重点任务 | 备注 |\n1 | 推进课后服务。 | 无 |'))).toEqual([]);
  });

  it('reads each line once: a long run of header lines with no rows finds nothing, quickly', () => {
    const many = Array.from({ length: 20_000 }, () => '序号 | 重点任务 | 牵头单位 |').join('\n');
    expect(readTables(lines(many))).toEqual([]);
    expect(readTables(lines(Array.from({ length: 20_000 }, () => '牵头单位').join('\n')))).toEqual([]);
  });

  it('leaves a table in an appendix as appendix text', () => {
    const body = [
      '一、优化布局', '1.规划学校。内容。', '2.建设学校。内容。', '二、加强保障', '3.落实经费。内容。', '4.加强督导。内容。',
      '附件1', '序号 | 重点任务 | 牵头单位 | 完成时限 |', '1 | 推进课后服务全覆盖。 | 市教育局 | 2024年底 |',
    ].join('\n');
    const s = buildStructure(body);
    expect(outline(s).measures.map((m) => m.node.label)).toEqual(['1.', '2.', '3.', '4.']);
    expect(s.appendix.join('\n')).toContain('推进课后服务全覆盖');
  });
});

describe('ingestText on a task table copied from a browser (tabs between cells)', () => {
  const page = [
    '某县2024年教育重点工作任务分解表',
    '序号\t重点任务\t牵头单位\t配合单位\t完成时限\t1-6月进展情况',
    '1\t新建幼儿园3所,公办园在园幼儿占比达到55%以上。\t县教育局\t县财政局、县住建局\t2024年12月\t已完成2所主体施工,完成投资60%。',
    '2\t推进课后服务。\t县教育局\t各乡镇人民政府\t2024年9月\t已覆盖80%学校。',
  ].join('\n');
  const doc = ingestText(page, { sourceFile: 'table.txt', places: loadPlaces(), aliases: loadUnitAliases() });

  it('gives a measure per row with lead and supporting units apart', () => {
    expect(doc.data.measures.map((m) => [m.number, m.leadUnits, m.supportUnits])).toEqual([
      ['1', ['县教育局'], ['县财政局', '县住建局']],
      ['2', ['县教育局'], ['各乡镇人民政府']],
    ]);
  });

  it('reads targets from the task cells, a row’s count as a commitment, and none from the progress cells', () => {
    expect(doc.data.targets.map((t) => [t.value, t.unit, t.comparator, t.year, t.measure])).toEqual([
      [3, '所', '=', 2024, 'm1'],
      [55, '%', '>=', 2024, 'm1'],
    ]);
  });
});

// A task table in the middle of a plan (review 4): the numbered text after it is still the body.
describe('buildStructure on a task table between two numbered sections', () => {
  const plan = [
    '某县义务教育优质均衡发展实施方案',
    '一、总体目标',
    '(一)到2027年，义务教育巩固率达到98%。',
    '二、重点任务',
    '序号 | 任务 | 责任单位 | 完成时限',
    '1 | 新建学校3所 | 县教育局 | 2025年底',
    '2 | 改造薄弱学校10所 | 县教育局 | 2026年底',
    '三、保障措施',
    '(一)加强组织领导。成立领导小组，责任单位：县教育局。',
    '(二)加大经费投入。教育经费占财政支出比例不低于20%。',
    '县教育局',
  ].join('\n');
  it('numbers the sections after the table with the text before it, in document order', () => {
    const s = buildStructure(plan.split('\n').slice(1).join('\n'));
    expect(s.sections.map((n) => n.label + n.title)).toEqual(['一、总体目标', '二、重点任务', '1新建学校3所', '2改造薄弱学校10所', '三、保障措施']);
    expect(s.sections[4]?.children.map((n) => n.title)).toEqual(['加强组织领导', '加大经费投入']);
    expect(s.closing).toEqual([]);
  });
  it('reads the measures, units and targets of the sections after the table', () => {
    const doc = ingestText(plan, { sourceFile: 'plan.txt', places: loadPlaces(), aliases: loadUnitAliases() });
    expect(doc.data.measures.map((m) => m.title)).toEqual(['到2027年，义务教育巩固率达到98%', '新建学校3所', '改造薄弱学校10所', '加强组织领导', '加大经费投入']);
    expect(doc.data.measures[3]?.units).toEqual(['县教育局']);
    expect(doc.data.targets).toContainEqual(expect.objectContaining({ metric: '教育经费占财政支出比例', comparator: '>=', value: 20, unit: '%' }));
  });
  it('still keeps an unnumbered 落款 after a table as closing text', () => {
    const s = buildStructure(['一、重点任务', '序号 | 任务 | 责任单位 | 完成时限', '1 | 新建学校3所 | 县教育局 | 2025年底', '县教育局', '2024年3月1日'].join('\n'));
    expect(s.closing).toEqual(['县教育局', '2024年3月1日']);
  });
});

// Rows keep the headings above their table (review 5): a report's table of what was done gives no targets.
describe('ingestText on a report with a table of results', () => {
  const ingest = (text: string) => ingestText(text, { sourceFile: 'report.txt', places: loadPlaces(), aliases: loadUnitAliases() });
  const table = ['序号 | 项目名称 | 建设内容 | 责任单位 | 完成情况', '1 | 第二幼儿园建设 | 新建幼儿园1所，新增学位360个 | 县教育局 | 已竣工', '2 | 薄弱学校改造 | 改造校舍12所 | 县教育局 | 已完成'];
  it('reads the rows under an account heading as the account', () => {
    const doc = ingest(['某县教育局2023年工作总结', '一、2023年工作完成情况', ...table, '二、存在的问题', '(一)学位仍然紧张。'].join('\n'));
    expect(doc.data.measures.map((m) => m.title)).toContain('第二幼儿园建设');
    expect(doc.data.targets).toEqual([]);
  });
  it('does not take the counts of a 完成情况 table for commitments in a report', () => {
    const doc = ingest(['某县教育局2023年民生实事工作总结', '一、民生实事', ...table].join('\n'));
    expect(doc.data.targets).toEqual([]);
  });
  it('still reads the rows of a table with 完成时限 under a plan heading of a report', () => {
    const doc = ingest(['某县教育局2023年工作总结', '一、2024年工作计划', '序号 | 任务 | 责任单位 | 完成时限', '1 | 新建幼儿园3所 | 县教育局 | 2024年底'].join('\n'));
    expect(doc.data.targets.map((t) => [t.metric, t.value, t.unit])).toEqual([['新建幼儿园', 3, '所']]);
  });
});
