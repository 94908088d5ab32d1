// @ts-check
import { defineConfig } from 'astro/config';
import { markdownPipeline } from './src/markdown/index.ts';
import { policyMarkdownOptions, SITE_URL } from './src/site/markdown-options.ts';

const { remarkPlugins, rehypePlugins } = markdownPipeline(policyMarkdownOptions(SITE_URL));

export default defineConfig({
  site: SITE_URL,
  // The content layer cache (node_modules/.astro by default); the benchmark gives each corpus its own.
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
  trailingSlash: 'always',
  build: { format: 'directory' },
  markdown: {
    remarkPlugins,
    rehypePlugins,
    // Our own anchors ({#m1}) are the ids; generated slugs of Chinese headings are not wanted.
    syntaxHighlight: false,
    // Document text is quoted verbatim: no curly quotes or dashes, no autolinked text.
    smartypants: false,
    gfm: false,
  },
});
