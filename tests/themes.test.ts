import { describe, expect, it } from 'vitest';
import { assignThemes, parseThemeTable, ThemeMatcher, type Theme } from '../src/lib/themes.ts';
import { loadThemes } from '../src/site/vocab.ts';

const theme = (slug: string, name: string, keywords: string[], excludes: string[] = []): Theme => ({
  slug,
  name,
  description: '',
  keywords,
  excludes,
});

describe('parseThemeTable', () => {
  it('accepts a list of themes and fills in missing excludes and description', () => {
    expect(parseThemeTable([{ slug: 'shuangjian', name: '双减', keywords: ['双减'] }], 'themes.yaml')).toEqual([
      { slug: 'shuangjian', name: '双减', description: '', keywords: ['双减'], excludes: [] },
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
    expect(assignThemes(matcher, { title: '落实双减', text: '全面推行课后服务' })).toEqual({ themes: ['shuangjian', 'kehou-fuwu'], unknown: [] });
  });
  it("lets the editor's themes replace the rules, and reports slugs that name no theme", () => {
    expect(assignThemes(matcher, { title: '落实双减', text: '', override: ['kehou-fuwu', 'no-such'] })).toEqual({
      themes: ['kehou-fuwu'],
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
