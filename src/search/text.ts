/**
 * Every word the search page shows, in Simplified Chinese, in one typed table.
 */
import type { SortOrder } from './state.ts';

export const SEARCH_TEXT = {
  pageTitle: '搜索政策文件',
  inputLabel: '搜索词',
  placeholder: '如：大班额、心理健康、课后服务、市教育局',
  submit: '搜索',
  hint: '多个词用空格分开，结果须包含全部词语；加双引号只找完整短语，如 "课后服务" 或 “课后服务”。按 / 键可随时跳到搜索框。',
  facetsTitle: '筛选',
  facetLoading: '正在统计…',
  clearFilters: '清除全部筛选',
  sortLabel: '排序',
  sorts: {
    relevance: '按相关度',
    'date-desc': '按日期，新的在前',
    'date-asc': '按日期，旧的在前',
  } satisfies Record<SortOrder, string>,
  loading: '正在搜索…',
  more: '显示更多文件',
  moreParts: (n: number) => `另有 ${n} 处匹配，打开文件查看`,
  noScript: '搜索需要浏览器启用 JavaScript。也可以按地区、年份、类型或发布机构浏览全部文件。',
  indexMissing: '搜索暂时无法使用：未能加载搜索数据。请稍后刷新页面重试；也可以按地区、年份、类型或发布机构浏览全部文件：',
  emptyTitle: '输入词语开始搜索',
  emptyLead: '可以搜索措施里的词语、文件标题或责任单位名称，再按地区、年份、类型或主题筛选。试试：',
  suggestions: ['大班额', '心理健康', '课后服务', '交流轮岗', '"课后服务"', '市教育局'],
  noResultsTitle: (q: string) => (q === '' ? '没有符合筛选条件的文件' : `没有找到包含“${q}”的文件`),
  noResultsTips: [
    '检查是否有错别字，或换一个说法（如“课后延时服务”→“课后服务”）。',
    '去掉引号，或把长词拆成几个短词，用空格分开。',
    '减少筛选条件。',
  ],
  removeFiltersLink: '去掉全部筛选再搜',
  count: (docs: number, q: string) => (q === '' ? `共 ${docs} 份文件` : `找到 ${docs} 份文件`),
  /** While older shards are still being searched: the count so far covers these years only. */
  countSoFar: (docs: number, since: string) => `${since} 年以来找到 ${docs} 份文件，正在查找更早的文件…`,
  /** While the rest of the documents are checked for the words as written. */
  counting: '已列出最前面的结果，正在统计全部结果…',
  unchecked: (n: number) => `另有 ${n} 份文件含有这些字，但未逐一核对是否连续出现该短语：去掉引号可以全部列出。`,
  missing: (phrases: string[]) => `文中没有连续出现“${phrases.join('”“')}”，只含其中的字词`,
  resultFacts: (place: string, date: string) => [place, date].filter((s) => s !== '').join(' · '),
  opening: '文件开头',
  skipToResults: '跳到搜索结果',
  partial: (n: number) => `另有 ${n} 份文件只含其中部分字词`,
  partialLead: '这些文件没有完整出现搜索词，只含其中的部分字或词，可能与所查内容无关。',
  namesTitle: '相关单位和主题',
  nameKind: { unit: '责任单位', theme: '主题' } as Record<string, string>,
  unitNoParts: (units: string[]) => `该文件中 ${units.join('、')} 负责的措施没有出现搜索词`,
} as const;
