/**
 * The options of the policy Markdown pipeline for this site: citation base URL, unit pages
 * by role name, the unit alias table. Shared by astro.config.mjs and the tests.
 */
import type { PipelineOptions } from '../markdown/index.ts';
import { paths } from '../lib/site-paths.ts';
import { loadUnitAliases, VOCAB_DIR } from '../ingest/vocab.ts';
import { loadRoleNamer } from './vocab.ts';

/** The site's public address, used in citations. */
export const SITE_URL = 'https://policy-kb.example';

/** Pipeline options read from the vocabularies under `dir`. */
export function policyMarkdownOptions(site = SITE_URL, dir = VOCAB_DIR): PipelineOptions {
  const roleOf = loadRoleNamer(dir);
  const hrefs = new Map<string, string>();
  const unitHref = (name: string): string => {
    let href = hrefs.get(name);
    if (href === undefined) {
      href = paths.unit(roleOf(name));
      hrefs.set(name, href);
    }
    return href;
  };
  return { site, unitHref, aliases: loadUnitAliases(dir) };
}
