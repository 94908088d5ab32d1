/** /rss.xml: the newest documents of the whole base; built only with a public address (content/site.yaml). */
import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { feedItems } from '../data-api/feeds.ts';
import { getSite } from '../astro/data.ts';
import { SITE } from '../astro/settings.ts';

export const getStaticPaths = (() => (SITE.siteUrl === null ? [] : [{ params: { feed: 'rss' } }])) satisfies GetStaticPaths;

export const GET: APIRoute = async () => {
  const site = await getSite();
  return rss({
    title: SITE.name,
    description: `${SITE.name}新收录的政策文件`,
    site: SITE.siteUrl!,
    items: feedItems(site.docs, SITE.origin!),
    customData: '<language>zh-cn</language>',
  });
};
