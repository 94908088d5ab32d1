/**
 * The names the search box finds besides document text: responsible units and themes, each
 * with its page. A small JSON list written at build (`/search/names.json`), matched in the
 * browser and shown above the document results, so 市财政局 or 课后服务 typed in the box leads
 * to the unit's or the theme's page. Kept out of Pagefind, whose index holds one page per policy.
 */

export type NameKind = 'unit' | 'theme';

export interface NameEntry {
  kind: NameKind;
  name: string;
  /** The page of the unit or theme (root-relative, with the site's base path). */
  href: string;
  /** How much the name carries: tasks of a unit, measures of a theme. */
  weight: number;
}

export const NAME_KIND_LABEL: Record<NameKind, string> = { unit: '责任单位', theme: '主题' };

/** At most this many names are shown above the results. */
export const NAMES_SHOWN = 6;

/** The words of a query, quotes and spaces removed, lower case. */
function queryWords(query: string): string[] {
  return query
    .replace(/["“”]/g, ' ')
    .split(/\s+/)
    .map((w) => w.toLowerCase())
    .filter(Boolean);
}

/**
 * The names a query points at: every word of the query is part of the name (大班额 → 消除大班额),
 * or the name is one of the words (济源市教育局 经费 → 济源市教育局). Exact names first, then
 * the ones that carry most, then the shorter.
 */
export function matchNames(entries: readonly NameEntry[], query: string, limit = NAMES_SHOWN): NameEntry[] {
  const words = queryWords(query);
  if (words.length === 0) return [];
  const whole = words.join('');
  const hits = entries.filter((e) => {
    const name = e.name.toLowerCase();
    return words.every((w) => name.includes(w)) || words.some((w) => [...name].length >= 2 && w === name);
  });
  const exact = (e: NameEntry): number => (e.name.toLowerCase() === whole || words.includes(e.name.toLowerCase()) ? 0 : 1);
  return hits.sort((a, b) => exact(a) - exact(b) || b.weight - a.weight || a.name.length - b.name.length).slice(0, limit);
}

/** Reads the list as the build wrote it; anything malformed is dropped, never shown. */
export function parseNames(json: unknown): NameEntry[] {
  if (!Array.isArray(json)) return [];
  return json.filter(
    (e): e is NameEntry =>
      typeof e === 'object' &&
      e !== null &&
      (e.kind === 'unit' || e.kind === 'theme') &&
      typeof e.name === 'string' &&
      typeof e.href === 'string' &&
      e.href.startsWith('/') &&
      !e.href.startsWith('//') &&
      typeof e.weight === 'number',
  );
}
