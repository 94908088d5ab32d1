/**
 * Related documents: shared main themes, the same place, shared responsible units; and the
 * same issuer's documents of other years.
 *
 * A document relates to another by what both are mainly about, not by everything both touch:
 * a broad 工作要点 serves twenty themes with one measure each, so the themes that relate
 * documents are each one's main themes (see mainThemes). A document is related when it shares
 * `minThemes` main themes, or the city, or one main theme and the province; the rest only
 * ranks. At most `limit` are kept, each with what it shares.
 *
 * Scores come from inverted indexes (key → documents), never from comparing every pair.
 * Where a key is shared by many documents (市教育局 names nearly all of them) only the
 * documents nearest in date are looked at, so the work per document is bounded and the whole
 * build stays linear in the number of documents.
 */
import type { DocSummary } from './documents.ts';

/** What relates documents to each other. */
export interface RelatedInput {
  doc: DocSummary;
  /** The document's main themes (mainThemes), most measures first. */
  themes: readonly string[];
  /** Role names of its responsible units. */
  units: readonly string[];
}

/** Why a document is related to another: what they share. */
export interface RelatedReasons {
  /** The city or, failing that, the province both documents are of; null when they share no place. */
  place: string | null;
  themes: string[];
  units: string[];
}

export interface RelatedDoc {
  doc: DocSummary;
  score: number;
  reasons: RelatedReasons;
}

export interface RelatedOptions {
  /** Related documents per document. */
  limit?: number;
  /** Shared main themes that relate two documents of different places. */
  minThemes?: number;
  /** Keys with at most this many documents are looked at whole. */
  fullPosting?: number;
  /** For larger keys: documents looked at on each side in date order. */
  window?: number;
}

type Kind = 'city' | 'province' | 'theme' | 'unit';
const KIND_WEIGHT: Record<Kind, number> = { city: 1.5, province: 0.5, theme: 1, unit: 0.25 };
/** Shared units add at most this much: 市教育局 and 市财政局 are named by nearly every document. */
const UNIT_CAP = 0.5;

/**
 * The themes a document is mainly about: those served by at least `minMeasures` of its
 * measures (two, or one for a document of at most three measures), most measures first, at
 * most `max`. A broad plan that touches a theme with one measure is not about it.
 */
export function mainThemes(measureThemes: readonly (readonly string[])[], max = 8): string[] {
  const counts = new Map<string, number>();
  for (const list of measureThemes) for (const t of new Set(list)) counts.set(t, (counts.get(t) ?? 0) + 1);
  const minMeasures = measureThemes.length <= 3 ? 1 : 2;
  return [...counts]
    .filter(([, n]) => n >= minMeasures)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, max)
    .map(([t]) => t);
}

interface Posting {
  kind: Kind;
  value: string;
  /** Documents by date, then slug. */
  docs: RelatedInput[];
}

/** Oldest first, then by slug: the order of postings. */
function byDateAsc(a: DocSummary, b: DocSummary): number {
  if (a.sortDate !== b.sortDate) return a.sortDate < b.sortDate ? -1 : 1;
  return a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
}

const order = (a: RelatedInput, b: RelatedInput): number => byDateAsc(a.doc, b.doc);

/** Position of `item` in a posting sorted by `order` (binary search). */
function positionIn(docs: readonly RelatedInput[], item: RelatedInput): number {
  let lo = 0;
  let hi = docs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = order(docs[mid]!, item);
    if (c === 0) return mid;
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

function keysOf(input: RelatedInput): [Kind, string][] {
  const keys: [Kind, string][] = [];
  if (input.doc.city !== null) keys.push(['city', input.doc.city]);
  if (input.doc.province !== null) keys.push(['province', input.doc.province]);
  for (const t of new Set(input.themes)) keys.push(['theme', t]);
  for (const u of new Set(input.units)) keys.push(['unit', u]);
  return keys;
}

/** The related documents of every document, best first. */
export function buildRelated(inputs: readonly RelatedInput[], options: RelatedOptions = {}): Map<string, RelatedDoc[]> {
  const limit = options.limit ?? 5;
  const minThemes = options.minThemes ?? 2;
  const fullPosting = options.fullPosting ?? 48;
  const window = options.window ?? 12;
  const postings = new Map<string, Posting>();
  for (const input of inputs) {
    for (const [kind, value] of keysOf(input)) {
      const key = `${kind}\u0000${value}`;
      let p = postings.get(key);
      if (!p) {
        p = { kind, value, docs: [] };
        postings.set(key, p);
      }
      p.docs.push(input);
    }
  }
  for (const p of postings.values()) p.docs.sort(order);
  const n = Math.max(inputs.length, 1);

  const out = new Map<string, RelatedDoc[]>();
  for (const input of inputs) {
    const found = new Map<string, RelatedDoc>();
    const unitScore = new Map<string, number>();
    for (const [kind, value] of keysOf(input)) {
      const p = postings.get(`${kind}\u0000${value}`)!;
      if (p.docs.length < 2) continue;
      // Rarer keys say more: a shared 特殊教育 theme outweighs a 市教育局 every document names.
      const weight = KIND_WEIGHT[kind] * Math.log2(1 + n / p.docs.length);
      let from = 0;
      let to = p.docs.length;
      if (p.docs.length > fullPosting) {
        const at = positionIn(p.docs, input);
        from = Math.max(0, at - window);
        to = Math.min(p.docs.length, at + window + 1);
      }
      for (let i = from; i < to; i++) {
        const other = p.docs[i]!;
        if (other.doc.slug === input.doc.slug) continue;
        let r = found.get(other.doc.slug);
        if (!r) {
          r = { doc: other.doc, score: 0, reasons: { place: null, themes: [], units: [] } };
          found.set(other.doc.slug, r);
          unitScore.set(other.doc.slug, 0);
        }
        if (kind === 'unit') {
          // Units add up to a cap, so a long shared list of bureaus never outweighs a theme.
          const before = unitScore.get(other.doc.slug)!;
          const after = Math.min(UNIT_CAP, before + weight);
          unitScore.set(other.doc.slug, after);
          r.score += after - before;
          r.reasons.units.push(value);
        } else if (kind === 'theme') {
          r.score += weight;
          r.reasons.themes.push(value);
        } else if (kind === 'city') {
          r.score += weight;
          r.reasons.place = value;
        } else if (r.reasons.place === null || r.reasons.place === input.doc.province) {
          // The province counts only where the city does not already (set later or earlier).
          r.score += weight;
          r.reasons.place ??= value;
        }
      }
    }
    const year = input.doc.year ?? 0;
    const sameCity = (r: RelatedDoc): boolean => input.doc.city !== null && r.reasons.place === input.doc.city;
    const qualifies = (r: RelatedDoc): boolean =>
      r.reasons.themes.length >= minThemes || sameCity(r) || (r.reasons.place !== null && r.reasons.themes.length >= 1);
    const best = [...found.values()].filter(qualifies).sort(
      (a, b) =>
        b.score - a.score ||
        Math.abs((a.doc.year ?? 0) - year) - Math.abs((b.doc.year ?? 0) - year) ||
        (a.doc.slug < b.doc.slug ? -1 : 1),
    );
    // Within the reasons, rarer shared themes and units first: they say the most.
    const df = (kind: Kind, value: string): number => postings.get(`${kind}\u0000${value}`)?.docs.length ?? 0;
    const top = best.slice(0, limit);
    for (const r of top) {
      r.reasons.themes.sort((a, b) => df('theme', a) - df('theme', b));
      r.reasons.units.sort((a, b) => df('unit', a) - df('unit', b));
    }
    out.set(input.doc.slug, top);
  }
  return out;
}

/**
 * For each document with an issuer: the same issuer's documents of other years, nearest in
 * date first (at most `limit`). Documents of one year are contiguous in date order, so the
 * search starts at the edges of the document's own year and never walks through it.
 */
export function sameIssuerOtherYears(docs: readonly DocSummary[], limit = 8): Map<string, DocSummary[]> {
  const byIssuer = new Map<string, DocSummary[]>();
  for (const d of docs) {
    if (d.issuer === null) continue;
    const list = byIssuer.get(d.issuer);
    if (list) list.push(d);
    else byIssuer.set(d.issuer, [d]);
  }
  const out = new Map<string, DocSummary[]>();
  for (const list of byIssuer.values()) {
    list.sort(byDateAsc);
    // Runs of one year: [start, end) per position.
    const runStart: number[] = [];
    const runEnd: number[] = new Array<number>(list.length);
    list.forEach((d, i) => runStart.push(i > 0 && list[i - 1]!.year === d.year ? runStart[i - 1]! : i));
    for (let i = list.length - 1; i >= 0; i--) {
      runEnd[i] = i < list.length - 1 && list[i + 1]!.year === list[i]!.year ? runEnd[i + 1]! : i + 1;
    }
    list.forEach((d, i) => {
      const picked: DocSummary[] = [];
      let before = runStart[i]! - 1;
      let after = runEnd[i]!;
      while (picked.length < limit && (before >= 0 || after < list.length)) {
        if (after < list.length) picked.push(list[after++]!);
        if (picked.length < limit && before >= 0) picked.push(list[before--]!);
      }
      // Newest first, like every list of the site.
      picked.sort((a, b) => byDateAsc(b, a));
      out.set(d.slug, picked);
    });
  }
  return out;
}
