/**
 * The Markdown pipeline of policy pages, in order. Used through src/astro/markdown-options.ts
 * (astro.config.mjs and the policy page's renderer) and by the tests, so that tests run the
 * same plugins the site does.
 *
 * Every plugin's output depends only on the document itself and on the options given here, so
 * a body renders alike whenever and wherever it is rendered.
 */
import type { Plugin } from 'unified';
import type { UnitContext } from '../index/unit-directory.ts';
import type { AliasTable } from '../extract/units.ts';
import remarkLiteralHtml from './literal-html.ts';
import remarkSafeLinks from './safe-links.ts';
import remarkRemoteImages from './remote-images.ts';
import remarkMeasureAnchors from './measure-anchors.ts';
import remarkTargetMarks from './target-marks.ts';
import remarkResponsibilityLinks from './responsibility-links.ts';
import remarkMeasureHeadings from './measure-headings.ts';
import rehypeSimplifiedSearch from './simplified-search.ts';

// Loose on purpose: the same list must satisfy unified's `use` and Astro's markdown config types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyPlugin = Plugin<any[], any, any>;
/** A plugin, or a plugin with its options. */
export type PluginEntry = AnyPlugin | [AnyPlugin, unknown];

export interface PipelineOptions {
  /** The site's public origin (`https://jyj.example.gov.cn`), which citation links resolve against; null leaves them root-relative. */
  origin: string | null;
  /** Page of the body a normalised unit name stands for in a document (市财政局 of a 济源 document → /units/jiyuanshi-caizhengju/). */
  unitHref: (name: string, doc: UnitContext) => string;
  /** Unit alias table, so that variant spellings in responsibility lines are linked. */
  aliases?: AliasTable;
}

/** The remark and rehype plugins of policy bodies, with their options. */
export function markdownPipeline(options: PipelineOptions): { remarkPlugins: PluginEntry[]; rehypePlugins: PluginEntry[] } {
  return {
    remarkPlugins: [
      // Untrusted text first: raw HTML becomes text, unsafe link targets are dropped, images from other hosts are not loaded.
      remarkLiteralHtml,
      remarkSafeLinks,
      remarkRemoteImages,
      // `{#m12}` → heading ids; everything after relies on them.
      remarkMeasureAnchors,
      remarkTargetMarks,
      [remarkResponsibilityLinks, { unitHref: options.unitHref, aliases: options.aliases }],
      [remarkMeasureHeadings, { origin: options.origin }],
    ],
    // Last: it reads the final text of each block.
    rehypePlugins: [rehypeSimplifiedSearch],
  };
}
