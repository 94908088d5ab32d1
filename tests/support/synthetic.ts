/**
 * Synthetic policy documents in any number, for scale tests and benchmarks: realistic shapes
 * (sections, measures with units and targets, a few cities and issuers shared by many
 * documents, one unit named by nearly all), deterministic for a given count.
 */
import type { PolicyDoc } from '../../src/index/documents.ts';
import type { PolicyData } from '../../src/format/schema.ts';
import { docSlug } from '../../src/format/ids.ts';

const CITIES = ['济源市', '靖江市', '泉州市', '泰州市', '台州市', '镇江市', '郑州市', '洛阳市', '苏州市', '无锡市', '福州市', '厦门市'];
const UNITS = ['市教育局', '市财政局', '市人社局', '市住建局', '市发改委', '市委编办', '市卫健委', '市公安局', '市民政局', '团市委', '市妇联', '市残联'];
const TOPICS = ['消除大班额', '教师交流轮岗', '课后服务', '心理健康教育', '校园安全', '集团化办学', '劳动教育', '经费保障', '职业教育', '特殊教育'];

/** `n` documents; document i is the same for every n. */
export function syntheticPolicies(n: number, measuresPerDoc = 20): PolicyDoc[] {
  const docs: PolicyDoc[] = [];
  for (let i = 0; i < n; i++) {
    const city = i % 17 === 0 ? null : CITIES[i % CITIES.length]!;
    const year = 2010 + (i % 15);
    const measures: PolicyData['measures'] = [];
    const targets: PolicyData['targets'] = [];
    const body: string[] = [];
    for (let s = 0; s < 4; s++) {
      body.push(`## ${'一二三四'[s]}、 第${s + 1}部分 {#s${s + 1}}`);
      for (let k = 0; k < measuresPerDoc / 4; k++) {
        const id = `m${measures.length + 1}`;
        const topic = TOPICS[(i + measures.length) % TOPICS.length]!;
        const units = k % 3 === 0 ? [] : [UNITS[0]!, UNITS[(i + k) % UNITS.length]!, UNITS[(i * 7 + k) % UNITS.length]!];
        measures.push({ id, number: `${measures.length + 1}.`, title: `推进${topic}`, section: `第${s + 1}部分`, units: [...new Set(units)], leadUnits: k % 2 ? [UNITS[0]!] : [], supportUnits: [] });
        const sentence = `到${year + 2}年${topic}覆盖率达到${90 + (k % 10)}%`;
        if (k % 4 === 0) {
          targets.push({ text: sentence, metric: `${topic}覆盖率`, comparator: '>=', value: 90 + (k % 10), unit: '%', year: year + 2, yearImplied: false, measure: id });
        }
        body.push(`### ${measures.length}\\. 推进${topic} {#${id}}`, `围绕${topic}开展工作,${sentence}。`, units.length ? `责任单位:${units.join('、')}` : '');
      }
    }
    docs.push({
      slug: docSlug(`doc-${String(i).padStart(5, '0')}`),
      body: body.filter(Boolean).join('\n\n'),
      data: {
        title: `${city ?? ''}教育局${year}年工作要点（${i}）`,
        issuer: city ? `${city}教育局` : null,
        city,
        province: city ? '某省' : null,
        date: i % 11 === 0 ? null : `${year}-${String((i % 12) + 1).padStart(2, '0')}-01`,
        docNumber: null,
        docType: '工作要点',
        period: null,
        inferred: [],
        template: false,
        source: { file: null, url: null },
        topics: [],
        goals: [],
        measures,
        targets,
        responsibleUnits: [],
        references: [],
      },
    });
  }
  return docs;
}
