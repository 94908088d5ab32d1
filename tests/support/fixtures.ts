/**
 * Loads policy Markdown files (fixtures or content/policies) as the site sees them:
 * frontmatter validated with the policy schema, body as written.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readFrontmatter } from '../../src/format/frontmatter.ts';
import { policySchema } from '../../src/format/schema.ts';
import type { PolicyDoc } from '../../src/index/documents.ts';
import { docSlug } from '../../src/format/ids.ts';

/** Every `*.md` of `dir` as a policy document; the slug is the file name. */
export function loadPolicies(dir: string): PolicyDoc[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => {
      const read = readFrontmatter(readFileSync(join(dir, f), 'utf8'));
      const parsed = policySchema.safeParse(read?.data);
      if (!parsed.success) throw new Error(`${join(dir, f)}: ${parsed.error.message}`);
      return { slug: docSlug(f), data: parsed.data, body: read?.body ?? '' };
    });
}

export const FIXTURE_POLICIES = 'tests/fixtures/policies';
