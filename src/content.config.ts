/**
 * The content collection of policy documents, validated by the same schema the ingest uses.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { policySchema } from './lib/schema.ts';

const policies = defineCollection({
  loader: glob({ pattern: '**/*.md', base: './content/policies' }),
  schema: policySchema,
});

export const collections = { policies };
