/**
 * Themes: the vocabulary readers use across documents (消除大班额, 教师交流轮岗, 双减 …) and
 * the keyword rules that assign measures to them.
 *
 * The vocabulary is edited in content/vocab/themes.yaml and checked here. A measure serves a
 * theme when one of the theme's keywords occurs in its title or text outside the theme's
 * excluded phrases (食品安全 is not 校园安全). An editor's `themes` on a measure in the
 * frontmatter replaces the rules for that measure. Matching walks a character trie once per
 * text, so its cost grows with the text, not with the number of keywords.
 */
import { SLUG_PATTERN } from './schema.ts';

/** One theme of the vocabulary. */
export interface Theme {
  /** URL segment of the theme page, e.g. `xiaochu-dabane`; also what editors write in measures[].themes. */
  slug: string;
  /** Name as shown, e.g. 消除大班额. */
  name: string;
  /** One sentence saying what the theme covers. */
  description: string;
  /** Phrases that assign a measure to the theme. */
  keywords: string[];
  /** Phrases that contain a keyword without meaning the theme (食品安全 for 校园安全's 安全). */
  excludes: string[];
}

const EXAMPLE = '- slug: xiaochu-dabane\n  name: 消除大班额\n  description: …\n  keywords: [大班额, 超大班额]';

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  return `${typeof value} ${JSON.stringify(value)}`;
}

function phrases(value: unknown, where: string, field: string, problems: string[]): string[] {
  if (value === undefined || value === null) return [];
  const list = typeof value === 'string' ? [value] : Array.isArray(value) ? value : null;
  if (list === null) {
    problems.push(`${where}: ${field} is ${describe(value)}; write a list, e.g. "${field}: [大班额, 超大班额]"`);
    return [];
  }
  const out: string[] = [];
  for (const p of list) {
    if (typeof p !== 'string' || p.trim() === '') {
      problems.push(`${where}: ${field} lists ${describe(p)}; write each phrase as text`);
    } else out.push(p.trim());
  }
  return out;
}

/** Checks a parsed themes.yaml (a list of themes) and returns the themes; errors name the file, the theme and the fix. */
export function parseThemeTable(data: unknown, file: string): Theme[] {
  if (!Array.isArray(data)) {
    throw new Error(`${file}: expected a list of themes, got ${describe(data)}. Write each theme as a list item, e.g.\n${EXAMPLE}`);
  }
  const problems: string[] = [];
  const themes: Theme[] = [];
  const slugs = new Set<string>();
  const names = new Set<string>();
  data.forEach((item: unknown, i) => {
    const where = `theme ${i + 1}`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      problems.push(`${where} is ${describe(item)}; write it as a map with slug, name, keywords, e.g.\n${EXAMPLE}`);
      return;
    }
    const t = item as Record<string, unknown>;
    const name = typeof t.name === 'string' ? t.name.trim() : '';
    const label = name ? `${where} (${name})` : where;
    if (!name) problems.push(`${where}: name is missing; give the theme's Chinese name, e.g. "name: 消除大班额"`);
    const slug = typeof t.slug === 'string' ? t.slug.trim() : '';
    if (!SLUG_PATTERN.test(slug)) {
      problems.push(`${label}: slug "${String(t.slug ?? '')}" must be lowercase pinyin words joined by dashes, e.g. "slug: xiaochu-dabane"`);
    } else if (slugs.has(slug)) {
      problems.push(`${label}: slug "${slug}" is used by another theme; every theme needs its own slug`);
    }
    if (name && names.has(name)) problems.push(`${label}: name "${name}" is used by another theme; merge the two`);
    const keywords = phrases(t.keywords, label, 'keywords', problems);
    if (keywords.length === 0) problems.push(`${label}: keywords is empty; list the phrases that assign a measure to this theme`);
    const excludes = phrases(t.excludes, label, 'excludes', problems);
    const description = typeof t.description === 'string' ? t.description.trim() : '';
    for (const key of Object.keys(t)) {
      if (!['slug', 'name', 'description', 'keywords', 'excludes'].includes(key)) {
        problems.push(`${label}: unknown field "${key}"; the fields are slug, name, description, keywords, excludes`);
      }
    }
    slugs.add(slug);
    names.add(name);
    themes.push({ slug, name, description, keywords, excludes });
  });
  if (problems.length > 0) throw new Error(`${file}: invalid theme vocabulary:\n- ${problems.join('\n- ')}`);
  return themes;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  /** Themes (by position) for which the phrase ending here is a keyword or an exclusion. */
  ends: { theme: number; exclude: boolean }[];
}

/** Finds the themes of texts; built once per vocabulary. */
export class ThemeMatcher {
  private readonly root: TrieNode = { next: new Map(), ends: [] };
  readonly themes: readonly Theme[];
  readonly bySlug: ReadonlyMap<string, Theme>;

  constructor(themes: readonly Theme[]) {
    this.themes = themes;
    this.bySlug = new Map(themes.map((t) => [t.slug, t]));
    themes.forEach((t, i) => {
      for (const k of t.keywords) this.add(k, i, false);
      for (const x of t.excludes) this.add(x, i, true);
    });
  }

  private add(phrase: string, theme: number, exclude: boolean): void {
    let node = this.root;
    for (const ch of phrase) {
      let next = node.next.get(ch);
      if (!next) {
        next = { next: new Map(), ends: [] };
        node.next.set(ch, next);
      }
      node = next;
    }
    node.ends.push({ theme, exclude });
  }

  /** Slugs of the themes whose keywords occur in `text` outside their excluded phrases, in vocabulary order. */
  match(text: string): string[] {
    const chars = [...text];
    // Per theme: keyword hits and excluded spans, as [start, end) in characters.
    const hits = new Map<number, { keywords: [number, number][]; excluded: [number, number][] }>();
    for (let i = 0; i < chars.length; i++) {
      let node: TrieNode | undefined = this.root;
      for (let j = i; j < chars.length; j++) {
        node = node.next.get(chars[j]!);
        if (!node) break;
        for (const end of node.ends) {
          let h = hits.get(end.theme);
          if (!h) {
            h = { keywords: [], excluded: [] };
            hits.set(end.theme, h);
          }
          (end.exclude ? h.excluded : h.keywords).push([i, j + 1]);
        }
      }
    }
    const out: number[] = [];
    for (const [theme, h] of hits) {
      const free = h.keywords.some(([s, e]) => !h.excluded.some(([xs, xe]) => s < xe && xs < e));
      if (free) out.push(theme);
    }
    return out.sort((a, b) => a - b).map((i) => this.themes[i]!.slug);
  }
}

/** The themes of one measure, and the editor's theme slugs that name no theme. */
export interface ThemeAssignment {
  themes: string[];
  unknown: string[];
}

/** Assigns themes to a measure: the editor's list when there is one, else the keyword rules over its title and text. */
export function assignThemes(matcher: ThemeMatcher, input: { title: string; text: string; override?: readonly string[] }): ThemeAssignment {
  if (input.override !== undefined) {
    const themes = [...new Set(input.override)];
    return {
      themes: themes.filter((s) => matcher.bySlug.has(s)),
      unknown: themes.filter((s) => !matcher.bySlug.has(s)),
    };
  }
  return { themes: matcher.match(`${input.title}\n${input.text}`), unknown: [] };
}
