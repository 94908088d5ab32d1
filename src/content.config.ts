/**
 * The content collection of policy documents, validated by the same schema the ingest uses.
 * The folder is content/policies, or POLICY_DIR when set (src/astro/content-dirs.ts). The loader
 * checks every file first and fails the build with all problems at once (src/astro/policy-loader.ts).
 */
import { defineCollection } from 'astro:content';
import { policySchema } from './format/schema.ts';
import { POLICIES_DIR } from './astro/content-dirs.ts';
import { policyLoader } from './astro/policy-loader.ts';

const policies = defineCollection({
  loader: policyLoader(POLICIES_DIR),
  schema: policySchema,
});

export const collections = { policies };
