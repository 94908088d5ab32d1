/**
 * Renders a policy Markdown file with the site's pipeline (src/markdown/index.ts), as Astro
 * does: frontmatter in `file.data.astro.frontmatter`, the file path giving the slug.
 */
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type PluggableList } from 'unified';
import { VFile } from 'vfile';
import { readFrontmatter } from '../../src/format/frontmatter.ts';
import { markdownPipeline, type PipelineOptions } from '../../src/markdown/index.ts';

export interface Rendered {
  html: string;
  messages: string[];
}

const defaults: PipelineOptions = {
  origin: 'https://kb.test',
  unitHref: (name) => `/units/${encodeURIComponent(name)}/`,
};

/** Renders one policy file (frontmatter and body) named `<slug>.md`. */
export async function renderPolicy(source: string, slug: string, options: Partial<PipelineOptions> = {}): Promise<Rendered> {
  const read = readFrontmatter(source);
  const data = read?.data ?? {};
  const content = read?.body ?? source;
  const { remarkPlugins, rehypePlugins } = markdownPipeline({ ...defaults, ...options });
  return renderWith(content, data, slug, remarkPlugins, rehypePlugins);
}

/** Renders a body with the given plugins only, for testing one plugin. */
export async function renderWith(
  body: string,
  frontmatter: Record<string, unknown>,
  slug: string,
  remarkPlugins: PluggableList,
  rehypePlugins: PluggableList = [],
): Promise<Rendered> {
  const file = new VFile({ value: body, path: `content/policies/${slug}.md`, data: { astro: { frontmatter } } });
  const result = await unified()
    .use(remarkParse)
    .use(remarkPlugins)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypePlugins)
    .use(rehypeStringify, { allowDangerousHtml: true })
    .process(file);
  return { html: String(result.value), messages: result.messages.map((m) => m.reason) };
}
