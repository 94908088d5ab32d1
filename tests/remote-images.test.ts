/**
 * remark-remote-images: an image on another host is never loaded by a reader's browser; it
 * becomes the same visible note as a local image (issue 10).
 */
import { describe, expect, it } from 'vitest';
import { isRemoteUrl } from '../src/markdown/remote-images.ts';
import { renderPolicy } from './support/markdown.ts';

const page = (body: string): string => `---\ntitle: 图\n---\n\n${body}\n`;

describe('remote images in a body', () => {
  it.each([
    ['![校园照片](https://img.example.cn/a.jpg)', '校园照片'],
    ['![统计图](http://img.example.cn/b.png "标题")', '统计图'],
    ['![无协议](//img.example.cn/c.png)', '无协议'],
    ['![反斜杠](/\\img.example.cn/d.png)', '反斜杠'],
    ['![引用][pic]\n\n[pic]: https://img.example.cn/e.png', '引用'],
  ])('makes %j a note, and loads nothing', async (markdown, alt) => {
    const { html } = await renderPolicy(page(`正文。\n\n${markdown}`), 'img');
    expect(html).toContain(`<span class="policy-image-missing">［图片未收录：${alt}］</span>`);
    expect(html).not.toMatch(/<img|img\.example\.cn/u);
  });

  it('escapes the alt text of the note', async () => {
    const { html } = await renderPolicy(page('![<script>alert(1)</script>](https://x.example/a.png)'), 'img');
    expect(html).toContain('［图片未收录：&#x3C;script>alert(1)&#x3C;/script>］');
    expect(html).not.toContain('<script');
  });

  it('keeps a link to another host (only images load by themselves)', async () => {
    const { html } = await renderPolicy(page('[教育部](https://www.moe.gov.cn/)'), 'img');
    expect(html).toContain('<a href="https://www.moe.gov.cn/">教育部</a>');
  });

  it('tells remote addresses from paths on the site', () => {
    for (const url of ['https://a.cn/x.png', 'HTTP://a.cn', '//a.cn/x', '\\\\a.cn\\x', ' https://a.cn', 'ftp://a.cn/x']) expect(isRemoteUrl(url), url).toBe(true);
    for (const url of ['./a.png', 'a.png', '/images/a.png', '#x']) expect(isRemoteUrl(url), url).toBe(false);
  });
});
