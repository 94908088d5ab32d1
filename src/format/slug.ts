/**
 * ASCII slugs for URLs and file names: pinyin of place + year + short title,
 * e.g. `jiyuan-2018-jiaoyuju-gongzuo-yaodian`. The same inputs always give the same slug.
 */
import { pinyin } from 'pinyin-pro';

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Words that add nothing to a short title. */
const FILLER = new Set(['关于', '进一步', '印发', '的', '年', '年度', '我市', '全市', '市', '县', '区', '省', '和', '与', '及']);

/** Pinyin of one word, syllables joined: 教育局 → jiaoyuju. */
function wordPinyin(word: string): string {
  return pinyin(word, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .toLowerCase()
    .replace(/ü/g, 'v')
    .replace(/[^a-z0-9]/g, '');
}

/** Lowercase ASCII slug of any Chinese or mixed text, word by word. */
export function slugify(text: string, maxWords = 8): string {
  const words = [...segmenter.segment(text)].filter((s) => s.isWordLike).map((s) => wordPinyin(s.segment)).filter(Boolean);
  return words.slice(0, maxWords).join('-');
}

/** The slug of a policy document. */
export function policySlug(input: { title: string; city: string | null; date: string | null }): string {
  const place = input.city ? input.city.replace(/(市|县|区|自治县|自治州|地区|盟|旗)$/u, '') : '';
  // The year the title names (the plan's year) wins over the signing date.
  const year = /(?:19|20)\d{2}/.exec(input.title)?.[0] ?? input.date?.slice(0, 4) ?? '';
  // 关于印发《…行动方案》的通知: the plan it carries names the document better than the notice.
  let short = /(?:印发|转发)《?(.+?)》?的?通知$/u.exec(input.title)?.[1] ?? input.title;
  if (input.city) short = short.replace(input.city, '').replace(place, '');
  short = short.replace(/(?:19|20)\d{2}\s*年?(?:度)?/gu, '');
  const words = [...segmenter.segment(short)]
    .filter((s) => s.isWordLike && !FILLER.has(s.segment))
    .map((s) => wordPinyin(s.segment))
    .filter(Boolean);
  const parts = [wordPinyin(place), year, words.slice(0, 6).join('-')].filter(Boolean);
  return parts.join('-').replace(/-+/g, '-').replace(/^-|-$/g, '') || 'document';
}
