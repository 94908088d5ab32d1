/**
 * The project's own modules a module depends on: itself and every module it imports with a
 * relative path, transitively (packages are left out: package-lock.json stands for them). The
 * body cache is keyed on what rendering uses (src/astro/policy-body.ts), so a change to a CSV
 * column or the search page does not re-render every body.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

const IMPORT = /(?:\bfrom|\bimport)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/gu;

/** The relative specifiers a module's text imports, static and dynamic (`./x.ts`, `../y/z.ts`). */
export function relativeImports(text: string): string[] {
  return [...text.matchAll(IMPORT)].map((m) => m[1]!);
}

/** The modules `entries` (paths relative to `root`) depend on, relative to `root`, sorted; null when one is missing. */
export function moduleClosure(root: string, entries: readonly string[]): string[] | null {
  const seen = new Set<string>();
  const todo = [...entries.map((e) => normalize(e))];
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    const abs = join(root, file);
    if (!existsSync(abs)) return null;
    seen.add(file);
    for (const spec of relativeImports(readFileSync(abs, 'utf8'))) {
      const target = normalize(join(dirname(file), spec));
      if (!seen.has(target)) todo.push(relative('.', target));
    }
  }
  return [...seen].sort();
}
