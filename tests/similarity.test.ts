import { describe, expect, it } from 'vitest';
import { BigramIndex, bigrams, dice, diceFromOverlap, normalizeText, textSimilarity } from '../src/compare/similarity.ts';

describe('normalizeText', () => {
  it('drops punctuation and spaces, Chinese and ASCII alike', () => {
    expect(normalizeText('教师交流，轮岗。 “县管校聘”！(试点) a-b')).toBe('教师交流轮岗县管校聘试点ab');
  });

  it('folds full-width letters and digits to ASCII and lowercases them', () => {
    expect(normalizeText('ＡＢｃ１２３％')).toBe('abc123');
    expect(normalizeText('不低于１０％')).toBe(normalizeText('不低于10%'));
  });

  it('keeps letters and digits of any script', () => {
    expect(normalizeText('Ⅱ期2025年')).toBe('ii期2025年');
  });

  it('reduces a text of punctuation only to nothing', () => {
    expect(normalizeText('，。、；：“”（）— ')).toBe('');
  });
});

describe('bigrams', () => {
  it('splits a Chinese phrase into its overlapping character pairs', () => {
    expect([...bigrams('教师交流')]).toEqual(['教师', '师交', '交流']);
  });

  it('forms bigrams across removed punctuation', () => {
    expect([...bigrams('教，师。')]).toEqual(['教师']);
  });

  it('counts a repeated bigram once', () => {
    expect([...bigrams('哈哈哈哈')]).toEqual(['哈哈']);
  });

  it('gives a one-character text its character as its only bigram', () => {
    expect([...bigrams('学')]).toEqual(['学']);
    expect([...bigrams('“学”')]).toEqual(['学']);
  });

  it('gives an empty or punctuation-only text no bigrams', () => {
    expect(bigrams('').size).toBe(0);
    expect(bigrams('。，').size).toBe(0);
  });

  it('treats a character outside the BMP as one character', () => {
    expect([...bigrams('𠀋学')]).toEqual(['𠀋学']);
  });
});

describe('dice', () => {
  it('is 1 for the same set and 0 for sets sharing nothing', () => {
    const a = new Set(['教师', '师交', '交流']);
    expect(dice(a, new Set(a))).toBe(1);
    expect(dice(a, new Set(['大班', '班额']))).toBe(0);
  });

  it('is twice the shared count over the summed sizes', () => {
    expect(dice(new Set(['ab', 'bc']), new Set(['bc', 'cd']))).toBe(0.5);
    expect(dice(new Set(['ab', 'bc', 'cd']), new Set(['ab']))).toBe(0.5);
  });

  it('is symmetric', () => {
    const a = new Set(['ab', 'bc', 'cd', 'de']);
    const b = new Set(['bc', 'xy']);
    expect(dice(a, b)).toBe(dice(b, a));
    expect(dice(a, b)).toBeCloseTo((2 * 1) / 6, 12);
  });

  it('is 1 for two empty sets and 0 for an empty set against a non-empty one', () => {
    expect(dice(new Set(), new Set())).toBe(1);
    expect(dice(new Set(), new Set(['ab']))).toBe(0);
  });
});

describe('diceFromOverlap', () => {
  it('computes the coefficient from sizes alone', () => {
    expect(diceFromOverlap(3, 4, 8)).toBe(0.5);
    expect(diceFromOverlap(0, 0, 0)).toBe(1);
    expect(diceFromOverlap(0, 5, 0)).toBe(0);
  });
});

describe('textSimilarity', () => {
  it('is 1 for texts that differ only in punctuation, spaces and width', () => {
    expect(textSimilarity('教师交流比例不低于10%。', '教师交流比例，不低于 １０％')).toBe(1);
  });

  it('scores a phrase against its extension by the shared bigrams', () => {
    // 教师 师交 交流 against 教师 师交 交流 流轮 轮岗: 2·3 / (3 + 5).
    expect(textSimilarity('教师交流', '教师交流轮岗')).toBe(0.75);
  });

  it('is 0 for texts with no bigram in common', () => {
    expect(textSimilarity('消除大班额', '教师交流轮岗')).toBe(0);
  });

  it('does not depend on the order of its arguments', () => {
    const a = '全面消除56人及以上大班额';
    const b = '到2025年基本消除56人及以上大班额';
    expect(textSimilarity(a, b)).toBe(textSimilarity(b, a));
    expect(textSimilarity(a, b)).toBeGreaterThan(0.5);
    expect(textSimilarity(a, b)).toBeLessThan(1);
  });
});

describe('BigramIndex', () => {
  const texts = ['组织实施校长教师轮岗交流', '全面消除56人及以上大班额', '推进教育信息化建设', '教师交流人数达到10%以上'];

  function indexOf(list: readonly string[]): BigramIndex {
    const index = new BigramIndex();
    list.forEach((t, i) => expect(index.add(bigrams(t))).toBe(i));
    return index;
  }

  it('numbers the items it adds from 0 in order', () => {
    const index = new BigramIndex();
    expect(index.add(bigrams('甲乙'))).toBe(0);
    expect(index.add(bigrams('丙丁'))).toBe(1);
    expect(index.add(new Set())).toBe(2);
  });

  it('reports only the items sharing a bigram with the query, with the number shared', () => {
    const index = indexOf(texts);
    const query = bigrams('教师交流');
    const overlaps = index.overlaps(query);
    expect([...overlaps.keys()].sort()).toEqual([0, 3]);
    // 组织实施校长教师轮岗交流 has 教师 and 交流; 教师交流人数… has 教师, 师交 and 交流.
    expect(overlaps.get(0)).toBe(2);
    expect(overlaps.get(3)).toBe(3);
  });

  it('reports nothing for a query that shares no bigram', () => {
    expect(indexOf(texts).overlaps(bigrams('课后服务')).size).toBe(0);
  });

  it('gives the same similarity as dice on the two bigram sets', () => {
    const index = indexOf(texts);
    const query = bigrams('组织校长教师交流轮岗，教师交流人数达到10%');
    const hits = index.similar(query, 0.01);
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect(hit.similarity).toBeCloseTo(dice(query, bigrams(texts[hit.id]!)), 12);
    const expected = texts.map((t, id) => ({ id, s: dice(query, bigrams(t)) })).filter((x) => x.s > 0).map((x) => x.id);
    expect(hits.map((h) => h.id).sort()).toEqual(expected.sort());
  });

  it('leaves out items below the threshold and keeps those exactly at it', () => {
    const index = new BigramIndex();
    index.add(new Set(['ab', 'bc'])); // against {bc, cd}: 0.5
    index.add(new Set(['bc', 'xy', 'yz', 'zw'])); // against {bc, cd}: 2/6
    const query = new Set(['bc', 'cd']);
    expect(index.similar(query, 0.5)).toEqual([{ id: 0, similarity: 0.5 }]);
    expect(index.similar(query, 0.3).map((h) => h.id).sort()).toEqual([0, 1]);
    expect(index.similar(query, 0.51)).toEqual([]);
  });

  it('finds an identical text with similarity 1', () => {
    const index = indexOf(texts);
    expect(index.similar(bigrams('推进教育信息化建设。'), 0.99)).toEqual([{ id: 2, similarity: 1 }]);
  });
});
