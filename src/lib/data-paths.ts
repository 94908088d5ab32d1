/**
 * Where the files of the static data API live (/data/…). Kept free of imports: the /compare/
 * page's script bundles it, and site-paths.ts would bring the pinyin dictionary along.
 */

/** Where the exports live: file names of the static API. */
export const dataPaths = {
  index: '/data/index.json',
  page: '/data/',
  all: (what: ListName, ext: DataFormat) => `/data/${what}.${ext}`,
  policy: (slug: string, ext: DataFormat) => `/data/policies/${slug}.${ext}`,
  compareIndex: '/data/compare/index.json',
  compareDoc: (slug: string) => `/data/compare/${slug}.json`,
  compareShard: (file: string) => `/data/compare/places/${file}.json`,
  theme: (slug: string, ext: DataFormat) => `/data/themes/${slug}.${ext}`,
  changes: (slug: string, ext: DataFormat) => `/data/changes/${slug}.${ext}`,
} as const;

/** The formats every table is exported in. */
export type DataFormat = 'json' | 'csv';

/** The whole-base lists: /data/<name>.json and .csv. */
export const LIST_NAMES = ['documents', 'measures', 'goals', 'targets', 'units', 'target-groups'] as const;
export type ListName = (typeof LIST_NAMES)[number];
