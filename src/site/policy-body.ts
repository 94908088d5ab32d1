/**
 * The HTML of a policy document's body, rendered when its page is built, by Astro's own
 * Markdown processor with the site's settings and plugins (src/site/markdown-options.ts), from
 * the file as Astro's loader would read it. The collection does not store rendered bodies
 * (src/site/policy-loader.ts says why).
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createMarkdownProcessor, parseFrontmatter, type MarkdownProcessor } from '@astrojs/markdown-remark';
import { siteMarkdownConfig } from './markdown-options.ts';

let processor: Promise<MarkdownProcessor> | null = null;

/** The body of the policy file at `filePath` (as the collection entry gives it) as HTML. */
export async function renderPolicyBody(filePath: string): Promise<string> {
  processor ??= createMarkdownProcessor(siteMarkdownConfig());
  const { frontmatter, content } = parseFrontmatter(readFileSync(filePath, 'utf8'), { frontmatter: 'empty-with-spaces' });
  const result = await (await processor).render(content.trim(), {
    frontmatter,
    // @ts-expect-error fileURL is read by Astro's processor but missing from its public type.
    fileURL: pathToFileURL(filePath),
  });
  return result.code;
}
