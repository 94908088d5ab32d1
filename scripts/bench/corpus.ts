/**
 * A deterministic synthetic corpus for the benchmark: N raw documents made by recombining
 * the sections, measures, responsibility lines and target sentences of the sample
 * documents with varied places, years, issuers and types. The output is raw text in the
 * shape of a government portal page, so the benchmark runs the whole ingest on it.
 */
import type { Gazetteer } from '../../src/vocab/places.ts';
import type { Ingested } from '../../src/extract/pipeline.ts';

/** Mulberry32: small, fast and seeded, so the same N gives the same corpus. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Pool {
  sections: string[];
  measures: { title: string; body: string; units: string | null }[];
  preambles: string[];
}

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const TYPES = ['工作要点', '实施方案', '工作计划', '行动方案'] as const;
const UNIT_LINES = [
  '市教育局、财政局',
  '市委编办,市教育局、财政局、人社局',
  '各乡镇(街道)人民政府(办事处),市发改局、教育局、财政局、住建局',
  '市教育局、卫健局、公安局',
  '市教育局、民政局,团市委、市妇联',
  '市教育局、文体旅局',
];

/** Collects reusable pieces from ingested sample documents. */
export function poolFrom(docs: Ingested[]): Pool {
  const pool: Pool = { sections: [], measures: [], preambles: [] };
  for (const doc of docs) {
    for (const g of doc.data.goals) if (!g.title.includes(':')) pool.sections.push(g.title);
    // Measure text is the body between a measure heading and the next heading.
    const chunks = doc.body.split(/^#{2,6} /mu);
    for (const chunk of chunks) {
      const m = /^(?:\S*?[.、是)）]\s?)?(.+?) \{#m\d+\}\n([\s\S]*)$/u.exec(chunk);
      if (!m) continue;
      const text = m[2]!.replace(/\\(.)/gu, '$1').trim();
      const units = /(?:责任单位|牵头单位)[:：](.+)$/mu.exec(text)?.[1] ?? null;
      const body = text.replace(/^(?:责任单位|牵头单位|配合单位)[:：].+$/gmu, '').replace(/\n+/gu, '');
      if (body.length > 20) pool.measures.push({ title: m[1]!.replace(/\\(.)/gu, '$1'), body, units });
    }
    const pre = doc.body.split(/^## /mu)[0]!.replace(/\\(.)/gu, '$1').trim();
    if (pre.length > 30) pool.preambles.push(pre.split('\n')[0]!);
  }
  return pool;
}

/** Prefecture-level cities with their province, for varied places. */
export function citiesOf(g: Gazetteer): { city: string; province: string }[] {
  const out: { city: string; province: string }[] = [];
  for (const [province, cities] of Object.entries(g)) for (const city of Object.keys(cities)) out.push({ city, province });
  return out;
}

export interface SyntheticDoc {
  name: string;
  text: string;
}

/** The i-th synthetic document of a corpus seeded by `seed`. */
export function syntheticDoc(i: number, pool: Pool, places: { city: string; province: string }[], seed = 1): SyntheticDoc {
  const next = rng(seed * 1_000_003 + i);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  // A few hundred issuers over many years, so that the same issuer has documents of other years.
  const place = places[Math.floor(next() * Math.min(places.length, 300))]!;
  const year = 2015 + Math.floor(next() * 11);
  const type = pick(TYPES);
  const issuer = `${place.city}教育局`;
  const title = `${issuer}${year}年教育${type}`;
  const month = 1 + Math.floor(next() * 12);
  const day = 1 + Math.floor(next() * 28);
  const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const lines = [
    `索引号: ${String(100000 + i)}/${year}-${String(i % 1000).padStart(5, '0')} 主题分类: 教育`,
    `发布机构: ${issuer} 成文日期: ${date}`,
    `标题: ${title} 发文字号: ${place.city.slice(0, 2)}教〔${year}〕${1 + (i % 40)}号`,
    '',
    title,
    pick(pool.preambles),
  ];
  const sections = 3 + Math.floor(next() * 6);
  let n = 1;
  for (let s = 0; s < sections; s++) {
    lines.push(`${CN[s]}、${pick(pool.sections)}`);
    const count = 2 + Math.floor(next() * 5);
    for (let k = 0; k < count; k++) {
      const m = pick(pool.measures);
      lines.push(`${n}.${m.title}。${m.body}`);
      if (type === '实施方案' || next() < 0.3) lines.push(`责任单位:${m.units ?? pick(UNIT_LINES)}`);
      n++;
    }
  }
  lines.push('', issuer, `${year}年${month}月${day}日`);
  return { name: `synthetic-${String(i).padStart(5, '0')}.txt`, text: lines.join('\n') };
}
