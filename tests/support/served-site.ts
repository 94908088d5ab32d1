/**
 * For browser suites: the site built once per test run (tests/support/global-build.ts), served
 * on 127.0.0.1, and one Chromium, both started before the suite and stopped after it.
 *
 *   const site = useServedSite();                     // or useServedSite('searchDistShards'): the index in shards
 *   const page = await site.browser.newPage(); await page.goto(`${site.url}/compare/`);
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchChromium } from './browser.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

export interface ServedSite {
  readonly url: string;
  readonly browser: Browser;
}

/** Registers the suite's beforeAll/afterAll; the fields are there once the suite runs. */
export function useServedSite(dist: 'searchDist' | 'searchDistShards' = 'searchDist'): ServedSite {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    const error = inject('searchBuildError');
    if (error) throw new Error(error);
    server = await serveStatic(inject(dist));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get url() {
      return server!.url;
    },
    get browser() {
      return browser!;
    },
  };
}
