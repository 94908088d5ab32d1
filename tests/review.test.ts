/**
 * The clerk's side of an ingest: which facts to check (review.ts), the progress line
 * (progress.ts), and the review list the CLI prints and writes beside the policies.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../src/format/csv.ts';
import { inferenceOf, reviewCsv, reviewLine, reviewList, reviewRows, type ReviewInput } from '../src/extract/review.ts';
import { ProgressLine, progressText } from '../src/ingest/progress.ts';

const known: ReviewInput = {
  title: '济源市教育局2018年工作要点',
  issuer: '济源市教育局',
  city: '济源市',
  province: '河南省',
  date: '2018-02-05',
  docType: '工作要点',
  source: { file: '2018-jiyuan.txt' },
};

describe('reviewRows', () => {
  it('has nothing to check when every fact was read from the document', () => {
    expect(reviewRows(known)).toEqual([]);
  });

  it('lists unknown facts: no issuer, no place, no date, a type it could not tell', () => {
    const rows = reviewRows({ ...known, issuer: null, city: null, province: null, date: null, docType: '其他' });
    expect(rows.map((r) => [r.field, r.status])).toEqual([
      ['issuer', 'unknown'],
      ['place', 'unknown'],
      ['date', 'unknown'],
      ['docType', 'unknown'],
    ]);
  });

  it('a province without a city is a known place (a provincial document)', () => {
    expect(reviewRows({ ...known, city: null, issuer: '海南省教育厅' })).toEqual([]);
  });

  it('flags a title that is only the file name, the ingest’s last resort', () => {
    const rows = reviewRows({ ...known, title: '2018-jiyuan', source: { file: '2018-jiyuan.txt' } });
    expect(rows).toEqual([{ field: 'title', status: 'unknown', value: '2018-jiyuan', from: '文件名' }]);
  });

  it('lists inferred facts with their evidence, city and province as one place', () => {
    const rows = reviewRows({
      ...known,
      inferred: [
        { field: 'city', from: '正文“浦江五中”' },
        { field: 'province', from: '正文“浦江五中”' },
        { field: 'issuer', from: '正文“我县”' },
      ],
    });
    expect(rows).toEqual([
      { field: 'issuer', status: 'inferred', value: '济源市教育局', from: '正文“我县”' },
      { field: 'place', status: 'inferred', value: '河南省 济源市', from: '正文“浦江五中”' },
    ]);
    expect(reviewLine('a.txt', rows)).toBe('a.txt: 发布机构 推断（正文“我县”）；地区 推断（正文“浦江五中”）');
  });

  it('writes a CSV that reads back with Chinese headers, one row per fact', () => {
    const rows = reviewRows({ ...known, date: null });
    const csv = reviewCsv(rows.map((r) => ({ ...r, file: 'in/a.txt', output: 'out/a.md' })));
    expect(parseCsv(csv)).toEqual([
      ['文件', '生成的文件', '字段', '状态', '当前值', '依据'],
      ['in/a.txt', 'out/a.md', '日期', '未知', '', ''],
    ]);
  });
});

describe('progress line', () => {
  it('says files done of total, the rate and the time left', () => {
    expect(progressText(0, 100, 0)).toBe('0/100 files');
    expect(progressText(25, 100, 5000)).toBe('25/100 files · 5.0 files/s · about 15 s left');
    expect(progressText(10, 10_000, 1000)).toBe('10/10000 files · 10.0 files/s · about 17 min left');
    expect(progressText(100, 100, 4000)).toBe('100/100 files · 25.0 files/s · done');
  });

  it('redraws in place and prints messages above it', () => {
    let out = '';
    let t = 0;
    const line = new ProgressLine({ write: (s: string) => (out += s) }, 4, () => t);
    t = 1000;
    line.update(1);
    line.log('warning: b.txt: no date');
    t = 2000;
    line.update(2);
    line.finish();
    const screen = out.split('\r').at(-1);
    expect(out).toContain('warning: b.txt: no date\n');
    expect(screen).toBe('2/4 files · 1.0 files/s · about 2 s left\n');
  });
});

describe('npm run ingest: the review list', () => {
  const ROOT = resolve(import.meta.dirname, '..');
  const TSX = join(ROOT, 'node_modules/.bin/tsx');

  it('prints the documents with unknown facts and writes them as CSV beside the policies folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ingest-review-'));
    // A work plan that names neither its issuer nor its place: both are unknown, not guessed.
    writeFileSync(join(dir, 'plan.txt'), '2019年教育工作计划\n\n一、加强师资队伍建设\n（一）全年培训教师500人次。\n（二）新建幼儿园2所。\n');
    const out = join(dir, 'policies');
    const r = spawnSync(TSX, ['scripts/ingest.ts', join(dir, 'plan.txt'), '--out', out, '--sources', join(dir, 'sources')], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/ingest: 1 created, 0 updated, 0 unchanged, 0 skipped \(edited by hand\), 0 failed/);
    expect(r.stderr).toMatch(/review: 1 documents have facts to check/);
    expect(r.stderr).toMatch(/plan\.txt: .*发布机构 未知.*地区 未知/);
    const rows = parseCsv(readFileSync(join(dir, 'ingest-review.csv'), 'utf8'));
    expect(rows[0]).toEqual(['文件', '生成的文件', '字段', '状态', '当前值', '依据']);
    expect(rows.slice(1).map((row) => row[2])).toEqual(expect.arrayContaining(['发布机构', '地区']));
    // A later run with nothing to check leaves no stale list behind.
    const sample = join(ROOT, 'content/sources/2018-jiyuan-jiaoyuju-gongzuo-yaodian.txt');
    const again = spawnSync(TSX, ['scripts/ingest.ts', sample, '--out', out, '--sources', join(dir, 'sources')], { cwd: ROOT, encoding: 'utf8' });
    expect(again.status).toBe(0);
    expect(existsSync(join(dir, 'ingest-review.csv'))).toBe(false);
  }, 60_000);
});

describe('the site’s review list', () => {
  it('names the evidence of an inferred fact, and lists only documents with something to check', () => {
    const inferred = [{ field: 'city', from: '正文“浦江五中”' }, { field: 'city', from: '文号“浦教”' }];
    expect(inferenceOf(inferred, 'city')).toBe('正文“浦江五中”；文号“浦教”');
    expect(inferenceOf(inferred, 'issuer')).toBeNull();
    expect(inferenceOf(undefined, 'city')).toBeNull();
    const docs = [known, { ...known, title: 'b', date: null }];
    expect(reviewList(docs, (d) => d).map((r) => [r.doc.title, r.rows.map((x) => x.field)])).toEqual([['b', ['date']]]);
  });
});
