import { describe, expect, it } from 'vitest';
import { assignThemes, parseThemeTable, ThemeMatcher, type Theme } from '../src/vocab/themes.ts';
import { loadThemes } from '../src/astro/vocab.ts';
import { loadWordSegmenter } from '../src/astro/word-segmenter.ts';
import { describeFiling, roleOf } from '../src/vocab/theme-evidence.ts';

const theme = (slug: string, name: string, keywords: string[], excludes: string[] = [], hints: string[] = []): Theme => ({
  slug,
  name,
  description: '',
  keywords,
  hints,
  excludes,
});

describe('parseThemeTable', () => {
  it('accepts a list of themes and fills in missing excludes and description', () => {
    expect(parseThemeTable([{ slug: 'shuangjian', name: '双减', keywords: ['双减'] }], 'themes.yaml')).toEqual([
      { slug: 'shuangjian', name: '双减', description: '', keywords: ['双减'], hints: [], excludes: [] },
    ]);
  });
  it.each([
    ['a map instead of a list', { shuangjian: {} }, 'expected a list of themes'],
    ['a slug with Chinese', [{ slug: '双减', name: '双减', keywords: ['双减'] }], 'slug "双减" must be lowercase pinyin'],
    ['a theme without keywords', [{ slug: 'shuangjian', name: '双减' }], 'keywords is empty'],
    ['keywords as a map', [{ slug: 'shuangjian', name: '双减', keywords: { a: 1 } }], 'keywords is a map'],
    ['a missing name', [{ slug: 'shuangjian', keywords: ['双减'] }], 'name is missing'],
    [
      'two themes with one slug',
      [
        { slug: 'shuangjian', name: '双减', keywords: ['双减'] },
        { slug: 'shuangjian', name: '减负', keywords: ['减负'] },
      ],
      'slug "shuangjian" is used by another theme',
    ],
    ['a misspelt field', [{ slug: 'shuangjian', name: '双减', keyword: ['双减'], keywords: ['双减'] }], 'unknown field "keyword"'],
  ])('rejects %s, naming the file and the fix', (_, data, message) => {
    expect(() => parseThemeTable(data, 'content/vocab/themes.yaml')).toThrow(message);
    expect(() => parseThemeTable(data, 'content/vocab/themes.yaml')).toThrow('content/vocab/themes.yaml');
  });
});

describe('ThemeMatcher', () => {
  const matcher = new ThemeMatcher([
    theme('xiaochu-dabane', '消除大班额', ['大班额', '班额']),
    theme('tiyu-meiyu', '体育美育', ['体育', '美育'], ['教育体育局', '体育局']),
    theme('laodong-jiaoyu', '劳动教育', ['劳动教育', '劳动'], ['劳动保障', '劳动力']),
    theme('xiaoyuan-anquan', '校园安全', ['防溺水', '食品安全']),
  ]);

  it.each([
    ['到2025年全面消除56人及以上大班额', ['xiaochu-dabane']],
    ['开足开齐体育课,加强美育', ['tiyu-meiyu']],
    ['责任单位为市教育体育局', []],
    ['市教育体育局组织开展学生体育联赛', ['tiyu-meiyu']],
    ['落实劳动保障政策,保障农村劳动力转移', []],
    ['开展劳动教育和防溺水安全教育', ['laodong-jiaoyu', 'xiaoyuan-anquan']],
    ['加强学校食品安全管理,控制班额', ['xiaochu-dabane', 'xiaoyuan-anquan']],
    ['', []],
  ])('finds the themes of “%s”', (text, themes) => {
    expect(matcher.match(text)).toEqual(themes);
  });

  it('gives themes in vocabulary order, each once', () => {
    expect(matcher.match('防溺水、大班额、大班额、体育')).toEqual(['xiaochu-dabane', 'tiyu-meiyu', 'xiaoyuan-anquan']);
  });
});

describe('assignThemes', () => {
  const matcher = new ThemeMatcher([theme('shuangjian', '双减', ['双减']), theme('kehou-fuwu', '课后服务', ['课后服务'])]);

  it('runs the rules over title and text', () => {
    const a = assignThemes(matcher, { title: '落实双减', text: '全面推行课后服务' });
    expect(a.themes).toEqual(['shuangjian', 'kehou-fuwu']);
    expect(a.unknown).toEqual([]);
    expect(a.reasons.get('shuangjian')).toEqual([{ phrase: '双减', place: 'title', role: 'own', weight: 4 }]);
    expect(a.reasons.get('kehou-fuwu')).toEqual([{ phrase: '课后服务', place: 'text', role: 'own', weight: 2 }]);
  });
  it("lets the editor's themes replace the rules, and reports slugs that name no theme", () => {
    expect(assignThemes(matcher, { title: '落实双减', text: '', override: ['kehou-fuwu', 'no-such'] })).toEqual({
      themes: ['kehou-fuwu'],
      reasons: new Map(),
      unknown: ['no-such'],
    });
  });
  it('takes an empty override as "no theme"', () => {
    expect(assignThemes(matcher, { title: '落实双减', text: '', override: [] }).themes).toEqual([]);
  });
});

describe('content/vocab/themes.yaml', () => {
  const themes = loadThemes();
  it('holds at least 20 themes, with those readers of these plans expect', () => {
    expect(themes.length).toBeGreaterThanOrEqual(20);
    const names = themes.map((t) => t.name);
    for (const name of ['消除大班额', '教师交流轮岗', '学生心理健康', '课后服务', '双减', '学前普惠', '特殊教育', '校园安全', '党建引领', '教育信息化', '集团化办学', '教师待遇', '体育美育', '劳动教育', '招生入学', '随迁子女', '职业教育', '教育督导', '经费保障', '师德师风']) {
      expect(names).toContain(name);
    }
  });
  it.each([
    ['建立交流轮岗机制,城镇学校教师每学年交流轮岗比例不低于10%', '教师交流轮岗'],
    ['到2025年基本消除56人及以上大班额', '消除大班额'],
    ['配齐专兼职心理健康教师,建立心理危机干预机制', '学生心理健康'],
    ['实现义务教育学校课后服务全覆盖', '课后服务'],
    ['从严治理学科类校外培训机构', '双减'],
    ['普惠性幼儿园覆盖率达到85%以上', '学前普惠'],
    ['残疾儿童义务教育入学率达到95%以上,做好送教上门', '特殊教育'],
    ['开展防溺水专项教育', '校园安全'],
    ['加强基层党组织建设', '党建引领'],
    ['推进智慧校园建设', '教育信息化'],
    ['组建城乡教育集团', '集团化办学'],
    ['确保教师平均工资收入水平不低于当地公务员平均工资收入水平', '教师待遇'],
    ['保证学生每天校园体育活动1小时', '体育美育'],
    ['建设劳动教育实践基地', '劳动教育'],
    ['规范划片招生,落实免试就近入学', '招生入学'],
    ['保障进城务工人员随迁子女平等接受义务教育', '随迁子女'],
    ['深化产教融合、校企合作', '职业教育'],
    ['完善责任督学挂牌督导制度', '教育督导'],
    ['确保一般公共预算教育支出逐年只增不减', '经费保障'],
    ['严查在职教师有偿补课', '师德师风'],
  ])('puts “%s” under %s', (text, name) => {
    const matcher = new ThemeMatcher(themes);
    const slug = themes.find((t) => t.name === name)!.slug;
    expect(matcher.match(text)).toContain(slug);
  });
  it('does not read a bureau named 教育体育局 as physical education', () => {
    const matcher = new ThemeMatcher(themes);
    const sports = themes.find((t) => t.name === '体育美育')!.slug;
    expect(matcher.match('由市教育体育局负责')).not.toContain(sports);
  });
  it('does not take an enrolment rate for an admissions policy', () => {
    const matcher = new ThemeMatcher(themes);
    const admissions = themes.find((t) => t.name === '招生入学')!.slug;
    expect(matcher.match('残疾儿童入学率达到95%')).not.toContain(admissions);
  });
});

describe('content/vocab/themes.yaml against words inside words', () => {
  const themes = loadThemes();
  const matcher = new ThemeMatcher(themes);
  const slugOf = (name: string) => themes.find((t) => t.name === name)!.slug;
  it.each([
    ['深入学习贯彻党的十九大精神', '招生入学'],
    ['编制教育发展规划', '教师队伍建设'],
    ['加强教师培训机构建设', '双减'],
  ])('does not read “%s” as %s', (text, name) => {
    expect(matcher.match(text)).not.toContain(slugOf(name));
  });
  it('reads the study of the Party congress as Party building', () => {
    expect(matcher.match('深入学习贯彻党的十九大精神')).toContain(slugOf('党建引领'));
  });
});

describe('content/vocab/themes.yaml against words across word boundaries', () => {
  const themes = loadThemes();
  const matcher = new ThemeMatcher(themes);
  const slugOf = (name: string) => themes.find((t) => t.name === name)!.slug;
  it.each([
    ['把劳动教育纳入学校教育教学全过程', '招生入学'],
    ['配足配齐所有学科专职教研员', '职业教育'],
    ['组织防溺水等安全主题教育', '党建引领'],
    ['与xx体育学院合作', '体育美育'],
  ])('does not read “%s” as %s', (text, name) => {
    expect(matcher.match(text)).not.toContain(slugOf(name));
  });
});

describe('themes as words of a segmented text (jieba with the vocabulary as dictionary)', () => {
  const themes = loadThemes();
  const matcher = new ThemeMatcher(themes, loadWordSegmenter(themes));
  const slugOf = (name: string) => themes.find((t) => t.name === name)!.slug;
  it.each([
    ['确保教育投入只增不减', '学前普惠'],
    ['深入学习贯彻会议精神', '招生入学'],
    ['推动学校教育教学质量提升', '学前普惠'],
  ])('does not read “%s” as %s: the phrase runs across two words', (text, name) => {
    expect(matcher.match(text)).not.toContain(slugOf(name));
  });
  it.each([
    ['提高保教保育质量', '学前普惠'],
    ['保证学生每天校园阳光体育运动时间不少于1小时', '体育美育'],
    ['按编制标准核定中小学教职工编制', '教师队伍建设'],
    ['深入实施教师县管校聘管理改革', '教师交流轮岗'],
  ])('reads “%s” as %s', (text, name) => {
    expect(matcher.match(text)).toContain(slugOf(name));
  });
  it('matches plain substrings when no segmenter is given', () => {
    expect(new ThemeMatcher(themes).match('确保教育投入只增不减')).toContain(slugOf('学前普惠'));
  });
});

describe('weighing where the words stand', () => {
  const themes = loadThemes();
  const matcher = new ThemeMatcher(themes, loadWordSegmenter(themes));
  const slugOf = (name: string) => themes.find((t) => t.name === name)!.slug;
  const filed = (title: string, text: string) => assignThemes(matcher, { title, text });
  it('files a measure under a theme its own sentence commits to', () => {
    expect(filed('规范办学行为', '推动中小学课后服务扩面提质,实现全覆盖。').themes).toContain(slugOf('课后服务'));
  });
  it('does not file a measure under the items of a list about something else', () => {
    const a = filed('落实全面育人任务', '加强对劳动、心理健康、国防教育、体育、艺术等课程开设情况的督查。');
    expect(a.themes).not.toContain(slugOf('劳动教育'));
    expect(a.themes).not.toContain(slugOf('学生心理健康'));
    expect(a.themes).not.toContain(slugOf('体育美育'));
  });
  it('counts the items of a list when they are the objects of the action', () => {
    expect(filed('落实经费保障', '特殊教育学校、随班就读残疾学生拨付公用经费均达到普通学校的8倍。').themes).toContain(slugOf('特殊教育'));
  });
  it('does not take a yardstick, a purpose or the name of a body for the aim', () => {
    expect(filed('统筹分配编制', '按照班额、生源等情况,统筹分配各校教职工编制数。').themes).not.toContain(slugOf('消除大班额'));
    expect(filed('强化信息化应用', '建设教育云平台,促进城乡教育优质均衡发展。').themes).not.toContain(slugOf('义务教育优质均衡'));
    expect(filed('深化机制改革', '调整教育督导委员会成员。').themes).not.toContain(slugOf('教育督导'));
  });
  it('files a hint from the title, but not a single hint in the text', () => {
    expect(filed('扎实做好学校体育工作', '开展阳光大课间活动。').themes).toContain(slugOf('体育美育'));
    expect(filed('推动基础教育优质发展', '实施名校战略,加大资金投入,打造品牌学校。').themes).not.toContain(slugOf('经费保障'));
  });
  it('keeps why a measure was filed, in words an editor can read', () => {
    const a = filed('化解班额问题', '加强对劳动、体育等课程的督查。积极化解大班额难题。');
    expect(describeFiling(a.reasons.get(slugOf('消除大班额'))!)).toBe('依据：标题“班额”；正文“化解大班额”');
    expect(roleOf('加强对劳动、体育等课程的督查', 6, 8)).toBe('list');
    expect(describeFiling([{ phrase: '体育', place: 'text', role: 'list', weight: 0.5 }])).toBe('依据：正文“体育”（列举项）');
  });
});
