/**
 * Renders every policy body into the body cache (src/astro/policy-body.ts). scripts/build.ts runs
 * it in its own process beside `astro build`, which works on one core: on a machine with two,
 * the policy pages then find most of their bodies rendered. Only files that pass the checks of
 * `npm run check` are rendered: a file the check refuses (nesting too deep to render, say) is
 * reported by the collection's loader with its line, and must not crash this helper with a
 * stack trace beside that report. Any other failure skips the file (its page renders it).
 */
import { checkAndKeep } from '../src/astro/policy-files.ts';
import { POLICIES_DIR } from '../src/astro/content-dirs.ts';
import { renderPolicyBody } from '../src/astro/policy-body.ts';

const { files, problems } = checkAndKeep(POLICIES_DIR);
const refused = new Set(problems.filter((p) => p.severity === 'error').map((p) => p.file));
for (const file of files) {
  if (file.data === null || refused.has(file.file)) continue;
  try {
    await renderPolicyBody(file.file);
  } catch {
    // Skipped: see above.
  }
}
