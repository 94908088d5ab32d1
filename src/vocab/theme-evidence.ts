/**
 * Weighing the evidence that a measure serves a theme.
 *
 * A measure serves a theme when the theme is one of its aims, not when a word of the theme
 * occurs somewhere in it. So each phrase found (src/vocab/theme-words.ts) is weighed by what it
 * is and where it stands:
 * - a keyword (课后服务) weighs 2, a hint (体育, 待遇, 新建) 1;
 * - in the title, which states the aim, it weighs double;
 * - as one item of an enumeration about something else (劳动、心理健康、体育等课程), in an
 *   aside in brackets, or in a later clause that only says what the action is for
 *   (…,促进城乡教育优质均衡发展) a quarter; in a clause that only sets the yardstick or the
 *   means (按照班额…, 依托…资源, 所需经费…) a half; inside the name of a body
 *   (教育督导委员会) nothing; a quoted title the measure carries out counts in full;
 * - each sentence counts once per theme, with its best phrase.
 * A theme is given when the evidence adds up to MIN_EVIDENCE: one keyword said as the measure's
 * own commitment, a hint in the title, or hints in two sentences. The reasons kept are the
 * phrases that counted, with where they stand, so an editor can see why and correct it.
 */
import type { PhraseHit } from './theme-words.ts';
import type { ThemeMatcher } from './themes.ts';
import { REASON_PLACE_WORDS, REASON_ROLE_WORDS } from '../site/ui-text.ts';

/** The evidence a theme needs before a measure is filed under it. */
export const MIN_EVIDENCE = 2;

/** Where a phrase stands in the measure. */
export type ReasonPlace = 'title' | 'text';

/** How a phrase is said: as the measure's own commitment, or in a way that weighs less. */
export type ReasonRole = 'own' | 'list' | 'aside' | 'quoted' | 'frame' | 'purpose' | 'name';

/** One phrase that counted towards filing a measure under a theme. */
export interface ThemeReason {
  phrase: string;
  place: ReasonPlace;
  role: ReasonRole;
  /** Its weight after place and role. */
  weight: number;
}

/** A theme a measure is filed under, with its evidence. */
export interface ThemeFiling {
  slug: string;
  score: number;
  reasons: ThemeReason[];
}

const BASE = { keyword: 2, hint: 1 } as const;
const TITLE_FACTOR = 2;
// A quoted title the measure carries out (扎实推进《…专项规划》) is its commitment; the role is kept for the editor to see.
const ROLE_FACTOR: Record<ReasonRole, number> = { own: 1, quoted: 1, list: 0.25, aside: 0.25, frame: 0.5, purpose: 0.25, name: 0 };

/** Ends of a sentence: each sentence counts once per theme. */
const SENTENCE_ENDS = new Set('。；;！？!?\n');
/** Ends of a clause: a list or a frame does not run past them. */
const CLAUSE_ENDS = new Set(',，。；;：:！？!?\n');
/** A clause that sets the yardstick or the means of an action rather than stating one. */
const FRAME_START = /^(?:按照|根据|依据|依照|对照|参照|结合|依托|借助|所需)|^在.*(?:的同时|基础上|前提下)$/;
/** A later clause of a sentence that says what the action is for (…,促进城乡教育优质均衡发展). */
const PURPOSE = /^(?:促进|助推|助力|引领|从而|进而|以便|以期)|^确保.*(?:需求|需要)$/;
/** What follows a phrase that is part of the name of a body. */
const BODY_SUFFIX = /^(?:工作)?(?:委员会|领导小组|工作小组|办公室|局)/;
/** Most characters an item of an enumeration holds besides the phrase found in it. */
const ITEM_SPARE = 6;

/** Where a phrase stands: its clause, its sentence, and whether it is inside brackets or a quoted title. */
interface Place {
  clauseStart: number;
  clauseEnd: number;
  sentenceStart: number;
  /** 1 inside (…) or （…）, 2 inside 《…》, 0 elsewhere. */
  enclosed: 0 | 1 | 2;
}

/** Where each phrase stands, in one pass over the text up to the last phrase; `starts` in text order. */
function placesOf(text: string, starts: readonly number[]): Place[] {
  const out: Place[] = [];
  let sentenceStart = 0;
  let clauseStart = 0;
  let clauseEnd = -1;
  let paren = 0;
  let book = 0;
  let i = 0;
  for (const start of starts) {
    for (; i < start; i++) {
      const ch = text[i]!;
      if (ch === '(' || ch === '（') paren++;
      else if ((ch === ')' || ch === '）') && paren > 0) paren--;
      else if (ch === '《') book++;
      else if (ch === '》' && book > 0) book--;
      if (CLAUSE_ENDS.has(ch)) clauseStart = i + 1;
      if (SENTENCE_ENDS.has(ch)) {
        // Brackets left open do not run into the next sentence.
        sentenceStart = i + 1;
        paren = 0;
        book = 0;
      }
    }
    if (clauseEnd < start) {
      clauseEnd = start;
      while (clauseEnd < text.length && !CLAUSE_ENDS.has(text[clauseEnd]!)) clauseEnd++;
    }
    out.push({ clauseStart, clauseEnd, sentenceStart, enclosed: book > 0 ? 2 : paren > 0 ? 1 : 0 });
  }
  return out;
}

/** How the phrase at [start, end) of `text` is said. */
export function roleOf(text: string, start: number, end: number): ReasonRole {
  return roleAt(text, placesOf(text, [start])[0]!, start, end);
}

function roleAt(text: string, place: Place, start: number, end: number): ReasonRole {
  if (BODY_SUFFIX.test(text.slice(end, end + 6))) return 'name';
  if (place.enclosed === 1) return 'aside';
  if (place.enclosed === 2) return 'quoted';
  const cs = place.clauseStart;
  const ce = place.clauseEnd;
  const clause = text.slice(cs, ce);
  if (FRAME_START.test(clause)) return 'frame';
  if (cs > 0 && !SENTENCE_ENDS.has(text[cs - 1]!) && PURPOSE.test(clause)) return 'purpose';
  // 甲、乙、丙等课程 is about 课程, and so is a run of three or more items (向甲、乙、丙和丁倾斜):
  // such items are not what the measure commits to. Two items without 等 (深化甲计划、乙方案)
  // are themselves the objects of the action.
  const rel = start - cs;
  const relEnd = end - cs;
  const deng = clause.indexOf('等', relEnd);
  // The phrase stands in the run of items before 等 (甲、乙、丙等 with the phrase in one of them).
  if (deng !== -1 && (clause.lastIndexOf('、', rel - 1) !== -1 || clause.slice(relEnd, deng).includes('、'))) return 'list';
  const lastComma = clause.lastIndexOf('、');
  const items = lastComma === -1 ? 1 : clause.split('、').length + (/和|及/.test(clause.slice(lastComma)) ? 1 : 0);
  if (items >= 3) {
    // An item is short (加强对劳动、…), or its phrase ends it (…向班主任、超工作量教师…): a long
    // stretch after the phrase is a clause of its own (小学、初中辍学率分别控制在…、…以内).
    const segStart = Math.max(0, ...['、', '和', '及', '与'].map((c) => clause.lastIndexOf(c, rel - 1) + 1));
    const after = clause.slice(relEnd).search(/[、和及与等]/);
    const segEnd = after === -1 ? clause.length : relEnd + after;
    if (segEnd - segStart - (end - start) <= ITEM_SPARE || segEnd - relEnd <= 2) return 'list';
  }
  return 'own';
}

/** The themes of a measure from its title and text, best evidence first within each, in vocabulary order. */
export function weighThemes(matcher: ThemeMatcher, title: string, text: string): ThemeFiling[] {
  // Per theme, per sentence (title = -1): the best reason.
  const best = new Map<number, Map<number, ThemeReason>>();
  const consider = (hits: PhraseHit[], source: string, place: ReasonPlace): void => {
    const places = placesOf(source, hits.map((h) => h.start));
    hits.forEach((h, k) => {
      const at = places[k]!;
      const role = roleAt(source, at, h.start, h.end);
      const weight = BASE[h.kind] * (place === 'title' ? TITLE_FACTOR : 1) * ROLE_FACTOR[role];
      const sentence = place === 'title' ? -1 : at.sentenceStart;
      const perTheme = best.get(h.theme) ?? new Map<number, ThemeReason>();
      best.set(h.theme, perTheme);
      const old = perTheme.get(sentence);
      if (!old || weight > old.weight) perTheme.set(sentence, { phrase: h.phrase, place, role, weight });
    });
  };
  consider(matcher.find(title), title, 'title');
  consider(matcher.find(text), text, 'text');
  const out: { theme: number; filing: ThemeFiling }[] = [];
  for (const [theme, perSentence] of best) {
    const reasons = [...perSentence.values()].filter((r) => r.weight > 0).sort((a, b) => b.weight - a.weight);
    const score = reasons.reduce((n, r) => n + r.weight, 0);
    if (score >= MIN_EVIDENCE) out.push({ theme, filing: { slug: matcher.themes[theme]!.slug, score, reasons } });
  }
  return out.sort((a, b) => a.theme - b.theme).map((o) => o.filing);
}

/** Why a measure was filed under a theme, in words for the editor: 依据：标题“课后服务”；正文“延时服务”（列举项）. Empty for an editor's own assignment. */
export function describeFiling(reasons: readonly ThemeReason[]): string {
  if (reasons.length === 0) return '';
  const parts = reasons.map((r) => {
    const role = REASON_ROLE_WORDS[r.role];
    return `${REASON_PLACE_WORDS[r.place]}“${r.phrase}”${role ? `（${role}）` : ''}`;
  });
  return `依据：${[...new Set(parts)].slice(0, 3).join('；')}`;
}
