/**
 * The settings a bureau gives its site (content/site.yaml): its name, who runs it, where it is
 * published. Validated once per build; the environment variables SITE_URL and BASE_PATH
 * override the address, so one checkout can build for a test server and the real one.
 */
import { z } from 'zod';
import { SORTS } from '../search/state.ts';

const optionalText = z
  .string()
  .trim()
  .min(1)
  .nullable()
  .default(null);

/** The settings file as written. */
export const siteSettingsSchema = z
  .object({
    /** The site's name, in the header and every page title: 某市教育政策知识库. */
    name: z.string().trim().min(1, 'give the site a name, e.g. name: 某市教育政策知识库').max(40, 'keep the name under 40 characters: it heads every page'),
    /** A short name for browser tabs and feed readers: 政策库. Defaults to the name. */
    shortName: optionalText,
    /** The body that runs the site: 某市教育局. Shown in the footer; null when not given. */
    organisation: optionalText,
    /** The public address, `https://jyj.example.gov.cn` or with its path `https://jyj.example.gov.cn/zck/`; null when not yet published. */
    url: z.string().trim().nullable().default(null),
    /** The path the site is served under, `/` or `/zck/`. */
    basePath: z.string().trim().default('/'),
    /** One line on how to reach the editors (phone, mail, office); null when not given. */
    contact: optionalText,
    /** The footer's sentence about the site. */
    footer: optionalText,
    /** The search results' order before the reader picks one. */
    defaultSort: z.enum(SORTS).default('date-desc'),
  })
  .strict();

export type SortOrder = (typeof SORTS)[number];

/** The settings the build uses: overrides applied, the address split into origin and base path. */
export interface SiteSettings {
  name: string;
  shortName: string;
  organisation: string | null;
  contact: string | null;
  footer: string | null;
  defaultSort: SortOrder;
  /** `https://jyj.example.gov.cn` (no path, no trailing slash), or null when the site has no public address. */
  origin: string | null;
  /** `/` or `/zck/`: starts and ends with a slash. */
  basePath: string;
  /** The public address of the home page, `https://jyj.example.gov.cn/zck/`, or null. */
  siteUrl: string | null;
}

/** Overrides from the environment. */
export interface SiteSettingsEnv {
  SITE_URL?: string | undefined;
  BASE_PATH?: string | undefined;
}

/** What is wrong with the settings, each problem one line naming the field and the fix. */
export class SiteSettingsError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: the site settings are not right:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'SiteSettingsError';
  }
}

const SEGMENT = /^[A-Za-z0-9._~-]+$/u;

/** `zck`, `/zck`, `/zck/` → `/zck/`; '' and `/` → `/`. Throws a message for anything else. */
export function normaliseBasePath(value: string): string {
  const parts = value.trim().split('/').filter((p) => p !== '');
  for (const p of parts) {
    if (!SEGMENT.test(p) || p === '.' || p === '..') {
      throw new Error(`base path "${value}" has "${p}": use ASCII letters, digits, - . _ ~ between slashes, e.g. /zck/`);
    }
  }
  return parts.length === 0 ? '/' : `/${parts.join('/')}/`;
}

/** Splits a public address into origin and path; throws a message saying what is wrong. */
function parsePublicUrl(value: string): { origin: string; path: string } {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`url "${value}" is not a web address: write it in full, e.g. https://jyj.example.gov.cn`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`url "${value}" must start with https:// or http://`);
  if (url.search || url.hash || url.username || url.password) throw new Error(`url "${value}" must be the bare address, without ?, # or a user name`);
  return { origin: url.origin, path: url.pathname };
}

/**
 * Validates the settings file's content and applies the environment's overrides. A public
 * address with a path (https://host/zck/) gives the base path, unless one is set; when both
 * are given they must agree.
 */
export function resolveSiteSettings(raw: unknown, env: SiteSettingsEnv, file: string): SiteSettings {
  const parsed = siteSettingsSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    throw new SiteSettingsError(
      file,
      parsed.error.issues.map((i) => {
        const field = i.path.join('.') || '(file)';
        if (i.code === 'unrecognized_keys') return `unknown setting(s) ${i.keys.join(', ')}: the settings are name, shortName, organisation, url, basePath, contact, footer, defaultSort`;
        if (i.code === 'invalid_enum_value') return `${field}: "${String(i.received)}" is not one of ${i.options.join(', ')}`;
        if (i.code === 'invalid_type' && i.received === 'undefined') return `${field}: missing; add a line "${field}: …"`;
        return `${field}: ${i.message}`;
      }),
    );
  }
  const s = parsed.data;
  const problems: string[] = [];
  const urlValue = env.SITE_URL?.trim() || s.url;
  const urlFrom = env.SITE_URL?.trim() ? 'SITE_URL' : 'url';
  const baseValue = env.BASE_PATH?.trim() || null;
  const baseFrom = baseValue !== null ? 'BASE_PATH' : 'basePath';
  let origin: string | null = null;
  let urlPath = '/';
  if (urlValue) {
    try {
      ({ origin, path: urlPath } = parsePublicUrl(urlValue));
    } catch (e) {
      problems.push(`${urlFrom}: ${(e as Error).message}`);
    }
  }
  let basePath = '/';
  try {
    basePath = normaliseBasePath(baseValue ?? s.basePath);
    const fromUrl = normaliseBasePath(urlPath);
    if (basePath === '/' && baseValue === null) basePath = fromUrl;
    else if (fromUrl !== '/' && fromUrl !== basePath) problems.push(`${urlFrom} ends in ${fromUrl} but ${baseFrom} is ${basePath}: make them the same, or give the address without a path`);
  } catch (e) {
    problems.push(`${baseFrom}: ${(e as Error).message}`);
  }
  if (problems.length > 0) throw new SiteSettingsError(file, problems);
  return {
    name: s.name,
    shortName: s.shortName ?? s.name,
    organisation: s.organisation,
    contact: s.contact,
    footer: s.footer,
    defaultSort: s.defaultSort,
    origin,
    basePath,
    siteUrl: origin === null ? null : `${origin}${basePath}`,
  };
}
