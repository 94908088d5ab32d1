import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

const base = process.env.POLICY_DIR;
if (!base) throw new Error('POLICY_DIR is not set: the baseline is run by npm run bench');

export const collections = { policies: defineCollection({ loader: glob({ pattern: '**/*.md', base }) }) };
