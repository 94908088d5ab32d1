/**
 * A simplified-character reading of a 繁體 document, so that every extraction rule (written in
 * simplified characters) reads it, while what the ingest keeps stays as the document writes it.
 *
 * OpenCC's Traditional→Simplified conversion (opencc-js, offline) maps character for character,
 * so the reading and the original line up position by position: a value read from the reading is
 * given back in the original's characters by finding it in the reading and taking the same span of
 * the original, or, for text the ingest has reassembled, character by character.
 */
import * as OpenCC from 'opencc-js/t2cn';

/** OpenCC's Traditional→Simplified conversion of any text (also used to compare titles: src/extract/references.ts). */
export const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

/** Share of Han characters the conversion changes above which a text is read as 繁體. */
const TRADITIONAL_SHARE = 0.04;

export interface SimplifiedReading {
  /** The text in simplified characters; the same length as the original. */
  text: string;
  /** Whether the original is a 繁體 text (otherwise `text` is the original itself). */
  traditional: boolean;
  /** A string read from `text`, in the original's characters. */
  restore(s: string): string;
}

const HAN = /\p{Script=Han}/u;
/** Characters read to tell a 繁體 text from a simplified one. */
const SAMPLE_LENGTH = 20_000;

function isTraditional(original: string, converted: string): boolean {
  let han = 0;
  let changed = 0;
  for (let i = 0; i < original.length; i++) {
    if (!HAN.test(original[i]!)) continue;
    han++;
    if (converted[i] !== original[i]) changed++;
  }
  return han > 0 && changed / han >= TRADITIONAL_SHARE;
}

/** Converts character by character when the whole-text conversion changed the length (a phrase rule). */
function alignedConversion(original: string): string {
  const whole = toSimplified(original);
  if (whole.length === original.length) return whole;
  return original
    .split('')
    .map((c) => {
      const s = toSimplified(c);
      return s.length === 1 ? s : c;
    })
    .join('');
}

/**
 * The simplified reading of `original`. A simplified text (or one with a stray traditional
 * character) is its own reading: converting it would change characters the writer chose.
 */
export function simplifiedReading(original: string): SimplifiedReading {
  // The head tells the script of the whole: a long simplified text is not converted at all.
  if (!isTraditional(original.slice(0, SAMPLE_LENGTH), alignedConversion(original.slice(0, SAMPLE_LENGTH)))) {
    return { text: original, traditional: false, restore: (s) => s };
  }
  const converted = alignedConversion(original);

  // For reassembled text: each simplified character back to the traditional one this document uses most for it.
  const counts = new Map<string, Map<string, number>>();
  const unchanged = new Map<string, number>();
  for (let i = 0; i < original.length; i++) {
    const [o, s] = [original[i]!, converted[i]!];
    if (o === s) {
      unchanged.set(s, (unchanged.get(s) ?? 0) + 1);
      continue;
    }
    const byOriginal = counts.get(s) ?? new Map<string, number>();
    byOriginal.set(o, (byOriginal.get(o) ?? 0) + 1);
    counts.set(s, byOriginal);
  }
  const back = new Map<string, string>();
  for (const [s, byOriginal] of counts) {
    // A character the document also writes unchanged (后 beside 後) is kept unless the traditional form dominates.
    const [best, n] = [...byOriginal].sort((a, b) => b[1] - a[1])[0]!;
    if (n > (unchanged.get(s) ?? 0)) back.set(s, best);
  }
  const restore = (s: string): string => {
    if (s === '') return s;
    const at = converted.indexOf(s);
    if (at >= 0) return original.slice(at, at + s.length);
    return s.replace(/./gu, (c) => back.get(c) ?? c);
  };
  return { text: converted, traditional: true, restore };
}
