// @ts-check
import { defineConfig } from 'astro/config';
import { CACHE_DIR } from './src/site/content-dirs.ts';
import { cspConfig } from './src/site/csp.ts';
import { siteMarkdownConfig, SITE_URL } from './src/site/markdown-options.ts';

export default defineConfig({
  site: SITE_URL,
  // The content layer cache; the benchmark gives each corpus its own.
  cacheDir: CACHE_DIR,
  trailingSlash: 'always',
  build: { format: 'directory' },
  markdown: siteMarkdownConfig(SITE_URL),
  // A Content-Security-Policy <meta> on every page, with the hashes of Astro's own scripts and styles.
  experimental: { csp: cspConfig },
});
