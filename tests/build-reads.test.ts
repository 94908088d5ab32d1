/**
 * Each policy file is read once per process of a build (src/astro/policy-files.ts): the loader's
 * check reads and validates it, and the site data and the body renderer take what it read. The
 * test build of tests/support/global-build.ts runs with a preload (tests/support/count-reads.mjs)
 * that counts, in every Node process, the reads of files under the policy folder.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';

interface ReadLog {
  argv: string[];
  reads: Record<string, number>;
}

const logDir = inject('readLogDir');
const buildError = inject('searchBuildError');
const policies = readdirSync('content/policies').filter((n) => n.endsWith('.md')).sort();

describe.skipIf(logDir === '')('reads of policy files during `npm run build` (skipped when SEARCH_DIST reuses a build)', () => {
  const logs = (): ReadLog[] => {
    expect(buildError).toBe('');
    expect(existsSync(logDir)).toBe(true);
    return readdirSync(logDir).map((name) => JSON.parse(readFileSync(join(logDir, name), 'utf8')) as ReadLog);
  };
  const logOf = (script: RegExp): ReadLog => {
    const found = logs().filter((log) => log.argv.some((arg) => script.test(arg)));
    expect(found, `one process running ${script}`).toHaveLength(1);
    return found[0]!;
  };

  it('Astro reads every policy file exactly once (check, loader, site data, bodies and plugins share the read)', () => {
    const { reads } = logOf(/astro\.js$/);
    expect(Object.keys(reads).map((p) => basename(p)).sort()).toEqual(policies);
    expect(Object.entries(reads).filter(([, n]) => n !== 1)).toEqual([]);
  });

  it('the process that renders bodies beside Astro reads each file once as well', () => {
    const { reads } = logOf(/build-bodies\.ts$/);
    expect(Object.keys(reads).map((p) => basename(p)).sort()).toEqual(policies);
    expect(Object.entries(reads).filter(([, n]) => n !== 1)).toEqual([]);
  });

  it('no other process of the build reads a policy file', () => {
    const others = logs().filter((log) => !log.argv.some((arg) => /astro\.js$|build-bodies\.ts$/.test(arg)));
    expect(others.map((log) => log.argv.join(' '))).toEqual([]);
  });
});
