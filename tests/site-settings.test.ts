import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normaliseBasePath, resolveSiteSettings, SiteSettingsError } from '../src/astro/site-settings.ts';
import { loadSiteSettings } from '../src/astro/settings.ts';

const FILE = 'content/site.yaml';
const problems = (raw: unknown, env = {}): string[] => {
  try {
    resolveSiteSettings(raw, env, FILE);
  } catch (e) {
    if (e instanceof SiteSettingsError) return e.problems;
    throw e;
  }
  return [];
};

describe('resolveSiteSettings', () => {
  it('takes the name, and defaults the rest: no public address, served at /', () => {
    const s = resolveSiteSettings({ name: '某市教育政策知识库' }, {}, FILE);
    expect(s).toMatchObject({ name: '某市教育政策知识库', shortName: '某市教育政策知识库', origin: null, basePath: '/', siteUrl: null, defaultSort: 'date-desc' });
  });
  it('lets SITE_URL and BASE_PATH override the file', () => {
    const s = resolveSiteSettings({ name: '知识库', url: 'https://old.example.org', basePath: '/' }, { SITE_URL: 'https://jyj.example.gov.cn', BASE_PATH: '/zck/' }, FILE);
    expect(s).toMatchObject({ origin: 'https://jyj.example.gov.cn', basePath: '/zck/', siteUrl: 'https://jyj.example.gov.cn/zck/' });
  });
  it('takes the base path from an address that has one', () => {
    expect(resolveSiteSettings({ name: '知识库', url: 'https://jyj.example.gov.cn/zck' }, {}, FILE)).toMatchObject({ origin: 'https://jyj.example.gov.cn', basePath: '/zck/' });
  });
  it.each([
    ['zck', '/zck/'],
    ['/zck', '/zck/'],
    ['/zck/', '/zck/'],
    ['/a/b//', '/a/b/'],
    ['', '/'],
    ['/', '/'],
  ])('normalises the base path %j to %j', (value, expected) => {
    expect(normaliseBasePath(value)).toBe(expected);
  });
  it('names the setting and the fix for each mistake', () => {
    expect(problems({})).toEqual(['name: missing; add a line "name: …"']);
    expect(problems({ name: '知识库', url: 'jyj.example.gov.cn' })[0]).toMatch(/^url: url "jyj.example.gov.cn" is not a web address: write it in full, e\.g\. https:\/\//u);
    expect(problems({ name: '知识库', url: 'ftp://x.example' })[0]).toContain('must start with https:// or http://');
    expect(problems({ name: '知识库', basePath: '/政策/' })[0]).toContain('basePath: base path "/政策/" has "政策"');
    expect(problems({ name: '知识库', defaultSort: 'newest' })[0]).toBe('defaultSort: "newest" is not one of relevance, date-desc, date-asc');
    expect(problems({ name: '知识库', titel: 'x' })[0]).toContain('unknown setting(s) titel');
    expect(problems({ name: '知识库', url: 'https://a.example/zck/' }, { BASE_PATH: '/other/' })[0]).toContain('url ends in /zck/ but BASE_PATH is /other/');
  });
});

describe('loadSiteSettings', () => {
  it('reads the sample settings as the build does', () => {
    expect(loadSiteSettings('content/site.yaml', {}).name).toBe('教育政策知识库');
  });
  it('names the file and the line of a YAML mistake', () => {
    const dir = mkdtempSync(join(tmpdir(), 'policy-kb-settings-'));
    const file = join(dir, 'site.yaml');
    writeFileSync(file, 'name: 知识库\nurl: [https://x\n');
    expect(() => loadSiteSettings(file, {})).toThrow(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}: the site settings are not right:\\n  - line \\d`, 'u'));
    expect(() => loadSiteSettings(join(dir, 'missing.yaml'), {})).toThrow(/the file is missing/u);
  });
});
