import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanText, isNoiseLine, normalizeTitle } from '../src/extract/clean.ts';
import { readSource } from '../src/ingest/read.ts';

const BODY = '为巩固义务教育基本均衡发展成果,加快推进我市义务教育优质均衡发展县创建步伐,推进义务教育向更高水平发展,全面提高教育质量。';

/** Clean a snippet with a body line around it and return the lines that are left. */
function linesLeft(snippet: string): string[] {
  return cleanText(`${BODY}\n${snippet}\n${BODY}\n`).text.split('\n').filter((l) => l !== '' && l !== BODY);
}

describe('cleanText drops host-page noise lines', () => {
  const noise: Array<[string, string]> = [
    ['a sharing-site upload banner', '上传人:夺命阿水 文档编号:1088058 上传时间:2024-03-15 格式:DOCX 页数:22 大小:45.75KB'],
    ['another site’s banner with full-width colons', '贡献者：教育小助手  页数：5页  下载积分：2'],
    ['a page counter', '第1页 / 共22页'],
    ['a page counter without a slash', '第 3 页 共 12 页'],
    ['a page thumbnail caption', '关于进一步统筹推进义务教育优质均衡发展实施方案.docx_第3页'],
    ['a thumbnail caption of a PDF', '2023年工作总结.pdf_第12页'],
    ['a button row', '返回 下载 相关 举报'],
    ['a portal button row in brackets', '【打印本页】【关闭窗口】'],
    ['a lone report button', '举报'],
    ['a read-more link', '点击查看更多>>'],
    ['a read-full-text link', '查看全文'],
    ['the description heading', '资源描述'],
    ['the member-share line', '《市教育局2024年务虚会议材料.docx》由会员分享,可在线阅读,更多相关《市教育局2024年务虚会议材料.docx(5页珍藏版)》请在优知文库上搜索。'],
    ['a template site’s time and source line', '时间:2024-01-10 15:25:04 公文范文 来源:网友投稿'],
    ['a post-time line with a view count', '发布时间：2023-07-18  浏览次数：126'],
    ['the editor’s note', '下面是小编为大家整理的2023年教育局党组书记、局长在教育工作论坛上研讨发言2【精选推荐】,供大家参考。'],
    ['another editor’s note', '以下是本站为大家整理的学校工作计划范文,希望对大家有所帮助。'],
    ['a recommended-links line', '推荐访问:教育局党组书记、局长在教育工作论坛上研讨发言2 党组 教育工作 教育局'],
    ['a related-searches line', '相关热词搜索:教育局 工作要点'],
    ['a bare link-list heading', '猜你喜欢'],
    ['breadcrumbs', '当前位置:首页 > 在线阅读 > 生活休闲'],
    ['breadcrumbs without a label', '首页 > 政务公开 > 政策文件'],
    ['an ICP registration', '备案号:宁ICP备20000045号-1'],
    ['a bare ICP number', '京ICP证030173号'],
    ['a business licence line', '经营许可证:宁B2-20210002'],
    ['a public-security registration', '宁公网安备 64010402000986号'],
    ['a website code', '网站标识码:4108000001'],
    ['a copyright line', 'Copyright © 2023 靖江市教育局 All Rights Reserved'],
    ['a copyright line in Chinese', '靖江市教育局 版权所有'],
    ['a font-size switch', '【字体:大 中 小】'],
  ];

  it.each(noise)('drops %s', (_kind, line) => {
    expect(isNoiseLine(line)).toBe(true);
    const result = cleanText(`${BODY}\n${line}\n${BODY}\n`);
    expect(result.text).toBe(`${BODY}\n${BODY}\n`);
    expect(result.removed).toEqual([line]);
  });
});

describe('cleanText keeps document text that resembles noise', () => {
  const text: Array<[string, string]> = [
    ['a sentence about downloading', '各校要及时下载并填报相关统计表格,于3月15日前上报。'],
    ['a sentence with 主办 and 承办', '本次比赛由市教育局主办,市实验小学承办。'],
    ['a sentence with 版权', '尊重知识产权,使用教材须取得版权所有人的授权。'],
    ['a sentence about ICP filing', '督促学校网站做好ICP备案工作。'],
    ['a meeting time line', '时间:2024年3月15日上午9:00'],
    ['a reading-day time line', '时间：2024年4月23日 阅读分享会'],
    ['a sentence that starts like breadcrumbs', '当前位置偏远的农村学校要加快标准化建设。'],
    ['a list item that starts with 相关', '相关部门要密切配合,形成工作合力。'],
    ['a single word that is also a button', '返回'],
    ['a sentence with 格式 and 大小', '材料格式:Word文档,图片大小不超过2MB。'],
    ['a heading about page counts', '第一页为封面'],
  ];

  it.each(text)('keeps %s', (_kind, line) => {
    expect(linesLeft(line)).toEqual([line]);
  });
});

describe('cleanText and page footers', () => {
  it('drops a portal footer block at the end, including its 主办 and 承办 lines', () => {
    const text = `${BODY}\n2018年2月5日\n\n主办:中共济源市委 济源市人民政府 版权所有禁止私自转载  管理入口\n承办:济源市电子政务办公室 豫ICP备05001062\n`;
    const result = cleanText(text);
    expect(result.text).toBe(`${BODY}\n2018年2月5日\n`);
    expect(result.removed).toHaveLength(2);
  });

  it('drops a footer block whose only sure sign is a site link', () => {
    const text = `${BODY}\n主办单位:某市教育局\n联系电话:0523-84821234\n网站地图 | 联系我们\n`;
    expect(cleanText(text).text).toBe(`${BODY}\n`);
  });

  it('keeps a notice that ends with its organisers and a phone number', () => {
    const text = `${BODY}\n主办单位:市教育局\n承办单位:市实验小学\n联系电话:0391-6632123\n`;
    expect(cleanText(text).text).toBe(text);
  });

  it('keeps 主办 and 承办 lines in the middle of a document', () => {
    const text = `${BODY}\n主办:市教育局\n承办:市实验小学\n${BODY}\n`;
    expect(cleanText(text).text).toBe(text);
  });

  it('drops the sharing-site trailer from 展开阅读全文 on, including related titles', () => {
    const text = `${BODY}\n\n展开阅读全文\n相关资源\n猜你喜欢\n2024年学校德育工作计划.docx\n相关搜索\n资源标签\n\n当前位置:首页 > 在线阅读\n备案号:宁ICP备20000045号-1\n`;
    const result = cleanText(text);
    expect(result.text).toBe(`${BODY}\n`);
    expect(result.removed).toContain('2024年学校德育工作计划.docx');
  });

  it('stops the trailer where numbered document text starts again', () => {
    const text = `${BODY}\n展开阅读全文\n二、工作措施\n${BODY}\n`;
    expect(cleanText(text).text).toBe(`${BODY}\n二、工作措施\n${BODY}\n`);
  });
});

describe('cleanText and titles at the top', () => {
  it('strips a promotion suffix and drops the repeated title of a template site', () => {
    const text = '2023年教育局局长研讨发言2【精选推荐】\n\n时间:2024-01-10 15:25:04 公文范文 来源:网友投稿\n\n2023年教育局局长研讨发言2【精选推荐】\n\n' + `${BODY}\n`;
    const result = cleanText(text);
    expect(result.text).toBe(`2023年教育局局长研讨发言2\n\n${BODY}\n`);
  });

  it('strips a file extension from a file-name-style title line', () => {
    expect(cleanText(`市教育局2024年工作要点.docx\n\n${BODY}\n`).text).toBe(`市教育局2024年工作要点\n\n${BODY}\n`);
  });

  it('keeps a bracketed part of a title that is not promotion', () => {
    const text = `济源市消除大班额专项规划(2016-2020年)\n县域义务教育优质均衡发展督导评估办法(试行)\n\n${BODY}\n`;
    expect(cleanText(text).text).toBe(text);
  });
});

describe('cleanText joins page chunks', () => {
  const chunk = (n: number, text: string): string => `${n}、${text}`;
  const part1 = '市教育局2024年务虚会议材料2024年是教育提质“关键年”,我市将紧扣“半程提速、全程发力、全力争先”工作要求,对准“学有优教”赛道,惟实惟先、善作善成,加快教育现代化和高质量教育体系建设,为我市高质量发展提供更加强有力的人才支撑和智力保障。一、坚持党建为纲,全面优化教育生态。为党育人、为国育才要求强化党对教育工作的全面领导。一是健全领导体制机制。以市委教育述职为导向,进一步健全议事决策制度。二是深化主题教';
  const part2 = '育学习。充分发挥“理论宣讲工作室”、“铸魂育人宣讲团”、青年党员学习社、思政课教师论坛等阵地、平台的资源优势,让党的各项创新理论成果在教育领域落地生根。三是建强基层组织堡垒。深化中小学党组织领导的校长负责制改革,扎实开展党建品牌创建活动。二、坚持质量为本,着力夯';
  const part3 = '实教育主业。作为教育工作的主轴线、学校办学的生命线,教学质量永远值得我们高看一眼、厚待三分。';

  it('joins chunks cut mid-word without the marker and without a line break', () => {
    const result = cleanText([chunk(1, part1), chunk(2, part2), chunk(3, part3)].join('\n') + '\n');
    expect(result.text).toBe(`${part1}${part2}${part3}\n`);
    expect(result.text).toContain('二是深化主题教育学习。');
    expect(result.removed).toEqual(['page-chunk markers 1、…3、 (3 chunks joined)']);
  });

  it('joins chunks separated by blank lines', () => {
    const result = cleanText([chunk(1, part1), chunk(2, part2), chunk(3, part3)].join('\n\n') + '\n');
    expect(result.text).toBe(`${part1}${part2}${part3}\n`);
  });

  it('puts the title a sharing site glued to the first chunk on its own line', () => {
    const share = '《市教育局2024年务虚会议材料.docx》由会员分享,可在线阅读,更多相关《市教育局2024年务虚会议材料.docx(5页珍藏版)》请在优知文库上搜索。';
    const result = cleanText([share, chunk(1, part1), chunk(2, part2), chunk(3, part3)].join('\n') + '\n');
    expect(result.text.split('\n').slice(0, 3)).toEqual(['市教育局2024年务虚会议材料', '', expect.stringMatching(/^2024年是教育提质/)]);
  });

  it('keeps a real numbered list of short items', () => {
    const list = '工作要求:\n1、加强组织领导。\n2、明确工作责任。\n3、强化督导检查。\n';
    expect(cleanText(list).text).toBe(list);
  });

  it('keeps a real list of long items that end at sentence ends', () => {
    const item = '各校要成立以校长为组长的工作领导小组,明确分管领导和具体责任人,制定切实可行的实施方案,细化工作任务,层层压实责任,确保各项工作落到实处,取得实效,并按时报送工作进展情况和典型经验做法,接受社会监督。';
    const list = [1, 2, 3, 4].map((n) => `${n}、${item}`).join('\n') + '\n';
    expect(cleanText(list).text).toBe(list);
  });

  it('keeps two real lists whose numbers restart', () => {
    const list = '一、目标\n1、提高入学率\n2、消除大班额\n二、措施\n1、扩大学位供给\n2、优化教师配置\n';
    expect(cleanText(list).text).toBe(list);
  });
});

describe('cleanText layout', () => {
  it('trims lines and collapses runs of blank lines', () => {
    expect(cleanText('   标题  \n\n\n\n \u00a0\n    正文第一段。\t\n\n\n正文第二段。   \n\n').text).toBe('标题\n\n正文第一段。\n\n正文第二段。\n');
  });
});

describe('normalizeTitle', () => {
  const cases: Array<[string, string]> = [
    ['2023年教育局党组书记、局长在教育工作论坛上研讨发言2【精选推荐】', '2023年教育局党组书记、局长在教育工作论坛上研讨发言'],
    ['关于进一步统筹推进义务教育优质均衡发展实施方案.docx', '关于进一步统筹推进义务教育优质均衡发展实施方案'],
    ['《市教育局2024年务虚会议材料.docx》', '市教育局2024年务虚会议材料'],
    ['学校2024年工作计划(通用5篇)', '学校2024年工作计划'],
    ['教育局工作总结【最新版】.doc', '教育局工作总结'],
    ['2023年工作要点.pdf_第1页', '2023年工作要点'],
    ['济源市消除大班额专项规划(2016-2020年)', '济源市消除大班额专项规划(2016-2020年)'],
    ['中小学教师信息技术应用能力提升工程2.0', '中小学教师信息技术应用能力提升工程2.0'],
    ['关于印发《“十四五”教育发展规划》的通知', '关于印发《“十四五”教育发展规划》的通知'],
    ['附件2', '附件2'],
  ];

  it.each(cases)('turns %s into %s', (line, title) => {
    expect(normalizeTitle(line)).toBe(title);
  });
});

describe('cleanText on the sample documents', () => {
  const MARKERS = [
    '上传人', '文档编号', '共22页', '.docx_第', '返回 下载', '点击查看更多', '资源描述', '由会员分享', '展开阅读全文', '相关资源', '猜你喜欢',
    '相关搜索', '资源标签', '当前位置', '备案号', 'ICP备', '经营许可证', '公网安备', '小编', '推荐访问', '【精选推荐】', '来源:网友投稿', '主办:', '承办:', '版权所有',
  ];
  const samples: Array<{ file: string; first: string; last: string; joined?: string }> = [
    {
      file: '2018-jiyuan-jiaoyuju-gongzuo-yaodian.txt',
      first: '2018年全市教育工作的总体要求是:全面贯彻党的十九大精神,',
      last: '加强和改进离退休干部工作。',
    },
    {
      file: '2023-jiaoyuju-juzhang-luntan-fayan.txt',
      first: 'xx市现有各级各类学校、幼儿园xxxx所,在校生xx.xx万人,教职工x.xx万人。',
      last: '及时发现并整改堵点问题,进一步提升了服务效能。',
    },
    {
      file: '2023-jingjiang-lvxing-jiaoyu-zhize-huibao.txt',
      first: '近年来,我市在泰州市委、市政府的正确领导下,',
      last: '激发优秀教育人才扎根靖江、扎根讲坛的动力。',
    },
    {
      file: '2024-shi-jiaoyuju-wuxu-huiyi-cailiao.txt',
      first: '2024年是教育提质“关键年”,',
      last: '规范营造有序健康、和谐向上的教育大环境。',
      joined: '二是深化主题教育学习。',
    },
    {
      file: 'shi-yiwu-jiaoyu-youzhi-junheng-shishi-fangan.txt',
      first: '为巩固义务教育基本均衡发展成果,',
      last: '小学、中学专任教师本科及以上学历比例进一步提升,分别达到85%.100',
      joined: '学校布局更加合理,城镇大班额全面消除',
    },
  ];

  it.each(samples)('leaves no noise in $file and keeps its first and last sentences', async ({ file, first, last, joined }) => {
    const { text: raw } = await readSource(join('content', 'sources', file));
    const { text } = cleanText(raw);
    for (const marker of MARKERS) expect(text, marker).not.toContain(marker);
    expect(text).not.toMatch(/^\d{1,3}、/mu);
    const lines = text.split('\n').filter(Boolean);
    expect(lines.some((l) => l.startsWith(first))).toBe(true);
    expect(lines.some((l) => l.endsWith(last))).toBe(true);
    if (joined) expect(text).toContain(joined);
  });
});

describe('cleanText repairs extraction damage of kinds seen on real pages', () => {
  it('joins a number PDF extraction put on its own line with the unit that opens the next', () => {
    expect(cleanText('2016\n年教育局工作要点\n2016\n年教育工作的总体要求是:以十八届五中全会精神为指引。').text).toBe('2016年教育局工作要点\n2016年教育工作的总体要求是:以十八届五中全会精神为指引。\n');
  });
  it('keeps a number line that a unit does not follow (a table cell, a page number)', () => {
    expect(cleanText('80\n极回应群众新期待新要求,加大普惠性托育供给。').text).toBe('80\n极回应群众新期待新要求,加大普惠性托育供给。\n');
  });
  it('drops the ? a mirror put for each non-breaking space, at a line start and on lines of their own', () => {
    expect(cleanText('?\n????现将《治多县义务教育控辍保学专项行动方案》印发给你们,请结合实际,认真贯彻执行。\n?').text).toBe('现将《治多县义务教育控辍保学专项行动方案》印发给你们,请结合实际,认真贯彻执行。\n');
  });
  it('drops running heads left inline by a Word-to-text extraction', () => {
    expect(cleanText('.页眉.教育局年度工作思路页脚..页眉.教育局年度工作思路页脚.  2014年,我县教育工作将继续以党的十八大精神为指引。').text).toBe('2014年,我县教育工作将继续以党的十八大精神为指引。\n');
  });
  it.each([
    ['ID:34685780'],
    ['大小:44.50 KB'],
    ['页数:14页'],
    ['教育局年度工作思路_0_第1页'],
    ['现在位置:范文先生网>报告总结>工作计划>教育局工作要点'],
    ['时间:2022-08-22 13:33:29 工作计划 我要投稿'],
  ])('drops the sharing-site line %s', (line) => {
    expect(linesLeft(line)).toEqual([]);
  });
});

describe('cleanText takes host-page sentences out of a chunk of document text', () => {
  it('keeps the document text around an editor’s note and a copyright notice glued into it', () => {
    const chunk = '1、本资料来源搜集与网络和投稿,如有侵权,牵扯利益关系,请告知上传人联系删除。第 1 页 共 4 页下面由范文大全小编为大家整理的2021工作总结及2021年工作计划范文,欢迎大家阅读与借鉴。今年是十三五规划开局之年,为更好地贯彻十八大和十八届六中全会精神,进一步打造寿光优质教育品牌。现将今年工作完成情况做以总结,对明年教育发展加以规划。';
    expect(cleanText(chunk).text).toBe('1、今年是十三五规划开局之年,为更好地贯彻十八大和十八届六中全会精神,进一步打造寿光优质教育品牌。现将今年工作完成情况做以总结,对明年教育发展加以规划。\n');
  });
});
