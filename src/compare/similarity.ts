/**
 * How alike two texts are: the Dice coefficient of their sets of character bigrams, after
 * normalising away punctuation, spaces and width variants (，/, ％/%). Chinese has no spaces
 * between words, so character bigrams stand in for words: 教师交流 → 教师 师交 交流.
 *
 *   dice(A, B) = 2·|A ∩ B| / (|A| + |B|)   — 1 for the same text, 0 for nothing shared.
 *
 * `BigramIndex` finds, for one text, every indexed text sharing a bigram with it and the size
 * of the overlap, so matching one list of measures against another never compares texts that
 * share nothing.
 */

/** Text reduced to what carries meaning: letters and digits, NFKC, lowercase. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The set of character bigrams of a text (a one-character text is its own bigram). */
export function bigrams(text: string): Set<string> {
  const chars = [...normalizeText(text)];
  const out = new Set<string>();
  if (chars.length === 1) out.add(chars[0]!);
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return out;
}

/** Dice coefficient of two bigram sets from the size of their overlap. */
export function diceFromOverlap(shared: number, sizeA: number, sizeB: number): number {
  if (sizeA === 0 && sizeB === 0) return 1;
  return (2 * shared) / (sizeA + sizeB);
}

/** Dice coefficient of two bigram sets: 1 the same, 0 nothing shared. */
export function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const g of small) if (large.has(g)) shared++;
  return diceFromOverlap(shared, a.size, b.size);
}

/** Similarity of two texts, from 0 to 1 (bigram Dice). */
export function textSimilarity(a: string, b: string): number {
  return dice(bigrams(a), bigrams(b));
}

/** An inverted index of bigram sets: which items share bigrams with a query, and how many. */
export class BigramIndex {
  private readonly postings = new Map<string, number[]>();
  private readonly sizes: number[] = [];

  /** Adds an item; returns its position, the id `overlaps` and `similar` report. */
  add(grams: ReadonlySet<string>): number {
    const id = this.sizes.length;
    this.sizes.push(grams.size);
    for (const g of grams) {
      const list = this.postings.get(g);
      if (list) list.push(id);
      else this.postings.set(g, [id]);
    }
    return id;
  }

  /** Items sharing at least one bigram with `grams`, with the number shared. */
  overlaps(grams: ReadonlySet<string>): Map<number, number> {
    const shared = new Map<number, number>();
    for (const g of grams) {
      for (const id of this.postings.get(g) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
    }
    return shared;
  }

  /** Items whose Dice similarity to `grams` is at least `threshold` (> 0), with the similarity. */
  similar(grams: ReadonlySet<string>, threshold: number): { id: number; similarity: number }[] {
    const out: { id: number; similarity: number }[] = [];
    for (const [id, shared] of this.overlaps(grams)) {
      const similarity = diceFromOverlap(shared, grams.size, this.sizes[id]!);
      if (similarity >= threshold) out.push({ id, similarity });
    }
    return out;
  }
}
