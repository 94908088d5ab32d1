/**
 * A crafted chain of documents of three levels, written as content files into a folder:
 * a provincial plan that carries out a national opinion (outside the base), a city plan that
 * carries out the provincial one (cited by its 文号, under another spelling), and a county
 * plan that carries out the city's (cited by title, in traditional characters). Also a
 * city report of a later year on the city plan's targets, for the follow-through.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serialize } from '../../src/ingest/write.ts';
import { policySchema, type PolicyInput } from '../../src/format/schema.ts';

export const NATIONAL_TITLE = '教育部关于加强中小学心理健康教育工作的意见';

interface Spec {
  slug: string;
  data: Partial<PolicyInput> & Pick<PolicyInput, 'title'>;
  measures: { title: string; text: string }[];
}

export const CHAIN: Spec[] = [
  {
    slug: 'jiangsu-2031-xinli-jiankang-fangan',
    data: {
      title: '江苏省教育厅关于印发《江苏省中小学心理健康教育提升行动方案》的通知',
      issuer: '江苏省教育厅', city: null, province: '江苏省', date: '2031-03-01', docNumber: '苏教基〔2031〕5号', docType: '实施方案',
      references: [{ title: NATIONAL_TITLE, docNumber: '教基〔2030〕1号', relation: '落实' }],
    },
    measures: [
      { title: '配齐心理健康教师', text: '到2033年,每所中小学至少配备1名专职心理健康教师。' },
      { title: '加强校园安全', text: '开展安全隐患排查。' },
    ],
  },
  {
    slug: 'taizhou-2031-xinli-jiankang-fangan',
    data: {
      title: '泰州市中小学心理健康教育实施方案',
      issuer: '泰州市教育局', city: '泰州市', province: '江苏省', date: '2031-06-01', docNumber: '泰教发〔2031〕12号', docType: '实施方案',
      references: [{ title: '江苏省中小学心理健康教育提升行动方案', docNumber: '苏教基〔2031〕5号', relation: '落实' }],
    },
    measures: [
      { title: '建设心理辅导室', text: '落实《江苏省中小学心理健康教育提升行动方案》,到2032年,心理辅导室建设达标率达到100%。' },
      { title: '开展心理健康普测', text: '每学年开展一次学生心理健康普测。' },
      { title: '推进课后服务', text: '课后服务全覆盖。' },
    ],
  },
  {
    slug: 'jingjiang-2032-xinli-jiankang-fangan',
    data: {
      title: '靖江市中小学心理健康教育工作方案',
      issuer: '靖江市教育局', city: '靖江市', province: '江苏省', date: '2032-02-01', docNumber: null, docType: '实施方案',
      references: [{ title: '泰州市中小學心理健康教育實施方案', docNumber: null, relation: '依据' }],
    },
    measures: [{ title: '配备心理教师', text: '按照泰州市要求,配齐心理教师,开展心理辅导。' }],
  },
];

/** Writes the chain's content files into `dir` (created); returns the folder. */
export function writeChain(dir: string, specs: Spec[] = CHAIN): string {
  mkdirSync(dir, { recursive: true });
  for (const spec of specs) {
    const measures = spec.measures.map((m, i) => ({ id: `m${i + 1}`, number: `${i + 1}.`, title: m.title, section: null, units: [], leadUnits: [] }));
    const data = policySchema.parse({
      issuer: null, city: null, province: null, date: null, docNumber: null, docType: '其他',
      source: { file: null, url: null },
      ...spec.data,
      measures,
    });
    const body = spec.measures.map((m, i) => `### ${i + 1}. ${m.title} {#m${i + 1}}\n\n${m.text}`).join('\n\n');
    writeFileSync(join(dir, `${spec.slug}.md`), serialize(data, body));
  }
  return dir;
}
