/**
 * Finding the phrases of the theme vocabulary in a text as words, not as substrings.
 *
 * A character trie finds every place where a keyword, hint or excluded phrase occurs; a hit is
 * kept when it is a word of the text: the word segmenter puts no boundary inside it that
 * cuts a longer word (确保/教育 holds no 保教, 班额 in 控制/班额 is a word, 体育 inside the
 * word 体育运动 still counts), and no excluded phrase of the same theme covers it. Only the
 * clauses that hold a hit are segmented, so the cost follows the hits, not the whole text.
 */

/** Splits a text into words; the words, joined, give the text back. */
export type WordSegmenter = (text: string) => string[];

/** How much a phrase says on its own: a keyword names the theme, a hint only points to it. */
export type PhraseKind = 'keyword' | 'hint';

/** The phrases of one theme, as the finder needs them. */
export interface ThemePhrases {
  keywords: readonly string[];
  hints: readonly string[];
  excludes: readonly string[];
}

/** One phrase found as a word: [start, end) in UTF-16 units of the text. */
export interface PhraseHit {
  /** Position of the theme in the vocabulary. */
  theme: number;
  phrase: string;
  kind: PhraseKind;
  start: number;
  end: number;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  ends: { theme: number; kind: PhraseKind | 'exclude'; phrase: string }[];
}

/** Punctuation that ends a clause: a word never crosses it. */
const CLAUSE_END = /[,，。；;：:！？!?、\n（）()“”"《》〈〉「」]/;

/** Finds the theme phrases of texts; built once per vocabulary. */
export class PhraseFinder {
  private readonly root: TrieNode = { next: new Map(), ends: [] };

  /** Without a segmenter every character boundary counts as a word boundary (plain substrings). */
  constructor(
    themes: readonly ThemePhrases[],
    private readonly segment: WordSegmenter | null = null,
  ) {
    themes.forEach((t, i) => {
      for (const k of t.keywords) this.add(k, i, 'keyword');
      for (const h of t.hints) this.add(h, i, 'hint');
      for (const x of t.excludes) this.add(x, i, 'exclude');
    });
  }

  private add(phrase: string, theme: number, kind: PhraseKind | 'exclude'): void {
    let node = this.root;
    for (const ch of phrase) {
      let next = node.next.get(ch);
      if (!next) {
        next = { next: new Map(), ends: [] };
        node.next.set(ch, next);
      }
      node = next;
    }
    node.ends.push({ theme, kind, phrase });
  }

  /** Every keyword and hint of `text` that is a word there and lies outside its theme's excluded phrases, in text order. */
  find(text: string): PhraseHit[] {
    const raw: PhraseHit[] = [];
    const excluded: { theme: number; start: number; end: number }[] = [];
    for (let i = 0; i < text.length; i++) {
      let node: TrieNode | undefined = this.root;
      for (let j = i; j < text.length; j++) {
        node = node.next.get(text[j]!);
        if (!node) break;
        for (const e of node.ends) {
          if (e.kind === 'exclude') excluded.push({ theme: e.theme, start: i, end: j + 1 });
          else raw.push({ theme: e.theme, phrase: e.phrase, kind: e.kind, start: i, end: j + 1 });
        }
      }
    }
    const free = raw.filter((h) => !excluded.some((x) => x.theme === h.theme && h.start < x.end && x.start < h.end));
    if (this.segment === null || free.length === 0) return free;
    const cuts = new ClauseCuts(text, this.segment);
    return free.filter((h) => cuts.isWord(h.start, h.end));
  }
}

/** Word boundaries of the clauses of one text, segmented on first use. */
class ClauseCuts {
  private readonly cache = new Map<number, { start: number; ends: Set<number>; starts: Set<number> }>();

  constructor(
    private readonly text: string,
    private readonly segment: WordSegmenter,
  ) {}

  private clauseAt(pos: number): { start: number; ends: Set<number>; starts: Set<number> } {
    let start = pos;
    while (start > 0 && !CLAUSE_END.test(this.text[start - 1]!)) start--;
    const hit = this.cache.get(start);
    if (hit) return hit;
    let end = pos;
    while (end < this.text.length && !CLAUSE_END.test(this.text[end]!)) end++;
    const clause = this.text.slice(start, end);
    const starts = new Set<number>();
    const ends = new Set<number>();
    const words = this.segment(clause);
    if (words.join('') === clause) {
      let at = start;
      for (const w of words) {
        starts.add(at);
        at += w.length;
        ends.add(at);
      }
    } else {
      // A segmenter that changed the text gives no usable boundaries: fall back to substrings.
      for (let k = start; k <= end; k++) {
        starts.add(k);
        ends.add(k);
      }
    }
    const entry = { start, ends, starts };
    this.cache.set(start, entry);
    return entry;
  }

  /**
   * Whether [start, end) is a word or lies inside one: a phrase that begins or ends in the
   * middle of a word and runs on past that word (保教 in 确保/教育) is not.
   */
  isWord(start: number, end: number): boolean {
    const c = this.clauseAt(start);
    const startsOnBoundary = c.starts.has(start);
    const endsOnBoundary = c.ends.has(end);
    if (startsOnBoundary && endsOnBoundary) return true;
    // Inside one word: no boundary strictly between start and end.
    for (let k = start + 1; k < end; k++) if (c.starts.has(k)) return false;
    return true;
  }
}
