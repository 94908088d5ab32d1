/**
 * A 简体 query finds a 繁體 document (src/markdown/simplified-search.ts): each block of a 繁體
 * body carries its simplified reading in an attribute Pagefind indexes, and what the page shows
 * stays as written. Checked on the rendered HTML, and through a real Pagefind index.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { indexSite } from '../scripts/build-search-index.ts';
import { loadPagefind } from '../scripts/build-search-client.ts';
import { renderPolicy } from './support/markdown.ts';

const work = mkdtempSync(join(tmpdir(), 'simplified-search-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const policy = (body: string, measure = '推進教師輪崗交流') => `---
title: 臨湘市教育局2023年工作要點
docType: 工作要点
measures:
  - { id: m1, number: "(一)", title: ${measure}, section: 深化教育改革, units: [], leadUnits: [] }
---
## 一、深化教育改革 {#s1}

### (一)${measure} {#m1}

${body}
`;

const TRADITIONAL = policy('全面推進義務教育學校校長教師交流輪崗，每年交流比例不低於專任教師總數的10%。\n\n- 縣域內統籌調配\n- 建立激勵機制');
const SIMPLIFIED = policy('全面推进义务教育学校校长教师交流轮岗，每年交流比例不低于专任教师总数的10%。', '推进教师轮岗交流');

describe('rehypeSimplifiedSearch', () => {
  it('gives each innermost block of a 繁體 body its simplified reading, and leaves the text as written', async () => {
    const { html } = await renderPolicy(TRADITIONAL, 'fanti');
    expect(html).toContain('data-zh-hans="全面推进义务教育学校校长教师交流轮岗，每年交流比例不低于专任教师总数的10%。"');
    expect(html).toContain('data-pagefind-index-attrs="data-zh-hans"');
    expect(html).toContain('>全面推進義務教育學校校長教師交流輪崗');
    // The heading keeps its anchor beside the reading.
    expect(html).toMatch(/<h3 id="m1"[^>]*data-zh-hans="\(一\)推进教师轮岗交流"/u);
    // A list item's text is read once, on the item (it holds no paragraph here).
    expect(html.match(/data-zh-hans="县域内统筹调配"/gu)).toHaveLength(1);
  });

  it('adds nothing to a simplified body', async () => {
    const { html } = await renderPolicy(SIMPLIFIED, 'jianti');
    expect(html).not.toContain('data-zh-hans');
  });

  it('escapes the reading like any attribute: document text never becomes markup', async () => {
    const { html } = await renderPolicy(policy('推進"輪崗"<script>alert(1)</script>交流，學校與教師。'), 'hostile');
    expect(html).not.toMatch(/<script/u);
    expect(html).toMatch(/data-zh-hans="推进(?:&#x22;|&quot;)轮岗(?:&#x22;|&quot;) script alert\(1\) \/script 交流，学校与教师。"/u);
  });

  it('lets a 简体 query find the 繁體 page in a real Pagefind index, with the hit on its measure', async () => {
    const site = join(work, 'site');
    for (const [slug, source] of [['fanti', TRADITIONAL], ['other', policy('加強學校體育工作，開齊開足體育課。', '加強學校體育')]] as const) {
      const { html } = await renderPolicy(source, slug);
      mkdirSync(join(site, 'policies', slug), { recursive: true });
      writeFileSync(
        join(site, 'policies', slug, 'index.html'),
        `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${slug}</title></head><body><main data-pagefind-body><h1>${slug}</h1>${html}</main></body></html>`,
      );
    }
    await indexSite({ siteDir: site, policySlugs: ['fanti', 'other'], quiet: true });
    const client = await loadPagefind(site);
    const urls = async (query: string) => {
      const found = await client.search(query);
      return Promise.all(found.results.map(async (r) => (await r.data()).url));
    };
    expect(await urls('轮岗')).toEqual(['/policies/fanti/']);
    expect(await urls('"教师交流轮岗"')).toEqual(['/policies/fanti/']);
    // The 繁體 query still finds it by its own characters.
    expect(await urls('輪崗')).toEqual(['/policies/fanti/']);
    const [hit] = (await client.search('轮岗')).results;
    const data = await hit!.data();
    expect(data.sub_results.some((s) => s.url.endsWith('#m1'))).toBe(true);
  });
});
