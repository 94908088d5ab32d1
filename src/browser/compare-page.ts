/**
 * The /compare/ page: keeps the chosen documents in the URL, fetches their comparison JSON,
 * aligns them by theme (src/compare/compare.ts) and draws the table. Document text is only ever
 * set as text, never as HTML.
 */
import {
  alignByTheme,
  comparisonExport,
  comparisonFileName,
  comparisonRows,
  DIFFERENCE_LABELS,
  docLabel,
  NOT_COVERED,
  parseCompareState,
  serializeCompareState,
  UNTHEMED_LABEL,
  visibleRows,
  type CompareDoc,
  type ComparePicker,
  type CompareState,
  type CompareTable,
  type PickerDoc,
} from '../compare/compare.ts';
import { CSV_TYPE, toCsv } from '../format/csv.ts';
import { dataPaths } from '../site/data-paths.ts';

// Not site-paths.ts: it would bundle the pinyin dictionary into this page.

const form = document.getElementById('compare-form') as HTMLFormElement;
const MAX = Number(form.dataset.max);
const PAGE = new URL(form.action).pathname;
const MIN = Number(form.dataset.min);
const staticList = document.getElementById('compare-doc-list') as HTMLUListElement | null;
const shardList = document.getElementById('compare-doc-shard') as HTMLUListElement;
const chosenLabel = document.getElementById('compare-chosen')!;
const pickerStatus = document.getElementById('compare-picker-status')!;
const filterEmpty = document.getElementById('compare-filter-empty')!;
const result = document.getElementById('compare-result')!;
const tableEl = document.getElementById('compare-table') as HTMLTableElement;
const summary = document.getElementById('compare-summary')!;
const diffToggle = document.getElementById('compare-diff') as HTMLInputElement;
const errorEl = document.getElementById('compare-error')!;
const pickerBox = document.getElementById('compare-picker-box') as HTMLDetailsElement;
const filters = [...form.querySelectorAll<HTMLSelectElement>('select[data-filter]')];

let state: CompareState = parseCompareState(location.search);
let table: CompareTable | null = null;
let picker: Promise<ComparePicker> | null = null;
const docCache = new Map<string, Promise<CompareDoc>>();

/** Creates an element with text content and attributes; children are appended as given. */
function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, string> = {}, ...children: (Node | string | null)[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) el.setAttribute(k, v);
  for (const c of children) if (c !== null) el.append(c);
  return el;
}

async function getJson<T>(url: string, what: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${what}（${res.status}）`);
  return (await res.json()) as T;
}

const loadPicker = (): Promise<ComparePicker> => (picker ??= getJson<ComparePicker>(dataPaths.compareIndex, '无法读取文件列表'));

function loadDoc(slug: string): Promise<CompareDoc> {
  let p = docCache.get(slug);
  if (!p) {
    p = getJson<CompareDoc>(dataPaths.compareDoc(slug), `找不到文件“${slug}”，它可能已被移出知识库，请从列表中重新选择`);
    docCache.set(slug, p);
  }
  return p;
}

// ---- the picker ----

const boxes = (): HTMLInputElement[] => [...form.querySelectorAll<HTMLInputElement>('input[name="docs"]')];

function syncBoxes(): void {
  for (const box of boxes()) {
    box.checked = state.docs.includes(box.value);
    box.disabled = !box.checked && state.docs.length >= MAX;
  }
  chosenLabel.textContent = `已选 ${state.docs.length} 份`;
  pickerStatus.textContent = state.docs.length >= MAX ? `最多对比 ${MAX} 份文件；取消一份后可再选。` : '';
}

const filterValue = (name: string): string => filters.find((f) => f.dataset.filter === name)?.value ?? '';

function matches(place: string, year: string, type: string): boolean {
  const p = filterValue('place');
  const y = filterValue('year');
  const t = filterValue('type');
  return (p === '' || p === place) && (y === '' || y === year) && (t === '' || t === type);
}

const yearText = (y: number | null): string => (y === null ? '未注明' : String(y));

function pickerItem(d: PickerDoc): HTMLLIElement {
  const box = h('input', { type: 'checkbox', name: 'docs', value: d.slug });
  const li = h('li', {}, h('label', {}, box, h('span', { class: 'doc-label' }, docLabel(d)), h('span', { class: 'doc-title' }, d.title)));
  li.dataset.place = d.place;
  li.dataset.year = yearText(d.year);
  li.dataset.type = d.docType;
  return li;
}

async function applyFilters(): Promise<void> {
  let shown = 0;
  if (staticList) {
    for (const li of staticList.querySelectorAll<HTMLLIElement>('li')) {
      const ok = matches(li.dataset.place ?? '', li.dataset.year ?? '', li.dataset.type ?? '');
      li.hidden = !ok;
      if (ok) shown++;
    }
  } else {
    // A large base: the documents of one place come from their shard.
    const place = filterValue('place');
    shardList.replaceChildren();
    shardList.hidden = place === '';
    if (place !== '') {
      const index = await loadPicker();
      const shard = index.shards.find((s) => s.places.includes(place));
      const docs = shard ? await getJson<PickerDoc[]>(dataPaths.compareShard(shard.file), '无法读取文件列表') : [];
      for (const d of docs) {
        if (d.place !== place || !matches(d.place, yearText(d.year), d.docType)) continue;
        shardList.append(pickerItem(d));
        shown++;
      }
    }
  }
  filterEmpty.hidden = shown > 0 || (!staticList && filterValue('place') === '');
  syncBoxes();
}

form.addEventListener('change', (e) => {
  const target = e.target as HTMLElement;
  if (target instanceof HTMLSelectElement) {
    void applyFilters();
    return;
  }
  if (!(target instanceof HTMLInputElement) || target.name !== 'docs') return;
  const docs = state.docs.filter((s) => s !== target.value);
  if (target.checked && docs.length < MAX) docs.push(target.value);
  state = { ...state, docs };
  syncBoxes();
});

form.addEventListener('submit', (e) => {
  e.preventDefault();
  if (state.docs.length < MIN) {
    pickerStatus.textContent = `请至少选择 ${MIN} 份文件。`;
    return;
  }
  navigate(state, 'push');
});

// ---- the URL ----

function navigate(next: CompareState, mode: 'push' | 'replace'): void {
  state = next;
  const url = `${PAGE}${serializeCompareState(state)}`;
  if (mode === 'push') history.pushState(null, '', url);
  else history.replaceState(null, '', url);
  void show();
}

window.addEventListener('popstate', () => {
  state = parseCompareState(location.search);
  void show();
});

diffToggle.addEventListener('change', () => navigate({ ...state, diffOnly: diffToggle.checked }, 'replace'));

// ---- the table ----

function measureList(doc: CompareTable['docs'][number], cell: CompareTable['rows'][number]['cells'][number]): HTMLElement {
  if (cell.length === 0) return h('span', { class: 'not-covered' }, NOT_COVERED);
  const list = h('ul', { class: 'cell-measures' });
  for (const m of cell) {
    const item = h('li', {}, h('a', { href: `${doc.url}#${m.id}` }, `${m.number} ${m.title}`.trim()));
    if (m.targets.length > 0) {
      const targets = h('ul', { class: 'cell-targets' });
      for (const t of m.targets) {
        targets.append(h('li', {}, h('a', { href: `${doc.url}#${t.anchor}` }, t.metric), `：${t.requirement}${t.year === null ? '' : `（${t.year}年）`}`));
      }
      item.append(targets);
    }
    if (m.units.length > 0) item.append(h('p', { class: 'cell-units' }, `责任单位：${m.units.join('、')}`));
    list.append(item);
  }
  return list;
}

function draw(t: CompareTable): void {
  const head = h('tr', {}, h('th', { scope: 'col', class: 'c-theme' }, '主题'));
  t.docs.forEach((d) => {
    const remove = h('button', { type: 'button', class: 'linklike small', 'data-remove': d.slug, 'aria-label': `从对比中移除：${d.title}` }, '移除');
    head.append(h('th', { scope: 'col' }, h('span', { class: 'doc-label' }, docLabel(d)), h('a', { href: d.url, class: 'doc-title' }, d.title), remove));
  });
  const body = h('tbody');
  const rows = visibleRows(t, state.diffOnly);
  for (const r of rows) {
    const name = r.theme ? h('a', { href: r.theme.url }, r.theme.name) : h('span', {}, UNTHEMED_LABEL);
    const th = h('th', { scope: 'row', class: 'c-theme' }, name, h('span', { class: 'small muted cover' }, `${r.covered}/${t.docs.length} 份涉及`));
    if (r.difference !== null) th.append(h('span', { class: `badge badge-${r.difference}` }, DIFFERENCE_LABELS[r.difference]));
    if (r.differences.length > 0) th.append(h('ul', { class: 'small diff-words' }, ...r.differences.map((d) => h('li', {}, d))));
    const tr = h('tr', r.difference === null ? {} : { class: `diff-${r.difference}` }, th);
    r.cells.forEach((cell, i) => tr.append(h('td', {}, measureList(t.docs[i]!, cell))));
    body.append(tr);
  }
  tableEl.replaceChildren(h('caption', { class: 'visually-hidden' }, '按主题对齐的文件对比'), h('thead', {}, head), body);
  const differences = t.rows.filter((r) => r.difference !== null).length;
  summary.textContent = `${t.docs.length} 份文件，${t.rows.length} 个主题行，其中 ${differences} 行存在差异${state.diffOnly ? `；只显示差异（${rows.length} 行）` : ''}。`;
}

tableEl.addEventListener('click', (e) => {
  const slug = (e.target as HTMLElement).closest<HTMLElement>('[data-remove]')?.dataset.remove;
  if (slug) navigate({ ...state, docs: state.docs.filter((s) => s !== slug) }, 'push');
});

async function show(): Promise<void> {
  errorEl.hidden = true;
  syncBoxes();
  diffToggle.checked = state.diffOnly;
  if (state.docs.length < MIN) {
    result.hidden = true;
    table = null;
    if (state.docs.length > 0) pickerStatus.textContent = `已选 ${state.docs.length} 份；请至少选择 ${MIN} 份文件。`;
    return;
  }
  try {
    const [index, ...docs] = await Promise.all([loadPicker(), ...state.docs.map(loadDoc)]);
    table = alignByTheme(docs, index.themes);
    draw(table);
    result.hidden = false;
    // The picker folds away once a comparison is shown; its summary opens it again.
    pickerBox.open = false;
  } catch (e) {
    result.hidden = true;
    errorEl.textContent = (e as Error).message;
    errorEl.hidden = false;
  }
}

// ---- downloads ----

function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// The file name says the view too, so two downloads of one comparison do not overwrite each other.
const fileName = (t: CompareTable): string => `${comparisonFileName(t.docs)}${state.diffOnly ? '-只看差异' : ''}`;

document.getElementById('download-csv')!.addEventListener('click', () => {
  if (table) download(`${fileName(table)}.csv`, new Blob([toCsv(comparisonRows(table, location.origin, state.diffOnly))], { type: CSV_TYPE }));
});

document.getElementById('download-json')!.addEventListener('click', () => {
  if (table) download(`${fileName(table)}.json`, new Blob([JSON.stringify(comparisonExport(table, location.origin, state.diffOnly), null, 2)], { type: 'application/json' }));
});

document.getElementById('download-xlsx')!.addEventListener('click', async () => {
  if (!table) return;
  const t = table;
  // Loaded on demand: the spreadsheet writer is most of this page's weight and few need it.
  const { default: writeXlsxFile } = await import('write-excel-file/universal');
  const rows = comparisonRows(t, location.origin, state.diffOnly).map((row, r) => row.map((value) => ({ value, wrap: true, fontWeight: r <= 1 ? ('bold' as const) : undefined })));
  const blob = await writeXlsxFile(rows, { sheet: '对标分析', columns: [{ width: 16 }, ...t.docs.map(() => ({ width: 48 })), { width: 16 }, { width: 40 }], stickyRowsCount: 2 }).toBlob();
  download(`${fileName(t)}.xlsx`, blob);
});

// A form submitted without script arrives as ?docs=a&docs=b: keep the short form in the URL.
if (location.search !== serializeCompareState(state) && state.docs.length > 0) history.replaceState(null, '', `${PAGE}${serializeCompareState(state)}`);
void applyFilters().then(show);
