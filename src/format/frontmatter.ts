/**
 * The one frontmatter reader of the project: the ingest, `npm run check`, the collection loader,
 * the site data and the body renderer all read a policy file's frontmatter here.
 *
 * Policy files come from anywhere (a clerk's folder, a mail attachment), so reading one must never
 * run code. gray-matter's default engines do: `---js` evaluates the frontmatter as JavaScript.
 * Here the frontmatter is YAML and nothing else: the opening line is exactly `---` (a language
 * after it, `---js`, `---coffee`, is refused with the line), values are read by js-yaml 4's
 * default schema, as Astro reads them (plain data, no `!!js/function`, unknown tags refused), and
 * aliases are counted before their expansion can multiply a small file into gigabytes.
 */
import jsYaml from 'js-yaml';
import { parseDocument } from 'yaml';

/** A problem in a file's frontmatter; `line` is 1-based, in the whole file. */
export class FrontmatterError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
    this.name = 'FrontmatterError';
  }
}

export interface Frontmatter {
  /** The fields, as js-yaml 4 (Astro's reader) reads them; `{}` for an empty frontmatter. */
  data: Record<string, unknown>;
  /** The YAML text between the two `---` lines. */
  yaml: string;
  /** Everything after the closing `---` line. */
  body: string;
  /** The line of the file on which the body starts (1-based). */
  bodyLine: number;
}

/** How many values YAML aliases (`*name`) may expand to; each can stand for a whole subtree, so a few dozen nested ones can turn a small file into gigabytes. */
export const MAX_ALIAS_EXPANSION = 100;

const BLOCK = /^---\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/u;
const LANGUAGE_OPENER = /^---[ \t]*(\S[^\r\n]*)/u;

/**
 * Reads a file's frontmatter, or null when the file has none (it does not start with `---`).
 * Throws {@link FrontmatterError} for a frontmatter in another language, YAML that does not
 * parse, one that is not a mapping, or too many aliases.
 */
export function readFrontmatter(text: string): Frontmatter | null {
  text = text.replace(/^\uFEFF/u, '');
  const opener = LANGUAGE_OPENER.exec(text);
  if (opener) {
    throw new FrontmatterError(
      1,
      `the frontmatter opens with "---${opener[1]!.slice(0, 20)}": only YAML frontmatter is read, and the first line must be exactly "---"; code in a policy file is never run`,
    );
  }
  const block = BLOCK.exec(text);
  if (!block) return null;
  const yaml = block[1] ?? '';
  const data = parseYaml(yaml);
  const bodyLine = block[0].split('\n').length + (block[0].endsWith('\n') ? 0 : 1);
  return { data, yaml, body: text.slice(block[0].length), bodyLine };
}

/**
 * A YAML file as data (the vocabularies of content/vocab/), read like a frontmatter: js-yaml 4's
 * default schema, aliases bounded. Syntax errors are js-yaml's own (the caller names the file).
 */
export function loadYaml(text: string): unknown {
  if (text.includes('*')) limitAliases(text, (line0) => line0 + 1);
  return jsYaml.load(text);
}

/** The frontmatter's YAML as data; line numbers in errors count from the file's first line. */
function parseYaml(yaml: string): Record<string, unknown> {
  // Frontmatter starts on line 2 of the file.
  const at = (line0: number): number => line0 + 2;
  if (yaml.includes('*')) limitAliases(yaml, at);
  let loaded: unknown;
  try {
    loaded = jsYaml.load(yaml);
  } catch (e) {
    const err = e as { reason?: string; mark?: { line: number }; message: string };
    throw new FrontmatterError(at(err.mark?.line ?? 0), `frontmatter is not valid YAML: ${err.reason ?? err.message.split('\n')[0]}: check the indentation, brackets and quotes there`);
  }
  if (loaded === undefined || loaded === null) return {};
  if (typeof loaded !== 'object' || Array.isArray(loaded)) {
    throw new FrontmatterError(2, 'frontmatter is not a list of fields: write one "field: value" per line');
  }
  return loaded as Record<string, unknown>;
}

/**
 * Refuses a frontmatter whose aliases would expand to more than {@link MAX_ALIAS_EXPANSION} nodes
 * (the `yaml` package counts them; js-yaml has no such bound). Only run when the text has a `*`.
 */
function limitAliases(yaml: string, at: (line0: number) => number): void {
  const doc = parseDocument(yaml, { prettyErrors: false });
  if (doc.errors.length > 0) return; // js-yaml reports the syntax error, with its line.
  try {
    doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSION });
  } catch (e) {
    if (!/alias/iu.test((e as Error).message)) return;
    const first = yaml.search(/\*[^\s*]/u);
    const line0 = first < 0 ? 0 : yaml.slice(0, first).split('\n').length - 1;
    throw new FrontmatterError(at(line0), `YAML aliases (*name) expand to too many values: write the values out instead`);
  }
}
