/**
 * npm run check [-- DIR]: validates every policy file without building the site and prints
 * every problem as `file:line: message`. Exits 1 when any file has an error.
 * DIR defaults to content/policies (or POLICY_DIR when set, as for the build).
 */
import { existsSync, statSync } from 'node:fs';
import { checkPolicyFolder, formatProblem } from '../src/lib/check.ts';
import { POLICIES_DIR } from '../src/site/content-dirs.ts';

const dir = process.argv[2] ?? POLICIES_DIR;
if (!existsSync(dir) || !statSync(dir).isDirectory()) {
  console.error(`check: ${dir}: no such folder; give the folder of the policy files (default ${POLICIES_DIR})`);
  process.exit(2);
}
const { files, problems } = checkPolicyFolder(dir);
for (const p of problems) console.error(formatProblem(p));
const errors = problems.filter((p) => p.severity === 'error').length;
const warnings = problems.length - errors;
console.error(`check: ${files.length} files, ${errors} errors, ${warnings} warnings`);
process.exitCode = errors > 0 ? 1 : 0;
