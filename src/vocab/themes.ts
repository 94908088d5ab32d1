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
import { SLUG_PATTERN } from '../format/schema.ts';
import { PhraseFinder, type PhraseHit, type WordSegmenter } from './theme-words.ts';
import { weighThemes, type ThemeReason } from './theme-evidence.ts';

/** One theme of the vocabulary. */
export interface Theme {
  /** URL segment of the theme page, e.g. `xiaochu-dabane`; also what editors write in measures[].themes. */
  slug: string;
  /** Name as shown, e.g. 消除大班额. */
  name: string;
  /** One sentence saying what the theme covers. */
  description: string;
  /** Phrases that name the theme: one, said as the measure's own commitment, files the measure. */
  keywords: string[];
  /** Phrases that only point to the theme (体育, 待遇, 新建): they file a measure from its title, or together with more evidence. */
  hints: string[];
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
    const hints = phrases(t.hints, label, 'hints', problems);
    const excludes = phrases(t.excludes, label, 'excludes', problems);
    const description = typeof t.description === 'string' ? t.description.trim() : '';
    for (const key of Object.keys(t)) {
      if (!['slug', 'name', 'description', 'keywords', 'hints', 'excludes'].includes(key)) {
        problems.push(`${label}: unknown field "${key}"; the fields are slug, name, description, keywords, hints, excludes`);
      }
    }
    slugs.add(slug);
    names.add(name);
    themes.push({ slug, name, description, keywords, hints, excludes });
  });
  if (problems.length > 0) throw new Error(`${file}: invalid theme vocabulary:\n- ${problems.join('\n- ')}`);
  return themes;
}

/** Finds the themes of texts; built once per vocabulary. */
export class ThemeMatcher {
  readonly themes: readonly Theme[];
  readonly bySlug: ReadonlyMap<string, Theme>;
  private readonly finder: PhraseFinder;

  /** `segment` splits a text into words (src/astro/word-segmenter.ts); without it phrases match as substrings. */
  constructor(themes: readonly Theme[], segment: WordSegmenter | null = null) {
    this.themes = themes;
    this.bySlug = new Map(themes.map((t) => [t.slug, t]));
    this.finder = new PhraseFinder(themes, segment);
  }

  /** The keywords and hints of `text` that are words there, outside their theme's excluded phrases. */
  find(text: string): PhraseHit[] {
    return this.finder.find(text);
  }

  /** Slugs of the themes any of whose keywords or hints occur in `text`, in vocabulary order (for short texts such as a target's metric). */
  match(text: string): string[] {
    const found = new Set(this.finder.find(text).map((h) => h.theme));
    return [...found].sort((a, b) => a - b).map((i) => this.themes[i]!.slug);
  }
}

/** The themes of one measure, why each was given, and the editor's theme slugs that name no theme. */
export interface ThemeAssignment {
  themes: string[];
  /** Per assigned theme, the phrases that filed the measure there; empty for an editor's assignment. */
  reasons: Map<string, ThemeReason[]>;
  unknown: string[];
}

/** Assigns themes to a measure: the editor's list when there is one, else the weighed evidence of its title and text (src/vocab/theme-evidence.ts). */
export function assignThemes(matcher: ThemeMatcher, input: { title: string; text: string; override?: readonly string[] }): ThemeAssignment {
  if (input.override !== undefined) {
    const themes = [...new Set(input.override)];
    return {
      themes: themes.filter((s) => matcher.bySlug.has(s)),
      reasons: new Map(),
      unknown: themes.filter((s) => !matcher.bySlug.has(s)),
    };
  }
  const filed = weighThemes(matcher, input.title, input.text);
  return { themes: filed.map((f) => f.slug), reasons: new Map(filed.map((f) => [f.slug, f.reasons])), unknown: [] };
}
