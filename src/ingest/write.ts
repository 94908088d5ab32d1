/**
 * Writes ingested documents as content/policies/<slug>.md, atomically, and never over a file
 * someone has edited by hand: each generated file carries a hash of what the ingest wrote,
 * and a file whose content no longer matches it is left alone unless forced.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, renameSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import jsYaml from 'js-yaml';
import { FrontmatterError, readFrontmatter, type Frontmatter } from '../format/frontmatter.ts';
import type { PolicyData } from '../format/schema.ts';

export const GENERATOR = 'policy-kb ingest';

/** Hash of a document's data and body, ignoring the `generated` stamp itself. */
export function contentHash(data: Record<string, unknown>, body: string): string {
  const { generated: _ignored, ...rest } = data;
  return createHash('sha256').update(JSON.stringify(rest)).update('\0').update(body.trim()).digest('hex').slice(0, 16);
}

/** gray-matter's YAML (js-yaml 3) replaced by the js-yaml 4 that Astro reads frontmatter with. */
const YAML_AS_ASTRO_READS = { engines: { yaml: { parse: (s: string) => jsYaml.load(s) as object, stringify: (o: object) => jsYaml.dump(o) } } };

/**
 * The Markdown file for a document: frontmatter with its hash stamp, then the body. (gray-matter
 * only writes here; files are read by src/format/frontmatter.ts, never by gray-matter, whose
 * default engines run a `---js` frontmatter as code.)
 *
 * gray-matter writes YAML 1.1 (js-yaml 3), Astro reads YAML 1.2 (js-yaml 4): a few strings are
 * plain text to the writer and numbers to the reader (a hash 0635327409752880, an item number
 * 08.), so a document would fail the build with "expected string, received number". The text
 * is read back as Astro will read it, and written by the reader's own library when it differs.
 */
export function serialize(data: PolicyData, body: string): string {
  const plain = JSON.parse(JSON.stringify({ ...data, generated: undefined })) as Record<string, unknown>;
  const stamped = { ...plain, generated: { by: GENERATOR, hash: contentHash(plain, body) } };
  const content = `\n${body.trim()}\n`;
  const text = matter.stringify(content, stamped);
  const frontmatter = text.slice(4, text.indexOf('\n---\n', 3) + 1);
  if (JSON.stringify(jsYaml.load(frontmatter)) === JSON.stringify(stamped)) return text;
  return matter.stringify(content, stamped, YAML_AS_ASTRO_READS);
}

export type WriteOutcome = 'created' | 'updated' | 'unchanged' | 'kept-hand-edit';

/** Why an existing file may not be replaced, or null when it may. */
export function handEditOf(path: string): string | null {
  if (!existsSync(path)) return null;
  const text = readFileSync(path, 'utf8');
  let file: Frontmatter | null;
  try {
    file = readFrontmatter(text);
  } catch (e) {
    if (e instanceof FrontmatterError) return `its frontmatter cannot be read (${e.message})`;
    throw e;
  }
  const stamp = file?.data.generated as { hash?: string } | undefined;
  if (!file || !stamp?.hash) return 'it was written by hand (it has no "generated" stamp)';
  if (stamp.hash !== contentHash(file.data, file.body)) return 'it was edited by hand since the ingest wrote it';
  // The hash covers what the fields hold; a comment, a blank line or a re-quoted value changes
  // only the bytes. Any byte change is a hand edit: the file must be exactly what the ingest
  // writes for its own fields and body.
  if (serialize(file.data as PolicyData, file.body) !== text) return 'it was edited by hand since the ingest wrote it (its text differs from what the ingest wrote)';
  return null;
}

/** Writes to a temporary file and renames it into place, so no half-written file is ever left. */
export function writeAtomic(path: string, text: string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, text, 'utf8');
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** Writes one document (`text`: its {@link serialize}d file, when already made); refuses to replace a hand-edited file unless `force`. */
export function writePolicy(dir: string, slug: string, data: PolicyData, body: string, force: boolean, text = serialize(data, body)): WriteOutcome {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${slug}.md`);
  if (existsSync(path)) {
    if (readFileSync(path, 'utf8') === text) return 'unchanged';
    if (!force && handEditOf(path)) return 'kept-hand-edit';
    writeAtomic(path, text);
    return 'updated';
  }
  writeAtomic(path, text);
  return 'created';
}

/** Maps each source file recorded in `dir` to the slug of the document made from it. */
export function existingSlugs(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.md')) continue;
    try {
      const data = readFrontmatter(readFileSync(join(dir, name), 'utf8'))?.data as { source?: { file?: unknown } } | undefined;
      if (typeof data?.source?.file === 'string') out.set(data.source.file, name.slice(0, -3));
    } catch {
      // A broken file is reported by `npm run check`; here it only cannot claim a source.
    }
  }
  return out;
}
