/**
 * URLs of the site's pages. Every link is built here, so a page slug is never typed by hand
 * and a name (市教育局) is never passed where a URL segment belongs.
 *
 * Slugs of names are a pure function of the name: the same unit, city or issuer keeps its URL
 * whatever other documents are added. Two names with the same pinyin (泰州市, 台州市) share
 * one page, which shows each name in its own section.
 */
import { withBase } from './base-path.ts';
import { slugify } from '../format/slug.ts';
import { publishedSourceName } from '../format/source.ts';
import type { DocSlug } from '../format/ids.ts';

/** A root-relative URL of a page of the site, base path included: `/units/shi-jiaoyuju/`, `/zck/policies/x/#m3`. */
export type Href = string & { readonly __brand: 'Href' };

/** One URL path segment: lowercase ASCII words joined by dashes. */
export type Slug = string & { readonly __brand: 'Slug' };

/** The segment of the page that gathers documents whose value is unknown (未注明). */
export const UNKNOWN_SLUG = 'weizhuming' as Slug;

// FNV-1a: a short, stable tag for names that have no pinyin at all (e.g. `××`).
function hashTag(text: string): string {
  let h = 0x811c9dc5;
  for (const ch of text) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

// Pinyin conversion is the slow part of building links; names repeat on every page.
const slugCache = new Map<string, Slug>();

/** The URL segment of a name: its pinyin words, e.g. 市教育局 → `shi-jiaoyuju`. */
export function nameSlug(name: string): Slug {
  let slug = slugCache.get(name);
  if (slug === undefined) {
    const words = slugify(name, 16);
    // A name without pinyin gets a stable tag; one whose pinyin is 未注明 must not take the page of unknown values.
    slug = (words === '' ? `n-${hashTag(name)}` : words === UNKNOWN_SLUG ? `${words}-1` : words) as Slug;
    slugCache.set(name, slug);
  }
  return slug;
}

/** The URL segment of an optional value: its name slug, or the unknown page. */
export function optionalSlug(name: string | null): Slug {
  return name === null ? UNKNOWN_SLUG : nameSlug(name);
}

function href(path: string): Href {
  return withBase(path) as Href;
}

/** Builders for every page and anchor of the site. */
export const paths = {
  home: href('/'),
  search: href('/search/'),
  /** The unit and theme names the search box finds (JSON). */
  searchNames: href('/search/names.json'),
  policy: (slug: DocSlug): Href => href(`/policies/${slug}/`),
  /** A measure, section or target anchor on a policy page. */
  anchor: (slug: DocSlug, id: string): Href => href(`/policies/${slug}/#${id}`),
  cities: href('/cities/'),
  city: (name: string | null): Href => href(`/cities/${optionalSlug(name)}/`),
  years: href('/years/'),
  year: (year: number | null): Href => href(`/years/${year === null ? UNKNOWN_SLUG : String(year)}/`),
  types: href('/types/'),
  type: (docType: string): Href => href(`/types/${nameSlug(docType)}/`),
  issuers: href('/issuers/'),
  issuer: (name: string | null): Href => href(`/issuers/${optionalSlug(name)}/`),
  /** The page of a facet value by its slug: `/cities/ji-yuan-shi/`, `/years/2018/`. */
  facetValue: (section: 'cities' | 'years' | 'types' | 'issuers', slug: Slug): Href => href(`/${section}/${slug}/`),
  units: href('/units/'),
  /** The page of one body (济源市教育局), by its slug (`bodySlug` of src/index/unit-directory.ts). */
  unit: (slug: Slug): Href => href(`/units/${slug}/`),
  /** Every role with its bodies. */
  unitRoles: href('/units/roles/'),
  /** The page of a role (市教育局): the bodies of every place that hold it. */
  unitRole: (roleName: string): Href => href(`/units/roles/${nameSlug(roleName)}/`),
  /** The directory's bodies of one place (未注明: `weizhuming`). */
  unitsOfPlace: (placeSlug: Slug): Href => href(`/units/places/${placeSlug}/`),
  goals: href('/goals/'),
  /** The per-document goal index of one place, when /goals/ is split by place. */
  goalsOfPlace: (placeSlug: Slug): Href => href(`/goals/by-document/${placeSlug}/`),
  /** A theme's documents of one place, on a theme page split by place. */
  themePlace: (slug: string, placeSlug: Slug): Href => href(`/goals/${slug}/${placeSlug}/`),
  theme: (slug: string): Href => href(`/goals/${slug}/`),
  targets: href('/targets/'),
  targetsBy: (order: 'place' | 'metric'): Href => href(`/targets/by-${order}/`),
  /** The page of the targets due in a year (or of those without a deadline). */
  targetYear: (year: number | null): Href => href(`/targets/${targetYearSegment(year)}/`),
  /** A target's row on the page of its deadline year. */
  target: (docSlug: string, index: number, year: number | null): Href => href(`/targets/${targetYearSegment(year)}/#${targetKey(docSlug, index)}`),
  /** Every cited document (依据文件), most cited first. */
  references: href('/references/'),
  /** A cited document: who cites it and how, and the chain above and below it. */
  reference: (slug: string): Href => href(`/references/${slug}/`),
  compare: href('/compare/'),
  /** A comparison of chosen documents, in the order given (2 to 4 slugs). */
  compareDocs: (slugs: readonly string[]): Href => href(`/compare/?docs=${slugs.join(',')}`),
  /** Targets of the same kind side by side across places and years. */
  targetsCompared: href('/targets/compare/'),
  changes: href('/changes/'),
  /** A document against the same body's document of an earlier year. */
  change: (slug: string): Href => href(`/changes/${slug}/`),
  /** The RSS feed of new documents, of the whole base or of one place's page. */
  feed: href('/rss.xml'),
  cityFeed: (slug: Slug): Href => href(`/cities/${slug}/rss.xml`),
  /** The page of downloads (the static data API). */
  data: href('/data/'),
  /** Documents with facts an editor should check (unknown or inferred). */
  review: href('/review/'),
  /** The original file a document was ingested from, as published from content/sources/ (a saved web page as text: src/format/source.ts). */
  source: (file: string): Href => href(`/sources/${encodeURIComponent(publishedSourceName(file))}`),
} as const;

/** Id of a target on the targets index: document slug and the target's position (1-based). */
export function targetKey(docSlug: string, index: number): string {
  return `${docSlug}-t${index}`;
}

/** Id of a target's mark in the policy text (1-based position in the document's targets). */
export function targetAnchor(index: number): string {
  return `target-${index}`;
}

/** Id of a goal on its policy page. */
export function goalAnchor(goalId: string): string {
  return `goal-${goalId}`;
}

/** The URL segment of a deadline year: `2025`, or the page of targets without one. */
export function targetYearSegment(year: number | null): string {
  return year === null ? UNKNOWN_SLUG : String(year);
}
