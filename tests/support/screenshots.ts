/**
 * Screenshots of each page type at 1280 px and 390 px, in Debian's Chromium, for a person to
 * look at: `npx tsx tests/support/screenshots.ts [dist] [out]` after `npm run build`.
 * Saved under .tmp/screens/ (ignored by git). Not a test: it judges nothing.
 * Chinese text needs a CJK font on the machine (Debian: fonts-noto-cjk), or it shows as boxes.
 * FULL=1 takes whole pages instead of the first screen.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from './browser.ts';
import { serveStatic } from './static-server.ts';

function firstIn(dist: string, dir: string, prefer?: string): string {
  const names = readdirSync(join(dist, dir), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  const name = (prefer && names.find((n) => n.includes(prefer))) ?? names.sort()[0];
  return `/${dir}/${name}/`;
}

const dist = process.argv[2] ?? 'dist';
const out = process.argv[3] ?? '.tmp/screens';
mkdirSync(out, { recursive: true });
const pages: [string, string][] = [
  ['home', '/'],
  ['policy', firstIn(dist, 'policies', 'tongchou')],
  ['policy-jiyuan', firstIn(dist, 'policies', 'jiyuan')],
  ['cities', '/cities/'],
  ['city', firstIn(dist, 'cities')],
  ['years', '/years/'],
  ['year', firstIn(dist, 'years')],
  ['types', '/types/'],
  ['issuer', firstIn(dist, 'issuers')],
  ['units', '/units/'],
  ['unit', '/units/shi-jiaoyuju/'],
  ['goals', '/goals/'],
  ['theme', '/goals/xiaochu-dabane/'],
  ['targets', '/targets/'],
  ['targets-by-place', '/targets/by-place/'],
];
const server = await serveStatic(dist);
const browser = await launchChromium();
try {
  for (const width of [1280, 390]) {
    const context = await browser.newContext({ viewport: { width, height: width > 400 ? 900 : 844 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    for (const [name, path] of pages) {
      await page.goto(server.url + path);
      await page.screenshot({ path: join(out, `${name}-${width}.png`), fullPage: process.env.FULL === '1' });
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`screenshots in ${out}`);
