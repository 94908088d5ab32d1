/**
 * Related documents: the same city, shared themes, shared responsible units; and the same
 * issuer's documents of other years.
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
  /** Theme slugs of the document's measures. */
  themes: readonly string[];
  /** Role names of its responsible units. */
  units: readonly string[];
}

/** Why a document is related to another: what they share. */
export interface RelatedReasons {
  sameCity: boolean;
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
  /** Keys with at most this many documents are looked at whole. */
  fullPosting?: number;
  /** For larger keys: documents looked at on each side in date order. */
  window?: number;
}

type Kind = 'city' | 'theme' | 'unit';
const KIND_WEIGHT: Record<Kind, number> = { city: 3, theme: 1, unit: 0.5 };

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
  for (const t of new Set(input.themes)) keys.push(['theme', t]);
  for (const u of new Set(input.units)) keys.push(['unit', u]);
  return keys;
}

/** The related documents of every document, best first. */
export function buildRelated(inputs: readonly RelatedInput[], options: RelatedOptions = {}): Map<string, RelatedDoc[]> {
  const limit = options.limit ?? 6;
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
          r = { doc: other.doc, score: 0, reasons: { sameCity: false, themes: [], units: [] } };
          found.set(other.doc.slug, r);
        }
        r.score += weight;
        if (kind === 'city') r.reasons.sameCity = true;
        else if (kind === 'theme') r.reasons.themes.push(value);
        else r.reasons.units.push(value);
      }
    }
    const year = input.doc.year ?? 0;
    const best = [...found.values()].sort(
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
