/**
 * The layout is the pipeline: each folder of src/ is a stage, and a stage imports only the stages
 * before it (README, "Layout"; docs/architecture.md). This test reads every import of src/ and fails on one that points
 * the wrong way, or on a folder the rule does not know, so the rule and the tree cannot drift apart.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { relativeImports } from '../src/astro/module-closure.ts';

const SRC = join(import.meta.dirname, '..', 'src');

/** What each stage may import besides itself. Astro routes and components may import anything. */
const MAY_IMPORT: Record<string, readonly string[]> = {
  format: [],
  site: ['format'],
  vocab: ['format', 'site'],
  extract: ['format', 'site', 'vocab'],
  ingest: ['format', 'site', 'vocab', 'extract'],
  index: ['format', 'site', 'vocab', 'extract'],
  compare: ['format', 'site', 'vocab', 'extract', 'index'],
  'data-api': ['format', 'site', 'vocab', 'extract', 'index', 'compare'],
  search: ['format', 'site', 'index'],
  markdown: ['format', 'site', 'vocab', 'extract', 'index'],
  astro: ['format', 'site', 'vocab', 'extract', 'ingest', 'index', 'compare', 'data-api', 'search', 'markdown'],
  browser: ['format', 'site', 'compare', 'search'],
};
const ANYTHING = new Set(['pages', 'components', 'layouts', 'styles']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|astro)$/.test(name) ? [path] : [];
  });
}

/** The stage of a file: its first folder under src/ (`src/extract/targets.ts` → extract). */
const stageOf = (file: string) => relative(SRC, file).split('/')[0]!;

/** Relative import specifiers of a file, static and dynamic, resolved to paths under src/. */
function importsOf(file: string, text: string): string[] {
  return relativeImports(text).map((spec) => normalize(join(dirname(file), spec)));
}

const files = sourceFiles(SRC);

describe('the layout of src/', () => {
  it('has only the stages the import rule knows, and no loose modules', () => {
    const folders = readdirSync(SRC).filter((name) => statSync(join(SRC, name)).isDirectory());
    expect(folders.filter((name) => !(name in MAY_IMPORT) && !ANYTHING.has(name))).toEqual([]);
    const loose = readdirSync(SRC).filter((name) => !statSync(join(SRC, name)).isDirectory());
    expect(loose).toEqual(['content.config.ts']);
  });

  it('imports flow one way: each stage imports only the stages before it', () => {
    const wrong: string[] = [];
    for (const file of files) {
      const from = stageOf(file);
      if (!(from in MAY_IMPORT)) continue;
      for (const target of importsOf(file, readFileSync(file, 'utf8'))) {
        if (!target.startsWith(SRC)) {
          wrong.push(`${relative(SRC, file)} imports ${relative(SRC, target)} outside src/`);
          continue;
        }
        const to = stageOf(target);
        if (to !== from && !MAY_IMPORT[from]!.includes(to)) wrong.push(`${relative(SRC, file)} (${from}) imports ${relative(SRC, target)} (${to})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('catches an import that points the wrong way (the check itself works)', () => {
    const file = join(SRC, 'format', 'schema.ts');
    const [target] = importsOf(file, "import { paths } from '../site/paths.ts';");
    expect(stageOf(target!)).toBe('site');
    expect(MAY_IMPORT.format).not.toContain(stageOf(target!));
  });

  it('keeps the domain stages free of Astro: only src/astro and the routes import astro', () => {
    const astro = files.filter((file) => /from\s+['"]astro(:|\/|['"])/.test(readFileSync(file, 'utf8')));
    expect(astro.map(stageOf).filter((stage) => stage !== 'astro' && !ANYTHING.has(stage) && stage !== 'content.config.ts')).toEqual([]);
  });
});
