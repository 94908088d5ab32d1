/**
 * The loader of the policy collection: every `.md` file under the folder, after the checks
 * of `npm run check` (src/format/check.ts) over the whole folder. Invalid content fails the build
 * with every problem of every file listed at once, as `file:line: message` lines that say what
 * to fix, instead of the first one Astro meets, with a stack trace.
 *
 * A page's id (its address, /policies/<id>/) is its file name, exactly: never a `slug` field
 * of the frontmatter, never a lower-cased form, so two files can never silently take the
 * same page, and the id is the one `npm run build` and `npm run check` expect.
 */
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { formatProblem } from '../format/check.ts';
import { checkAndKeep } from './policy-files.ts';
import { loadThemes } from './vocab.ts';

/** An error Astro prints as its message only: the problems are the content's, not the code's. */
export class ContentError extends Error {
  readonly hint = 'Run `npm run check` to list these problems again without building the site.';

  constructor(message: string) {
    super(message);
    this.name = 'ContentError';
    // Astro prints a "Stack trace:" section for any error with a stack; a clerk needs none.
    this.stack = '';
  }

  /** Astro guesses a hint from this text (any "document" in it reads as a browser API); the real hint is `hint`. */
  override toString(): string {
    return this.name;
  }
}

/** The message of a failed check: every problem, then what to do. */
export function contentErrorMessage(dir: string, lines: string[], files: number): string {
  return [
    `${lines.length} problem${lines.length === 1 ? '' : 's'} in the policy files of ${dir} (${files} files); the site is not built until they are fixed:`,
    ...lines.map((l) => `  ${l}`),
  ].join('\n');
}

export function policyLoader(dir: string): Loader {
  let watching = false;
  return {
    name: 'policy-kb-policies',
    load: async (context) => {
      await loadPolicies(dir, context);
      if (!context.watcher || watching) return;
      watching = true;
      // `astro dev`: a saved, added or removed file reloads the folder (unchanged files are skipped by digest).
      context.watcher.add(dir);
      context.watcher.on('all', (_event, path) => {
        if (path.endsWith('.md') && resolve(path).startsWith(resolve(dir) + sep)) void loadPolicies(dir, context).catch((e: Error) => context.logger.error(e.message));
      });
    },
  };
}

/**
 * Checks the folder, then puts each file's validated frontmatter in the store. Bodies are not
 * stored, rendered or bundled: Astro bundles the whole store into one module, where rendered
 * HTML was 58 % of it (16 of 28 million characters at 1,000 documents), and at 10,000 documents
 * that module costs gigabytes of heap. The policy page renders its body from the file
 * (src/astro/policy-body.ts); the site index reads it from the file (src/astro/data.ts).
 */
async function loadPolicies(dir: string, context: LoaderContext): Promise<void> {
  // Theme slugs are checked here, as `npm run check` checks them, so a wrong one fails the build with its line.
  const themes = new Set(loadThemes().map((t) => t.slug));
  const { files, problems } = checkAndKeep(dir, { themes });
  const errors = problems.filter((p) => p.severity === 'error');
  for (const p of problems) if (p.severity === 'warning') context.logger.warn(formatProblem(p));
  if (errors.length > 0) throw new ContentError(contentErrorMessage(dir, errors.map(formatProblem), files.length));
  const root = fileURLToPath(context.config.root);
  const seen = new Set<string>();
  for (const { file, data, text } of files) {
    const id = relative(dir, file).split(sep).join('/').replace(/\.md$/u, '');
    seen.add(id);
    // The check read the file and validated its frontmatter with the collection's own schema
    // (policySchema): the store takes that data as it is, without a second read or validation.
    const digest = context.generateDigest(text ?? '');
    if (context.store.get(id)?.digest === digest) continue;
    context.store.set({ id, data: (data ?? {}) as Record<string, unknown>, filePath: relative(root, file).split(sep).join('/'), digest });
  }
  for (const id of context.store.keys()) if (!seen.has(id)) context.store.delete(id);
}
