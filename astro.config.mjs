// @ts-check
import { defineConfig } from 'astro/config';
import { siteMarkdownConfig, SITE_URL } from './src/site/markdown-options.ts';

export default defineConfig({
  site: SITE_URL,
  // The content layer cache (node_modules/.astro by default); the benchmark gives each corpus its own.
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
  trailingSlash: 'always',
  build: { format: 'directory' },
  markdown: siteMarkdownConfig(SITE_URL),
});
