import { describe, expect, it } from 'vitest';
import { chineseDate, citations, citationText, itemLabel } from '../src/site/citation.ts';

describe('itemLabel', () => {
  it.each([
    ['23.', '第23项'],
    ['1 .', '第1项'],
    ['（三）', '第三项'],
    ['(十二)', '第十二项'],
    ['二、', '第二项'],
    ['一是', '“一是”'],
    ['', ''],
  ])('names item %s as %s', (number, label) => {
    expect(itemLabel(number)).toBe(label);
  });
});

describe('citations', () => {
  const url = (id: string) => `https://kb.test/policies/x/#${id}`;
  const cite = (doc: Parameters<typeof citations>[0], id: string): string => citationText(citations(doc, url).get(id)!);
  it('gives title, 文号, item number, measure title, issuer and date, then the link', () => {
    const doc = {
      title: '济源市教育局2018年工作要点',
      docNumber: '济教〔2018〕1号',
      issuer: '济源市教育局',
      date: '2018-02-05',
      measures: [{ id: 'm23', number: '23.', section: '加强教师队伍建设', title: '探索教师管理新机制' }],
    };
    expect(cite(doc, 'm23')).toBe('《济源市教育局2018年工作要点》（济教〔2018〕1号）第23项“探索教师管理新机制”，济源市教育局，2018年2月5日，https://kb.test/policies/x/#m23');
    expect(citations(doc, url).get('m23')!.url).toBe('https://kb.test/policies/x/#m23');
  });
  it('leaves out the 文号, issuer and date the document does not give', () => {
    const doc = { title: '实施方案', docNumber: null, issuer: null, date: null, measures: [{ id: 'm1', number: '1.', section: null, title: '优化布局' }] };
    expect(cite(doc, 'm1')).toBe('《实施方案》第1项“优化布局”，https://kb.test/policies/x/#m1');
  });
  it('writes a date as precise as the document gives it', () => {
    expect(chineseDate('2018-02-05')).toBe('2018年2月5日');
    expect(chineseDate('2023-11')).toBe('2023年11月');
    expect(chineseDate('2024')).toBe('2024年');
    const doc = { title: '工作要点', docNumber: null, issuer: '泉州市教育局', date: '2023-03', measures: [{ id: 'm1', number: '（一）', section: null, title: '抓党建' }] };
    expect(cite(doc, 'm1')).toBe('《工作要点》第一项“抓党建”，泉州市教育局，2023年3月，https://kb.test/policies/x/#m1');
  });
  it('names the section where numbering restarts, and the title where there is no number', () => {
    const doc = {
      title: '务虚会议材料',
      docNumber: null,
      measures: [
        { id: 'm1', number: '一是', section: '坚持党建为纲', title: '健全领导体制' },
        { id: 'm4', number: '一是', section: '坚持质量为本', title: '突出拔尖创新人才培养' },
        { id: 'm9', number: '', section: null, title: '其他工作' },
      ],
    };
    expect(cite(doc, 'm4')).toBe('《务虚会议材料》“坚持质量为本”部分“一是”“突出拔尖创新人才培养”，https://kb.test/policies/x/#m4');
    expect(cite(doc, 'm9')).toBe('《务虚会议材料》“其他工作”，https://kb.test/policies/x/#m9');
  });
});
