/**
 * Renders every policy body into the body cache (src/site/policy-body.ts). scripts/build.ts runs
 * it in its own process beside `astro build`, which works on one core: on a machine with two,
 * the policy pages then find most of their bodies rendered. A file that fails is skipped (its
 * page renders it, and the collection's loader reports what is wrong with it).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { POLICIES_DIR } from '../src/site/content-dirs.ts';
import { renderPolicyBody } from '../src/site/policy-body.ts';

const files = readdirSync(POLICIES_DIR, { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.md'))
  .sort();
for (const name of files) {
  try {
    await renderPolicyBody(join(POLICIES_DIR, name));
  } catch {
    // Skipped: see above.
  }
}
