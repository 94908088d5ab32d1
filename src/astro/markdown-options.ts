/**
 * The options of the policy Markdown pipeline for this site: the public address citations
 * resolve against, the page of the body each unit name stands for in its document, the unit
 * alias table. Shared by astro.config.mjs and the tests.
 */
import type { AstroMarkdownOptions } from '@astrojs/markdown-remark';
import { markdownPipeline, type PipelineOptions } from '../markdown/index.ts';
import { paths } from '../site/paths.ts';
import { loadUnitAliases, VOCAB_DIR } from '../ingest/vocab.ts';
import { SITE } from './settings.ts';
import { bodySlug, type UnitContext } from '../index/unit-directory.ts';
import { loadUnitNamer } from './vocab.ts';

/** Pipeline options read from the vocabularies under `dir`; `origin` is the site's public origin, or null. */
export function policyMarkdownOptions(origin: string | null = SITE.origin, dir = VOCAB_DIR): PipelineOptions {
  const { body } = loadUnitNamer(dir);
  const hrefs = new Map<string, string>();
  // The same name is one body per place, so the cache is per name and document.
  const unitHref = (name: string, doc: UnitContext): string => {
    const key = `${name}\u0000${doc.slug}\u0000${doc.city ?? ''}\u0000${doc.province ?? ''}`;
    let href = hrefs.get(key);
    if (href === undefined) {
      href = paths.unit(bodySlug(body(name, doc)));
      hrefs.set(key, href);
    }
    return href;
  };
  return { origin, unitHref, aliases: loadUnitAliases(dir) };
}

/**
 * The Markdown settings of the site: astro.config.mjs gives them to Astro, and the policy page
 * renders its body with them (src/astro/policy-body.ts), so both render alike.
 */
export function siteMarkdownConfig(origin: string | null = SITE.origin): AstroMarkdownOptions {
  const { remarkPlugins, rehypePlugins } = markdownPipeline(policyMarkdownOptions(origin));
  return {
    remarkPlugins,
    rehypePlugins,
    // Our own anchors ({#m1}) are the ids; generated slugs of Chinese headings are not wanted.
    syntaxHighlight: false,
    // Document text is quoted verbatim: no curly quotes or dashes, no autolinked text.
    smartypants: false,
    gfm: false,
  };
}
