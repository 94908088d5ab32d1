/**
 * Every user-facing word of the site, in Simplified Chinese, in one typed table.
 */
import type { Comparator } from '../format/schema.ts';

/** How a value the document does not give is shown. Never replaced by a guess. */
export const UNKNOWN = '未注明';

/** How a unit relates to a measure. */
export type UnitRole = 'lead' | 'support' | 'responsible' | 'issuer';

export const ROLE_LABELS: Readonly<Record<UnitRole, string>> = {
  lead: '牵头',
  support: '配合',
  responsible: '责任单位',
  issuer: '发文',
};

/** Longer explanations of the roles, shown once on each unit page. */
export const ROLE_NOTES: Readonly<Record<UnitRole, string>> = {
  lead: '文件写明由该单位牵头的措施',
  support: '文件写明由该单位配合的措施',
  responsible: '文件列为责任单位、未区分牵头与配合的措施',
  issuer: '该单位印发的文件；其中未写责任单位的措施视为本单位的任务',
};

/** Comparators as words before the value: 不低于 95%. */
export const COMPARATOR_WORDS: Readonly<Record<Comparator, string>> = {
  '>=': '不低于',
  '<=': '不高于',
  '>': '高于',
  '<': '低于',
  '=': '达到',
  range: '介于',
  increase: '提高',
  decrease: '降低',
  eliminate: '全面消除',
};

export const NAV = [
  { key: 'cities', label: '地区' },
  { key: 'years', label: '年份' },
  { key: 'types', label: '类型' },
  { key: 'issuers', label: '发布机构' },
  { key: 'units', label: '责任单位' },
  { key: 'goals', label: '主题与目标' },
  { key: 'targets', label: '量化指标' },
  { key: 'references', label: '依据文件' },
  { key: 'compare', label: '对比' },
  { key: 'data', label: '数据下载' },
] as const;

/** Levels of the documents in a lineage, as a reader names them. */
export const LEVEL_LABELS = { 国家: '国家（国务院、部委）', 省: '省级', 市: '市级', 县: '县级' } as const;

/** What each relation of a citing document to a cited one means. */
export const RELATION_NOTES = {
  依据: '以其为依据（根据、依据、按照）',
  落实: '贯彻落实（贯彻、落实、对照）',
  延续: '延续同一系列的上一期文件',
  配套: '制定或出台的配套文件',
  法律: '引用的法律法规',
  其他: '参照、结合等',
} as const;

export const FACET_LABELS = {
  city: { title: '地区', all: '按地区浏览', unknown: '地区未注明', measureWord: '个' },
  year: { title: '年份', all: '按年份浏览', unknown: '年份未注明', measureWord: '个' },
  type: { title: '类型', all: '按文件类型浏览', unknown: '类型未注明', measureWord: '种' },
  issuer: { title: '发布机构', all: '按发布机构浏览', unknown: '发布机构未注明', measureWord: '个' },
} as const;
export type FacetName = keyof typeof FACET_LABELS;

const MEASURE_WORDS = {
  文件: '份',
  措施: '项',
  指标: '项',
  目标: '项',
  任务: '项',
  主题: '个',
  单位: '个',
  地区: '个',
  年份: '个',
  类型: '种',
  机构: '个',
} as const;

/** `12 份文件`, `3 项措施`: a count with its measure word. */
export function count(n: number, what: keyof typeof MEASURE_WORDS): string {
  return `${n} ${MEASURE_WORDS[what]}${what}`;
}

/** Where a phrase that filed a measure under a theme stands (src/vocab/theme-evidence.ts). */
export const REASON_PLACE_WORDS: Readonly<Record<'title' | 'text', string>> = { title: '标题', text: '正文' };

/** How that phrase is said, when it weighs less than the measure's own commitment. */
export const REASON_ROLE_WORDS: Readonly<Record<'own' | 'list' | 'aside' | 'quoted' | 'frame' | 'purpose' | 'name', string>> = {
  own: '',
  list: '列举项',
  aside: '括注',
  quoted: '所引文件名',
  frame: '依据或手段',
  purpose: '目的',
  name: '机构名称',
};
