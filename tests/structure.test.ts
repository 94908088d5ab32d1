import { describe, expect, it } from 'vitest';
import { buildStructure, type Node } from '../src/extract/structure.ts';
import { findMarkers, chineseNumeral } from '../src/extract/numbering.ts';
import { outline } from '../src/extract/measures.ts';

function measures(text: string): Node[] {
  const s = buildStructure(text);
  return outline(s).measures.map((m) => m.node);
}

describe('chineseNumeral', () => {
  it.each([
    ['一', 1], ['九', 9], ['十', 10], ['十二', 12], ['二十', 20], ['二十三', 23], ['三十六', 36],
  ])('reads %s as %i', (s, n) => expect(chineseNumeral(s)).toBe(n));
  it('rejects what is not a numeral', () => expect(chineseNumeral('十十')).toBeNaN());
});

describe('findMarkers', () => {
  it('finds a 一、 heading run on after a full stop', () => {
    const ms = findMarkers('落地生根。二、坚持质量为本');
    expect(ms.map((m) => [m.kind, m.ordinal])).toContainEqual(['cn', 2]);
  });
  it('does not take 2.0 or 1.5万 for item numbers', () => {
    const ms = findMarkers('实施提升工程2.0,按1.5万人口设置');
    expect(ms.filter((m) => m.kind === 'arabic')).toHaveLength(0);
  });
  it('does not take 统一是 for an enumeration', () => {
    expect(findMarkers('标准统一是关键').filter((m) => m.kind === 'shi')).toHaveLength(0);
  });
  // 工作总结 opening (dev corpus 18): the heading lost its line break and runs into its 一是.
  it('takes a 一是 glued to an unpunctuated heading when a 二是 follows', () => {
    const ms = findMarkers('一、今年以来的工作亮点和创新性做法一是教育综合改革扎实推进。内容。二是基础教育高端均衡发展。');
    expect(ms.filter((m) => m.kind === 'shi').map((m) => m.label)).toEqual(['一是', '二是']);
  });
  it('does not take 统一是 after a heading sentence for an enumeration, even before a 二是', () => {
    const ms = findMarkers('一、规范办学。标准统一是关键。二是加强管理。');
    expect(ms.filter((m) => m.kind === 'shi').map((m) => m.label)).toEqual(['二是']);
    expect(findMarkers('一、标准统一是办学的关键').filter((m) => m.kind === 'shi')).toHaveLength(0);
  });
  it('reads an OCR-spaced 1 . as an item number', () => {
    expect(findMarkers('配置1 .优化布局').map((m) => m.label)).toContain('1 .');
  });
});

describe('buildStructure', () => {
  it('nests 1. items under 一、 sections written one per line', () => {
    const s = buildStructure('总体要求。\n一、加强党建\n1.学习。内容。\n2.组织。内容。\n二、提高质量\n3.课程。内容。');
    expect(s.sections.map((n) => n.title)).toEqual(['加强党建', '提高质量']);
    expect(s.sections[0]!.children.map((n) => n.label)).toEqual(['1.', '2.']);
    expect(s.measureKind).toBe('arabic');
    expect(s.preamble).toEqual(['总体要求。']);
  });

  it('splits run-on headings and inline enumerations inside one paragraph', () => {
    const text = '前言。一、坚持党建为纲,全面优化生态。导语。一是健全机制。内容一。二是深化学习。内容二。二、坚持质量为本,夯实主业。一是突出培养。内容三。';
    const ms = measures(text);
    expect(ms.map((m) => m.title)).toEqual(['健全机制', '深化学习', '突出培养']);
    const s = buildStructure(text);
    expect(s.sections.map((n) => n.title)).toEqual(['坚持党建为纲,全面优化生态', '坚持质量为本,夯实主业']);
    expect(s.sections[0]!.paragraphs).toEqual(['导语。']);
  });

  it('restores a 一、 heading whose 、 was lost before a known heading word', () => {
    const s = buildStructure('制定方案如下:一指导思想坚持以人为本。二、工作目标到2025年完成。三工作措施(一)优化布局1 .规划学校。内容。2 .建设学校。内容。');
    expect(s.sections.map((n) => n.title)).toEqual(['指导思想', '工作目标', '工作措施']);
    expect(s.sections[2]!.children[0]!.children.map((n) => n.title)).toEqual(['规划学校', '建设学校']);
  });

  it('numbers measures through sections and after a responsibility line', () => {
    const text = '(一)布局1 .规划。内容。责任单位:市教育局、财政局2 .建设。内容。责任单位:市住建局(二)投入3 .经费。内容。责任单位:市财政局';
    const ms = measures(text);
    expect(ms.map((m) => m.title)).toEqual(['规划', '建设', '经费']);
    expect(ms[0]!.paragraphs).toContain('责任单位:市教育局、财政局');
  });

  it('restarts numbering at 1 under each new section', () => {
    const ms = measures('一、甲方面\n1.第一项。内容。\n2.第二项。内容。\n二、乙方面\n1.第三项。内容。\n2.第四项。内容。');
    expect(ms.map((m) => m.title)).toEqual(['第一项', '第二项', '第三项', '第四项']);
  });

  it('keeps a stray ①② sub-list inside its measure instead of making it the measure level', () => {
    const text = ['一、总体', '1.甲项。内容。', '2.乙项。包括:①子一;②子二。', '3.丙项。内容。', '4.丁项。内容。'].join('\n');
    const ms = measures(text);
    expect(ms.map((m) => m.label)).toEqual(['1.', '2.', '3.', '4.']);
  });

  it('does not start a sequence from a number inside a sentence', () => {
    const s = buildStructure('全市共有学校5.其中小学3所。');
    expect(s.sections).toHaveLength(0);
  });

  it('takes topic-sentence paragraphs of a speech as its measures', () => {
    const text = ['——聚焦协调发展', '不断提升公共服务水平。全市新增学位一万个,改造校舍若干。', '加快推进职业教育发展。共建职业技术学院,建设实训基地。'].join('\n');
    const s = buildStructure(text);
    expect(s.measureKind).toBe('paragraph-measure');
    expect(measures(text).map((m) => m.title)).toEqual(['不断提升公共服务水平', '加快推进职业教育发展']);
  });

  it('keeps the appendix apart from the numbered body', () => {
    const body = '一、要求\n1.甲。' + '内容。'.repeat(30) + '\n2.乙。内容。附件:1.领导小组名单2.时间表';
    const s = buildStructure(body);
    expect(s.appendix.join('')).toContain('领导小组名单');
    expect(measures(body)).toHaveLength(2);
  });

  it('joins a paragraph broken after a semicolon', () => {
    const s = buildStructure('体系建设稳步推进;\n聚焦群众急难愁盼问题,狠抓改革。');
    expect(s.preamble).toEqual(['体系建设稳步推进;聚焦群众急难愁盼问题,狠抓改革。']);
  });

  it('gives every measure an id and groups them under goals by section', () => {
    const ol = outline(buildStructure('一、甲\n1.a项。x。\n2.b项。y。\n二、乙\n3.c项。z。'));
    expect(ol.measures.map((m) => m.id)).toEqual(['m1', 'm2', 'm3']);
    expect(ol.goals).toEqual([
      expect.objectContaining({ id: 'g1', title: '甲', measures: ['m1', 'm2'] }),
      expect.objectContaining({ id: 'g2', title: '乙', measures: ['m3'] }),
    ]);
  });
});

describe('buildStructure on speeches', () => {
  it('takes 第一,第二, enumerations inside sections as measures', () => {
    const text = '一、关于今年的工作\n第一，抓好党建。全面加强党的建设。第二，抓好质量。提升教学质量。\n二、关于明年的打算\n第一，扩充学位。新增学位。第二，建强队伍。招聘教师。';
    const ms = buildStructure(text);
    expect(ms.measureKind).toBe('di');
    expect(outline(ms).measures.map((m) => m.node.title)).toEqual(['抓好党建', '抓好质量', '扩充学位', '建强队伍']);
  });
});

describe('buildStructure on notices whose only numbered list sits under one section', () => {
  it('takes the (一)(二) items under 工作任务 as measures when the other sections only frame the notice', () => {
    const text = '一、总体要求\n坚持自愿参加，做到应开尽开。\n二、工作任务\n（一）丰富活动内容。每校开设社团。\n（二）规范活动时间。按时结束。\n三、工作要求\n各校要高度重视。';
    const s = buildStructure(text);
    expect(s.measureKind).toBe('paren-cn');
    expect(outline(s).measures.map((m) => m.node.title)).toEqual(['丰富活动内容', '规范活动时间']);
  });

  it('still takes the 一、 sections as measures when most of them are actions without sub-items', () => {
    const text = '一、加强安全教育\n开展专题教育。\n二、排查安全隐患\n（一）排查校舍。内容。\n（二）排查食堂。内容。\n三、完善应急预案\n修订预案。\n四、强化值班值守\n落实值班。';
    expect(buildStructure(text).measureKind).toBe('cn');
  });

  it('keeps a bracketed responsibility clause whole instead of leaving its opening bracket as a paragraph', () => {
    const s = buildStructure('一、重点任务\n1.建设心理辅导室。达标率达到90%。（责任单位：县教育局、县财政局）\n2.开展家长讲座。每学期至少2次。（责任单位：县妇联）');
    expect(s.sections[0]!.children[0]!.paragraphs).toEqual(['达标率达到90%。', '（责任单位：县教育局、县财政局）']);
  });
});

describe('outline of measures with sub-items', () => {
  it('gives a measure the text of its ①②③ sub-items, where its responsibility line often stands', () => {
    const ol = outline(buildStructure('一、任务\n1.开好课程。内容。①低年级做游戏；②高年级做体验。（责任单位：区教育局）\n2.建好场地。内容。\n二、保障\n3.落实经费。内容。'));
    expect(ol.measures.map((m) => m.node.title)).toEqual(['开好课程', '建好场地', '落实经费']);
    expect(ol.measures[0]!.text).toContain('高年级做体验');
    expect(ol.measures[0]!.text).toContain('责任单位：区教育局');
  });

  it('takes every top section as a goal, a 总体要求 without sub-items too', () => {
    const ol = outline(buildStructure('一、总体要求\n到2026年实现全覆盖。\n二、工作任务\n（一）甲项。内容。\n（二）乙项。内容。'));
    expect(ol.goals).toEqual([
      expect.objectContaining({ title: '总体要求', measures: [] }),
      expect.objectContaining({ title: '工作任务', measures: ['m1', 'm2'] }),
    ]);
  });

  // Items of the dev corpus (26, 29, 32): only some (一) items have numbered sub-items.
  it('counts the leaves when only some (一) items have 1. sub-items', () => {
    const text = ['三、主要工作', '（一）完善美育课程体系。', '1.开设优质丰富的美育课程。内容。', '2.实施美育实践活动的课程化管理。内容。',
      '（二）改进美育教学。', '1.深化学校美育教学改革。内容。', '四、保障措施', '（一）加强组织领导。内容。', '（二）加大资金投入力度。内容。'].join('\n');
    expect(measures(text).map((m) => m.title)).toEqual(['开设优质丰富的美育课程', '实施美育实践活动的课程化管理', '深化学校美育教学改革', '加强组织领导', '加大资金投入力度']);
  });

  it('takes a finest level numbered through the document as the measure list, without the safeguards after it', () => {
    const text = ['三、工作措施', '（一）科学规划学校布局。', '1.优化中小学布局规划。内容。', '2.全面消除大校额和大班额。内容。', '（二）改善办学条件。', '3.加大薄弱项目改造力度。内容。',
      '四、工作保障', '（一）加强组织领导，健全工作机制。内容。', '（二）明确工作任务，落实工作责任。内容。'].join('\n');
    expect(measures(text).map((m) => m.label)).toEqual(['1.', '2.', '3.']);
  });

  it('takes 一是/二是 directly under a top section as measures, and leaves the frame sections out', () => {
    const text = '一、基本原則\n一是堅持政府主導。落實責任。二是注重科學規劃。統籌考慮。三是堅持公益普惠。大力發展。\n二、主要目標\n大力發展公辦幼兒園。';
    expect(measures(text).map((m) => m.title)).toEqual(['堅持政府主導', '注重科學規劃', '堅持公益普惠']);
  });

  // 工作总结 openings (dev corpus 17, 19): 一是/二是 inside one or two (一) items enumerate within them.
  it('leaves 一是/二是 inside one or two (一) items inline: the (一) items are the measures', () => {
    const text = '一、2024年度主要工作成效(一)基础教育供给体系持续完善。一是精准实施基础建设三年行动。内容。二是系统推进布局优化工程。内容。' +
      '(二)五育融合育人格局逐渐成型。一是构建思政教育新范式。内容。二是打造科学教育新高地。内容。';
    expect(measures(text).map((m) => m.label)).toEqual(['(一)', '(二)']);
  });

  // A report whose every (一) item is written as 一是…三是 (the 靖江 sample): that is its level of actions.
  it('takes 一是/二是 as measures when three or more (一) items use them', () => {
    const item = (n: string, t: string): string => `(${n})${t}。一是落实经费保障。内容。二是优化资源供给。内容。\n`;
    const text = '二、主要做法\n' + item('一', '坚持党管教育') + item('二', '聚焦人民满意') + item('三', '强化要素保障');
    expect(measures(text).map((m) => m.label)).toEqual(['一是', '二是', '一是', '二是', '一是', '二是']);
  });

  // 湖北 美育 实施意见 (dev corpus 26): sub-item numbers lost their dots, one kept a private-use glyph.
  it('reads sub-item numbers that lost their dots at a line start, and not a date or a count', () => {
    const text = ['一、总体要求', '（一）指导思想。内容。', '（二）基本原则。', '1坚持育人为本，面向全体。内容。', '2\ue010坚持因地制宜，分类推进。内容。',
      '3坚持改革创新，协同推进。内容。', '12月底前完成。', '（三）总体目标。内容。'].join('\n');
    expect(measures(text).map((m) => m.label)).toEqual(['（一）', '1', '2', '3', '（三）']);
  });

  it('takes no measures from a plan whose sections only frame it', () => {
    expect(measures('一、指导思想\n以习近平新时代中国特色社会主义思想为指导。\n二、工作目标\n确保全县小学适龄儿童入学率达99%以上。')).toEqual([]);
  });
});
