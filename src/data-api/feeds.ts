/**
 * RSS feeds of new documents: the whole base and each place (/rss.xml, /cities/<slug>/rss.xml).
 * Only built when the site has a public address, since feed readers need absolute links.
 */
import type { DocSummary } from '../index/documents.ts';
import { paths } from '../site/paths.ts';

/** How many of the newest documents a feed carries. */
export const FEED_LENGTH = 50;

/** One feed item, in the shape @astrojs/rss takes. */
export interface FeedItem {
  title: string;
  link: string;
  /** Only for a full date (YYYY-MM-DD): a year or month alone is not turned into a day. */
  pubDate?: Date;
  description: string;
}

/** The newest documents (the index lists them newest first) as feed items with absolute links. */
export function feedItems(docs: readonly DocSummary[], origin: string, limit = FEED_LENGTH): FeedItem[] {
  return docs.slice(0, limit).map((d) => {
    const item: FeedItem = {
      title: d.title,
      link: new URL(paths.policy(d.slug), origin).href,
      description: [d.issuer ?? '发布机构未注明', d.dateLabel, d.docType, d.docNumber, `${d.measureCount} 项措施`].filter((x) => x !== null).join(' · '),
    };
    if (d.date !== null && /^\d{4}-\d{2}-\d{2}$/u.test(d.date)) item.pubDate = new Date(`${d.date}T00:00:00+08:00`);
    return item;
  });
}
