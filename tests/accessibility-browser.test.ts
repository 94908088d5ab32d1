/**
 * The main pages in Chromium at 1280 and 390 px: screenshots for a person to look at (saved
 * under .tmp/screens/, ignored by git; the path is printed), and axe-core's checks, failing on
 * any violation of impact serious or critical on home, a policy page, search and compare.
 *
 * Chinese needs a CJK font on the machine (Debian: fonts-noto-cjk, which .ci/run installs), or
 * the screenshots show boxes; axe's contrast checks do not depend on it.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { nameSlug, paths } from '../src/site/paths.ts';
import { CHROMIUM_PATH } from './support/browser.ts';
import { useServedSite } from './support/served-site.ts';
import { docSlug } from '../src/format/ids.ts';

const SCREENS = resolve('.tmp/screens');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const POLICY = paths.anchor(docSlug('jiyuan-2018-jiaoyuju-gongzuo-yaodian'), 'm23');
const COMPARE = paths.compareDocs(['jiyuan-2018-jiaoyuju-gongzuo-yaodian', 'tongchou-tuijin-yiwu-jiaoyu-youzhi-junheng']);

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** Pages checked by axe and how to tell each is ready. */
const CHECKED: { name: string; path: string; ready: (page: Page) => Promise<unknown> }[] = [
  { name: 'home', path: paths.home, ready: async () => undefined },
  { name: 'policy', path: POLICY, ready: async () => undefined },
  { name: 'search', path: `${paths.search}?q=${encodeURIComponent('大班额')}`, ready: (p) => p.locator('#search-list li').first().waitFor() },
  { name: 'compare', path: COMPARE, ready: (p) => p.locator('table').first().waitFor() },
];

/** Other pages only photographed. */
const PHOTOGRAPHED = [
  ['cities', paths.cities],
  ['city', paths.city('济源市')],
  ['units', paths.units],
  ['unit', paths.unit(nameSlug('济源市教育局'))],
  ['goals', paths.goals],
  ['theme', paths.theme('xiaochu-dabane')],
  ['targets', paths.targets],
  ['data', paths.data],
  ['not-found', '/no-such-page/'],
] as const;

async function axeViolations(page: Page): Promise<Violation[]> {
  await page.evaluate(AXE);
  const result = await page.evaluate(() =>
    (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: Violation[] }> } }).axe.run(document, { resultTypes: ['violations'] }),
  );
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

describe.skipIf(!existsSync(CHROMIUM_PATH))('main pages in Chromium', () => {
  const site = useServedSite();

  for (const width of [1280, 390]) {
    it(`have no serious or critical axe violation at ${width} px, and are photographed`, async () => {
      mkdirSync(SCREENS, { recursive: true });
      const context = await site.browser.newContext({ viewport: { width, height: width > 400 ? 900 : 844 }, bypassCSP: true });
      const page = await context.newPage();
      const found: string[] = [];
      try {
        for (const { name, path, ready } of CHECKED) {
          await page.goto(site.url + path);
          await ready(page);
          await page.screenshot({ path: join(SCREENS, `${name}-${width}.png`) });
          for (const v of await axeViolations(page)) {
            found.push(`${name} (${path}): ${v.id} [${v.impact}] ${v.help}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
          }
        }
        for (const [name, path] of PHOTOGRAPHED) {
          await page.goto(site.url + path);
          await page.screenshot({ path: join(SCREENS, `${name}-${width}.png`) });
        }
      } finally {
        await context.close();
      }
      console.log(`screenshots at ${width} px in ${SCREENS}`);
      expect(found).toEqual([]);
    }, 120_000);
  }
});
