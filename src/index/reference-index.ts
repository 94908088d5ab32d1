/**
 * Policy lineage: the documents the base cites (依据文件), who cites each and with which
 * measures, which cited documents are in the base themselves, and the chain from national to
 * county documents that these citations form.
 *
 * A cited document is one group of citations that share a 文号 or a title key
 * (src/extract/references.ts), so 《义务教育法》 and 《中华人民共和国义务教育法》 are one page.
 * Its URL is made from that key, never from the base document it may match, so it keeps its
 * address when the cited document later joins the base.
 */
import { collator, summarize, type DocSummary, type PolicyDoc } from './documents.ts';
import type { Gazetteer } from '../vocab/places.ts';
import { isLawTitle, normaliseDocNumber, referenceKey, type Relation } from '../extract/references.ts';
import { slugify } from '../format/slug.ts';
import { toSimplified } from '../extract/simplified-reading.ts';

/** Levels of government a document can come from, highest first. */
export const LEVELS = ['国家', '省', '市', '县'] as const;
export type Level = (typeof LEVELS)[number];

/** Place names by level, with the short forms titles use (江苏, 泰州). */
export interface PlaceLevels {
  /** name (full or short) → level, longest names tried first. */
  names: [string, Level][];
}

const PROVINCE_SUFFIX = /(?:省|市|(?:壮族|回族|维吾尔)?自治区|特别行政区)$/u;
const CITY_SUFFIX = /(?:市|地区|盟|(?:[\p{Script=Han}]{1,6}族)+自治州|自治州)$/u;

/** The gazetteer read as names by level; short forms only where two characters or more remain. */
export function placeLevelsOf(gazetteer: Gazetteer): PlaceLevels {
  const map = new Map<string, Level>();
  const put = (name: string, level: Level): void => {
    // A name shared by levels (吉林省/吉林市) stays with the higher level.
    const had = map.get(name);
    if (had === undefined || LEVELS.indexOf(level) < LEVELS.indexOf(had)) map.set(name, level);
  };
  for (const [province, cities] of Object.entries(gazetteer)) {
    put(province, '省');
    const short = province.replace(PROVINCE_SUFFIX, '');
    if (short.length >= 2) put(short, '省');
    for (const [city, subs] of Object.entries(cities)) {
      // Municipalities (北京市) list themselves as their only city.
      if (city !== province) {
        put(city, '市');
        const shortCity = city.replace(CITY_SUFFIX, '');
        if (shortCity.length >= 2) put(shortCity, '市');
      }
      for (const sub of subs) if (/[县旗]$|市$/u.test(sub)) put(sub, '县');
    }
  }
  return { names: [...map.entries()].sort((a, b) => b[0].length - a[0].length) };
}

// National issuers and 文号 prefixes (国办发, 教基, 中办发); province abbreviations lead provincial 文号 (闽政办, 晋教基).
const NATIONAL_TITLE = /^(?:中共中央|国务院|全国人大|全国人民代表大会|教育部|国家|中国|中华人民共和国)|^[^省市县区]{0,12}(?:中共中央|国务院|教育部)/u;
const NATIONAL_WORD = /中共中央|国务院|全国人大|全国人民代表大会|教育部|国家|中国|中华人民共和国/u;
const NATIONAL_NUMBER = /^(?:国[发办函]|国务院|中发|中办|教[\p{Script=Han}]{0,4}〔)/u;
const PROVINCE_NUMBER = /^[京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川黔滇藏陕甘青宁新][政办教委财人发督]/u;
const GENERIC_LEVEL: [RegExp, Level][] = [
  [/^(?:中共)?(?:省委|省政府|省人民政府|省教育厅|省人大)/u, '省'],
  [/^(?:中共)?(?:市委|市政府|市人民政府|市教育局)/u, '市'],
  [/^(?:中共)?(?:县委|县政府|县人民政府|县教育局)/u, '县'],
];

/** The level a cited document comes from, and why; null when neither title nor 文号 tells. */
export function levelOf(title: string, docNumber: string | null, places: PlaceLevels): { level: Level; reason: string } | null {
  if (NATIONAL_TITLE.test(title)) return { level: '国家', reason: `标题中的“${NATIONAL_WORD.exec(title)![0]}”` };
  if (docNumber && NATIONAL_NUMBER.test(docNumber)) return { level: '国家', reason: `文号“${docNumber}”` };
  // The first place the title names is its issuer's (江苏省委…关于…; 泰州教育…); a place later in it is a subject.
  let first: { at: number; name: string; level: Level } | null = null;
  for (const [name, level] of places.names) {
    const at = title.indexOf(name);
    if (at >= 0 && (first === null || at < first.at)) first = { at, name, level };
  }
  if (first && first.at <= 12) return { level: first.level, reason: `标题中的“${first.name}”` };
  for (const [re, level] of GENERIC_LEVEL) if (re.test(title)) return { level, reason: `标题以“${re.exec(title)![0]}”开头` };
  if (docNumber && PROVINCE_NUMBER.test(docNumber)) return { level: '省', reason: `文号“${docNumber}”` };
  if (isLawTitle(title)) return { level: '国家', reason: '法律' };
  return null;
}

/** The level of a document of the base, from its place (a county-level city is 县). */
export function docLevel(doc: DocSummary, places: PlaceLevels): Level | null {
  const byTitle = levelOf(doc.issuer ?? doc.title, doc.docNumber, places);
  if (byTitle?.level === '国家') return '国家';
  if (doc.city) return places.names.find(([n]) => n === doc.city)?.[1] ?? '市';
  if (doc.province) return '省';
  return byTitle?.level ?? null;
}

/** A measure of a citing document that carries out the cited one, and why it was chosen. */
export interface ImplementingMeasure {
  id: string;
  number: string;
  title: string;
  /** 引用原文 when the measure names the cited title, else 共同主题：<theme>. */
  why: string;
}

/** One document of the base citing a cited document. */
export interface Citation {
  doc: DocSummary;
  relation: Relation;
  /** The title as this document writes it. */
  title: string;
  docNumber: string | null;
  measures: ImplementingMeasure[];
  /** Further matching measures not listed. */
  moreMeasures: number;
}

export interface CitedDocument {
  slug: string;
  /** The spelling most documents use (the longest on a tie). */
  title: string;
  /** Every other spelling met. */
  otherTitles: string[];
  docNumber: string | null;
  level: Level | null;
  /** Why the level was told (标题中的“江苏”, 文号“国办发”), null when unknown. */
  levelReason: string | null;
  /** The document of the base it is, matched by 文号 then by title; null when not in the base. */
  inBase: DocSummary | null;
  /** How it was matched to the base document: 文号 or 标题. */
  matchedBy: '文号' | '标题' | null;
  /** Citing documents, higher levels first, then by place and year. */
  citations: Citation[];
}

/** A cited document as the citing document's basis (本文件的依据). */
export interface BasisEntry {
  cited: CitedDocument;
  relation: Relation;
  title: string;
  docNumber: string | null;
}

export interface ReferenceIndex {
  /** Most cited first, then higher level, then title. */
  cited: CitedDocument[];
  bySlug: ReadonlyMap<string, CitedDocument>;
  /** What each document of the base cites, in its order. */
  basisOf: ReadonlyMap<string, BasisEntry[]>;
  /** The cited document that a document of the base is, when some document cites it. */
  citedAs: ReadonlyMap<string, CitedDocument>;
  /** Level of each document of the base (by slug). */
  docLevels: ReadonlyMap<string, Level | null>;
}

/** What the index needs to know about measures and themes. */
export interface ReferenceContext {
  places: PlaceLevels;
  /** Theme slugs a title speaks of. */
  themesOfTitle: (title: string) => readonly string[];
  /** Theme slugs of a measure of a document. */
  measureThemes: (docSlug: string, measureId: string) => readonly string[];
  /** The text of a measure (without its 责任单位 line). */
  measureText: (docSlug: string, measureId: string) => string;
  themeName: (slug: string) => string;
}

/** Measures listed per citation; the rest are counted. */
export const MEASURES_PER_CITATION = 6;

// Titles that name no document on their own (《实施意见》, 《政府工作报告》): they meet only within one place.
const GENERIC_KEY_LENGTH = 6;

// FNV-1a of the group's key: the slug stays short and unique for long titles sharing a start.
function tag(text: string): string {
  let h = 0x811c9dc5;
  for (const ch of text) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).slice(0, 5);
}

/** The URL segment of a cited document: pinyin of the title's first words and a tag of its key. */
export function citedSlug(groupKey: string, title: string): string {
  const words = slugify(toSimplified(title), 6);
  return `${words === '' ? 'wenjian' : words}-${tag(groupKey)}`;
}

class UnionFind {
  private parent = new Map<string, string>();
  find(x: string): string {
    let p = this.parent.get(x) ?? x;
    if (p !== x) {
      p = this.find(p);
      this.parent.set(x, p);
    }
    return p;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb < ra ? ra : rb, rb < ra ? rb : ra);
  }
}

function mostCommon(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1))[0]![0];
}

const levelRank = (l: Level | null): number => (l === null ? LEVELS.length : LEVELS.indexOf(l));

/** Builds the reference index of the base; linear in the documents and their references. */
export function buildReferenceIndex(docs: readonly PolicyDoc[], ctx: ReferenceContext): ReferenceIndex {
  const summaries = new Map(docs.map((d) => [d.slug, summarize(d)]));
  const docLevels = new Map([...summaries].map(([slug, s]) => [slug, docLevel(s, ctx.places)]));
  interface Raw { doc: PolicyDoc; key: string; title: string; docNumber: string | null; relation: Relation }
  const raws: Raw[] = [];
  const uf = new UnionFind();
  for (const doc of docs) {
    const place = doc.data.city ?? doc.data.province ?? '';
    for (const r of doc.data.references) {
      let key = referenceKey(r.title);
      if (key.length <= GENERIC_KEY_LENGTH && !r.docNumber && !isLawTitle(r.title)) key = `${place}|${key}`;
      const docNumber = r.docNumber ? normaliseDocNumber(r.docNumber) : null;
      raws.push({ doc, key, title: r.title, docNumber, relation: r.relation });
      if (docNumber) uf.union(`k:${key}`, `n:${docNumber}`);
      else uf.find(`k:${key}`);
    }
  }
  const groups = new Map<string, Raw[]>();
  for (const r of raws) {
    const root = uf.find(`k:${r.key}`);
    const list = groups.get(root) ?? [];
    list.push(r);
    groups.set(root, list);
  }

  // Base documents by 文号 and by title key, to match cited documents.
  const byNumber = new Map<string, PolicyDoc>();
  const byKey = new Map<string, PolicyDoc>();
  for (const d of docs) {
    if (d.data.docNumber) byNumber.set(normaliseDocNumber(d.data.docNumber), d);
    byKey.set(referenceKey(d.data.title), d);
  }

  const themeSets = new Map<string, readonly string[]>();
  const cited: CitedDocument[] = [];
  const basisOf = new Map<string, BasisEntry[]>();
  const citedAs = new Map<string, CitedDocument>();
  const usedSlugs = new Set<string>();
  for (const list of groups.values()) {
    const numbers = list.map((r) => r.docNumber).filter((n): n is string => n !== null);
    const docNumber = numbers.length > 0 ? mostCommon(numbers) : null;
    const title = mostCommon(list.map((r) => r.title));
    const keys = [...new Set(list.map((r) => r.key))].sort();
    const groupKey = docNumber ?? keys[0]!;
    let slug = citedSlug(groupKey, title);
    while (usedSlugs.has(slug)) slug = `${slug}-2`;
    usedSlugs.add(slug);
    let base: PolicyDoc | undefined;
    let matchedBy: CitedDocument['matchedBy'] = null;
    for (const n of new Set(numbers)) {
      base ??= byNumber.get(n);
      if (base) matchedBy = '文号';
    }
    if (!base) {
      for (const k of keys) base ??= byKey.get(k);
      if (base) matchedBy = '标题';
    }
    const level = base ? { level: docLevels.get(base.slug) ?? null, reason: '库中文件的地区' } : levelOf(title, docNumber, ctx.places);
    const entry: CitedDocument = {
      slug,
      title,
      otherTitles: [...new Set(list.map((r) => r.title))].filter((t) => t !== title),
      docNumber: docNumber ?? base?.data.docNumber ?? null,
      level: level?.level ?? null,
      levelReason: level?.level ? level.reason : null,
      inBase: base ? summaries.get(base.slug)! : null,
      matchedBy,
      citations: [],
    };
    const themes = themeSets.get(title) ?? ctx.themesOfTitle(title);
    themeSets.set(title, themes);
    const seenDocs = new Set<string>();
    for (const r of list) {
      // A document never cites itself, and one citing twice under two spellings is one citation.
      if (r.doc.slug === base?.slug || seenDocs.has(r.doc.slug)) continue;
      seenDocs.add(r.doc.slug);
      const { measures, more } = implementingMeasures(r.doc, list.filter((x) => x.doc === r.doc).map((x) => x.title), themes, ctx);
      entry.citations.push({ doc: summaries.get(r.doc.slug)!, relation: r.relation, title: r.title, docNumber: r.docNumber, measures, moreMeasures: more });
      const basis = basisOf.get(r.doc.slug) ?? [];
      basis.push({ cited: entry, relation: r.relation, title: r.title, docNumber: r.docNumber });
      basisOf.set(r.doc.slug, basis);
    }
    if (entry.citations.length === 0) continue;
    entry.citations.sort(
      (a, b) =>
        levelRank(docLevels.get(a.doc.slug) ?? null) - levelRank(docLevels.get(b.doc.slug) ?? null) ||
        collator.compare(a.doc.place, b.doc.place) ||
        (a.doc.year ?? 0) - (b.doc.year ?? 0) ||
        (a.doc.slug < b.doc.slug ? -1 : 1),
    );
    if (base) citedAs.set(base.slug, entry);
    cited.push(entry);
  }
  // Each citing document lists its basis in the order it cites them.
  for (const [slug, list] of basisOf) {
    const order = new Map(docs.find((d) => d.slug === slug)!.data.references.map((r, i) => [r.title, i]));
    list.sort((a, b) => (order.get(a.title) ?? 0) - (order.get(b.title) ?? 0));
  }
  cited.sort((a, b) => b.citations.length - a.citations.length || levelRank(a.level) - levelRank(b.level) || collator.compare(a.title, b.title));
  return { cited, bySlug: new Map(cited.map((c) => [c.slug, c])), basisOf, citedAs, docLevels };
}

function implementingMeasures(doc: PolicyDoc, titles: string[], themes: readonly string[], ctx: ReferenceContext): { measures: ImplementingMeasure[]; more: number } {
  const out: ImplementingMeasure[] = [];
  const keys = titles.map(referenceKey);
  for (const m of doc.data.measures) {
    const text = `${m.title}\n${ctx.measureText(doc.slug, m.id)}`;
    const quoted = [...text.matchAll(/《([^《》]{2,160})》/gu)].some((q) => keys.includes(referenceKey(q[1]!)));
    if (quoted) {
      out.push({ id: m.id, number: m.number, title: m.title, why: '引用原文' });
      continue;
    }
    const shared = ctx.measureThemes(doc.slug, m.id).find((t) => themes.includes(t));
    if (shared) out.push({ id: m.id, number: m.number, title: m.title, why: `共同主题：${ctx.themeName(shared)}` });
  }
  // Measures that quote the title come first.
  out.sort((a, b) => Number(b.why === '引用原文') - Number(a.why === '引用原文'));
  return { measures: out.slice(0, MEASURES_PER_CITATION), more: Math.max(0, out.length - MEASURES_PER_CITATION) };
}

/** A node of the lineage tree: a document of the base or a cited document outside it. */
export interface LineageNode {
  kind: 'policy' | 'cited';
  slug: string;
  title: string;
  level: Level | null;
  place: string | null;
  year: number | null;
  /** How the node relates to its parent in the tree (the lower document's relation to the higher). */
  relation: Relation | null;
  children: LineageNode[];
}

/** The start of a walk: a policy page or a cited document's page. */
export type LineageStart = { kind: 'policy'; slug: string } | { kind: 'cited'; slug: string };

/** Levels walked up or down from a page. */
export const LINEAGE_DEPTH = 4;

/** The lineage around a page: the documents above it (its basis, theirs …) and below it (who cite it …). */
export function lineage(index: ReferenceIndex, start: LineageStart, depth = LINEAGE_DEPTH): { up: LineageNode[]; down: LineageNode[] } {
  const startCited = start.kind === 'cited' ? index.bySlug.get(start.slug) ?? null : index.citedAs.get(start.slug) ?? null;
  const startDoc = start.kind === 'policy' ? start.slug : startCited?.inBase?.slug ?? null;
  const citedNode = (c: CitedDocument, relation: Relation | null): LineageNode =>
    c.inBase
      ? { kind: 'policy', slug: c.inBase.slug, title: c.inBase.title, level: c.level, place: c.inBase.place, year: c.inBase.year, relation, children: [] }
      : { kind: 'cited', slug: c.slug, title: c.title, level: c.level, place: null, year: null, relation, children: [] };

  const up = (docSlug: string | null, seen: Set<string>, left: number): LineageNode[] => {
    if (docSlug === null || left === 0) return [];
    return (index.basisOf.get(docSlug) ?? [])
      .filter((b) => !seen.has(b.cited.slug))
      .map((b) => {
        const node = citedNode(b.cited, b.relation);
        node.children = up(b.cited.inBase?.slug ?? null, new Set([...seen, b.cited.slug]), left - 1);
        return node;
      })
      .sort((a, b) => levelRank(a.level) - levelRank(b.level));
  };
  const down = (c: CitedDocument | null, seen: Set<string>, left: number): LineageNode[] => {
    if (c === null || left === 0) return [];
    return c.citations
      .filter((x) => !seen.has(x.doc.slug))
      .map((x) => ({
        kind: 'policy' as const,
        slug: x.doc.slug,
        title: x.doc.title,
        level: index.docLevels.get(x.doc.slug) ?? null,
        place: x.doc.place,
        year: x.doc.year,
        relation: x.relation,
        children: down(index.citedAs.get(x.doc.slug) ?? null, new Set([...seen, x.doc.slug]), left - 1),
      }));
  };
  const self = new Set([startCited?.slug, startDoc].filter((s): s is string => !!s));
  return { up: up(startDoc, self, depth), down: down(startCited, self, depth) };
}
