// The bare baseline of the benchmark: the same Markdown, a glob collection and one plain page
// per document; no plugins, no indexes, no search.
import { defineConfig } from 'astro/config';

export default defineConfig({ build: { format: 'directory' } });
