/**
 * The /compare/ page in Debian's Chromium against the built sample site
 * (tests/support/global-build.ts): choosing documents, the columns, the URL as the state,
 * the differences toggle, removing a document, and a downloaded CSV read back.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BOM, parseCsv } from '../src/format/csv.ts';
import { useServedSite } from './support/served-site.ts';

const JIYUAN = 'jiyuan-2018-jiaoyuju-gongzuo-yaodian';
const FANGAN = 'tongchou-tuijin-yiwu-jiaoyu-youzhi-junheng';
const JINGJIANG = 'jingjiang-2022-lvxing-jiaoyu-zhize-qingkuang-huibao';
const site = useServedSite();

async function open(path: string, width = 1280): Promise<Page & { errors: string[] }> {
  const page = (await site.browser.newPage({ viewport: { width, height: 900 }, acceptDownloads: true })) as Page & { errors: string[] };
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  await page.goto(`${site.url}${path}`);
  return page;
}

const docsParam = (page: Page) => new URL(page.url()).searchParams.get('docs');
const columns = (page: Page) => page.locator('#compare-table thead th .doc-title').allTextContents();
const rowCount = (page: Page) => page.locator('#compare-table tbody tr').count();
const waitForTable = (page: Page, docs: number) => page.waitForFunction((n) => document.querySelectorAll('#compare-table thead th .doc-title').length === n, docs);

describe('the comparison page', () => {
  it('compares the documents one ticks, one column each, and puts them in the URL', async () => {
    const page = await open('/compare/');
    expect(await page.locator('#compare-result').isVisible()).toBe(false);
    await page.locator(`input[value="${JIYUAN}"]`).check();
    await page.locator(`input[value="${FANGAN}"]`).check();
    await page.getByRole('button', { name: '对比所选文件' }).click();
    await waitForTable(page, 2);
    expect(docsParam(page)).toBe(`${JIYUAN},${FANGAN}`);
    expect(await columns(page)).toEqual(['济源市教育局2018年工作要点', '关于进一步统筹推进义务教育优质均衡发展实施方案']);
    expect(await page.locator('#compare-table thead th .doc-label').first().textContent()).toBe('济源市 · 2018年 · 工作要点');
    // The rotation row shows both plans' measures, linked to their anchors, with targets.
    const row = page.locator('#compare-table tbody tr', { has: page.locator('th a', { hasText: '教师交流轮岗' }) });
    expect(await row.locator('td').nth(0).locator('a').first().getAttribute('href')).toBe(`/policies/${JIYUAN}/#m23`);
    expect(await row.locator('td').nth(0).textContent()).toContain('不低于 10%');
    expect(await row.locator('td').nth(1).textContent()).toContain('不低于 20%');
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('narrows the list of documents by year and by type', async () => {
    const page = await open('/compare/');
    const visible = () => page.locator('#compare-doc-list li:visible .doc-label').allTextContents();
    expect(await visible()).toHaveLength(5);
    await page.locator('#filter-year').selectOption('2023');
    expect(await visible()).toEqual(['靖江市 · 2023年 · 汇报', '未注明 · 2023年 · 讲话']);
    await page.locator('#filter-type').selectOption('汇报');
    expect(await visible()).toEqual(['靖江市 · 2023年 · 汇报']);
    await page.locator('#filter-year').selectOption('2018');
    expect(await visible()).toEqual([]);
    expect(await page.locator('#compare-filter-empty').isVisible()).toBe(true);
    await page.close();
  });

  it('stops at four documents and asks for a second one', async () => {
    const page = await open('/compare/');
    const boxes = page.locator('input[name="docs"]');
    await boxes.nth(0).check();
    await page.getByRole('button', { name: '对比所选文件' }).click();
    expect(await page.locator('#compare-picker-status').textContent()).toContain('请至少选择 2 份文件');
    for (let i = 1; i < 4; i++) await boxes.nth(i).check();
    expect(await boxes.nth(4).isDisabled()).toBe(true);
    expect(await page.locator('#compare-chosen').textContent()).toBe('已选 4 份');
    await page.close();
  });

  it('opens a shared link with the same comparison, and shows only the differences when asked', async () => {
    const page = await open(`/compare/?docs=${JIYUAN},${JINGJIANG},${FANGAN}`);
    await waitForTable(page, 3);
    expect(await columns(page)).toHaveLength(3);
    const all = await rowCount(page);
    const covered = await page.locator('#compare-table tbody tr:not([class*="diff-"])').count();
    expect(covered).toBeGreaterThan(0);
    // A theme one document does not cover says so in its cell.
    expect(await page.locator('#compare-table .not-covered').count()).toBeGreaterThan(0);
    await page.locator('#compare-diff').check();
    await page.waitForFunction((n) => document.querySelectorAll('#compare-table tbody tr').length < n, all);
    expect(await rowCount(page)).toBe(all - covered);
    expect(new URL(page.url()).searchParams.get('diff')).toBe('1');
    await page.reload();
    await waitForTable(page, 3);
    expect(await page.locator('#compare-diff').isChecked()).toBe(true);
    expect(await rowCount(page)).toBe(all - covered);
    await page.close();
  });

  it('removes a document from the comparison, and the back button brings it back', async () => {
    const page = await open(`/compare/?docs=${JIYUAN},${JINGJIANG},${FANGAN}`);
    await waitForTable(page, 3);
    await page.getByRole('button', { name: /从对比中移除：靖江市/u }).click();
    await waitForTable(page, 2);
    expect(docsParam(page)).toBe(`${JIYUAN},${FANGAN}`);
    await page.goBack();
    await waitForTable(page, 3);
    expect(docsParam(page)).toBe(`${JIYUAN},${JINGJIANG},${FANGAN}`);
    await page.close();
  });

  it('downloads the comparison as CSV that reads back as the table shown', async () => {
    const page = await open(`/compare/?docs=${JIYUAN},${FANGAN}`);
    await waitForTable(page, 2);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-csv').click()]);
    expect(download.suggestedFilename()).toBe('对标分析-济源市2018-福建省.csv');
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.startsWith(BOM)).toBe(true);
    const rows = parseCsv(text);
    expect(rows[0]!.slice(0, 2)).toEqual(['视图', `全部主题行：${await rowCount(page)} 行`]);
    expect(rows[1]![0]).toBe('主题');
    expect(rows[1]![1]).toContain('济源市教育局2018年工作要点');
    expect(rows[2]![1]).toBe(`${site.url}/policies/${JIYUAN}/`);
    const rotation = rows.find((r) => r[0] === '教师交流轮岗')!;
    expect(rotation[1]).toContain('23. 探索教师管理新机制');
    expect(rotation[2]).toContain('不低于 20%');
    expect(rows.length - 3).toBe(await rowCount(page));
    await page.close();
  });

  it('says what differs on the page, and downloads only the differences in the 只看差异 view, saying so', async () => {
    const page = await open(`/compare/?docs=${JIYUAN},${FANGAN}&diff=1`);
    await waitForTable(page, 2);
    const special = page.locator('#compare-table tbody tr', { hasText: '特殊教育' });
    expect(await special.locator('.diff-words li').allTextContents()).toEqual(['残疾儿童少年入学率：济源市2018年：≥95% vs 福建省：≥99%']);
    const shown = await rowCount(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-csv').click()]);
    expect(download.suggestedFilename()).toBe('对标分析-济源市2018-福建省-只看差异.csv');
    const rows = parseCsv(readFileSync((await download.path())!, 'utf8'));
    expect(rows[0]![1]).toMatch(new RegExp(`^只看差异：\\d+ 个主题行中存在差异的 ${shown} 行$`, 'u'));
    expect(rows.length - 3).toBe(shown);
    expect(rows.find((r) => r[0] === '特殊教育')!.at(-1)).toBe('残疾儿童少年入学率：济源市2018年：≥95% vs 福建省：≥99%');
    await page.close();
  });

  it('downloads the comparison as an Excel workbook', async () => {
    const page = await open(`/compare/?docs=${JIYUAN},${FANGAN}`);
    await waitForTable(page, 2);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-xlsx').click()]);
    expect(download.suggestedFilename()).toBe('对标分析-济源市2018-福建省.xlsx');
    const bytes = readFileSync((await download.path())!);
    // An .xlsx file is a zip archive; its shared strings carry the table's text.
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('says which document of a link no longer exists', async () => {
    const page = await open(`/compare/?docs=${JIYUAN},no-such-document`);
    await page.locator('#compare-error').waitFor();
    expect(await page.locator('#compare-error').textContent()).toContain('no-such-document');
    await page.close();
  });

  it('fits a 390 px phone: the page itself does not scroll sideways', async () => {
    const page = await open(`/compare/?docs=${JIYUAN},${FANGAN}`, 390);
    await waitForTable(page, 2);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.close();
  });
});
