/**
 * The directory of responsible units, as bodies and as roles.
 *
 * A body is one office of one place: 济源市教育局. A name written with its level only (市财政局)
 * is the body of the document's place at that level (济源市财政局); where the document's place
 * is unknown, the name stays the body of that one document and is never merged with another
 * document's, since two anonymous 市教育局 may be two cities'. A role (市教育局) gathers the
 * bodies of every place; its page lists them.
 *
 * Counts are what the documents say: 牵头 (leadUnits), 配合 (supportUnits), 责任单位 (named in a
 * plain list), each measure once per body; 发文 counts the documents a body issued, whose
 * measures without a responsible unit are its own duties. Built in one pass over the measures.
 */
import type { Gazetteer } from '../vocab/places.ts';
import type { Measure } from '../format/schema.ts';
import type { AliasTable } from '../extract/units.ts';
import { collator, summarize, byDateDesc, type DocSummary, type PolicyDoc } from './documents.ts';
import { nameSlug, UNKNOWN_SLUG, type Slug } from '../site/paths.ts';
import { UNKNOWN, type UnitRole } from '../site/ui-text.ts';

/** Turns a unit name of one place (济源市教育局) into its role name (市教育局). */
export type RoleNamer = (name: string) => string;

/** The document a unit name is read in: its place completes a name written without one. */
export interface UnitContext {
  slug: string;
  city: string | null;
  province: string | null;
}

/** One body: 济源市教育局, or 市教育局 of one document whose place is not known. */
export interface UnitBody {
  /** Identity of the body: its full name, or name@document when its place is unknown. */
  key: string;
  /** The name shown: 济源市教育局; 教师进修学校（济源市）; 市教育局 when the place is unknown. */
  name: string;
  /** The place the body belongs to; null when neither the name nor the document says. */
  place: string | null;
  /** The role name shared with the same body of other places (市教育局). */
  role: string;
  /** When the place is unknown: the only document the body is known from (it is never merged across documents). */
  scope: string | null;
  /** Why the body was given its place, for a reader: 名称写明, 文件地区（济源市）, or null. */
  placeFrom: string | null;
}

/** Turns a unit name as a document writes it into the body it names. */
export type BodyNamer = (name: string, doc: UnitContext) => UnitBody;

/** The two readings of a unit name: its role across places, and the body of one place. */
export interface UnitNamer {
  role: RoleNamer;
  body: BodyNamer;
}

// The level a stripped place leaves in front of the department: 靖江市 → 市, 海陵区 → 区.
const LEVEL_OF_PLACE = /[省市县区州盟旗镇]$/u;
// Anonymised places in published samples: xx市, ××县, 某区.
const PLACEHOLDER = /^[xX×＊*某]{1,4}[省市县区]/u;
const PARTY = /^中共/u;
// A level written without its place (市财政局, 县教育局); 市场监管局 and 区域… begin with the word, not a level.
const BARE_LEVEL = /^[省市县区州盟旗](?!场|监|域|级)/u;

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
 * Both namers over a set of place names and the alias table. The role strips the leading places
 * of a name (河南省济源市教育局 → 市教育局); the body keeps a written place, gives a name written
 * with its level only (市财政局) the document's place of that level, gives a name without level
 * (教师进修学校) the document's place, and otherwise belongs to the one document it is read in.
 */
export function unitNamer(placeNames: ReadonlySet<string>, aliases: AliasTable = {}): UnitNamer {
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
  /** The name split into party prefix, the places written before the department, its level and role. */
  const parse = (name: string) => {
    const party = PARTY.exec(name)?.[0] ?? '';
    let rest = name.slice(party.length);
    let level: string | null = null;
    let place: string | null = null;
    let anonymous = false;
    for (let p = leadingPlace(rest); p !== null; p = leadingPlace(rest)) {
      const l = LEVEL_OF_PLACE.exec(p)?.[0];
      // 某某街道 or 某开发区管委会: no level to keep, so the name stays as written.
      if (!l) break;
      level = l;
      place = p;
      anonymous = PLACEHOLDER.test(p);
      rest = rest.slice(p.length);
    }
    return { party, level, place, anonymous, role: alias(level === null ? name : `${party}${level}${rest}`) };
  };
  const role = (name: string): string => parse(name).role;

  const ofDocument = (name: string, r: string, doc: UnitContext): UnitBody => ({
    key: `${name}@${doc.slug}`,
    name,
    place: null,
    role: r,
    scope: doc.slug,
    placeFrom: null,
  });
  // The document's place at a level: 市 → its city when that is a 市, 省 → its province.
  const docPlaceAt = (level: string, doc: UnitContext): string | null => {
    if (level === '省') return doc.province !== null && doc.province.endsWith('省') ? doc.province : null;
    return doc.city !== null && doc.city.endsWith(level) ? doc.city : null;
  };
  const body = (name: string, doc: UnitContext): UnitBody => {
    const p = parse(name);
    const withPlace = (place: string, level: string, placeFrom: string): UnitBody => {
      // The department as the alias table names it: 济源市人力资源和社会保障局 → 济源市人社局.
      const dept = p.role.slice(p.party.length);
      const full = p.role.startsWith(p.party) && dept.startsWith(level) ? `${p.party}${place}${dept.slice(level.length)}` : `${name}（${place}）`;
      return { key: full, name: full, place, role: p.role, scope: null, placeFrom };
    };
    if (p.place !== null && p.level !== null) return p.anonymous ? ofDocument(name, p.role, doc) : withPlace(p.place, p.level, '名称写明');
    const bare = BARE_LEVEL.exec(name.slice(p.party.length))?.[0];
    if (bare !== undefined) {
      const place = docPlaceAt(bare, doc);
      return place === null ? ofDocument(name, p.role, doc) : withPlace(place, bare, `文件地区（${place}）`);
    }
    if (doc.city === null) return ofDocument(name, p.role, doc);
    return { key: `${name}（${doc.city}）`, name: `${name}（${doc.city}）`, place: doc.city, role: p.role, scope: null, placeFrom: `文件地区（${doc.city}）` };
  };
  return { role, body };
}

/** A role namer over a set of place names (河南省济源市教育局 → 市教育局), aliases applied. */
export function roleNamer(placeNames: ReadonlySet<string>, aliases: AliasTable = {}): RoleNamer {
  return unitNamer(placeNames, aliases).role;
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

/** A co-responsible body and the number of measures shared with it. */
export interface CoUnit {
  name: string;
  slug: Slug;
  measures: number;
}

/** Everything the site knows about one body (济源市教育局). */
export interface UnitEntry {
  /** Identity of the body (UnitBody.key). */
  key: string;
  /** The body's name: 济源市教育局; for a body of unknown place the name as written. */
  name: string;
  /** The name that tells it apart everywhere (search facet, directory, data): the name, and for a body of unknown place its document. */
  label: string;
  slug: Slug;
  /** The place of the body, or null when unknown. */
  place: string | null;
  /** Why the body has its place (名称写明, 文件地区（济源市）), or null. */
  placeFrom: string | null;
  /** Its role name: the same body of other places shares it (市教育局). */
  role: string;
  /** For a body of unknown place: the one document it is read in. */
  scope: DocSummary | null;
  /** Documents that name or issued the body, newest first. */
  documents: UnitDocument[];
  /** Measures per role; `issuer` counts the documents issued. */
  counts: Record<UnitRole, number>;
  /** Measures in documents the body issued that name no responsible unit. */
  ownDuties: number;
  /** What the body carries: measures it leads, supports or is responsible for, and its own duties. */
  tasks: number;
  /** Bodies named in the same measures, most shared first. */
  coUnits: CoUnit[];
}

/** One role (市教育局) across places: the bodies that hold it. */
export interface RoleEntry {
  name: string;
  slug: Slug;
  /** Its bodies, by what they carry. */
  bodies: UnitEntry[];
  tasks: number;
  documents: number;
}

/** A place of the directory's filter: its bodies, by what they carry. */
export interface UnitPlace {
  /** The place, or 未注明 for bodies of unknown place. */
  label: string;
  slug: Slug;
  units: UnitEntry[];
}

export interface UnitDirectory {
  /** All bodies: most tasks first, then most documents, then pinyin. */
  units: UnitEntry[];
  /** The bodies of each page; more than one only when names share a pinyin slug. */
  bySlug: Map<Slug, UnitEntry[]>;
  /** Roles across places, by what their bodies carry. */
  roles: RoleEntry[];
  roleBySlug: Map<Slug, RoleEntry[]>;
  /** Places with bodies, in pinyin order, 未注明 last. */
  places: UnitPlace[];
  /** The bodies each document names or issued, in directory order. */
  byDocument: Map<string, UnitEntry[]>;
}

const zeroCounts = (): Record<UnitRole, number> => ({ lead: 0, support: 0, responsible: 0, issuer: 0 });

/** The units of a measure with the role the document gives each: 牵头, 配合, else 责任单位. */
export function rolesOf(measure: Measure): [string, Exclude<UnitRole, 'issuer'>][] {
  // `supportUnits` is new in the schema; files written before it lack the field.
  const supportUnits = (measure as Measure & { supportUnits?: string[] }).supportUnits ?? [];
  const lead = new Set(measure.leadUnits);
  const support = new Set(supportUnits);
  const all = [...new Set([...measure.leadUnits, ...measure.units, ...supportUnits])];
  return all.map((u) => [u, lead.has(u) ? 'lead' : support.has(u) ? 'support' : 'responsible']);
}

// The role a measure counts for a body named twice in it: what the document says most precisely.
const STRENGTH: Record<Exclude<UnitRole, 'issuer'>, number> = { lead: 3, support: 2, responsible: 1 };

/** The page slug of a body: the pinyin of its name, and of its document when its place is unknown. */
export function bodySlug(body: Pick<UnitBody, 'name' | 'scope'>): Slug {
  return (body.scope === null ? nameSlug(body.name) : `${nameSlug(body.name)}-${body.scope}`) as Slug;
}

const byWeight = (a: { tasks: number; documents: number; name: string }, b: { tasks: number; documents: number; name: string }): number =>
  b.tasks - a.tasks || b.documents - a.documents || collator.compare(a.name, b.name);

/** Builds the directory of bodies and roles in one pass over documents and measures. */
export function buildUnitDirectory(docs: readonly PolicyDoc[], bodyOf: BodyNamer): UnitDirectory {
  type Building = UnitEntry & { co: Map<string, number>; byDoc: Map<string, UnitDocument> };
  const entries = new Map<string, Building>();
  const entry = (body: UnitBody, summary: DocSummary): Building => {
    let e = entries.get(body.key);
    if (!e) {
      const scope = body.scope === null ? null : summary;
      e = {
        key: body.key,
        name: body.name,
        label: scope === null ? body.name : `${body.name}（${scope.title}）`,
        slug: bodySlug(body),
        place: body.place,
        placeFrom: body.placeFrom,
        role: body.role,
        scope,
        documents: [],
        counts: zeroCounts(),
        ownDuties: 0,
        tasks: 0,
        coUnits: [],
        co: new Map(),
        byDoc: new Map(),
      };
      entries.set(body.key, e);
    }
    return e;
  };
  const docEntry = (e: Building, summary: DocSummary): UnitDocument => {
    let d = e.byDoc.get(summary.slug);
    if (!d) {
      d = { doc: summary, names: [], measures: [], issued: false, ownDuties: [], counts: zeroCounts() };
      e.byDoc.set(summary.slug, d);
      e.documents.push(d);
    }
    return d;
  };
  const remember = (list: string[], name: string): void => {
    if (!list.includes(name)) list.push(name);
  };
  const docBodies = new Map<string, Set<Building>>();

  for (const doc of docs) {
    const summary = summarize(doc);
    const context = { slug: doc.slug, city: doc.data.city, province: doc.data.province };
    const named = new Set<Building>();
    docBodies.set(doc.slug, named);
    for (const measure of doc.data.measures) {
      const roles = new Map<Building, Exclude<UnitRole, 'issuer'>>();
      for (const [name, role] of rolesOf(measure)) {
        const e = entry(bodyOf(name, context), summary);
        remember(docEntry(e, summary).names, name);
        named.add(e);
        // One body named twice in a measure (济源市教育局 and 市教育局) counts once, by the most precise role.
        const before = roles.get(e);
        if (before === undefined || STRENGTH[role] > STRENGTH[before]) roles.set(e, role);
      }
      for (const [e, role] of roles) {
        const d = e.byDoc.get(doc.slug)!;
        d.measures.push({ measure, role });
        d.counts[role]++;
        e.counts[role]++;
        for (const other of roles.keys()) if (other !== e) e.co.set(other.key, (e.co.get(other.key) ?? 0) + 1);
      }
    }
    if (doc.data.issuer !== null) {
      const e = entry(bodyOf(doc.data.issuer, context), summary);
      const d = docEntry(e, summary);
      named.add(e);
      remember(d.names, doc.data.issuer);
      if (!d.issued) {
        d.issued = true;
        d.ownDuties = doc.data.measures.filter((m) => rolesOf(m).length === 0);
        d.counts.issuer = 1;
        e.counts.issuer++;
        e.ownDuties += d.ownDuties.length;
      }
    }
  }

  const units: UnitEntry[] = [];
  const byKey = new Map<string, UnitEntry>();
  for (const [key, { co, byDoc: _byDoc, ...e }] of entries) {
    e.documents.sort((a, b) => byDateDesc(a.doc, b.doc));
    e.tasks = e.counts.lead + e.counts.support + e.counts.responsible + e.ownDuties;
    units.push(e);
    byKey.set(key, e);
    e.coUnits = [...co].map(([k, measures]) => ({ name: entries.get(k)!.label, slug: entries.get(k)!.slug, measures }));
    e.coUnits.sort((a, b) => b.measures - a.measures || collator.compare(a.name, b.name));
  }
  const weigh = (u: UnitEntry) => ({ tasks: u.tasks, documents: u.documents.length, name: u.label });
  units.sort((a, b) => byWeight(weigh(a), weigh(b)));
  const rank = new Map(units.map((u, i) => [u, i]));

  const bySlug = new Map<Slug, UnitEntry[]>();
  for (const u of units) bySlug.set(u.slug, [...(bySlug.get(u.slug) ?? []), u]);

  const roleMap = new Map<string, RoleEntry>();
  for (const u of units) {
    let r = roleMap.get(u.role);
    if (!r) roleMap.set(u.role, (r = { name: u.role, slug: nameSlug(u.role), bodies: [], tasks: 0, documents: 0 }));
    r.bodies.push(u);
    r.tasks += u.tasks;
    r.documents += u.documents.length;
  }
  const roles = [...roleMap.values()].sort(byWeight);
  const roleBySlug = new Map<Slug, RoleEntry[]>();
  for (const r of roles) roleBySlug.set(r.slug, [...(roleBySlug.get(r.slug) ?? []), r]);

  const placeMap = new Map<string, UnitEntry[]>();
  for (const u of units) {
    const label = u.place ?? UNKNOWN;
    placeMap.set(label, [...(placeMap.get(label) ?? []), u]);
  }
  const places = [...placeMap]
    .map(([label, list]) => ({ label, slug: label === UNKNOWN ? UNKNOWN_SLUG : nameSlug(label), units: list }))
    .sort((a, b) => (a.label === UNKNOWN ? 1 : b.label === UNKNOWN ? -1 : collator.compare(a.label, b.label)));

  const byDocument = new Map<string, UnitEntry[]>();
  for (const [slug, set] of docBodies) {
    byDocument.set(slug, [...set].map((b) => byKey.get(b.key)!).sort((a, b) => rank.get(a)! - rank.get(b)!));
  }
  return { units, bySlug, roles, roleBySlug, places, byDocument };
}
