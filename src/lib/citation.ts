/**
 * Citations of measures in the usual Chinese form:
 * 《济源市教育局2018年工作要点》（济教〔2018〕1号）第23项，https://…/policies/…/#m23
 */
import type { Measure, PolicyData } from './schema.ts';

const CHINESE_NUMERAL = /^[一二三四五六七八九十百零〇]+$/u;

/**
 * The item as a citation names it: `23.` → 第23项, `（三）` → 第三项, `二是` → “二是”.
 * Returns '' for an unnumbered item.
 */
export function itemLabel(number: string): string {
  const bare = number.trim().replace(/^[(（]\s*/u, '').replace(/[\s)）.．、,，:：]+$/u, '');
  if (bare === '') return '';
  if (/^\d+$/u.test(bare) || CHINESE_NUMERAL.test(bare)) return `第${bare}项`;
  return `“${bare}”`;
}

/** What a citation needs of a document. */
export type CitedDocument = Pick<PolicyData, 'title' | 'docNumber'> & { measures: readonly Pick<Measure, 'id' | 'number' | 'section' | 'title'>[] };

/**
 * The citation text of every measure of a document, by measure id. Where the document
 * restarts its numbering (一是 … under each section), the section is named so the item is
 * found again.
 */
export function citations(doc: CitedDocument, urlOf: (measureId: string) => string): Map<string, string> {
  const uses = new Map<string, number>();
  for (const m of doc.measures) uses.set(itemLabel(m.number), (uses.get(itemLabel(m.number)) ?? 0) + 1);
  const head = `《${doc.title}》${doc.docNumber ? `（${doc.docNumber}）` : ''}`;
  const out = new Map<string, string>();
  for (const m of doc.measures) {
    const item = itemLabel(m.number);
    const unique = item !== '' && uses.get(item) === 1;
    let where: string;
    if (unique) where = item;
    else if (m.section) where = `“${m.section}”部分${item || `“${m.title}”`}`;
    else where = item || `“${m.title}”`;
    out.set(m.id, `${head}${where}，${urlOf(m.id)}`);
  }
  return out;
}
