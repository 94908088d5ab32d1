// @ts-check
// The site settings first: loading them sets BASE_PATH, which every link is built with.
import { SITE } from './src/astro/settings.ts';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { CACHE_DIR } from './src/astro/content-dirs.ts';
import { cspConfig } from './src/astro/csp.ts';
import { siteMarkdownConfig } from './src/astro/markdown-options.ts';

export default defineConfig({
  // Without a public address there is no canonical URL, feed or sitemap (scripts/build.ts warns).
  site: SITE.siteUrl ?? undefined,
  base: SITE.basePath,
  // sitemap-index.xml and sitemap-0.xml, with the public address; not the 404 page.
  integrations: SITE.siteUrl ? [sitemap({ filter: (page) => !/\/404\/?$/u.test(page) })] : [],
  // The content layer cache; the benchmark gives each corpus its own.
  cacheDir: CACHE_DIR,
  trailingSlash: 'always',
  build: { format: 'directory' },
  markdown: siteMarkdownConfig(SITE.origin),
  // A Content-Security-Policy <meta> on every page, with the hashes of Astro's own scripts and styles.
  experimental: { csp: cspConfig },
});
