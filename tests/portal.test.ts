import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeDate, readPortalBlock } from '../src/extract/portal.ts';

const TITLE = '济源市教育局2018年工作要点';
const BODY = '2018年全市教育工作的总体要求是:全面贯彻党的十九大精神,围绕建设教育强市总目标。';

describe('readPortalBlock on the layouts of the samples', () => {
  it('reads several key: value pairs per line, with spaced keys', () => {
    const text = [
      '索\u00a0引\u00a0号 : T0020-0901-2018-00600 主题分类: 科技、教育;教育',
      '发布机构: 市教育局 成文日期: 2018-02-05',
      '标\u00a0 \u00a0 \u00a0 题: 济源市教育局2018年工作要点 发文字号: 济教〔2018〕1号',
      '',
      TITLE,
      BODY,
    ].join('\n');
    const result = readPortalBlock(text);
    expect(result.fields).toEqual({
      indexNo: 'T0020-0901-2018-00600',
      topic: '科技、教育;教育',
      issuer: '市教育局',
      date: '2018-02-05',
      title: '济源市教育局2018年工作要点',
      docNumber: '济教〔2018〕1号',
    });
    expect(result.text).toBe(`${TITLE}\n${BODY}`);
  });

  it('reads a | table where an empty cell means the field is absent', () => {
    const text = [
      '索引号 | 014437609/2023-00761 | 主题分类 | |',
      '发布单位 | 靖江市教育局 | 发文日期 | 2023-05-19 |',
      '文号 | 时效 |',
      '靖江市2022年履行教育职责情况汇报',
      '近年来,我市在泰州市委、市政府的正确领导下,坚持教育优先发展。',
    ].join('\n');
    const result = readPortalBlock(text);
    expect(result.fields).toEqual({ indexNo: '014437609/2023-00761', issuer: '靖江市教育局', date: '2023-05-19' });
    expect(result.fields.docNumber).toBeUndefined();
    expect(result.text).toBe('靖江市2022年履行教育职责情况汇报\n近年来,我市在泰州市委、市政府的正确领导下,坚持教育优先发展。');
  });

  it('reads the block of both sample files that have one', async () => {
    const read = async (name: string): Promise<string> => readFile(join('content', 'sources', name), 'utf8');
    const jiyuan = readPortalBlock(await read('2018-jiyuan-jiaoyuju-gongzuo-yaodian.txt'));
    expect(jiyuan.fields).toMatchObject({ indexNo: 'T0020-0901-2018-00600', date: '2018-02-05', docNumber: '济教〔2018〕1号', issuer: '市教育局' });
    expect(jiyuan.text.startsWith('济源市教育局2018年工作要点\n')).toBe(true);
    const jingjiang = readPortalBlock(await read('2023-jingjiang-lvxing-jiaoyu-zhize-huibao.txt'));
    expect(jingjiang.fields).toEqual({ indexNo: '014437609/2023-00761', issuer: '靖江市教育局', date: '2023-05-19' });
    expect(jingjiang.text.startsWith('靖江市2022年履行教育职责情况汇报\n')).toBe(true);
  });
});

describe('readPortalBlock on layouts not in the samples', () => {
  it('reads a table copied from a browser, with tabs between the cells', () => {
    const text = '索引号\t11410800MB1234567A/2021-00012\t主题分类\t教育\n发文机关\t济源市教育局\t成文日期\t2021年3月8日\n发文字号\t\t标题\t关于做好2021年招生工作的通知\n' + BODY;
    const result = readPortalBlock(text);
    expect(result.fields).toEqual({
      indexNo: '11410800MB1234567A/2021-00012',
      topic: '教育',
      issuer: '济源市教育局',
      date: '2021-03-08',
      title: '关于做好2021年招生工作的通知',
    });
    expect(result.text).toBe(BODY);
  });

  it('reads a table copied one cell per line, where a blank line is an empty cell', () => {
    const text = ['索引号', '014437609/2023-00761', '主题分类', '', '发布单位', '靖江市教育局', '发文日期', '2023/5/19', '', TITLE, BODY].join('\n');
    const result = readPortalBlock(text);
    expect(result.fields).toEqual({ indexNo: '014437609/2023-00761', issuer: '靖江市教育局', date: '2023-05-19' });
    expect(result.text).toBe(`${TITLE}\n${BODY}`);
  });

  it('reads one pair per line with full-width colons and bracketed keys', () => {
    const text = '【索引号】：000014349/2022-01234\n【发布机构】：某县教育体育局\n【发文字号】：某教体〔2022〕15号\n【发布日期】：2022.06.01\n\n' + BODY;
    expect(readPortalBlock(text).fields).toEqual({
      indexNo: '000014349/2022-01234',
      issuer: '某县教育体育局',
      docNumber: '某教体〔2022〕15号',
      date: '2022-06-01',
    });
  });

  it('reads a Markdown table with a rule line', () => {
    const text = '| 索引号 | 014437609/2023-00761 | 文号 | 靖教发〔2023〕8号 |\n|---|---|---|---|\n| 发布单位 | 靖江市教育局 | 发文日期 | 2023-05-19 |\n\n' + BODY;
    const result = readPortalBlock(text);
    expect(result.fields).toEqual({ indexNo: '014437609/2023-00761', docNumber: '靖教发〔2023〕8号', issuer: '靖江市教育局', date: '2023-05-19' });
    expect(result.text).toBe(BODY);
  });

  it('prefers 成文日期 over 发布日期 whichever comes first', () => {
    const text = '发布日期: 2018-02-10 成文日期: 2018-02-05\n索引号: T0020\n' + BODY;
    expect(readPortalBlock(text).fields.date).toBe('2018-02-05');
  });

  it('takes 来源 as the issuer only inside a block with a stronger key', () => {
    expect(readPortalBlock(`索引号: T0020-0901\n来源: 市教育局\n${BODY}`).fields).toEqual({ indexNo: 'T0020-0901', issuer: '市教育局' });
    const sourceOnly = `来源: 市教育局 发布时间: 2023-05-19\n${BODY}`;
    expect(readPortalBlock(sourceOnly)).toEqual({ fields: {}, text: sourceOnly });
  });

  it('lets 发文机关 win over 来源', () => {
    expect(readPortalBlock(`来源: 市政府网站\n发文机关: 市教育局\n${BODY}`).fields.issuer).toBe('市教育局');
  });

  it('starts the block after a few stray lines at the top', () => {
    const text = `政务公开\n\n索引号: T0020-0901 成文日期: 2018年2月5日\n${BODY}`;
    const result = readPortalBlock(text);
    expect(result.fields).toEqual({ indexNo: 'T0020-0901', date: '2018-02-05' });
    expect(result.text).toBe(`政务公开\n\n${BODY}`);
  });
});

describe('readPortalBlock never removes body text', () => {
  it('ignores keys far down the document', () => {
    const text = `${Array.from({ length: 20 }, () => BODY).join('\n')}\n索引号: T0020\n成文日期: 2018-02-05`;
    expect(readPortalBlock(text)).toEqual({ fields: {}, text });
  });

  it('ignores a body sentence that starts with a key word but has no colon', () => {
    const text = `${TITLE}\n发布机构应当在规定时间内公开政府信息。\n${BODY}`;
    expect(readPortalBlock(text)).toEqual({ fields: {}, text });
  });

  it('ends the block at the first line without a key', () => {
    const text = `成文日期: 2018-02-05 索引号: T0020\n${BODY}\n标题: 不是元数据的一行`;
    const result = readPortalBlock(text);
    expect(result.text).toBe(`${BODY}\n标题: 不是元数据的一行`);
  });

  it('keeps a paragraph that follows a bare key on its own line', () => {
    const long = '一、总体要求。'.repeat(20);
    const result = readPortalBlock(`索引号\nT0020\n主题分类\n${long}`);
    expect(result.fields).toEqual({ indexNo: 'T0020' });
    expect(result.text).toBe(long);
  });

  it('drops an impossible date rather than guessing', () => {
    expect(readPortalBlock(`成文日期: 2018-13-05 索引号: T0020\n${BODY}`).fields).toEqual({ indexNo: 'T0020' });
  });
});

describe('normalizeDate', () => {
  const cases: Array<[string, string | null]> = [
    ['2018-02-05', '2018-02-05'],
    ['2018年2月5日', '2018-02-05'],
    ['2018 年 2 月 5 日', '2018-02-05'],
    ['2018/2/5', '2018-02-05'],
    ['2018.02.05', '2018-02-05'],
    ['2023-05-19 10:21:33', '2023-05-19'],
    ['2018年2月', '2018-02'],
    ['2018-00-05', null],
    ['2018-02-32', null],
    ['二〇一八年二月五日', null],
    ['', null],
  ];

  it.each(cases)('reads %s as %s', (value, date) => {
    expect(normalizeDate(value)).toBe(date);
  });
});

describe('readPortalBlock on portal layouts of the development corpus', () => {
  it('reads a bulleted block and a millisecond timestamp as the 成文日期', () => {
    const text = `  • 索引号: 152475324/2024-00182\n  • 主题分类: 科技、教育\n  • 发布机构: 南涧彝族自治县人民政府办公室\n  • 成文日期: 1714439066000\n  • 发文字号: 南政办发 〔 2024〕 6号\n  • 主题词: 义务教育、控辍保学\n  • 体裁: 通知\n\n${BODY}`;
    const result = readPortalBlock(text);
    expect(result.fields).toMatchObject({ issuer: '南涧彝族自治县人民政府办公室', date: '2024-04-30', docNumber: '南政办发 〔 2024〕 6号' });
    expect(result.text.trim()).toBe(BODY);
  });
  it('reads keys followed by a space instead of a colon', () => {
    const text = `文件名称 石泉县后柳镇人民政府关于印发《后柳镇2025年控辍保学工作实施方案》的通知\n索引号 zzfsqxhlz/2025-0021 公开目录: 信息公开\n公开责任部门 石泉县后柳镇人民政府 公开形式: 主动公开\n文号 后政发〔2025〕3号 成文日期: 2025年01月06日\n有效性 已失效 公开日期: 2025-01-07 09:07\n${BODY}`;
    expect(readPortalBlock(text).fields).toMatchObject({
      title: '石泉县后柳镇人民政府关于印发《后柳镇2025年控辍保学工作实施方案》的通知',
      issuer: '石泉县后柳镇人民政府',
      docNumber: '后政发〔2025〕3号',
      date: '2025-01-06',
    });
  });
  it('takes an official page’s 发布时间 when its 来源 is a named organ, not a template site’s', () => {
    expect(readPortalBlock(`作者:海南省教育厅  来源:海南省教育厅  发布时间:2012-02-24 浏览次数:9480\n${BODY}`).fields).toMatchObject({ date: '2012-02-24' });
    const template = `来源:网友投稿 发布时间:2023-08-06\n${BODY}`;
    expect(readPortalBlock(template).fields).toEqual({});
  });
});
