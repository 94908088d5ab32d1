/**
 * A tiny static file server for built sites (dist/), on 127.0.0.1 and a free port, for
 * browser tests and screenshots. Serves `index.html` for directory URLs, like a static host.
 *
 *   const server = await serveStatic('dist');
 *   await page.goto(`${server.url}/policies/x/`);
 *   await server.close();
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.xml': 'application/xml; charset=utf-8',
};

export interface StaticServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  url: string;
  close(): Promise<void>;
}

/** The file a URL path names under `root`, or null when it is outside or missing. */
export async function resolveFile(root: string, urlPath: string): Promise<string | null> {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split('?')[0]!.split('#')[0]!);
  } catch {
    return null;
  }
  const base = resolve(root);
  const full = resolve(base, normalize(`.${sep}${path}`));
  if (full !== base && !full.startsWith(base + sep)) return null;
  for (const candidate of [full, join(full, 'index.html')]) {
    const s = await stat(candidate).catch(() => null);
    if (s?.isFile()) return candidate;
  }
  return null;
}

/**
 * Serves `root` until `close()`; listens on 127.0.0.1 only. With `base` (`/zck/`) the site is
 * served under that path, as an nginx location would: `/zck/x/` is `root/x/`, anything outside
 * it is 404.
 */
export async function serveStatic(root: string, base = '/'): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    const inside = url.startsWith(base) ? `/${url.slice(base.length)}` : null;
    void (inside === null ? Promise.resolve(null) : resolveFile(root, inside)).then((file) => {
      if (!file) {
        // Like a static host: the site's own 404 page when it has one.
        const notFound = join(root, '404.html');
        void stat(notFound)
          .then(() => {
            res.writeHead(404, { 'content-type': TYPES['.html']! });
            createReadStream(notFound).pipe(res);
          })
          .catch(() => res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found'));
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream' });
      createReadStream(file).pipe(res);
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((ok, fail) => server.close((e) => (e ? fail(e) : ok()))),
  };
}
