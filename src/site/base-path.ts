/**
 * The path the site is served under (`/`, or `/zck/` for https://jyj.example.gov.cn/zck/), which
 * every link of the site starts with. Import-free: the browser scripts bundle it.
 *
 * Where it comes from: in Node, BASE_PATH, which src/astro/settings.ts sets from the site
 * settings before any link is built (scripts/build.ts and astro.config.mjs load it first, and
 * the build's child processes inherit it); in the browser, the base Astro was built with
 * (Vite writes it into the bundle as import.meta.env.BASE_URL).
 */

function fromEnvironment(): string {
  const node = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.BASE_PATH;
  if (node) return node;
  // Outside Vite (tsx, plain Node) import.meta.env is undefined.
  return (import.meta as ImportMeta & { env?: { BASE_URL?: string } }).env?.BASE_URL ?? '/';
}

/** `/` or `/zck/`: starts and ends with a slash. */
export const BASE_PATH: string = (() => {
  const parts = fromEnvironment().split('/').filter((p) => p !== '');
  return parts.length === 0 ? '/' : `/${parts.join('/')}/`;
})();

/** A root-relative path of the site (`/units/x/`) as served: `/zck/units/x/`. */
export function withBase(path: string): string {
  return BASE_PATH === '/' || !path.startsWith('/') ? path : `${BASE_PATH}${path.slice(1)}`;
}

/** A path as served (`/zck/units/x/`) relative to the site's root again: `/units/x/`. */
export function withoutBase(href: string): string {
  return BASE_PATH !== '/' && href.startsWith(BASE_PATH) ? `/${href.slice(BASE_PATH.length)}` : href;
}
