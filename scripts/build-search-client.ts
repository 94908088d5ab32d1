/**
 * Pagefind's browser bundle (`<site>/pagefind/pagefind.js`), run in Node against a built site:
 * the build checks the index with it, the tests search with it, the figures script counts the
 * bytes each search fetches.
 *
 * The bundle needs three things a browser has: `fetch` (here it reads the bundle's files from
 * disk and counts their bytes), a `document` whose <html lang> is zh-CN (it picks the zh-cn
 * index and segments queries with Intl.Segmenter for that language) and `window` (so it reads
 * that language). There is no Worker in Node, so it searches on the main thread.
 */
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { filterIndexesOf, openFacets, parseFacetSizes } from '../src/search/facets.ts';
import type { PagefindApi } from '../src/search/results.ts';
import { SHARD_MANIFEST, openShardIndex, parseShardManifest, type PagefindModule, type ShardIndex, type ShardManifest } from '../src/search/shards.ts';

/** A loaded bundle, with the bytes it has fetched so far. */
export interface PagefindClient extends PagefindApi {
  /** The bundle directory (`<site>/pagefind`). */
  readonly dir: string;
  /** Bytes read through `fetch` so far (pagefind.js itself is imported, see `scriptBytes`). */
  bytesFetched(): number;
  /** Paths (relative to the bundle) fetched so far, in order. */
  filesFetched(): string[];
  /** Size of pagefind.js, which a browser downloads before anything else. */
  readonly scriptBytes: number;
  /** The shards, as the search page opens them (all open unless loaded with `lazy`). */
  readonly index: ShardIndex;
}

interface Counter {
  dir: string;
  bytes: number;
  files: string[];
}

const counters: Counter[] = [];
let installed = false;
let loads = 0;

function installGlobals(lang: string): void {
  const g = globalThis as Record<string, unknown>;
  g.document = {
    currentScript: null,
    querySelector: (selector: string) => (selector === 'html' ? { getAttribute: (name: string) => (name === 'lang' ? lang : null) } : null),
  };
  if (installed) return;
  installed = true;
  g.window ??= globalThis;
  const networkFetch = globalThis.fetch;
  globalThis.fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const href = input instanceof Request ? input.url : String(input);
    if (!href.startsWith('file:')) return networkFetch(input, init);
    const url = new URL(href);
    url.search = '';
    const path = fileURLToPath(url);
    let body: Buffer;
    try {
      body = await readFile(path);
    } catch {
      return new Response('not found', { status: 404 });
    }
    // The newest client of a bundle gets the count: a fresh load starts from zero.
    const counter = counters.findLast((c) => path.startsWith(c.dir + sep));
    if (counter) {
      counter.bytes += body.length;
      counter.files.push(path.slice(counter.dir.length + 1));
    }
    const type = path.endsWith('.json') ? 'application/json' : 'application/octet-stream';
    return new Response(new Uint8Array(body), { headers: { 'content-type': type } });
  };
}

/**
 * Loads the Pagefind bundle of a built site (`siteDir` holds `pagefind/pagefind.js`).
 * Each call loads a fresh copy, so two sites, or a site rebuilt, can be searched in one process.
 */
export async function loadPagefind(siteDir: string, options: { lang?: string; excerptLength?: number; lazy?: boolean } = {}): Promise<PagefindClient> {
  const dir = resolve(siteDir, 'pagefind');
  const script = join(dir, 'pagefind.js');
  const scriptBytes = (await stat(script).catch(() => null))?.size;
  if (scriptBytes === undefined) {
    throw new Error(`no Pagefind bundle at ${script}: build the site with \`npm run build\` first`);
  }
  installGlobals(options.lang ?? 'zh-CN');
  const counter: Counter = { dir, bytes: 0, files: [] };
  counters.push(counter);
  // Each load imports its own copy of pagefind.js, so every client starts empty: Node (through
  // tsx) may hand back the module it already has for the same file, even with a query string.
  const copy = join(tmpdir(), `pagefind-client-${process.pid}-${++loads}.mjs`);
  await writeFile(copy, await readFile(script));
  let module: PagefindModule;
  try {
    module = (await import(pathToFileURL(copy).href)) as PagefindModule;
  } finally {
    await rm(copy, { force: true });
  }
  // The shards, as the search page reads them; a bundle written before shards is one piece.
  const manifestFile = join(dir, SHARD_MANIFEST);
  const manifest: ShardManifest = await readFile(manifestFile, 'utf8').then(
    (text) => parseShardManifest(JSON.parse(text), manifestFile),
    () => ({ pagefind: '', shards: [{ id: 'all', path: '', pages: 0, newest: '', oldest: '' }] }),
  );
  // Where the bundle's files are (the copy is elsewhere), and result URLs as the site has them
  // (`/policies/x/`), not relative to the bundle's file URL.
  // `lazy`: only the newest shard, as the search page starts; else every shard.
  const index = await openShardIndex(module, manifest, `${pathToFileURL(dir).href}/`, { baseUrl: '/', excerptLength: options.excerptLength ?? 30 });
  if (!options.lazy) await index.openAll();
  const api = index.api;
  return {
    dir,
    scriptBytes,
    index,
    bytesFetched: () => counter.bytes,
    filesFetched: () => [...counter.files],
    options: (o) => api.options(o),
    init: () => api.init(),
    search: (term, o) => api.search(term, o),
    filters: () => api.filters(),
    preload: (term, o) => api.preload(term, o),
  };
}

/**
 * Loads what the search page loads before its first search: the filter indexes of the facets
 * it shows open (src/browser/search-page.ts), as the built /search/ page describes them.
 */
export async function loadStartFacets(client: PagefindApi, siteDir: string): Promise<void> {
  const html = await readFile(join(siteDir, 'search', 'index.html'), 'utf8');
  const attr = /data-facet-sizes="([^"]*)"/.exec(html)?.[1]?.replace(/&#34;|&quot;/g, '"');
  const open = openFacets(parseFacetSizes(attr), { q: '', filters: {}, sort: 'relevance' });
  await client.preload(null, { filters: filterIndexesOf(open) });
}
