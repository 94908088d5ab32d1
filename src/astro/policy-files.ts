/**
 * The policy files of this process, each read and validated once. The collection's loader checks
 * the folder (src/format/check.ts reads and validates every file) and keeps what it read here; the
 * site data (src/astro/data.ts) takes each body from here, and the body renderer
 * (src/astro/policy-body.ts) takes the body, the validated frontmatter and the file's hash from here.
 * Before, a build read every file four times, with three YAML parses and three zod validations.
 *
 * The store lives on `globalThis`: Astro runs the loader in its config's module graph and the
 * pages in the built bundle, two copies of this module in one process, which must share it.
 * A file the store does not hold (a page rendered by `astro dev` after an edit, a test) is read
 * from disk as before.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkPolicyFolder, checkPolicyText, type CheckedFile, type CheckOptions, type Problem } from '../format/check.ts';
import type { PolicyData } from '../format/schema.ts';

/** What the build needs of one policy file, as read once. */
export interface PolicyFile {
  /** The validated frontmatter, or null when the file did not pass the check. */
  data: PolicyData | null;
  /** The Markdown body, without the frontmatter. */
  body: string;
  /** sha-256 of the file's text: the body cache's key. */
  hash: string;
  /** The file's size and modification time when it was read: a file changed since is read again. */
  stamp: string;
}

const STORE = Symbol.for('policy-kb.policy-files');
type Store = Map<string, PolicyFile>;

function store(): Store {
  const global = globalThis as { [STORE]?: Store };
  return (global[STORE] ??= new Map());
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function stampOf(path: string): string {
  const info = statSync(path);
  return `${info.size}:${info.mtimeMs}`;
}

function remember(checked: CheckedFile, stamp: string): void {
  if (checked.text === undefined || checked.body === undefined) return;
  store().set(resolve(checked.file), { data: checked.data, body: checked.body, hash: sha256(checked.text), stamp });
}

/** `checkPolicyFolder`, keeping what it read of each file for the rest of the build. */
export function checkAndKeep(dir: string, options: CheckOptions = {}): { files: CheckedFile[]; problems: Problem[] } {
  const result = checkPolicyFolder(dir, options);
  for (const file of result.files) if (file.stamp) remember(file, file.stamp);
  return result;
}

/**
 * The policy file at `path`: as the check read it when it did, otherwise read now. A file read
 * now is parsed by the same checker (so `data` is validated or null), and kept.
 */
export function policyFile(path: string): PolicyFile {
  const abs = resolve(path);
  const stamp = stampOf(abs);
  const kept = store().get(abs);
  if (kept?.stamp === stamp) return kept;
  const text = readFileSync(abs, 'utf8');
  const checked = checkPolicyText(abs, text);
  const fresh = { data: checked.data, body: checked.body ?? text, hash: sha256(text), stamp };
  store().set(abs, fresh);
  return fresh;
}
