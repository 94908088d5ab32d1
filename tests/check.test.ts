import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkAcross, checkPolicyText, formatProblem } from '../src/format/check.ts';

const ROOT = resolve(import.meta.dirname, '..');

const good = `---
title: 某县教育局2024年工作要点
issuer: 某县教育局
city: null
province: null
date: '2024'
docNumber: null
docType: 工作要点
source:
  file: a.txt
  url: null
goals:
  - id: g1
    title: 加强党建
    measures: [m1]
measures:
  - id: m1
    number: '1.'
    title: 学习
    section: 加强党建
    units: []
    leadUnits: []
targets: []
responsibleUnits: []
---

## 一、加强党建 {#s1}

### 1. 学习 {#m1}

内容。
`;

describe('checkPolicyText', () => {
  it('finds nothing wrong in a valid file', () => {
    expect(checkPolicyText('ok.md', good).problems).toEqual([]);
  });

  it('reports every schema problem at once, each at its line', () => {
    const bad = good
      .replace("date: '2024'", 'date: 2024年3月') // line 6
      .replace('docType: 工作要点', 'docType: 要点') // line 8
      .replace('    measures: [m1]', '    measures: [m1, m9]'); // line 15
    const problems = checkPolicyText('bad.md', bad).problems.map(formatProblem);
    expect(problems).toContainEqual(expect.stringMatching(/^bad\.md:6: date: date must be YYYY/));
    expect(problems).toContainEqual(expect.stringMatching(/^bad\.md:8: docType: /));
    expect(problems).toContainEqual(expect.stringMatching(/^bad\.md:\d+: goals\.0\.measures\.1: goal "g1" points at measure "m9"/));
  });

  it('reports a missing required field and a wrong type', () => {
    const bad = good.replace('title: 某县教育局2024年工作要点\n', '').replace('units: []', 'units: 市教育局');
    const msgs = checkPolicyText('bad.md', bad).problems.map((p) => p.message);
    expect(msgs).toContainEqual(expect.stringMatching(/^title: Required/));
    expect(msgs).toContainEqual(expect.stringMatching(/^measures\.0\.units: Expected array/));
  });

  it('reports duplicate measure ids and a measure without an anchor in the body', () => {
    const dup = good.replace('targets: []', `  - id: m1
    number: '2.'
    title: 重复
    section: null
    units: []
    leadUnits: []
  - id: m2
    number: '3.'
    title: 无锚
    section: null
    units: []
    leadUnits: []
targets: []`);
    const msgs = checkPolicyText('dup.md', dup).problems.map((p) => p.message);
    expect(msgs).toContainEqual(expect.stringMatching(/duplicate measure id "m1"/));
    expect(msgs).toContainEqual(expect.stringMatching(/measure "m2" has no heading with \{#m2\}/));
  });

  it('reports invalid YAML with its line and does not go on to the schema', () => {
    const bad = good.replace('city: null', 'city: [unclosed');
    const problems = checkPolicyText('y.md', bad).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/not valid YAML/);
    expect(problems[0]!.line).toBeGreaterThanOrEqual(4);
  });

  it('reports a file name that is not a slug, and a file without frontmatter', () => {
    expect(checkPolicyText('济源 2018.md', good).problems[0]!.message).toMatch(/not a slug/);
    expect(checkPolicyText('plain.md', '# 标题\n正文').problems[0]!.message).toMatch(/no frontmatter/);
  });

  it('reports a duplicate anchor in the body', () => {
    const bad = good.replace('内容。', '内容。\n\n### 2. 又一项 {#m1}\n');
    expect(checkPolicyText('a.md', bad).problems.map((p) => p.message)).toContainEqual(expect.stringMatching(/duplicate anchor \{#m1\}/));
  });
});

describe('checkAcross', () => {
  it('reports two files with the same slug in different case and the same source twice', () => {
    const a = checkPolicyText('x/doc-a.md', good);
    const b = checkPolicyText('y/doc-a.md', good);
    const msgs = checkAcross([a, b]).map((p) => p.message);
    expect(msgs).toContainEqual(expect.stringMatching(/slug "doc-a" is also used by x\/doc-a\.md/));
    expect(msgs).toContainEqual(expect.stringMatching(/source "a\.txt" is also the source of/));
  });
});

describe('npm run check', () => {
  it('passes on the sample knowledge base', () => {
    const r = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/check.ts'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toMatch(/5 files, 0 errors/);
    expect(r.status).toBe(0);
  });

  it('lists the problems of every file and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-'));
    writeFileSync(join(dir, 'one.md'), good.replace("date: '2024'", 'date: yesterday'));
    writeFileSync(join(dir, 'two.md'), good.replace('docType: 工作要点', 'docType: 9'));
    writeFileSync(join(dir, 'three.md'), good);
    const r = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/check.ts', dir], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/one\.md:6: date/);
    expect(r.stderr).toMatch(/two\.md:8: docType/);
    expect(r.stderr).toMatch(/3 files, 2 errors/);
    expect(readFileSync(join(dir, 'three.md'), 'utf8')).toBe(good);
  });
});
