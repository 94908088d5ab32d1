/**
 * The directory of responsible units: for each kind of body (市教育局, 市财政局), every measure
 * it leads, supports or is responsible for, and every document it issued, across all
 * documents and places.
 *
 * Units are keyed by their role name: 济源市教育局 and 靖江市教育局 are both 市教育局, so one
 * page compares the same body across places; the name each document uses stays visible.
 * Built in one pass over the measures; nothing compares documents with each other.
 */
import type { Gazetteer } from './places.ts';
import type { Measure } from './schema.ts';
import type { AliasTable } from './units.ts';
import { collator, summarize, byDateDesc, type DocSummary, type PolicyDoc } from './documents.ts';
import { nameSlug, type Slug } from './site-paths.ts';
import { groupByPlace, regionOf } from './place-pages.ts';
import { UNKNOWN, type UnitRole } from './ui-text.ts';

/** Turns a unit name of one place (济源市教育局) into its role name (市教育局). */
export type RoleNamer = (name: string) => string;

// The level a stripped place leaves in front of the department: 靖江市 → 市, 海陵区 → 区.
const LEVEL_OF_PLACE = /[省市县区州盟旗镇]$/u;
// Anonymised places in published samples: xx市, ××县, 某区.
const PLACEHOLDER = /^[xX×＊*某]{1,4}[省市县区]/u;
const PARTY = /^中共/u;

/** All names of the gazetteer: provinces, cities, counties and districts. */
export function placeNamesOf(gazetteer: Gazetteer): Set<string> {
  const names = new Set<string>();
  for (const [province, cities] of Object.entries(gazetteer)) {
    names.add(province);
    for (const [city, subs] of Object.entries(cities)) {
      names.add(city);
      for (const sub of subs) names.add(sub);
    }
  }
  return names;
}

/**
 * A role namer over a set of place names: strips the leading places of a unit name
 * (河南省济源市教育局 → 市教育局) and maps the result through the alias table.
 */
export function roleNamer(placeNames: ReadonlySet<string>, aliases: AliasTable = {}): RoleNamer {
  let longest = 0;
  for (const n of placeNames) longest = Math.max(longest, [...n].length);
  const leadingPlace = (text: string): string | null => {
    const placeholder = PLACEHOLDER.exec(text);
    if (placeholder) return placeholder[0];
    const chars = [...text];
    // Longest first: 济源市 before 济源; the rest must keep at least one character.
    for (let len = Math.min(longest, chars.length - 1); len >= 2; len--) {
      const candidate = chars.slice(0, len).join('');
      if (placeNames.has(candidate)) return candidate;
    }
    return null;
  };
  const alias = (name: string): string => (Object.hasOwn(aliases, name) ? (aliases[name] ?? name) : name);
  return (name: string): string => {
    const party = PARTY.exec(name)?.[0] ?? '';
    let rest = name.slice(party.length);
    let level: string | null = null;
    for (let place = leadingPlace(rest); place !== null; place = leadingPlace(rest)) {
      const l = LEVEL_OF_PLACE.exec(place)?.[0];
      // 某某街道 or 某开发区管委会: no level to keep, so the name stays as written.
      if (!l) break;
      level = l;
      rest = rest.slice(place.length);
    }
    return alias(level === null ? name : `${party}${level}${rest}`);
  };
}

/** One measure of a unit in one document. */
export interface UnitMeasure {
  measure: Measure;
  role: Exclude<UnitRole, 'issuer'>;
}

/** What one document asks of one unit. */
export interface UnitDocument {
  doc: DocSummary;
  /** The unit's names as this document gives them (济源市教育局), in order of appearance. */
  names: string[];
  /** Measures that name the unit, in document order. */
  measures: UnitMeasure[];
  /** The unit issued this document. */
  issued: boolean;
  /** In a document the unit issued: the measures that name no responsible unit. */
  ownDuties: Measure[];
  counts: Record<UnitRole, number>;
}

/** A co-responsible unit and the number of measures shared with it. */
export interface CoUnit {
  name: string;
  measures: number;
}

/** Everything the site knows about one role name. */
export interface UnitEntry {
  /** The role name, e.g. 市教育局. */
  name: string;
  slug: Slug;
  /** Documents that name or issued the unit: by place (未注明 last), newest first. */
  documents: UnitDocument[];
  /** Measures per role; `issuer` counts the documents issued. */
  counts: Record<UnitRole, number>;
  /** Measures in documents the unit issued that name no responsible unit. */
  ownDuties: number;
  /** Units named in the same measures, most shared first. */
  coUnits: CoUnit[];
}

export interface UnitDirectory {
  /** All units, in pinyin order of their role names. */
  units: UnitEntry[];
  /** The units of each page; more than one only when names share a pinyin slug. */
  bySlug: Map<Slug, UnitEntry[]>;
}

const zeroCounts = (): Record<UnitRole, number> => ({ lead: 0, support: 0, responsible: 0, issuer: 0 });

/** The role of each unit of a measure: 牵头/配合 where the document says, else 责任单位. */
export function rolesOf(measure: Measure): [string, Exclude<UnitRole, 'issuer'>][] {
  const lead = new Set(measure.leadUnits);
  const all = [...new Set([...measure.leadUnits, ...measure.units])];
  return all.map((u) => [u, lead.size === 0 ? 'responsible' : lead.has(u) ? 'lead' : 'support']);
}

function comparePlaces(a: DocSummary, b: DocSummary): number {
  const ua = a.place === UNKNOWN;
  const ub = b.place === UNKNOWN;
  if (ua !== ub) return ua ? 1 : -1;
  return collator.compare(a.place, b.place) || byDateDesc(a, b);
}

/** Builds the unit directory in one pass over documents and measures. */
export function buildUnitDirectory(docs: readonly PolicyDoc[], roleOf: RoleNamer): UnitDirectory {
  const entries = new Map<string, UnitEntry & { co: Map<string, number>; byDoc: Map<string, UnitDocument> }>();
  const entry = (role: string) => {
    let e = entries.get(role);
    if (!e) {
      e = { name: role, slug: nameSlug(role), documents: [], counts: zeroCounts(), ownDuties: 0, coUnits: [], co: new Map(), byDoc: new Map() };
      entries.set(role, e);
    }
    return e;
  };
  const docEntry = (role: string, doc: PolicyDoc, summary: DocSummary): UnitDocument => {
    const e = entry(role);
    let d = e.byDoc.get(doc.slug);
    if (!d) {
      d = { doc: summary, names: [], measures: [], issued: false, ownDuties: [], counts: zeroCounts() };
      e.byDoc.set(doc.slug, d);
      e.documents.push(d);
    }
    return d;
  };
  const remember = (list: string[], name: string): void => {
    if (!list.includes(name)) list.push(name);
  };

  for (const doc of docs) {
    const summary = summarize(doc);
    for (const measure of doc.data.measures) {
      const roles = new Map<string, Exclude<UnitRole, 'issuer'>>();
      for (const [name, role] of rolesOf(measure)) {
        const roleName = roleOf(name);
        const d = docEntry(roleName, doc, summary);
        remember(d.names, name);
        // One body named twice in a measure (济源市教育局 and 市教育局) counts once, by its strongest role.
        const before = roles.get(roleName);
        if (before === undefined || before === 'support') roles.set(roleName, role);
      }
      for (const [roleName, role] of roles) {
        const e = entry(roleName);
        const d = e.byDoc.get(doc.slug)!;
        d.measures.push({ measure, role });
        d.counts[role]++;
        e.counts[role]++;
        for (const other of roles.keys()) {
          if (other !== roleName) e.co.set(other, (e.co.get(other) ?? 0) + 1);
        }
      }
    }
    if (doc.data.issuer !== null) {
      const roleName = roleOf(doc.data.issuer);
      const d = docEntry(roleName, doc, summary);
      remember(d.names, doc.data.issuer);
      d.issued = true;
      d.ownDuties = doc.data.measures.filter((m) => m.units.length === 0 && m.leadUnits.length === 0);
      d.counts.issuer = 1;
      const e = entry(roleName);
      e.counts.issuer++;
      e.ownDuties += d.ownDuties.length;
    }
  }

  const units: UnitEntry[] = [];
  for (const { co, byDoc: _byDoc, ...e } of entries.values()) {
    e.documents.sort((a, b) => comparePlaces(a.doc, b.doc));
    e.coUnits = [...co]
      .map(([name, measures]) => ({ name, measures }))
      .sort((a, b) => b.measures - a.measures || collator.compare(a.name, b.name));
    units.push(e);
  }
  units.sort((a, b) => collator.compare(a.name, b.name));
  const bySlug = new Map<Slug, UnitEntry[]>();
  for (const u of units) bySlug.set(u.slug, [...(bySlug.get(u.slug) ?? []), u]);
  return { units, bySlug };
}

/** One place page of a unit split by place, with what its summary row shows. */
export interface UnitPlacePage {
  slug: Slug;
  places: string[];
  items: UnitDocument[];
  counts: Record<UnitRole, number>;
}

/** The place pages of a unit (src/lib/place-pages.ts), in the order of its documents. */
export function unitPlacePages(unit: UnitEntry): UnitPlacePage[] {
  return groupByPlace(unit.documents, (d) => regionOf(d.doc)).map((g) => {
    const counts = zeroCounts();
    for (const d of g.items) for (const r of Object.keys(counts) as UnitRole[]) counts[r] += d.counts[r];
    return { ...g, counts };
  });
}

/** One page of the units split by place: the units of one slug, each with its documents of one place. */
export interface UnitPlaceRoute {
  slug: Slug;
  place: Slug;
  parts: { unit: UnitEntry; page: UnitPlacePage }[];
}

/** Every place page of the units whose pages are split (`splits` says which). */
export function unitPlaceRoutes(directory: UnitDirectory, splits: (unit: UnitEntry) => boolean): UnitPlaceRoute[] {
  return [...directory.bySlug].flatMap(([slug, units]) => {
    const byPlace = new Map<Slug, UnitPlaceRoute['parts']>();
    for (const unit of units.filter(splits)) {
      for (const page of unitPlacePages(unit)) byPlace.set(page.slug, [...(byPlace.get(page.slug) ?? []), { unit, page }]);
    }
    return [...byPlace].map(([place, parts]) => ({ slug, place, parts }));
  });
}
