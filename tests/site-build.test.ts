/**
 * Reads the sample site (content/policies) as the test run built it once, with its search index,
 * into its own folder (tests/support/global-build.ts; never dist/), and checks the HTML a reader gets:
 * anchors, links, list pages, search hooks, accessibility basics, and, in Chromium, the
 * layout at 390 px and the copy-citation control.
 *
 * /search/ is linked from every page's search form but is built by the search issue
 * (src/pages/search.astro); while it does not exist the link checker skips that one path.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from 'hast';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { nameSlug, paths, targetAnchor, targetKey } from '../src/site/paths.ts';
import { bodySlug } from '../src/index/unit-directory.ts';
import { loadSiteVocabulary, loadThemes } from '../src/astro/vocab.ts';
import { CHROMIUM_PATH, launchChromium } from './support/browser.ts';
import { attr, byTag, checkLinks, elements, hasClass, readBuiltSite, text, type BuiltPage } from './support/built-site.ts';
import { loadPolicies } from './support/fixtures.ts';
import { serveStatic } from './support/static-server.ts';
import { docSlug } from '../src/format/ids.ts';

const DIST = inject('searchDist');
const docs = loadPolicies('content/policies');
const vocab = loadSiteVocabulary();
let pages: Map<string, BuiltPage>;
const page = (path: string): BuiltPage => {
  const p = pages.get(path);
  if (!p) throw new Error(`no page ${path} in ${DIST}`);
  return p;
};
const hrefs = (p: BuiltPage | Element, prefix: string): string[] =>
  byTag(p, 'a').map((a) => attr(a, 'href') ?? '').filter((h) => h.startsWith(prefix));

beforeAll(() => {
  const error = inject('searchBuildError');
  if (error) throw new Error(error);
  pages = readBuiltSite(DIST);
});

describe('policy pages', () => {
  it('exist for every document, with an anchor on the heading of every measure', () => {
    expect(docs.length).toBeGreaterThanOrEqual(5);
    for (const doc of docs) {
      const p = page(paths.policy(doc.slug));
      for (const m of doc.data.measures) {
        const heading = elements(p, (el) => attr(el, 'id') === m.id)[0];
        expect(heading, `${doc.slug}#${m.id}`).toBeDefined();
        expect(hasClass(heading!, 'measure'), `${doc.slug}#${m.id} is a measure heading`).toBe(true);
      }
    }
  });
  it('mark every target in the text, linked to its row on the page of its deadline year', () => {
    for (const doc of docs) {
      const p = page(paths.policy(doc.slug));
      doc.data.targets.forEach((t, i) => {
        expect(p.ids.has(targetAnchor(i + 1)), `${doc.slug} target ${i + 1}`).toBe(true);
        expect(page(paths.targetYear(t.year)).ids.has(targetKey(doc.slug, i + 1)), `row of ${doc.slug} target ${i + 1}`).toBe(true);
      });
      const marks = byTag(p, 'mark', 'target');
      for (const mark of marks) expect(hrefs(mark, '/targets/')).toHaveLength(1);
    }
  });
  it('link the units of every measure to their unit pages', () => {
    const doc = docs.find((d) => d.data.measures.some((m) => m.units.length > 0))!;
    const p = page(paths.policy(doc.slug));
    const linked = new Set(byTag(p, 'p', 'duty').flatMap((d) => hrefs(d, '/units/')));
    const context = { slug: doc.slug, city: doc.data.city, province: doc.data.province };
    for (const m of doc.data.measures) for (const u of m.units) expect(linked, u).toContain(paths.unit(bodySlug(vocab.bodyOf(u, context))));
  });
  it('show the metadata panel, with 未注明 for what a document does not give', () => {
    const jiyuan = page('/policies/jiyuan-2018-jiaoyuju-gongzuo-yaodian/');
    const meta = text(byTag(jiyuan, 'dl', 'meta')[0]!);
    for (const fact of ['济源市教育局', '2018年2月5日', '济教〔2018〕1号', '工作要点', '济源市', '河南省']) expect(meta).toContain(fact);
    const plan = docs.find((d) => d.data.date === null)!;
    expect(text(byTag(page(paths.policy(plan.slug)), 'dl', 'meta')[0]!)).toContain('未注明');
  });
  it('carry a citation under every measure, readable without script: document, 文号, item, measure, issuer, date, link', () => {
    const p = page('/policies/jiyuan-2018-jiaoyuju-gongzuo-yaodian/');
    const cites = byTag(p, 'span', 'cite-text').map(text);
    expect(cites).toHaveLength(36);
    // The sample site has no public address (content/site.yaml): the link is the page's own path.
    expect(cites[22]).toBe('《济源市教育局2018年工作要点》（济教〔2018〕1号）第23项“探索教师管理新机制”，济源市教育局，2018年2月5日，/policies/jiyuan-2018-jiaoyuju-gongzuo-yaodian/#m23');
  });
  it('answer a wrong address with a Chinese page: the search box and the main indexes', () => {
    const p = page('/404.html');
    expect(text(byTag(p, 'h1')[0]!)).toBe('找不到该页面');
    const main = byTag(p, 'main')[0]!;
    expect(byTag(main, 'form').map((f) => attr(f, 'action'))).toEqual([paths.search]);
    expect(hrefs(main, '/')).toEqual(expect.arrayContaining([paths.home, paths.cities, paths.units, paths.goals, paths.targets, paths.data]));
  });
  it('speak to staff, never in file paths, commands or algorithm names', () => {
    const developerWords = /npm |content\/|\.yaml|\.tsx?\b|Dice|bigram|二元组|Pagefind|JSON\.parse/u;
    for (const [path, p] of pages) {
      for (const part of [...byTag(p, 'main'), ...byTag(p, 'header'), ...byTag(p, 'footer')]) expect(text(part), path).not.toMatch(developerWords);
    }
  });
  it('give every page the favicon', () => {
    for (const [path, p] of pages) expect(byTag(p, 'link').filter((l) => attr(l, 'rel') === 'icon').map((l) => attr(l, 'href')), path).toEqual(['/favicon.svg']);
    expect(existsSync(join(DIST, 'favicon.svg'))).toBe(true);
  });
  it('leave out canonical links, feeds and the sitemap without a public address, and give policy pages Open Graph facts', () => {
    for (const [path, p] of pages) expect(byTag(p, 'link').filter((l) => ['canonical', 'alternate', 'sitemap'].includes(attr(l, 'rel') ?? '')), path).toEqual([]);
    for (const file of ['rss.xml', 'sitemap-index.xml', 'cities/ji-yuan-shi/rss.xml']) expect(existsSync(join(DIST, file)), file).toBe(false);
    const p = page('/policies/jiyuan-2018-jiaoyuju-gongzuo-yaodian/');
    const og = (name: string) => attr(byTag(p, 'meta').find((m) => attr(m, 'property') === name)!, 'content');
    expect(og('og:title')).toBe('济源市教育局2018年工作要点');
    expect(og('og:type')).toBe('article');
    expect(og('og:description')).toContain('济源市教育局');
  });
  it('give Pagefind one body, its filters, a sortable date and metadata, and nothing to other pages', () => {
    for (const [path, p] of pages) {
      const bodies = elements(p, (el) => attr(el, 'dataPagefindBody') !== undefined);
      expect(bodies.length, path).toBe(path.startsWith('/policies/') ? 1 : 0);
    }
    const p = page('/policies/jiyuan-2018-jiaoyuju-gongzuo-yaodian/');
    const filters = elements(p, (el) => attr(el, 'dataPagefindFilter') !== undefined).map((el) => [attr(el, 'dataPagefindFilter'), text(el)]);
    expect(filters).toEqual(expect.arrayContaining([['地区', '济源市'], ['省份', '河南省'], ['年份', '2018'], ['类型', '工作要点'], ['发布机构', '济源市教育局']]));
    expect(filters.some(([k]) => k === '主题')).toBe(true);
    const sort = elements(p, (el) => attr(el, 'dataPagefindSort') === 'date').map(text);
    expect(sort).toEqual(['2018-02-05']);
    const undated = docs.find((d) => d.data.date === null)!;
    expect(elements(page(paths.policy(undated.slug)), (el) => attr(el, 'dataPagefindSort') === 'date').map(text)).toEqual(['0000-00-00']);
    expect(elements(p, (el) => attr(el, 'dataPagefindMeta') === 'title').map(text)).toEqual(['济源市教育局2018年工作要点']);
    const withUnits = docs.find((d) => d.data.measures.some((m) => m.units.length > 0))!;
    const unitFilters = elements(page(paths.policy(withUnits.slug)), (el) => attr(el, 'dataPagefindFilter') === '责任单位').map(text);
    // The 实施方案 names no city: its 市教育局 is labelled with the document, as in the unit directory.
    expect(unitFilters).toContain('市教育局（关于进一步统筹推进义务教育优质均衡发展实施方案）');
  });
  it('publish the original file each document links to', () => {
    const p = page('/policies/jiyuan-2018-jiaoyuju-gongzuo-yaodian/');
    expect(hrefs(p, '/sources/')).toEqual(['/sources/2018-jiyuan-jiaoyuju-gongzuo-yaodian.txt']);
    expect(existsSync(`${DIST}/sources/2018-jiyuan-jiaoyuju-gongzuo-yaodian.txt`)).toBe(true);
  });
});

describe('index pages', () => {
  it('give 济源市教育局 a page of its own, with its place, role and own duties', () => {
    const p = page(paths.unit(nameSlug('济源市教育局')));
    expect(byTag(p, 'div', 'unit-doc')).toHaveLength(1);
    const words = text(p.tree as never);
    expect(words).toContain('地区：济源市');
    expect(words).not.toContain('靖江市教育局');
    for (const role of ['牵头', '配合', '责任单位', '发文']) expect(words).toContain(role);
    expect(hrefs(p, '/units/roles/')).toContain(paths.unitRole('市教育局'));
  });
  it('list on the role page /units/roles/市教育局/ the bodies of every place, apart', () => {
    const listed = hrefs(page(paths.unitRole('市教育局')), '/units/');
    expect(listed).toContain(paths.unit(nameSlug('济源市教育局')));
    expect(listed).toContain(paths.unit(nameSlug('靖江市教育局')));
    expect(listed).toContain('/units/shi-jiaoyuju-tongchou-tuijin-yiwu-jiaoyu-youzhi-junheng/');
  });
  it('list every unit on /units/, each linking to a page, and filter them by place', () => {
    const directory = page(paths.units);
    const listed = hrefs(directory, '/units/');
    const expected = new Set(docs.flatMap((d) => d.data.measures.flatMap((m) => m.units.map((u) => paths.unit(bodySlug(vocab.bodyOf(u, { slug: d.slug, city: d.data.city, province: d.data.province })))))));
    for (const e of expected) expect(listed).toContain(e);
    expect(listed).toContain(paths.unitsOfPlace(nameSlug('济源市')));
    const jiyuan = hrefs(page(paths.unitsOfPlace(nameSlug('济源市'))), '/units/');
    expect(jiyuan).toContain(paths.unit(nameSlug('济源市教育局')));
    expect(jiyuan).not.toContain(paths.unit(nameSlug('靖江市教育局')));
  });
  it('have a page for every city, year, type and issuer, and an explicit 未注明 group', () => {
    for (const d of docs) {
      expect(hrefs(page(paths.city(d.data.city)), '/policies/')).toContain(paths.policy(d.slug));
      expect(hrefs(page(paths.type(d.data.docType)), '/policies/')).toContain(paths.policy(d.slug));
      expect(hrefs(page(paths.issuer(d.data.issuer)), '/policies/')).toContain(paths.policy(d.slug));
    }
    expect(hrefs(page(paths.cities), '/cities/')).toContain('/cities/weizhuming/');
    expect(text(page(paths.cities).tree as never)).toContain('地区未注明');
    expect(hrefs(page('/years/2018/'), '/policies/')).toEqual(['/policies/jiyuan-2018-jiaoyuju-gongzuo-yaodian/']);
  });
  it('list the documents of a place newest first, in year groups, 年份未注明 last', () => {
    const p = page(paths.city(null));
    const groups = byTag(p, 'h2').map(text);
    const undated = docs.filter((d) => d.data.city === null && d.data.date === null);
    expect(groups.at(-1)).toBe(undated.length > 0 ? '年份未注明' : groups.at(-1));
    const years = groups.filter((g) => /^\d{4}年$/.test(g)).map((g) => Number(g.slice(0, 4)));
    expect(years).toEqual([...years].sort((a, b) => b - a));
    const listed = hrefs(p, '/policies/');
    const expected = docs.filter((d) => d.data.city === null).sort((a, b) => ((a.data.date ?? '') < (b.data.date ?? '') ? 1 : -1));
    expect(listed).toEqual(expected.map((d) => paths.policy(d.slug)));
  });
  it('give every theme of the vocabulary a page, and 消除大班额 measures from several places', () => {
    for (const t of loadThemes()) expect(pages.has(paths.theme(t.slug)), t.slug).toBe(true);
    const dabane = page(paths.theme('xiaochu-dabane'));
    expect(byTag(dabane, 'section', 'place-card').length).toBeGreaterThanOrEqual(2);
    expect(new Set(hrefs(dabane, '/policies/').map((h) => h.split('#')[0])).size).toBeGreaterThanOrEqual(2);
  });
  it('list every target on /targets/ by deadline year, and in the other orders too', () => {
    const all = docs.reduce((n, d) => n + d.data.targets.length, 0);
    for (const path of [paths.targets, paths.targetsBy('place'), paths.targetsBy('metric')]) {
      expect(byTag(page(path), 'tbody').flatMap((b) => byTag(b, 'tr')).length, path).toBe(all);
    }
    expect(hrefs(page(paths.targets), '/targets/')).toEqual(expect.arrayContaining([paths.targetYear(2025), paths.targetYear(null)]));
    const perYear = new Set(docs.flatMap((d) => d.data.targets.map((t) => t.year)));
    expect([...perYear].reduce<number>((n, y) => n + byTag(page(paths.targetYear(y)), 'tbody').flatMap((b) => byTag(b, 'tr')).length, 0)).toBe(all);
  });
  it('show on the home page what is in the base, the newest documents and every index', () => {
    const home = page('/');
    const links = hrefs(home, '/');
    for (const index of [paths.cities, paths.years, paths.types, paths.issuers, paths.units, paths.goals, paths.targets]) expect(links).toContain(index);
    expect(text(byTag(home, 'ul', 'stats')[0]!)).toContain(`${docs.length}份文件`);
  });
});

describe('comparison and data pages', () => {
  it('offer every document on /compare/ as a choice, with its place, year and type', () => {
    const p = page(paths.compare);
    const boxes = elements(p, (el) => el.tagName === 'input' && attr(el, 'name') === 'docs').map((el) => attr(el, 'value'));
    expect(new Set(boxes)).toEqual(new Set(docs.map((d) => d.slug)));
    expect(text(p.tree as never)).toContain('济源市 · 2018年 · 工作要点');
  });
  it('put the enrolment rates of disabled children of two documents in one table on /targets/compare/, and list the rest alone', () => {
    const p = page(paths.targetsCompared);
    const sections = byTag(p, 'section', 'target-group');
    const section = sections.find((s) => text(s).startsWith('残疾儿童少年入学率 · 不低于（下限） · %'))!;
    expect(section).toBeDefined();
    const alone = sections.find((s) => text(s).startsWith('无同类可比'))!;
    expect(hrefs(alone, '/policies/')).toContain('/policies/jiyuan-2018-jiaoyuju-gongzuo-yaodian/#target-2');
    const links = hrefs(section, '/policies/').filter((h) => h.includes('#target-'));
    expect(links).toContain('/policies/jiyuan-2018-jiaoyuju-gongzuo-yaodian/#target-1');
    expect(links.some((h) => h.startsWith('/policies/tongchou-tuijin-yiwu-jiaoyu-youzhi-junheng/#target-'))).toBe(true);
  });
  it('link every document’s data from /data/ and from its page, as CSV with a BOM and as JSON', () => {
    const data = page(paths.data);
    for (const doc of docs) {
      for (const p of [data, page(paths.policy(doc.slug))]) {
        expect(hrefs(p, '/data/policies/')).toEqual(expect.arrayContaining([`/data/policies/${doc.slug}.csv`, `/data/policies/${doc.slug}.json`]));
      }
      const csv = readFileSync(join(DIST, 'data', 'policies', `${doc.slug}.csv`), 'utf8');
      expect(csv.startsWith('\uFEFF'), doc.slug).toBe(true);
      const json = JSON.parse(readFileSync(join(DIST, 'data', 'policies', `${doc.slug}.json`), 'utf8')) as { measures: unknown[] };
      expect(json.measures).toHaveLength(doc.data.measures.length);
    }
  });
  it('list on /data/ each download once, grouped, with its records, sizes and the build date', () => {
    const data = page(paths.data);
    const main = byTag(data, 'main')[0]!;
    expect(text(main)).toMatch(/全部数据生成于 20\d\d年\d{1,2}月\d{1,2}日/u);
    expect(text(main).match(/直接打开/gu) ?? []).toHaveLength(1);
    expect(byTag(main, 'h2').map(text)).toEqual(expect.arrayContaining(['整个知识库', '按文件：济源市', '按主题']));
    const rows = byTag(main, 'tr').filter((r) => byTag(r, 'td').length > 0);
    const jiyuan = rows.find((r) => text(r).includes('济源市教育局2018年工作要点'))!;
    const measures = docs.find((d) => d.slug === 'jiyuan-2018-jiaoyuju-gongzuo-yaodian')!.data.measures.length;
    expect(text(jiyuan)).toContain(`${measures} 项措施`);
    const size = statSync(join(DIST, 'data', 'policies', 'jiyuan-2018-jiaoyuju-gongzuo-yaodian.csv')).size;
    expect(text(jiyuan)).toContain(`CSV ${Math.round(size / 1024)} KB`);
    const all = rows.find((r) => text(r).startsWith('全部文件'))!;
    expect(text(all)).toContain(`${docs.length} 份文件`);
  });
  it('say on /changes/ that the sample has no two years of one body to compare', () => {
    expect(text(page(paths.changes).tree as never)).toContain('暂无可逐年对比的文件');
  });
});

describe('lineage pages (依据文件)', () => {
  const JIYUAN = 'jiyuan-2018-jiaoyuju-gongzuo-yaodian';
  it('list on a policy page the documents it cites, each linked to its cited-document page', () => {
    const p = page(paths.policy(docSlug(JIYUAN)));
    const section = byTag(p, 'section').find((s) => text(s).startsWith('本文件的依据'))!;
    expect(text(section)).toContain('《济源市消除大班额专项规划(2016-2020年)》');
    // Each appears in the list and again in the tree of documents above.
    const links = [...new Set(hrefs(section, '/references/'))];
    expect(links).toHaveLength(docs.find((d) => d.slug === JIYUAN)!.data.references.length);
    for (const link of links) expect(pages.has(link), link).toBe(true);
  });
  it('give a cited document its page: citing document by place and year, level, and the way back down', () => {
    const list = page(paths.references);
    const link = byTag(list, 'a').find((a) => text(a) === '《深化新时代教育评价改革总体方案》')!;
    const p = page(attr(link, 'href')!);
    const body = text(p.tree as never);
    const speech = docs.find((d) => d.slug === '2023-jiaoyuju-dangzu-shuji-juchang-zai-jiaoyu')!;
    const item = byTag(p, 'li').find((li) => text(li).startsWith(speech.data.title))!;
    expect(text(item)).toContain('落实');
    expect(hrefs(p, '/policies/')).toContain(paths.policy(docSlug('2023-jiaoyuju-dangzu-shuji-juchang-zai-jiaoyu')));
    expect(body).toMatch(/层级.*(国家|未能判断)/su);
  });
  it('publish every citation as /data/references.json and .csv', () => {
    const json = JSON.parse(readFileSync(join(DIST, 'data', 'references.json'), 'utf8')) as { count: number };
    expect(json.count).toBe(docs.reduce((n, d) => n + d.data.references.length, 0));
    expect(readFileSync(join(DIST, 'data', 'references.csv'), 'utf8').startsWith('\uFEFF引用文件,')).toBe(true);
  });
  it('show the follow-through column on the targets timeline', () => {
    expect(text(page(paths.targets).tree as never)).toContain('后续报告');
  });
});

describe('every page', () => {
  it('has one h1, a main landmark, a skip link, Chinese as its language and the search form', () => {
    for (const [path, p] of pages) {
      expect(byTag(p, 'h1').length, path).toBe(1);
      expect(byTag(p, 'main').length, path).toBe(1);
      expect(byTag(p, 'a', 'skip-link').map((a) => attr(a, 'href')), path).toEqual(['#main']);
      expect(attr(byTag(p, 'html')[0]!, 'lang'), path).toBe('zh-CN');
      const form = byTag(p, 'form').find((f) => attr(f, 'role') === 'search' && attr(f, 'action') === '/search/');
      expect(form, path).toBeDefined();
      expect(byTag(form!, 'input').map((i) => attr(i, 'name')), path).toContain('q');
    }
  });
  it('has no broken internal link anywhere in dist/', async () => {
    const { links, problems } = await checkLinks(DIST, pages, { ignore: (path) => path === '/search/' && !pages.has('/search/') });
    expect(links).toBeGreaterThan(500);
    expect(problems).toEqual([]);
  });
  it('runs only bundled module scripts, and none inside a document text', () => {
    for (const [path, p] of pages) {
      expect(byTag(p, 'script').every((s) => attr(s, 'type') === 'module'), path).toBe(true);
      for (const text of byTag(p, 'div', 'policy-text')) expect(byTag(text, 'script'), path).toEqual([]);
    }
  });
});

describe.skipIf(!existsSync(CHROMIUM_PATH))('in Chromium', () => {
  it('fits every page type into a 390 px phone screen, and copies a citation or its link with one click', async () => {
    const server = await serveStatic(DIST);
    const browser = await launchChromium();
    try {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
      const tab = await context.newPage();
      const samples = ['/', '/policies/tongchou-tuijin-yiwu-jiaoyu-youzhi-junheng/', '/cities/', paths.city('济源市'), '/years/2018/', paths.units, paths.unit(nameSlug('济源市教育局')), paths.unitRole('市教育局'), paths.goals, paths.theme('xiaochu-dabane'), paths.targets, paths.targetsBy('metric'), paths.targetsCompared, paths.data, paths.changes];
      for (const path of samples) {
        await tab.goto(server.url + path);
        const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
      }
      await tab.goto(`${server.url}/policies/jiyuan-2018-jiaoyuju-gongzuo-yaodian/#m23`);
      expect(await tab.locator('.cite-copy').count()).toBe(72);
      const cite = tab.locator('#m23 + details.cite');
      await cite.locator('summary').click();
      await cite.getByRole('button', { name: '复制引用' }).click();
      // Without a public address the link is resolved against the address the page was opened at.
      const link = `${server.url}/policies/jiyuan-2018-jiaoyuju-gongzuo-yaodian/#m23`;
      expect(await tab.evaluate(() => navigator.clipboard.readText())).toBe(
        `《济源市教育局2018年工作要点》（济教〔2018〕1号）第23项“探索教师管理新机制”，济源市教育局，2018年2月5日，${link}`,
      );
      await cite.getByRole('button', { name: '复制链接' }).click();
      expect(await tab.evaluate(() => navigator.clipboard.readText())).toBe(link);
    } finally {
      await browser.close();
      await server.close();
    }
  }, 60_000);
});
