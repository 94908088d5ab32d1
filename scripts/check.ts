/**
 * npm run check [-- DIR] [--max-policy-mb N]: validates every policy file without building the
 * site and prints every problem as `file:line: message`. Exits 1 when any file has an error.
 * DIR defaults to content/policies (or POLICY_DIR when set, as for the build). Theme slugs are
 * checked against content/vocab/themes.yaml, as the build checks them.
 */
import { existsSync, statSync } from 'node:fs';
import { checkPolicyFolder, formatProblem } from '../src/format/check.ts';
import { DEFAULT_LIMITS, setLimit } from '../src/format/input-limits.ts';
import { POLICIES_DIR } from '../src/astro/content-dirs.ts';
import { loadThemes } from '../src/astro/vocab.ts';

const USAGE = 'usage: npm run check -- [DIR] [--max-policy-mb N]';
const limits = { ...DEFAULT_LIMITS };
let dir: string = POLICIES_DIR;
try {
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--max-policy-mb') setLimit(limits, a, args[++i]);
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else dir = a;
  }
} catch (e) {
  console.error(`check: ${(e as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (!existsSync(dir) || !statSync(dir).isDirectory()) {
  console.error(`check: ${dir}: no such folder; give the folder of the policy files (default ${POLICIES_DIR})`);
  process.exit(2);
}
let themes: Set<string>;
try {
  themes = new Set(loadThemes().map((t) => t.slug));
} catch (e) {
  console.error(`check: ${(e as Error).message}`);
  process.exit(1);
}
const { files, problems } = checkPolicyFolder(dir, { themes, maxBytes: limits.policyBytes });
for (const p of problems) console.error(formatProblem(p));
const errors = problems.filter((p) => p.severity === 'error').length;
const warnings = problems.length - errors;
console.error(`check: ${files.length} files, ${errors} errors, ${warnings} warnings`);
process.exitCode = errors > 0 ? 1 : 0;
