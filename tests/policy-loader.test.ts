/**
 * The policy collection's loader against a small store double: what it stores, what a second
 * load re-reads, what it drops, and how it fails on invalid content.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { afterAll, describe, expect, it } from 'vitest';
import { policyLoader } from '../src/astro/policy-loader.ts';
import { FIXTURE_POLICIES } from './support/fixtures.ts';

const work = mkdtempSync(join(tmpdir(), 'policy-loader-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Stored {
  id: string;
  data: Record<string, unknown>;
  filePath?: string;
  digest?: string;
  body?: string;
  rendered?: unknown;
}

function fakeContext(root: string) {
  const entries = new Map<string, Stored>();
  /** Ids stored anew (a file unchanged since the last load is skipped by digest). */
  const parsed: string[] = [];
  /** Ids validated by the collection's parseData: none, the check validated them already. */
  const validated: string[] = [];
  const context = {
    config: { root: pathToFileURL(`${root}/`) },
    logger: { warn: () => undefined, error: () => undefined, info: () => undefined },
    generateDigest: (text: string) => String(text.length) + ':' + text.slice(-40),
    parseData: async ({ id, data }: { id: string; data: Record<string, unknown> }) => {
      validated.push(id);
      return data;
    },
    store: {
      get: (id: string) => entries.get(id),
      set: (entry: Stored) => parsed.push(entry.id) && entries.set(entry.id, entry) && true,
      keys: () => [...entries.keys()],
      delete: (id: string) => void entries.delete(id),
    },
  } as unknown as LoaderContext;
  return { context, entries, parsed, validated };
}

describe('policyLoader', () => {
  const dir = join(work, 'policies');
  cpSync(FIXTURE_POLICIES, dir, { recursive: true });
  // The fixture's unknown theme slug is there for the site index's own report; the loader refuses it (tests/robustness.test.ts).
  const quanzhou = join(dir, 'quanzhou-2021-jiaoyu-gongzuo-yaodian.md');
  writeFileSync(quanzhou, readFileSync(quanzhou, 'utf8').replace(', no-such-theme]', ']'));
  const loader = policyLoader(dir);
  const { context, entries, parsed, validated } = fakeContext(work);

  it('stores every file under its file name, with its frontmatter and no body or rendered HTML', async () => {
    await loader.load(context);
    expect([...entries.keys()].sort()).toEqual(['jingjiang-2022-huibao', 'quanzhou-2021-jiaoyu-gongzuo-yaodian', 'quanzhou-2023-jiaoyu-gongzuo-yaodian', 'weizhuming-fayan']);
    const entry = entries.get('quanzhou-2023-jiaoyu-gongzuo-yaodian')!;
    expect(entry.filePath).toBe('policies/quanzhou-2023-jiaoyu-gongzuo-yaodian.md');
    expect(typeof entry.data.title).toBe('string');
    expect(entry.body).toBeUndefined();
    expect(entry.rendered).toBeUndefined();
  });

  it('validates each file once, in the check: the stored data is the check’s, not validated again', () => {
    expect(validated).toEqual([]);
    const entry = entries.get('quanzhou-2023-jiaoyu-gongzuo-yaodian')!;
    // Schema defaults are filled in: the data went through the policy schema.
    expect(Array.isArray(entry.data.targets)).toBe(true);
  });

  it('stores again only the files that changed, and drops the removed ones', async () => {
    parsed.length = 0;
    const file = join(dir, 'weizhuming-fayan.md');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n补充一段。\n`);
    unlinkSync(join(dir, 'jingjiang-2022-huibao.md'));
    await loader.load(context);
    expect(parsed).toEqual(['weizhuming-fayan']);
    expect(entries.has('jingjiang-2022-huibao')).toBe(false);
  });

  it('fails with every problem of the folder, naming file and line, and stores nothing new', async () => {
    const bad = join(work, 'bad');
    cpSync(FIXTURE_POLICIES, bad, { recursive: true });
    writeFileSync(join(bad, 'broken.md'), '---\ntitle: 1\ndocType: 工作要点\n---\n正文\n');
    writeFileSync(join(bad, 'empty.md'), '');
    const fresh = fakeContext(work);
    const error = await policyLoader(bad).load(fresh.context).then(
      () => null,
      (e: Error) => e,
    );
    expect(error?.name).toBe('ContentError');
    expect(error?.message).toMatch(/broken\.md:\d+:/);
    expect(error?.message).toMatch(/empty\.md:\d+:/);
    expect(fresh.entries.size).toBe(0);
  });
});
