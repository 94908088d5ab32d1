/**
 * npm run check [-- DIR]: validates every policy file without building the site and prints
 * every problem as `file:line: message`. Exits 1 when any file has an error.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { checkAcross, checkPolicyText, formatProblem } from '../src/lib/check.ts';

const dir = process.argv[2] ?? 'content/policies';
if (!existsSync(dir)) {
  console.error(`check: ${dir}: no such folder; give the folder of the policy files (default content/policies)`);
  process.exit(2);
}
const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
  .filter((n) => n.endsWith('.md'))
  .sort()
  .map((n) => checkPolicyText(join(dir, n), readFileSync(join(dir, n), 'utf8')));
const problems = [...files.flatMap((f) => f.problems), ...checkAcross(files)];
for (const p of problems) console.error(formatProblem(p));
const errors = problems.filter((p) => p.severity === 'error').length;
const warnings = problems.length - errors;
console.error(`check: ${files.length} files, ${errors} errors, ${warnings} warnings`);
process.exitCode = errors > 0 ? 1 : 0;
