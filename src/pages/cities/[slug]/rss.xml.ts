/** /cities/<slug>/rss.xml: the newest documents of one place; built only with a public address. */
import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { facetPages, type FacetValue } from '../../../index/facets.ts';
import { feedItems } from '../../../data-api/feeds.ts';
import { getSite } from '../../../astro/data.ts';
import { SITE } from '../../../astro/settings.ts';

export const getStaticPaths = (async () => {
  if (SITE.siteUrl === null) return [];
  const site = await getSite();
  return facetPages(site.facets.city)
    .map((p) => ({ slug: p.slug, values: p.values.filter((v) => v.known) }))
    .filter((p) => p.values.length > 0)
    .map((p) => ({ params: { slug: p.slug }, props: { values: p.values } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { values } = props as { values: FacetValue[] };
  const docs = values.flatMap((v) => v.docs).sort((a, b) => b.sortDate.localeCompare(a.sortDate));
  const place = values.map((v) => v.label).join('、');
  return rss({
    title: `${place} · ${SITE.name}`,
    description: `${SITE.name}新收录的${place}政策文件`,
    site: SITE.siteUrl!,
    items: feedItems(docs, SITE.origin!),
    customData: '<language>zh-cn</language>',
  });
};
