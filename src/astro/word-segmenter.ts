/**
 * The word segmenter of the theme rules: jieba (@node-rs/jieba) with its default dictionary
 * plus every phrase of the theme vocabulary, so that 大班额 or 县管校聘 stay one word and a
 * keyword is only found where the text has that word (确保/教育 holds no 保教).
 *
 * jieba rather than Intl.Segmenter: its dictionary takes our policy terms, and its output does
 * not change with the ICU version of the Node build. Loading the dictionary reads a file, so it
 * lives here, beside the other loaders, and the pure theme rules take the result as a function.
 */
import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';
import type { Theme } from '../vocab/themes.ts';
import type { WordSegmenter } from '../vocab/theme-words.ts';

const require = createRequire(import.meta.url);

/** A segmenter whose dictionary knows the phrases of `themes`. */
export function loadWordSegmenter(themes: readonly Theme[]): WordSegmenter {
  const { dict } = require('@node-rs/jieba/dict.js') as { dict: Uint8Array };
  const jieba = Jieba.withDict(dict);
  const words = new Set<string>();
  for (const t of themes) for (const p of [...t.keywords, ...t.hints, ...t.excludes]) if (!/\s/.test(p)) words.add(p);
  // A high frequency makes jieba keep the phrase whole wherever it occurs.
  jieba.loadDict(Buffer.from([...words].map((w) => `${w} 10 n`).join('\n'), 'utf8'));
  // Clauses repeat across documents (责任单位 lines aside, plans copy each other's wording);
  // a bounded cache keeps the native calls to the clauses not seen before.
  const cache = new Map<string, string[]>();
  return (text) => {
    let words = cache.get(text);
    if (words === undefined) {
      words = jieba.cut(text, false);
      if (cache.size >= CACHE_SIZE) cache.clear();
      cache.set(text, words);
    }
    return words;
  };
}

/** Clauses whose words are kept. */
const CACHE_SIZE = 50_000;
