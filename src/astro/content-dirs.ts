/**
 * Where the build reads the content from: content/policies and content/sources, unless
 * POLICY_DIR and SOURCES_DIR say otherwise (the benchmark builds synthetic knowledge bases
 * kept outside content/; `POLICY_DIR=/tmp/kb/policies SOURCES_DIR=/tmp/kb/sources npm run build`).
 */
export const POLICIES_DIR = process.env.POLICY_DIR || 'content/policies';
export const SOURCES_DIR = process.env.SOURCES_DIR || 'content/sources';

/**
 * Astro's cache folder (its content-layer store) and ours beside it: node_modules/.astro, or
 * ASTRO_CACHE_DIR when set (the benchmark gives each corpus its own). astro.config.mjs reads it.
 */
export const CACHE_DIR = process.env.ASTRO_CACHE_DIR || 'node_modules/.astro';
