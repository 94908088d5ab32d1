/**
 * Reads a built site (dist/) for tests: every HTML page parsed once, with its ids and links,
 * and a link checker over all of it. Reusable by the search and comparison tests.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Element, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { resolveFile } from './static-server.ts';

export interface BuiltPage {
  /** URL path: `/`, `/units/shi-jiaoyuju/`. */
  path: string;
  html: string;
  tree: Root;
  ids: Set<string>;
}

/** All `.html` files under `dist`, by URL path. */
export function readBuiltSite(dist: string): Map<string, BuiltPage> {
  const pages = new Map<string, BuiltPage>();
  const parser = unified().use(rehypeParse);
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.html')) {
        const rel = relative(dist, full).split(sep).join('/');
        const path = `/${rel.replace(/(^|\/)index\.html$/u, '$1')}`;
        const html = readFileSync(full, 'utf8');
        const tree = parser.parse(html);
        const ids = new Set<string>();
        visit(tree, 'element', (el: Element) => {
          if (typeof el.properties.id === 'string') ids.add(el.properties.id);
        });
        pages.set(path, { path, html, tree, ids });
      }
    }
  };
  walk(dist);
  return pages;
}

/** Elements of a page that satisfy `test`, in document order. */
export function elements(page: BuiltPage | Root | Element, test: (el: Element) => boolean): Element[] {
  const out: Element[] = [];
  visit('tree' in page ? page.tree : page, 'element', (el: Element) => {
    if (test(el)) out.push(el);
  });
  return out;
}

/** The elements of a tag, optionally with a class. */
export function byTag(page: BuiltPage | Element, tag: string, className?: string): Element[] {
  return elements(page, (el) => el.tagName === tag && (className === undefined || hasClass(el, className)));
}

export function hasClass(el: Element, name: string): boolean {
  const c = el.properties.className;
  return Array.isArray(c) && c.includes(name);
}

/** An attribute as text (hast names: `href`, `dataPagefindFilter`). */
export function attr(el: Element, name: string): string | undefined {
  const v = el.properties[name];
  return v === undefined || v === null || v === false ? undefined : Array.isArray(v) ? v.join(' ') : String(v);
}

export function text(el: Element): string {
  return toText(el);
}

export interface LinkProblem {
  page: string;
  href: string;
  reason: string;
}

export interface LinkCheckOptions {
  /** The site's own origin: absolute links to it count as internal. */
  origin?: string;
  /** Internal paths not to check (pages another build step adds). */
  ignore?: (path: string) => boolean;
  /** The base path the site was built for (`/zck/`): every internal link must start with it. */
  base?: string;
}

/**
 * Checks every internal link (a/link href, script/img src, form action) of every page:
 * the target file exists and, for `#fragment` links to pages, the page has that id.
 */
export async function checkLinks(dist: string, pages: Map<string, BuiltPage>, options: LinkCheckOptions = {}): Promise<{ links: number; problems: LinkProblem[] }> {
  const problems: LinkProblem[] = [];
  let links = 0;
  const fileExists = new Map<string, Promise<boolean>>();
  for (const page of pages.values()) {
    const targets: string[] = [];
    visit(page.tree, 'element', (el: Element) => {
      const name = el.tagName === 'a' || el.tagName === 'link' ? 'href' : el.tagName === 'script' || el.tagName === 'img' ? 'src' : el.tagName === 'form' ? 'action' : null;
      const value = name ? attr(el, name) : undefined;
      if (value !== undefined) targets.push(value);
    });
    const base = options.base ?? '/';
    for (const href of targets) {
      const url = new URL(href, `http://site.invalid${base}${page.path.slice(1)}`);
      const internal = url.origin === 'http://site.invalid' || (options.origin !== undefined && url.origin === options.origin);
      if (!internal) continue;
      links++;
      if (!url.pathname.startsWith(base)) {
        problems.push({ page: page.path, href, reason: `outside the base path ${base}` });
        continue;
      }
      url.pathname = `/${url.pathname.slice(base.length)}`;
      const path = decodeURIComponent(url.pathname);
      if (options.ignore?.(path)) continue;
      const target = pages.get(path);
      if (!target) {
        let exists = fileExists.get(path);
        if (!exists) {
          exists = resolveFile(dist, url.pathname).then((f) => f !== null && !f.endsWith('.html'));
          fileExists.set(path, exists);
        }
        if (!(await exists)) problems.push({ page: page.path, href, reason: 'no such page or file' });
        else if (url.hash) problems.push({ page: page.path, href, reason: 'a fragment on a file that is not a page' });
        continue;
      }
      const id = decodeURIComponent(url.hash.slice(1));
      if (id && !target.ids.has(id)) problems.push({ page: page.path, href, reason: `no element with id "${id}" on ${path}` });
    }
  }
  return { links, problems };
}
