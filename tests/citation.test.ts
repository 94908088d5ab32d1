import { describe, expect, it } from 'vitest';
import { citations, itemLabel } from '../src/lib/citation.ts';

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
  it('gives title, 文号 and item number, with the link', () => {
    const doc = { title: '济源市教育局2018年工作要点', docNumber: '济教〔2018〕1号', measures: [{ id: 'm23', number: '23.', section: '加强教师队伍建设', title: '探索教师管理新机制' }] };
    expect(citations(doc, url).get('m23')).toBe('《济源市教育局2018年工作要点》（济教〔2018〕1号）第23项，https://kb.test/policies/x/#m23');
  });
  it('leaves out the 文号 when there is none', () => {
    const doc = { title: '实施方案', docNumber: null, measures: [{ id: 'm1', number: '1.', section: null, title: '优化布局' }] };
    expect(citations(doc, url).get('m1')).toBe('《实施方案》第1项，https://kb.test/policies/x/#m1');
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
    const c = citations(doc, url);
    expect(c.get('m4')).toBe('《务虚会议材料》“坚持质量为本”部分“一是”，https://kb.test/policies/x/#m4');
    expect(c.get('m9')).toBe('《务虚会议材料》“其他工作”，https://kb.test/policies/x/#m9');
  });
});
