/**
 * Where the files of the static data API live (/data/…, under the site's base path). Kept to
 * one small import: the /compare/ page's script bundles it, and site-paths.ts would bring the
 * pinyin dictionary along.
 */
import { withBase } from './base-path.ts';

/** Where the exports live: file names of the static API. */
export const dataPaths = {
  index: withBase('/data/index.json'),
  page: withBase('/data/'),
  all: (what: ListName, ext: DataFormat) => withBase(`/data/${what}.${ext}`),
  policy: (slug: string, ext: DataFormat) => withBase(`/data/policies/${slug}.${ext}`),
  compareIndex: withBase('/data/compare/index.json'),
  compareDoc: (slug: string) => withBase(`/data/compare/${slug}.json`),
  compareShard: (file: string) => withBase(`/data/compare/places/${file}.json`),
  theme: (slug: string, ext: DataFormat) => withBase(`/data/themes/${slug}.${ext}`),
  changes: (slug: string, ext: DataFormat) => withBase(`/data/changes/${slug}.${ext}`),
} as const;

/** The formats every table is exported in. */
export type DataFormat = 'json' | 'csv';

/** The whole-base lists: /data/<name>.json and .csv. */
export const LIST_NAMES = ['documents', 'measures', 'goals', 'targets', 'units', 'target-groups', 'references'] as const;
export type ListName = (typeof LIST_NAMES)[number];
