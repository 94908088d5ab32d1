/**
 * Splitting a long directory page by place. A unit such as 市教育局 or a theme such as 党建引领
 * is named in nearly every document: at thousands of documents, one page of all their
 * measures would run to megabytes. Above PLACE_PAGE_LIMIT documents such a page lists its
 * regions with counts, and each region gets a page of its own. A region is a province, so that
 * a page never splits into hundreds of pages of a city each; a document without a province
 * keeps its place (a city the gazetteer does not know, or 未注明).
 */
import { nameSlug, UNKNOWN_SLUG, type Slug } from '../site/paths.ts';
import { UNKNOWN } from '../site/ui-text.ts';

/** A page lists its documents itself up to this many; above it, it lists places. */
export const PLACE_PAGE_LIMIT = 40;

/** The documents of one place page (two places share one when their names share a pinyin slug). */
export interface PlaceGroup<T> {
  slug: Slug;
  /** The place names of the group, in order of appearance. */
  places: string[];
  items: T[];
}

/** The URL segment of a place: its pinyin, or the page of unknown places. */
export function placeSlug(place: string): Slug {
  return place === UNKNOWN ? UNKNOWN_SLUG : nameSlug(place);
}

/** The region a document's place page belongs to: its province, else its place. */
export function regionOf(doc: { province: string | null; place: string }): string {
  return doc.province ?? doc.place;
}

/** Groups items by the slug of their place, keeping the order in which places first appear. */
export function groupByPlace<T>(items: readonly T[], placeOf: (item: T) => string): PlaceGroup<T>[] {
  const groups = new Map<Slug, PlaceGroup<T>>();
  for (const item of items) {
    const place = placeOf(item);
    const slug = placeSlug(place);
    let g = groups.get(slug);
    if (!g) {
      g = { slug, places: [], items: [] };
      groups.set(slug, g);
    }
    if (!g.places.includes(place)) g.places.push(place);
    g.items.push(item);
  }
  return [...groups.values()];
}

/** Whether a page of this many documents is split into place pages. */
export function splitsByPlace(documents: number, limit = PLACE_PAGE_LIMIT): boolean {
  return documents > limit;
}
