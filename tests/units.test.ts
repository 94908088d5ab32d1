import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { normalizeUnits, parseAliasTable, parseResponsibility, type AliasTable } from '../src/extract/units.ts';

const ALIASES_FILE = 'content/vocab/unit-aliases.yaml';

// A small table of its own, so these cases do not change when a clerk edits the real file.
const aliases: AliasTable = parseAliasTable(
  {
    市人社局: ['市人力资源和社会保障局', '市人力社保局'],
    市卫健委: ['市卫生健康委员会'],
    市发改委: ['市发展和改革委员会'],
    团市委: ['共青团市委'],
    市市场监管局: ['市市场监督管理局', '市市监局'],
    县人社局: ['县人力资源和社会保障局'],
  },
  'test aliases',
);

interface NormalizeCase {
  why: string;
  input: string | string[];
  expected: string[];
  aliases?: AliasTable;
}

const normalizeCases: NormalizeCase[] = [
  // The sample 实施方案's lists.
  {
    why: 'gives 市 to every department after 市委编办',
    input: '市委编办,市教育局、财政局、人社局、卫健局',
    expected: ['市委编办', '市教育局', '市财政局', '市人社局', '市卫健局'],
  },
  {
    why: 'carries 市 across a comma to 残联 and 妇联',
    input: '市教育局、民政局、财政局、卫健局,市残联、妇联',
    expected: ['市教育局', '市民政局', '市财政局', '市卫健局', '市残联', '市妇联'],
  },
  {
    why: 'keeps 团市委 whole and does not let its 市 become a prefix of its own',
    input: '市教育局、司法局、民政局,团市委、关工委、妇联',
    expected: ['市教育局', '市司法局', '市民政局', '团市委', '市关工委', '市妇联'],
  },
  {
    why: 'keeps 各乡镇(街道)人民政府(办事处) as one unit in full-width brackets',
    input: '各乡镇(街道)人民政府(办事处),市发改局、教育局、财政局、资源局、住建局',
    expected: ['各乡镇（街道）人民政府（办事处）', '市发改局', '市教育局', '市财政局', '市资源局', '市住建局'],
  },
  {
    why: 'gives no prefix to a company',
    input: '市教育局、财政局、南翼集团',
    expected: ['市教育局', '市财政局', '南翼集团'],
  },
  {
    why: 'gives no prefix to a school but does to 数字办',
    input: '市教育局、财政局、工信局、数字办、教师进修学校',
    expected: ['市教育局', '市财政局', '市工信局', '市数字办', '教师进修学校'],
  },
  {
    why: 'reads 市监局 as a bare department whose 市 is part of 市场',
    input: '市教育局、民政局、市监局',
    expected: ['市教育局', '市民政局', '市市监局'],
  },
  // County, district, province and other levels.
  {
    why: 'gives 县 to the departments after 县教育局',
    input: '县教育局、财政局、人社局',
    expected: ['县教育局', '县财政局', '县人社局'],
  },
  {
    why: 'gives 区 to 卫健委 and 编办 but leaves 区委宣传部 as written',
    input: '区教体局、卫健委、区委宣传部、编办',
    expected: ['区教体局', '区卫健委', '区委宣传部', '区编办'],
  },
  {
    why: 'gives 省 to the 厅 after 省教育厅',
    input: '省教育厅、财政厅、人力资源社会保障厅',
    expected: ['省教育厅', '省财政厅', '省人力资源社会保障厅'],
  },
  {
    why: 'lets 县政府 stand as written and pass its 县 on',
    input: '县政府、教育局',
    expected: ['县政府', '县教育局'],
  },
  {
    why: 'switches the prefix when a new level is written',
    input: '省教育厅、市教育局、财政局',
    expected: ['省教育厅', '市教育局', '市财政局'],
  },
  {
    why: 'gives 州, 盟 and 旗 the same treatment as 市',
    input: ['州教育局、民宗委', '盟教育局、财政局', '旗教育局、科协'],
    expected: ['州教育局', '州民宗委', '盟教育局', '盟财政局', '旗教育局', '旗科协'],
  },
  {
    why: 'gives 镇 to 教办 after 镇政府',
    input: '镇政府、教办',
    expected: ['镇政府', '镇教办'],
  },
  {
    why: 'gives 县 to 总工会 and 妇联 around 团县委',
    input: '县总工会、团县委、妇联',
    expected: ['县总工会', '团县委', '县妇联'],
  },
  // Names that already carry a place.
  {
    why: 'keeps 济源市财政局 as it is',
    input: '济源市财政局',
    expected: ['济源市财政局'],
  },
  {
    why: 'carries a written place name 泉州市 to the departments after it',
    input: '泉州市教育局、财政局',
    expected: ['泉州市教育局', '泉州市财政局'],
  },
  {
    why: 'carries a province-and-city place name whole',
    input: '福建省泉州市教育局、财政局',
    expected: ['福建省泉州市教育局', '福建省泉州市财政局'],
  },
  {
    why: 'reads 镇江市 as a place, not as the level 镇',
    input: '镇江市教育局、财政局',
    expected: ['镇江市教育局', '镇江市财政局'],
  },
  {
    why: 'carries an anonymised xx市 like a real place',
    input: 'xx市教育局、人社局',
    expected: ['xx市教育局', 'xx市人社局'],
  },
  // Words that only look like a level or a place.
  {
    why: 'gives 市 to 市场监管局, whose first 市 belongs to 市场',
    input: '市教育局、市场监管局',
    expected: ['市教育局', '市市场监管局'],
  },
  {
    why: 'gives 县 to 市场监督管理局 in a county list',
    input: '县教育局、市场监督管理局',
    expected: ['县教育局', '县市场监督管理局'],
  },
  {
    why: 'does not read the 城市 of 城市管理局 as a place',
    input: '市教育局、城市管理局',
    expected: ['市教育局', '市城市管理局'],
  },
  {
    why: 'does not read the 乡 of 乡村振兴局 as a level',
    input: '县教育局、乡村振兴局',
    expected: ['县教育局', '县乡村振兴局'],
  },
  // Which names are departments.
  {
    why: 'gives 县 to 法院 and 检察院 but not to a hospital',
    input: '县教育局、法院、检察院、人民医院',
    expected: ['县教育局', '县法院', '县检察院', '人民医院'],
  },
  {
    why: 'gives 市 to a public service centre',
    input: '市教育局、疾控中心、教师发展中心',
    expected: ['市教育局', '市疾控中心', '市教师发展中心'],
  },
  {
    why: 'leaves sections inside a bureau without a prefix',
    input: '市教育局、基教科、人事科',
    expected: ['市教育局', '基教科', '人事科'],
  },
  {
    why: 'keeps the prefix running past a company',
    input: '市教育局、移动公司、财政局',
    expected: ['市教育局', '移动公司', '市财政局'],
  },
  {
    why: 'gives 市 to 网信办 after 市委宣传部',
    input: '市委宣传部、网信办',
    expected: ['市委宣传部', '市网信办'],
  },
  {
    why: 'writes a bare 团委 as 团县委, with the level inside',
    input: '县教育局、团委',
    expected: ['县教育局', '团县委'],
  },
  {
    why: 'gives 县 to 人大 and 人大常委会 after 县政协',
    input: '县政协、人大、人大常委会',
    expected: ['县政协', '县人大', '县人大常委会'],
  },
  {
    why: 'adds no prefix when the list never writes one',
    input: '财政局、人社局',
    expected: ['财政局', '人社局'],
  },
  // Brackets.
  {
    why: 'does not split at the 、 inside 各县(市、区)人民政府',
    input: '各县(市、区)人民政府,市教育局',
    expected: ['各县（市、区）人民政府', '市教育局'],
  },
  {
    why: 'carries 各县（市、区） from one department to the next',
    input: '各县（市、区）教育局、财政局',
    expected: ['各县（市、区）教育局', '各县（市、区）财政局'],
  },
  {
    why: 'does not carry 各县（市、区） from a government to a department',
    input: '各县（市、区）人民政府、教育局',
    expected: ['各县（市、区）人民政府', '教育局'],
  },
  {
    why: 'carries a bracketed level 县（市、区） to the departments after it',
    input: '县（市、区）教育局、财政局',
    expected: ['县（市、区）教育局', '县（市、区）财政局'],
  },
  {
    why: 'writes half-width brackets inside a name as full-width',
    input: '市教育局(体育局)',
    expected: ['市教育局（体育局）'],
  },
  // Separators and conjunctions.
  {
    why: 'splits at full-width commas and semicolons',
    input: '市教育局，财政局；人社局',
    expected: ['市教育局', '市财政局', '市人社局'],
  },
  {
    why: 'splits at half-width, full-width spaces and slashes',
    input: '市教育局 财政局　人社局/住建局',
    expected: ['市教育局', '市财政局', '市人社局', '市住建局'],
  },
  {
    why: 'splits at 和 between two unit names',
    input: '市教育局和财政局',
    expected: ['市教育局', '市财政局'],
  },
  {
    why: 'splits at 与 between two unit names',
    input: '市教育局与科技局',
    expected: ['市教育局', '市科技局'],
  },
  {
    why: 'does not split 人力资源和社会保障局 at its 和',
    input: '市人力资源和社会保障局',
    expected: ['市人力资源和社会保障局'],
  },
  {
    why: 'splits at 及 but not at the 和 of 住房和城乡建设局',
    input: '市教育局及住房和城乡建设局',
    expected: ['市教育局', '市住房和城乡建设局'],
  },
  // Clean-up.
  {
    why: 'drops a trailing 等',
    input: '市教育局等',
    expected: ['市教育局'],
  },
  {
    why: 'drops a trailing 等有关部门',
    input: '县教育局、财政局等有关部门',
    expected: ['县教育局', '县财政局'],
  },
  {
    why: 'drops 牵头 and 配合 marks, with or without brackets',
    input: '市教育局(牵头)、财政局配合、人社局（牵头单位）',
    expected: ['市教育局', '市财政局', '市人社局'],
  },
  {
    why: 'drops a leading 由 and an 按职责分工负责 tail',
    input: '由市教育局牵头,财政局按职责分工负责',
    expected: ['市教育局', '市财政局'],
  },
  {
    why: 'drops stray punctuation and empty items',
    input: '、市教育局,,财政局。',
    expected: ['市教育局', '市财政局'],
  },
  {
    why: 'drops a stray closing bracket instead of keeping it in a name',
    input: '市教育局、财政局）',
    expected: ['市教育局', '市财政局'],
  },
  {
    why: 'lists a unit named twice once',
    input: '市教育局、财政局、市教育局',
    expected: ['市教育局', '市财政局'],
  },
  {
    why: 'carries the prefix from one array item to the next',
    input: ['市教育局', '财政局'],
    expected: ['市教育局', '市财政局'],
  },
  {
    why: 'keeps 各有关单位 and 各学校 as written',
    input: '市教育局、各有关单位、各学校',
    expected: ['市教育局', '各有关单位', '各学校'],
  },
  // Aliases.
  {
    why: 'applies an alias after the prefix is added',
    input: '市教育局、人力资源和社会保障局',
    expected: ['市教育局', '市人社局'],
    aliases,
  },
  {
    why: 'maps 共青团市委 to 团市委',
    input: '共青团市委、市妇联',
    expected: ['团市委', '市妇联'],
    aliases,
  },
  {
    why: 'maps 卫生健康委员会 and 发展和改革委员会 to their short forms',
    input: '市卫生健康委员会、发展和改革委员会',
    expected: ['市卫健委', '市发改委'],
    aliases,
  },
  {
    why: 'does not merge 市发改局 into 市发改委',
    input: '市发改局、发改委',
    expected: ['市发改局', '市发改委'],
    aliases,
  },
  {
    why: 'maps 市监局 under 市 to 市市场监管局',
    input: '市教育局、民政局、市监局',
    expected: ['市教育局', '市民政局', '市市场监管局'],
    aliases,
  },
  {
    why: 'gives a bare section after a bureau section the same bureau',
    input: '县教育局人事股、计财股',
    expected: ['县教育局人事股', '县教育局计财股'],
  },
  {
    why: 'gives a section no bureau when the name before it is a bureau without a section',
    input: '市教育局、基础教育科',
    expected: ['市教育局', '基础教育科'],
  },
  {
    why: 'lists two spellings of one unit once after aliasing',
    input: '县人社局、县人力资源和社会保障局',
    expected: ['县人社局'],
    aliases,
  },
];

describe('normalizeUnits', () => {
  it.each(normalizeCases)('$why', ({ input, expected, aliases: table }) => {
    expect(normalizeUnits(input, table)).toEqual(expected);
  });

  it('gives the same names when run on its own output', () => {
    for (const { input, aliases: table } of normalizeCases) {
      const once = normalizeUnits(input, table);
      expect(normalizeUnits(once, table)).toEqual(once);
    }
  });
});

interface ResponsibilityCase {
  why: string;
  text: string;
  expected: { lead: string[]; support: string[]; units: string[] } | null;
  aliases?: AliasTable;
}

const responsibilityCases: ResponsibilityCase[] = [
  {
    why: 'reads a 责任单位: clause at the end of a measure',
    text: '合理核定义务教育学校教职工编制,保障配足配齐师资。责任单位:市委编办,市教育局、财政局、人社局、卫健局',
    expected: {
      lead: [],
      support: [],
      units: ['市委编办', '市教育局', '市财政局', '市人社局', '市卫健局'],
    },
  },
  {
    why: 'stops at the number of the next measure in run-on text',
    text: '形成“学位充足”的办学格局。责任单位:各乡镇(街道)人民政府(办事处),市发改局、教育局、住建局2 .全面消除大校额和大班额。',
    expected: {
      lead: [],
      support: [],
      units: ['各乡镇（街道）人民政府（办事处）', '市发改局', '市教育局', '市住建局'],
    },
  },
  {
    why: 'stops at a (二) heading but not at the (街道) inside a name',
    text: '责任单位：各乡镇（街道）人民政府，县教育局、财政局（二）加大教育经费投入',
    expected: { lead: [], support: [], units: ['各乡镇（街道）人民政府', '县教育局', '县财政局'] },
  },
  {
    why: 'reads a bracketed (责任单位:…) clause up to its closing bracket',
    text: '完善控辍保学机制(责任单位:市教育局、公安局、民政局)。',
    expected: { lead: [], support: [], units: ['市教育局', '市公安局', '市民政局'] },
  },
  {
    why: 'makes a unit marked （牵头） the lead unit and lists it first',
    text: '建设智慧校园。（责任单位：县财政局、县教育局（牵头）、工信局）',
    expected: { lead: ['县教育局'], support: [], units: ['县教育局', '县财政局', '县工信局'] },
  },
  {
    why: 'reads a 【责任单位】 heading',
    text: '【责任单位】区教体局、发改局、住建局',
    expected: { lead: [], support: [], units: ['区教体局', '区发改局', '区住建局'] },
  },
  {
    why: 'splits 牵头单位 and 配合单位 into lead and support units',
    text: '牵头单位：市教育局；配合单位：市财政局、人社局、住建局。',
    expected: {
      lead: ['市教育局'],
      support: ['市财政局', '市人社局', '市住建局'],
      units: ['市教育局', '市财政局', '市人社局', '市住建局'],
    },
  },
  {
    why: 'carries the prefix from the 牵头单位 line to the 配合单位 line',
    text: '牵头单位:县教育局\n配合单位:财政局、人社局',
    expected: { lead: ['县教育局'], support: ['县财政局', '县人社局'], units: ['县教育局', '县财政局', '县人社局'] },
  },
  {
    why: 'reads 牵头部门 and 协办单位 and keeps 团市委 as written',
    text: '牵头部门：市卫健委 协办单位：市教育局、团市委、妇联',
    expected: {
      lead: ['市卫健委'],
      support: ['市教育局', '团市委', '市妇联'],
      units: ['市卫健委', '市教育局', '团市委', '市妇联'],
    },
  },
  {
    why: 'reads 牵头 and 配合 written after the names inside one 责任单位 list',
    text: '责任单位：市教育局牵头，市财政局、人社局配合。',
    expected: { lead: ['市教育局'], support: ['市财政局', '市人社局'], units: ['市教育局', '市财政局', '市人社局'] },
  },
  {
    why: 'makes 参与单位 support units without a lead',
    text: '参与单位：团市委、市妇联、关工委',
    expected: { lead: [], support: ['团市委', '市妇联', '市关工委'], units: ['团市委', '市妇联', '市关工委'] },
  },
  {
    why: 'stops at 。 before a 完成时限 sentence',
    text: '责任部门：县教育局、县公安局。完成时限：2024年底',
    expected: { lead: [], support: [], units: ['县教育局', '县公安局'] },
  },
  {
    why: 'stops before another label on the same line',
    text: '责任单位：市教育局、财政局 完成时限：2025年6月',
    expected: { lead: [], support: [], units: ['市教育局', '市财政局'] },
  },
  {
    why: 'stops at the end of the line',
    text: '责任单位：市教育局\n二、加强教师队伍建设',
    expected: { lead: [], support: [], units: ['市教育局'] },
  },
  {
    why: 'drops 等 at the end of a bracketed clause',
    text: '推进集团化办学（责任单位：市教育局等）',
    expected: { lead: [], support: [], units: ['市教育局'] },
  },
  {
    why: 'applies aliases to lead units too',
    text: '责任单位：市人力资源和社会保障局（牵头）、市教育局',
    expected: { lead: ['市人社局'], support: [], units: ['市人社局', '市教育局'] },
    aliases,
  },
  {
    why: 'keeps 各县（市、区）人民政府 and 市直各有关单位 whole as two units',
    text: '教师交流轮岗比例每年不低于15%。\n责任单位：各县（市、区）人民政府，市直各有关单位',
    expected: { lead: [], support: [], units: ['各县（市、区）人民政府', '市直各有关单位'] },
  },
  {
    why: 'reads 牵头单位 and 配合单位 on one line separated by a space',
    text: '开展校园周边食品安全检查。\n牵头单位：县市场监管局 配合单位：县教育局、各乡镇人民政府',
    expected: { lead: ['县市场监管局'], support: ['县教育局', '各乡镇人民政府'], units: ['县市场监管局', '县教育局', '各乡镇人民政府'] },
  },
  {
    why: 'gives the sections of a bureau named once the bureau in a 责任单位 clause',
    text: '开展学前教育督导评估。责任单位：市教育局基础教育科、学前教育科',
    expected: { lead: [], support: [], units: ['市教育局基础教育科', '市教育局学前教育科'] },
  },
  {
    why: 'finds no clause in a measure without one',
    text: '加强学校安全管理，压实主体责任，健全校园风险防控体系。',
    expected: null,
  },
  {
    why: 'finds no clause where 责任单位 is used in a sentence without a colon',
    text: '各责任单位要按照职责分工抓好落实。',
    expected: null,
  },
];

describe('parseResponsibility', () => {
  it.each(responsibilityCases)('$why', ({ text, expected, aliases: table }) => {
    expect(parseResponsibility(text, table)).toEqual(expected);
  });

  it('reads every 责任单位 clause of the sample 实施方案 and gives each unit its level', () => {
    const text = readFileSync('content/sources/shi-yiwu-jiaoyu-youzhi-junheng-shishi-fangan.txt', 'utf8');
    const clauses = text.split('责任单位').slice(1).map((rest) => parseResponsibility(`责任单位${rest}`));
    expect(clauses).toHaveLength(22);
    const units = new Set(clauses.flatMap((c) => c?.units ?? []));
    expect([...units].sort()).toEqual(
      [
        '各乡镇（街道）人民政府（办事处）',
        '南翼集团',
        '团市委',
        '教师进修学校',
        '市人社局',
        '市住建局',
        '市关工委',
        '市卫健局',
        '市发改局',
        '市司法局',
        '市委编办',
        '市妇联',
        '市市监局',
        '市工信局',
        '市公安局',
        '市农业农村局',
        '市教育局',
        '市数字办',
        '市文体旅局',
        '市文明办',
        '市残联',
        '市民政局',
        '市科协',
        '市财政局',
        '市资源局',
      ].sort(),
    );
  });
});

describe('parseAliasTable', () => {
  it('loads content/vocab/unit-aliases.yaml and maps spelled-out names to short ones', () => {
    const table = parseAliasTable(yaml.load(readFileSync(ALIASES_FILE, 'utf8')), ALIASES_FILE);
    expect(table['市人力资源和社会保障局']).toBe('市人社局');
    expect(normalizeUnits('县教育局、人力资源和社会保障局、共青团县委', table)).toEqual([
      '县教育局',
      '县人社局',
      '团县委',
    ]);
  });

  it('keeps 市发改局 and 市发改委 apart in the real alias file', () => {
    const table = parseAliasTable(yaml.load(readFileSync(ALIASES_FILE, 'utf8')), ALIASES_FILE);
    expect(normalizeUnits('市发改局、市发展和改革委员会', table)).toEqual(['市发改局', '市发改委']);
  });

  it('accepts a single variant written without brackets and an empty file', () => {
    expect(parseAliasTable({ 市医保局: '市医疗保障局', 市教育局: null }, 'a.yaml')).toStrictEqual({
      市医疗保障局: '市医保局',
    });
    expect(parseAliasTable(null, 'empty.yaml')).toEqual({});
  });

  it('writes variants with half-width brackets in full-width so they match normalised names', () => {
    const table = parseAliasTable({ '县（市、区）人社局': ['县(市、区)人力资源和社会保障局'] }, 'a.yaml');
    expect(normalizeUnits('县(市、区)人力资源和社会保障局', table)).toEqual(['县（市、区）人社局']);
  });

  it.each([
    {
      why: 'a variant listed under two canonical names',
      data: { 市人社局: ['市人力资源和社会保障局'], 市人力社保局: ['市人力资源和社会保障局'] },
      message: /bad\.yaml: .*"市人力资源和社会保障局" is listed under both "市人社局" and "市人力社保局": keep it under one/s,
    },
    {
      why: 'a canonical name that is also a variant',
      data: { 市卫健委: ['市卫生健康委员会'], 市卫生健康委员会: ['市卫生和健康委员会'] },
      message: /bad\.yaml: .*"市卫生健康委员会" is a canonical name and also a variant of "市卫健委": merge/s,
    },
    {
      why: 'variants written as a nested map',
      data: { 市妇联: { 全称: '市妇女联合会' } },
      message: /bad\.yaml: .*"市妇联" has a nested map .* write them as a list, e\.g\. "市妇联: \[变体一, 变体二\]"/s,
    },
    {
      why: 'a variant that is a number',
      data: { 市残联: ['市残疾人联合会', 12] },
      message: /bad\.yaml: .*"市残联" lists number 12, which is not a unit name/s,
    },
    {
      why: 'a list at the top level',
      data: ['市人社局', '市人力资源和社会保障局'],
      message: /bad\.yaml: expected a map from canonical unit names to lists of variants, got a list/,
    },
  ])('names the file, quotes the entry and says how to fix $why', ({ data, message }) => {
    expect(() => parseAliasTable(data, 'content/vocab/bad.yaml')).toThrowError(message);
  });
});

describe('parseResponsibility on a bureau-internal plan', () => {
  it('reads 责任科室 like 责任单位', () => {
    expect(parseResponsibility('年底前实现全覆盖。(责任科室:组织人事科、基础教育科)')?.units).toEqual(['组织人事科', '基础教育科']);
  });
});

// Sentences of the development corpus (../shared/corpus/dev): 美育 plans of 湖北, 贵州, 葫芦岛; the 南陵 task table.
describe('parseResponsibility on the unit lists of provincial and municipal plans', () => {
  it.each([
    ['keeps 各市、州、县人民政府 as one unit and drops 等', '（责任单位：各市、州、县人民政府，省教育厅、省文化厅等）', [], [], ['各市、州、县人民政府', '省教育厅', '省文化厅']],
    ['keeps 各区、市政府 as one unit', '责任单位：各区、市政府，市教育局', [], [], ['各区、市政府', '市教育局']],
    ['keeps 〔〕 inside a name and reads a 责任单位 list after a comma as support of the 牵头 one',
      '（牵头单位：省教育厅，市〔州〕人民政府、贵安新区管委会，责任单位：县〔市、区、特区〕人民政府、各高等院校）',
      ['省教育厅', '市〔州〕人民政府', '贵安新区管委会'], ['县〔市、区、特区〕人民政府', '各高等院校'],
      ['省教育厅', '市〔州〕人民政府', '贵安新区管委会', '县〔市、区、特区〕人民政府', '各高等院校']],
    ['keeps 〈〉 inside a name under 责任部门', '（责任部门：各县〈市〉区政府）', [], [], ['各县〈市〉区政府']],
    ['reads 牵头责任单位 as lead and the 责任单位 beside it as support', '牵头责任单位：县教育局；责任单位：县各有关单位', ['县教育局'], ['县各有关单位'], ['县教育局', '县各有关单位']],
    ['reads 协同配合单位 as support', '牵头考核单位：市教育局；协同配合单位：市财政局', ['市教育局'], ['市财政局'], ['市教育局', '市财政局']],
  ])('%s', (_, text, lead, support, units) => {
    expect(parseResponsibility(text)).toEqual({ lead, support, units });
  });
});

// Plans written the national way put the units in a bracket after the task, marked, without a label.
describe('parseResponsibility on a bracket of marked units without a label', () => {
  it.each([
    ['reads 牵头 and 配合 marks inside the bracket', '加强美育教师队伍建设。（市教育局牵头，市财政局、市人社局配合）',
      ['市教育局'], ['市财政局', '市人社局'], ['市教育局', '市财政局', '市人社局']],
    ['makes the units beside a 牵头 one support, dropping 等 and 按职责分工负责', '完善教师培训体系。（教育部牵头，财政部等按职责分工负责）',
      ['教育部'], ['财政部'], ['教育部', '财政部']],
    ['reads a bracket with only 负责 as plain units, a name’s own brackets inside it', '推进课后服务。（各县（市、区）人民政府负责）',
      [], [], ['各县（市、区）人民政府']],
    ['reads offices inside a bureau (室) as units', '开展专项督导（督导室牵头，各股室配合）',
      ['督导室'], ['各股室'], ['督导室', '各股室']],
    ['carries the level written once', '改造薄弱学校（区教育局牵头，财政局、住建局配合）',
      ['区教育局'], ['区财政局', '区住建局'], ['区教育局', '区财政局', '区住建局']],
  ])('%s', (_, text, lead, support, units) => {
    expect(parseResponsibility(text)).toEqual({ lead, support, units });
  });

  it.each([
    ['a bracket with a date in it', '推进课后服务（2024年底前完成，市教育局负责）'],
    ['a name explained', '设立专项资金（以下简称“专项资金”）。'],
    ['a bracket without a role mark', '加强学校管理（市教育局、市财政局）。'],
    ['schools, which end like no unit', '各地要统筹安排（各校负责）。'],
    // Review 11: a bracket's role mark alone does not make a name a unit.
    ['a group that takes part, not an organ', '建立家校共育机制（家长委员会参与）。'],
    ['schools without a level', '做好课后服务（学校负责）。'],
  ])('finds no units in %s', (_, text) => {
    expect(parseResponsibility(text)).toBeNull();
  });

  it('leaves a labelled clause to the label: a bracket beside it adds nothing', () => {
    expect(parseResponsibility('推进课后服务（市财政局配合）。责任单位：市教育局')).toEqual({ lead: [], support: [], units: ['市教育局'] });
  });
});
