/**
 * vitest globalSetup: builds the site and its search index once per test run, with the same
 * script as `npm run build`, into .tmp/search-dist (not dist/, which other suites build into).
 * Suites read the path with `inject('searchDist')`; when the build failed, `inject('searchBuildError')`
 * holds its output and the search suites fail with it while the other suites still run.
 *
 * It also indexes a copy of that site in two shards (`<dir>-shards`, inject('searchDistShards')), so
 * the search suites prove the same behaviour over a sharded index.
 *
 * SEARCH_DIST=<dir> reuses a site built before (`npm run build -- --out-dir <dir>`), to iterate faster.
 *
 * Its teardown fails the run when any test changed the checkout's dist/: the README's steps are
 * build, `npm test`, `npm run preview`, and the preview must still serve the site that was built.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Absolute path of the built site with its Pagefind index. */
    searchDist: string;
    /** The build's output when it failed, else ''. */
    searchBuildError: string;
    /** Where each process of that build logged its reads of policy files (tests/support/count-reads.mjs); '' when the build was reused. */
    readLogDir: string;
    /** The same site with its search index in two shards (`--search-shard-size`: half the sample). */
    searchDistShards: string;
  }
}

export const SEARCH_DIST = '.tmp/search-dist';
export const READ_LOG_DIR = '.tmp/search-dist-reads';

/** Every file under `dir` with its size and modification time, one per line; '' when there is no `dir`. */
function snapshot(dir: string): string {
  if (!existsSync(dir)) return '';
  const lines: string[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    const s = statSync(full);
    lines.push(`${full} ${s.size} ${s.mtimeMs}`);
  }
  return lines.sort().join('\n');
}

export default async function setup(project: TestProject): Promise<() => void> {
  const distBefore = snapshot('dist');
  const reuse = process.env.SEARCH_DIST;
  const outDir = resolve(reuse ?? SEARCH_DIST);
  let error = '';
  let readLogDir = '';
  if (reuse && existsSync(join(outDir, 'pagefind', 'pagefind.js'))) {
    // Built already: nothing to do.
  } else {
    readLogDir = resolve(READ_LOG_DIR);
    rmSync(readLogDir, { recursive: true, force: true });
    const counter = resolve('tests/support/count-reads.mjs');
    try {
      await promisify(execFile)('node_modules/.bin/tsx', ['scripts/build.ts', '--out-dir', outDir], {
        env: {
          ...process.env,
          ASTRO_TELEMETRY_DISABLED: '1',
          // Every Node process of the build counts its reads of policy files (tests/build-reads.test.ts).
          NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${counter}`.trim(),
          READ_LOG_DIR: readLogDir,
        },
        maxBuffer: 64 * 1024 * 1024,
      });
    } catch (e) {
      const err = e as { stdout?: string; stderr?: string; message: string };
      error = `npm run build -- --out-dir ${outDir} failed: ${err.message}\n${err.stdout ?? ''}\n${err.stderr ?? ''}`;
    }
  }
  // The sample again with its index in shards: the search suites run over both.
  const shardsDir = `${outDir}-shards`;
  if (!error && !(reuse && existsSync(join(shardsDir, 'pagefind', 'shards.json')))) {
    const sample = readdirSync(process.env.POLICY_DIR ?? 'content/policies').filter((f) => f.endsWith('.md')).length;
    try {
      rmSync(shardsDir, { recursive: true, force: true });
      cpSync(outDir, shardsDir, { recursive: true });
      await promisify(execFile)('node_modules/.bin/tsx', ['scripts/build.ts', '--out-dir', shardsDir, '--index-only', '--search-shard-size', String(Math.ceil(sample / 2))], {
        env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
        maxBuffer: 64 * 1024 * 1024,
      });
    } catch (e) {
      const err = e as { stdout?: string; stderr?: string; message: string };
      error = `indexing ${shardsDir} in shards failed: ${err.message}\n${err.stdout ?? ''}\n${err.stderr ?? ''}`;
    }
  }
  project.provide('searchDist', outDir);
  project.provide('searchDistShards', shardsDir);
  project.provide('searchBuildError', error);
  project.provide('readLogDir', readLogDir);
  return () => {
    if (snapshot('dist') === distBefore) return;
    // vitest reports an error thrown here but still exits 0, so set the exit code as well.
    console.error('\nerror: a test changed dist/: tests must build into their own folder (tests/support/global-build.ts), never into dist/');
    process.exitCode = 1;
  };
}
