/**
 * The site settings of this build: content/site.yaml (or the file SITE_SETTINGS names) with the
 * environment's SITE_URL and BASE_PATH applied, validated once (src/astro/site-settings.ts).
 *
 * Loading it also sets BASE_PATH in this process's environment to the resolved base path:
 * that is how src/site/base-path.ts, and the child processes of the build, learn it. So
 * astro.config.mjs and scripts/build.ts import this module before anything that builds a link.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { resolveSiteSettings, SiteSettingsError, type SiteSettings } from './site-settings.ts';

/** The settings file a bureau edits. */
export const SITE_SETTINGS_FILE = process.env.SITE_SETTINGS || 'content/site.yaml';

/** Reads and validates the settings file; throws a SiteSettingsError naming the file, the line and the fix. */
export function loadSiteSettings(file = SITE_SETTINGS_FILE, env: NodeJS.ProcessEnv = process.env): SiteSettings {
  if (!existsSync(file)) throw new SiteSettingsError(file, ['the file is missing: copy content/site.yaml from the project and set the name of your site']);
  const doc = parseDocument(readFileSync(file, 'utf8'), { prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new SiteSettingsError(
      file,
      doc.errors.map((e) => `line ${e.linePos?.[0].line ?? '?'}: ${e.message.split('\n')[0]} (it is YAML: one "setting: value" a line)`),
    );
  }
  return resolveSiteSettings(doc.toJS(), { SITE_URL: env.SITE_URL, BASE_PATH: env.BASE_PATH }, file);
}

/** This build's settings. */
export const SITE: SiteSettings = loadSiteSettings();
process.env.BASE_PATH = SITE.basePath;
