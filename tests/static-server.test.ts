import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveFile, serveStatic, type StaticServer } from './support/static-server.ts';

const root = mkdtempSync(join(tmpdir(), 'static-'));
mkdirSync(join(root, 'units', 'shi-jiaoyuju'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<h1>首页</h1>');
writeFileSync(join(root, 'units', 'shi-jiaoyuju', 'index.html'), '<h1>市教育局</h1>');
writeFileSync(join(root, 'sources.txt'), '原文');

describe('resolveFile', () => {
  it.each([
    ['/', 'index.html'],
    ['/units/shi-jiaoyuju/', 'units/shi-jiaoyuju/index.html'],
    ['/units/shi-jiaoyuju/?q=1#m2', 'units/shi-jiaoyuju/index.html'],
    ['/sources.txt', 'sources.txt'],
  ])('serves %s from %s', async (url, file) => {
    expect(await resolveFile(root, url)).toBe(join(root, file));
  });
  it.each([['/missing/'], ['/../../etc/passwd'], ['/%2e%2e/%2e%2e/etc/passwd'], ['/%E0%A4%A']])('refuses %s', async (url) => {
    expect(await resolveFile(root, url)).toBeNull();
  });
});

describe('serveStatic', () => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveStatic(root);
  });
  afterAll(() => server.close());
  it('answers on 127.0.0.1 with the page and its type, and 404 for the rest', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const ok = await fetch(`${server.url}/units/shi-jiaoyuju/`);
    expect(ok.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await ok.text()).toBe('<h1>市教育局</h1>');
    expect((await fetch(`${server.url}/nothing/`)).status).toBe(404);
  });
});
