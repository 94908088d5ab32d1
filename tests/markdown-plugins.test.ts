/**
 * The policy Markdown pipeline (src/markdown/index.ts) on fixture documents.
 *
 * Each folder under tests/fixtures/markdown/ holds input.md and the expected output.html.
 * Regenerate the expectations on purpose with UPDATE_FIXTURES=1 and review the diff;
 * never edit output.html by hand to make a test pass.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSafeUrl } from '../src/markdown/safe-links.ts';
import { policyMarkdownOptions } from '../src/astro/markdown-options.ts';
import { renderPolicy, type Rendered } from './support/markdown.ts';

const DIR = 'tests/fixtures/markdown';
const options = policyMarkdownOptions('https://kb.test');
const render = (name: string): Promise<Rendered> =>
  renderPolicy(readFileSync(join(DIR, name, 'input.md'), 'utf8'), name, options);

describe('fixtures', () => {
  for (const name of readdirSync(DIR).sort()) {
    it(`renders ${name} as in output.html`, async () => {
      const { html } = await render(name);
      const expected = join(DIR, name, 'output.html');
      if (process.env.UPDATE_FIXTURES === '1' || !existsSync(expected)) writeFileSync(expected, html);
      expect(html).toBe(readFileSync(expected, 'utf8'));
    });
  }
});

describe('measure headings', () => {
  it('gives every measure heading its anchor, class and search weight', async () => {
    const { html } = await render('duties-and-targets');
    expect(html).toContain('<h3 id="m1" class="measure" data-pagefind-weight="8">');
    expect(html).toContain('<h3 id="m2" class="measure" data-pagefind-weight="8">');
    expect(html).toContain('<h2 id="s2">二、 推进义务教育优质均衡</h2>');
  });
  it('puts a citation with title, 文号, item, measure, issuer, date and link under each measure, readable without script', async () => {
    const { html } = await render('duties-and-targets');
    expect(html).toMatch(
      /<span class="cite-text">《泉州市教育局2023年工作要点》（泉教〔2023〕5号）第1项“[^”<]+”，泉州市教育局，2023年3月1日，<a class="cite-url" href="https:\/\/kb.test\/policies\/duties-and-targets\/#m1">https:\/\/kb.test\/policies\/duties-and-targets\/#m1<\/a><\/span>/u,
    );
    expect(html).toMatch(/<details class="cite" data-pagefind-ignore><summary>引用/);
  });
  it('leaves citation links root-relative when the site has no public address', async () => {
    const { html } = await renderPolicy(readFileSync(join(DIR, 'duties-and-targets', 'input.md'), 'utf8'), 'duties-and-targets', { ...options, origin: null });
    expect(html).toContain('<a class="cite-url" href="/policies/duties-and-targets/#m1">/policies/duties-and-targets/#m1</a>');
  });
  it('names the section where numbering restarts, and reports a measure without a heading', async () => {
    const { html, messages } = await render('restarted-numbering');
    expect(html).toMatch(/《市教育局2024年务虚会议材料》“坚持质量为本”部分“一是”“[^”]+”，/u);
    expect(messages).toEqual([expect.stringContaining('measure "m3" (没有标题锚点的措施) has no heading with {#m3}')]);
  });
});

describe('responsibility links', () => {
  it('links each unit as the document writes it, carrying the level prefix (财政局 → 市财政局)', async () => {
    const { html } = await render('duties-and-targets');
    expect(html).toContain(
      '<p class="duty">牵头单位:<a href="/units/quanzhoushi-jiaoyuju/" title="市教育局：各文件中的全部任务">市教育局</a>;配合单位:<a href="/units/quanzhoushi-caizheng-ju/" title="市财政局：各文件中的全部任务">财政局</a>、<a href="/units/quanzhoushi-zhu-jian-ju/" title="市住建局：各文件中的全部任务">住建局</a></p>',
    );
  });
  it('finds a variant spelling through the alias table (市人力资源和社会保障局 → 市人社局)', async () => {
    const { html } = await render('duties-and-targets');
    expect(html).toContain('<a href="/units/quanzhoushi-ren-she-ju/" title="市人社局：各文件中的全部任务">市人力资源和社会保障局</a>');
  });
  it('links a unit the line does not name after the line, under its normalised name', async () => {
    const { html } = await render('duties-and-targets');
    expect(html).toContain('<span class="unit-more">（规范名称：<a href="/units/quanzhoushi-fu-lian/" title="市妇联：各文件中的全部任务">市妇联</a>）</span>');
  });
  it('leaves responsibility-like lines outside measures alone', async () => {
    const { html } = await render('no-measures');
    expect(html).toContain('<p>责任单位:这里不是措施,不应加链接。</p>');
  });
});

describe('target marks', () => {
  it('marks each target in its measure, with its anchor and a link to the targets index', async () => {
    const { html } = await render('duties-and-targets');
    expect(html).toContain(
      '<mark id="target-3" class="target"><a href="/targets/2024/#duties-and-targets-t3" title="量化指标：56人及以上大班额比例 不高于 5%（2024年）">56人及以上大班额比例控制在5%以内</a></mark>',
    );
    expect(html).toMatch(/<h3 id="m1"[^>]*>1\. <mark id="target-2" class="target">/);
  });
  it('marks a target of the goals section outside any measure', async () => {
    const { html } = await render('duties-and-targets');
    expect(html).toContain('<p>到2025年<mark id="target-1" class="target">');
  });
  it('still gives a target whose text is not in the body its anchor, and says so', async () => {
    const { html, messages } = await render('duties-and-targets');
    expect(html).toContain('<span id="target-4" class="target-anchor"></span>');
    expect(messages).toEqual([expect.stringContaining('target 4 "课后服务覆盖率达到100%" is not in the text of measure m2')]);
  });
});

describe('untrusted text', () => {
  it('shows raw HTML as text and drops links that could run code', async () => {
    const { html } = await render('untrusted-text');
    expect(html).not.toMatch(/<script|<img|javascript:/i);
    expect(html).toContain('&#x3C;script>alert("x")&#x3C;/script>');
    expect(html).toContain('<a href="https://www.moe.gov.cn/">官网</a>');
    expect(html).toContain('点击这里或');
  });
  it.each([
    ['https://example.org/a', true],
    ['mailto:a@b.c', true],
    ['/policies/x/', true],
    ['#m1', true],
    ['relative/path', true],
    ['javascript:alert(1)', false],
    ['JAVA\tSCRIPT:alert(1)', false],
    ['data:text/html,<b>', false],
    ['vbscript:x', false],
  ])('isSafeUrl(%j) is %s', (url, safe) => {
    expect(isSafeUrl(url)).toBe(safe);
  });
});
