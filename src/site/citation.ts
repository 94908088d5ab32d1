/**
 * Citations of measures in the form a clerk pastes into a 公文:
 * 《济源市教育局2018年工作要点》（济教〔2018〕1号）第23项“探索教师管理新机制”，济源市教育局，2018年2月5日，https://…/policies/…/#m23
 * What the document does not give (文号, issuer, date) is left out, never guessed.
 */
import type { Measure, PolicyData } from '../format/schema.ts';

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
export type CitedDocument = Pick<PolicyData, 'title' | 'docNumber'> &
  Partial<Pick<PolicyData, 'issuer' | 'date'>> & { measures: readonly Pick<Measure, 'id' | 'number' | 'section' | 'title'>[] };

/** A citation: its words, and the link that ends it. */
export interface Citation {
  /** Everything before the link, ending in `，`: 《…》（…）第23项“…”，济源市教育局，2018年2月5日， */
  words: string;
  /** The measure's address: absolute when the site has a public address, else root-relative. */
  url: string;
}

/** The whole citation as one line of text. */
export function citationText(c: Citation): string {
  return `${c.words}${c.url}`;
}

/** `2018-02-05` → 2018年2月5日, `2018-02` → 2018年2月, `2018` → 2018年. */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${y}年${m ? `${Number(m)}月` : ''}${d ? `${Number(d)}日` : ''}`;
}

/**
 * The citation of every measure of a document, by measure id: the document, the item and the
 * measure's title, issuer, date, link. Where the document restarts its numbering (一是 … under
 * each section), the section is named so the item is found again.
 */
export function citations(doc: CitedDocument, urlOf: (measureId: string) => string): Map<string, Citation> {
  const uses = new Map<string, number>();
  for (const m of doc.measures) uses.set(itemLabel(m.number), (uses.get(itemLabel(m.number)) ?? 0) + 1);
  const head = `《${doc.title}》${doc.docNumber ? `（${doc.docNumber}）` : ''}`;
  const tail = [doc.issuer, doc.date ? chineseDate(doc.date) : null].filter((x): x is string => !!x).map((x) => `${x}，`).join('');
  const out = new Map<string, Citation>();
  for (const m of doc.measures) {
    const item = itemLabel(m.number);
    const unique = item !== '' && uses.get(item) === 1;
    const title = m.title.trim() ? `“${m.title.trim()}”` : '';
    let where: string;
    if (unique) where = `${item}${title}`;
    else if (m.section) where = `“${m.section}”部分${item}${title}`;
    else where = `${item}${title}`;
    out.set(m.id, { words: `${head}${where}，${tail}`, url: urlOf(m.id) });
  }
  return out;
}
