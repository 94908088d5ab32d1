/**
 * The loader of the policy collection: Astro's glob loader over `<dir>/*.md`, after the checks
 * of `npm run check` (src/lib/check.ts) over the whole folder. Invalid content fails the build
 * with every problem of every file listed at once, as `file:line: message` lines that say what
 * to fix, instead of the first one Astro meets, with a stack trace.
 *
 * A page's id (its address, /policies/<id>/) is its file name, exactly: never a `slug` field
 * of the frontmatter, never a lower-cased form, so two files can never silently take the
 * same page, and the id is the one `npm run build` and `npm run check` expect.
 */
import { glob, type Loader } from 'astro/loaders';
import { checkPolicyFolder, formatProblem } from '../lib/check.ts';

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
  // The body is not kept in the data store (src/site/data.ts reads it from the file): Astro bundles
  // the whole store into one module, and at 10,000 documents every byte of it counts.
  const inner = glob({ pattern: '**/*.md', base: dir, generateId: ({ entry }) => entry.replace(/\.md$/u, ''), retainBody: false });
  return {
    name: 'policy-kb-policies',
    load: async (context) => {
      const { files, problems } = checkPolicyFolder(dir);
      const errors = problems.filter((p) => p.severity === 'error');
      for (const p of problems) if (p.severity === 'warning') context.logger.warn(formatProblem(p));
      if (errors.length > 0) throw new ContentError(contentErrorMessage(dir, errors.map(formatProblem), files.length));
      await inner.load(context);
    },
  };
}
