/**
 * The search page's script: reads the state from the URL, searches with Pagefind's JS API,
 * renders facets with counts and results grouped by document with their matching measures,
 * and writes every change back to the URL (typing replaces the entry, filters push a new one),
 * so links can be shared and the back button steps through searches.
 *
 * Facets load lazily: Pagefind counts only the facets whose filter index it has loaded, and the
 * long ones are most of what a first search would fetch, so a facet's index is loaded when the
 * facet is shown open (the short ones, and those in use, at once; the rest when opened).
 *
 * Only excerpts from Pagefind (escaped text and <mark>, checked again by safeExcerpt) are
 * inserted as HTML; every other text goes in with textContent.
 */
import {
  FACETS,
  facetOptions,
  isEmptyState,
  parseSearchState,
  serializeSearchState,
  RESULTS_FIRST,
  RESULTS_MORE,
  SORTS,
  toggleFilter,
  type FacetParam,
  type SearchState,
  type SortOrder,
} from '../search/state.ts';
import { anchorsOfUnits, sayingFirst, toResultView, type PagefindApi, type PagefindResult, type ResultView } from '../search/results.ts';
import { matchNames, parseNames, type NameEntry } from '../search/names.ts';
import { filterIndexesOf, openFacets, parseFacetSizes, parseFacetTotals } from '../search/facets.ts';
import { runSearch, searchFirstScreen, type FilterCounts, type SearchOutcome } from '../search/run.ts';
import { SEARCH_TEXT as T } from '../search/text.ts';
import { BASE_PATH, withBase } from '../site/base-path.ts';
import { SHARD_MANIFEST, openShardIndex, parseShardManifest, type PagefindModule, type ShardIndex, type ShardManifest } from '../search/shards.ts';

/** Wait this long after the last keystroke before searching. */
const TYPING_DELAY_MS = 250;
const BUNDLE_DIR = withBase('/pagefind/');
const BUNDLE_URL = `${BUNDLE_DIR}pagefind.js`;

function byId<E extends HTMLElement>(id: string): E {
  const el = document.getElementById(id);
  if (!el) throw new Error(`search page: #${id} is missing from search.astro`);
  return el as E;
}

const ui = {
  app: byId('search-app'),
  form: byId<HTMLFormElement>('search-form'),
  input: byId<HTMLInputElement>('search-q'),
  facets: byId('search-facets'),
  clear: byId<HTMLButtonElement>('search-clear'),
  status: byId('search-status'),
  sort: byId<HTMLSelectElement>('search-sort'),
  empty: byId('search-empty'),
  none: byId('search-none'),
  noneTitle: byId('search-none-title'),
  noneUnfilter: byId<HTMLAnchorElement>('search-none-unfilter'),
  error: byId('search-error'),
  list: byId<HTMLOListElement>('search-list'),
  more: byId<HTMLButtonElement>('search-more'),
  unchecked: byId('search-unchecked'),
  filters: byId<HTMLDetailsElement>('search-filters'),
  names: byId('search-names'),
  partial: byId<HTMLDetailsElement>('search-partial'),
  partialSummary: byId('search-partial-summary'),
  partialList: byId<HTMLOListElement>('search-partial-list'),
  partialMore: byId<HTMLButtonElement>('search-partial-more'),
};

// On a phone the filters fold away above the results; on a wide screen they stand beside them.
const wide = matchMedia('(min-width: 56rem)');
ui.filters.open = wide.matches;
wide.addEventListener('change', () => (ui.filters.open = wide.matches));

let names: Promise<NameEntry[]> | null = null;

/** The unit and theme names the box finds; loaded on the first search, an empty list if it fails. */
function loadNames(): Promise<NameEntry[]> {
  names ??= fetch(ui.names.dataset.src ?? '')
    .then((r) => (r.ok ? r.json() : []))
    .then(parseNames, () => []);
  return names;
}

async function renderNames(run: number): Promise<void> {
  const found = state.q === '' ? [] : matchNames(await loadNames(), state.q);
  if (run !== generation) return;
  ui.names.hidden = found.length === 0;
  const list = el('ul', { className: 'chips' });
  for (const n of found) list.append(el('li', {}, [el('span', { className: 'search-name-kind', text: `${T.nameKind[n.kind]}：` }), siteLink(n.href, n.name)]));
  ui.names.replaceChildren(el('h2', { className: 'search-names-title', text: T.namesTitle }), list);
}

let pagefind: Promise<ShardIndex> | null = null;

/** The index's shards (one, `all`, for a base below the shard size); read beside pagefind.js. */
async function loadManifest(): Promise<ShardManifest> {
  const url = `${BUNDLE_DIR}${SHARD_MANIFEST}`;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return parseShardManifest(await response.json(), url);
}

/** The index, its newest shard open; older shards are opened as a search needs them. */
function loadPagefind(): Promise<ShardIndex> {
  pagefind ??= Promise.all([import(/* @vite-ignore */ BUNDLE_URL) as Promise<PagefindModule>, loadManifest()]).then(([module, manifest]) =>
    // Pagefind's result URLs are relative to the folder it indexed: add the base path the site is served under.
    openShardIndex(module, manifest, BUNDLE_DIR, { excerptLength: 30, baseUrl: BASE_PATH }),
  );
  return pagefind;
}

/** Distinct values per facet, written by search.astro: which facets are short enough to start open. */
const facetSizes = parseFacetSizes(ui.facets.dataset.facetSizes);
/** Documents per value of the short facets, written by search.astro: the counts with nothing asked. */
const facetTotals = parseFacetTotals(ui.facets.dataset.facetTotals);
/** Facets the reader opened or closed by hand; the rest follow openFacets' rule. */
const facetChoice = new Map<FacetParam, boolean>();
/** Facets whose filter index is loaded: only these have counts. */
const loadedFacets = new Set<FacetParam>();

const shownOpen = (): Set<FacetParam> => new Set(openFacets(facetSizes, state, facetChoice));

/** Loads the filter indexes of these facets that are not loaded yet. */
async function loadFacets(api: PagefindApi, params: Iterable<FacetParam>): Promise<void> {
  const missing = [...params].filter((p) => !loadedFacets.has(p));
  if (missing.length === 0) return;
  await api.preload(null, { filters: filterIndexesOf(missing) });
  for (const p of missing) loadedFacets.add(p);
}

/** The facet counts of the current state, over the loaded facets and every shard. */
async function currentCounts(index: ShardIndex): Promise<FilterCounts> {
  await index.openAll();
  if (isEmptyState(state)) return (await index.api.search(null)).filters;
  return (await runSearch(index.api, state)).counts;
}

const pageTitle = document.title;
/** The order of content/site.yaml (defaultSort), written by search.astro. */
const defaultSort: SortOrder = (SORTS as readonly string[]).includes(ui.app.dataset.defaultSort ?? '') ? (ui.app.dataset.defaultSort as SortOrder) : 'relevance';
let state: SearchState = parseSearchState(location.search, defaultSort);
/** Each render gets a number; a render that a newer one overtook stops writing to the page. */
let generation = 0;
/** The documents of the current search, in order; their data is loaded a page at a time. */
let details: PagefindResult[] = [];
let shown = 0;
/** The documents that contain only part of the query, and how many of them are shown. */
let partial: PagefindResult[] = [];
let partialShown = 0;
/** True when the reader pressed Enter: focus then moves to the result count. */
let focusResults = false;
/** True while the URL entry being edited is the one typing created (typing replaces it). */
let typingEntry = false;
let typingTimer: ReturnType<typeof setTimeout> | undefined;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: { className?: string; text?: string } = {}, children: Node[] = []): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  node.append(...children);
  return node;
}

/** A link to a page of this site; anything else (never expected from the index) becomes text. */
function siteLink(href: string, text: string): HTMLElement {
  if (!href.startsWith('/') || href.startsWith('//')) return el('span', { text });
  const a = el('a', { text });
  a.href = href;
  return a;
}

function showOnly(part: 'empty' | 'none' | 'error' | 'results' | 'loading'): void {
  ui.app.dataset.state = part;
  if (part === 'empty' || part === 'error') {
    ui.names.hidden = true;
    resetPartial([]);
  }
  ui.empty.hidden = part !== 'empty';
  ui.none.hidden = part !== 'none';
  ui.error.hidden = part !== 'error';
  if (part !== 'results' && part !== 'loading') {
    ui.unchecked.hidden = true;
    ui.list.replaceChildren();
    ui.more.hidden = true;
  }
}

function setUrl(next: SearchState, mode: 'push' | 'replace'): void {
  const url = `${location.pathname}${serializeSearchState(next, defaultSort)}`;
  if (url === `${location.pathname}${location.search}`) return;
  if (mode === 'push') history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}

/** Moves to a new state: writes the URL and renders. */
function go(next: SearchState, mode: 'push' | 'replace'): void {
  state = next;
  setUrl(next, mode);
  void render();
}

/** The facets the last render showed counts for (opening one of the others counts it). */
let countedFacets: ReadonlySet<FacetParam> = new Set();

/** Renders the facets; `counted` are those whose counts `counts` holds (the loaded ones unless said). */
function renderFacets(counts: FilterCounts, counted: ReadonlySet<FacetParam> = loadedFacets): void {
  countedFacets = new Set(counted);
  // Keep keyboard focus on the same checkbox across the re-render.
  const active = document.activeElement instanceof HTMLInputElement && ui.facets.contains(document.activeElement) ? document.activeElement : null;
  const focusKey = active ? `${active.dataset.param}\u0000${active.value}` : null;
  const groups: HTMLElement[] = [];
  const open = shownOpen();
  for (const facet of FACETS) {
    const selected = state.filters[facet.param] ?? [];
    const summary = el('summary', { text: selected.length > 0 ? `${facet.label}（已选 ${selected.length}）` : facet.label });
    if (!counted.has(facet.param)) {
      // Not counted yet: opening it loads its index (the toggle listener below).
      const group = el('details', { className: 'search-facet' }, [summary, el('p', { className: 'search-facet-loading', text: T.facetLoading })]);
      group.dataset.param = facet.param;
      groups.push(group);
      continue;
    }
    const options = facetOptions(facet, counts[facet.filter] ?? {}, selected);
    if (options.length === 0) continue;
    const list = el('ul', { className: 'search-facet-values' });
    for (const option of options) {
      const box = el('input');
      box.type = 'checkbox';
      box.value = option.value;
      box.checked = option.selected;
      box.dataset.param = facet.param;
      const label = el('label', {}, [box, el('span', { className: 'search-facet-value', text: option.value }), el('span', { className: 'search-count', text: String(option.count) })]);
      list.append(el('li', {}, [label]));
    }
    const details = el('details', { className: 'search-facet' }, [summary, list]);
    details.dataset.param = facet.param;
    details.open = open.has(facet.param);
    groups.push(details);
  }
  ui.facets.replaceChildren(...groups);
  ui.clear.hidden = Object.keys(state.filters).length === 0;
  if (focusKey) {
    const again = [...ui.facets.querySelectorAll<HTMLInputElement>('input[type=checkbox]')].find((b) => `${b.dataset.param}\u0000${b.value}` === focusKey);
    again?.focus();
  }
}

function renderResult(view: ResultView, withParts: boolean, narrowed = false): HTMLElement {
  const item = el('li', { className: 'search-result' });
  item.append(el('h2', { className: 'search-result-title' }, [siteLink(view.url, view.title)]));
  const facts = T.resultFacts(view.place, view.date);
  if (facts) item.append(el('p', { className: 'search-result-facts', text: facts }));
  if (!withParts) return item;
  if (view.missing.length > 0) item.append(el('p', { className: 'search-result-partial', text: T.missing(view.missing) }));
  const parts = el('ul', { className: 'search-parts' });
  for (const part of view.subResults) {
    const excerpt = el('p', { className: 'search-excerpt' });
    excerpt.innerHTML = part.excerptHtml;
    parts.append(el('li', {}, [siteLink(part.url, part.anchor === null ? T.opening : part.title), excerpt]));
  }
  item.append(parts);
  if (narrowed && view.subResults.length === 0) item.append(el('p', { className: 'search-result-partial', text: T.unitNoParts(state.filters.unit ?? []) }));
  if (view.moreSubResults > 0) item.append(el('p', { className: 'search-more-parts' }, [siteLink(view.url, T.moreParts(view.moreSubResults))]));
  return item;
}

/** The views of a batch of results; with a 责任单位 chosen, each shows only that unit's measures. */
async function viewsOf(batch: readonly PagefindResult[]): Promise<ResultView[]> {
  const datas = await Promise.all(batch.map((r) => r.data()));
  return datas.map((d) => toResultView(d, state.q, undefined, anchorsOfUnits(d.meta.unitMeasures, state.filters.unit)));
}

async function showMore(run: number): Promise<void> {
  const batch = details.slice(shown, shown + (shown === 0 ? RESULTS_FIRST : RESULTS_MORE));
  const views = await viewsOf(batch);
  if (run !== generation) return;
  shown += batch.length;
  // In relevance order, the documents that say the phrase come before those that only share its
  // words (within each page of results: the rest are not loaded yet).
  const ordered = state.sort === 'relevance' && state.q !== '' ? sayingFirst(views) : views;
  const narrowed = (state.filters.unit?.length ?? 0) > 0;
  ui.list.append(...ordered.map((v) => renderResult(v, state.q !== '', narrowed)));
  ui.more.hidden = shown >= details.length;
}

/** The next batch of the documents that contain only part of the query (loaded when opened). */
async function showMorePartial(run: number): Promise<void> {
  const batch = partial.slice(partialShown, partialShown + RESULTS_MORE);
  const views = await viewsOf(batch);
  if (run !== generation) return;
  partialShown += batch.length;
  ui.partialList.append(...views.map((v) => renderResult(v, true)));
  ui.partialMore.hidden = partialShown >= partial.length;
}

function resetPartial(found: PagefindResult[]): void {
  partial = found;
  partialShown = 0;
  ui.partialList.replaceChildren();
  ui.partialMore.hidden = true;
  ui.partial.open = false;
  ui.partial.hidden = found.length === 0;
  ui.partialSummary.textContent = T.partial(found.length);
}

async function render(): Promise<void> {
  const run = ++generation;
  if (document.activeElement !== ui.input) ui.input.value = state.q;
  const headerBox = document.getElementById('site-search-q');
  if (headerBox instanceof HTMLInputElement) headerBox.value = state.q;
  ui.sort.value = state.sort;
  document.title = state.q === '' ? pageTitle : `“${state.q}” · ${pageTitle}`;

  if (isEmptyState(state)) {
    // Nothing asked: the open facets' totals come with the page when it has them all.
    const open = shownOpen();
    if ([...open].every((p) => facetTotals[FACETS.find((f) => f.param === p)!.filter] !== undefined)) {
      details = [];
      renderFacets(facetTotals, open);
      showOnly('empty');
      ui.status.textContent = '';
      ui.sort.parentElement!.hidden = true;
      return;
    }
  }

  let index: ShardIndex;
  try {
    index = await loadPagefind();
  } catch {
    if (run !== generation) return;
    showOnly('error');
    ui.status.textContent = '';
    return;
  }
  try {
    await loadFacets(index.api, shownOpen());
  } catch {
    // Without the facet indexes the search still works; the facets stay uncounted.
  }
  if (isEmptyState(state)) {
    const totals = await currentCounts(index);
    if (run !== generation) return;
    details = [];
    renderFacets(totals);
    showOnly('empty');
    ui.status.textContent = '';
    ui.sort.parentElement!.hidden = true;
    return;
  }

  ui.app.dataset.state = 'loading';
  ui.status.textContent = T.loading;
  const named = renderNames(run);
  const outcome = await searchFirstScreen(index, state, RESULTS_FIRST);
  if (run !== generation) return;

  details = outcome.results;
  shown = 0;
  renderFacets(outcome.counts);
  resetPartial(outcome.partial);
  await named;
  if (run !== generation) return;
  ui.status.textContent = outcome.complete ? T.count(details.length, state.q) : outcome.pending ? T.counting : T.countSoFar(details.length, openedSince(index));
  if (focusResults) {
    // After Enter the reader goes to the results, not back to the top of the page.
    focusResults = false;
    ui.status.focus();
  }
  ui.unchecked.hidden = outcome.pending || outcome.unchecked === 0;
  ui.unchecked.textContent = T.unchecked(outcome.unchecked);
  ui.sort.parentElement!.hidden = details.length < 2;
  if (details.length === 0) {
    showOnly('none');
    ui.noneTitle.textContent = T.noResultsTitle(state.q);
    ui.noneUnfilter.hidden = Object.keys(state.filters).length === 0 || state.q === '';
    ui.noneUnfilter.href = `${location.pathname}${serializeSearchState({ ...state, filters: {} }, defaultSort)}`;
    return;
  }
  showOnly('results');
  ui.list.replaceChildren();
  await showMore(run);
  if (run !== generation) return;
  if (!outcome.complete) await completeSearch(index, run);
  if (run === generation) ui.app.dataset.state = 'done';
}

/** The oldest year of the shards open so far (what a count before the rest arrives covers). */
function openedSince(index: ShardIndex): string {
  return index.manifest.shards[index.opened() - 1]?.oldest ?? '';
}

/**
 * After a first screen (from the newest shards, or with only its documents checked for the words
 * as written): opens the rest and searches again, for the full count, the facet counts and the
 * later pages. The documents listed stay: newest first, the newest shards' documents come first
 * whatever else is found, and checking more documents adds only documents listed after them.
 */
async function completeSearch(index: ShardIndex, run: number): Promise<void> {
  ui.app.dataset.state = 'counting';
  let outcome: SearchOutcome;
  try {
    await index.openAll();
    outcome = await runSearch(index.api, state);
  } catch {
    return;
  }
  if (run !== generation) return;
  const listed = details.slice(0, shown).map((r) => r.id);
  details = outcome.results;
  renderFacets(outcome.counts);
  if (!ui.partial.open) resetPartial(outcome.partial);
  ui.status.textContent = T.count(details.length, state.q);
  ui.unchecked.hidden = outcome.unchecked === 0;
  ui.unchecked.textContent = T.unchecked(outcome.unchecked);
  ui.sort.parentElement!.hidden = details.length < 2;
  if (listed.some((id, i) => details[i]?.id !== id)) {
    // Not expected (see above); if the order moved, list again rather than show a wrong one.
    shown = 0;
    ui.list.replaceChildren();
    await showMore(run);
  } else {
    ui.more.hidden = shown >= details.length;
  }
}

ui.form.addEventListener('submit', (event) => {
  event.preventDefault();
  clearTimeout(typingTimer);
  const q = ui.input.value.trim();
  // Typing already put the query in the URL entry it made; a new query gets its own entry.
  focusResults = true;
  go({ ...state, q }, typingEntry ? 'replace' : 'push');
  typingEntry = false;
});

ui.input.addEventListener('input', () => {
  clearTimeout(typingTimer);
  typingTimer = setTimeout(() => {
    const q = ui.input.value.trim();
    if (q === state.q) return;
    go({ ...state, q }, typingEntry ? 'replace' : 'push');
    typingEntry = true;
  }, TYPING_DELAY_MS);
});

ui.facets.addEventListener('change', (event) => {
  const box = event.target;
  if (!(box instanceof HTMLInputElement) || !box.dataset.param) return;
  typingEntry = false;
  go(toggleFilter(state, box.dataset.param as FacetParam, box.value), 'push');
});

// A facet opened by hand is loaded and counted; `toggle` does not bubble, hence the capture.
ui.facets.addEventListener(
  'toggle',
  (event) => {
    const group = event.target;
    if (!(group instanceof HTMLDetailsElement) || !group.dataset.param) return;
    const param = group.dataset.param as FacetParam;
    // Renders set `open` too; only a change from what is shown open is the reader's choice.
    if (group.open !== shownOpen().has(param)) facetChoice.set(param, group.open);
    if (group.open && !countedFacets.has(param)) void countFacet(param);
  },
  true,
);

async function countFacet(param: FacetParam): Promise<void> {
  const run = generation;
  try {
    const index = await loadPagefind();
    await loadFacets(index.api, [param]);
    const counts = await currentCounts(index);
    // A newer render counts the facet itself.
    if (run === generation) renderFacets(counts);
  } catch {
    // Left uncounted; opening it again retries.
  }
}

ui.clear.addEventListener('click', () => {
  typingEntry = false;
  go({ ...state, filters: {} }, 'push');
});

ui.sort.addEventListener('change', () => {
  const sort = (SORTS as readonly string[]).includes(ui.sort.value) ? (ui.sort.value as SortOrder) : defaultSort;
  typingEntry = false;
  go({ ...state, sort }, 'push');
});

ui.more.addEventListener('click', () => void showMore(generation));
ui.partialMore.addEventListener('click', () => void showMorePartial(generation));
ui.partial.addEventListener('toggle', () => {
  if (ui.partial.open && partialShown === 0 && partial.length > 0) void showMorePartial(generation);
});

window.addEventListener('popstate', () => {
  typingEntry = false;
  state = parseSearchState(location.search, defaultSort);
  ui.input.value = state.q;
  void render();
});

// Start loading the index as soon as the reader is in the box.
ui.input.addEventListener('focus', () => void loadPagefind().catch(() => undefined), { once: true });

void render();
