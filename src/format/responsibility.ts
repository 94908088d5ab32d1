/**
 * How a document labels who is responsible for a measure (`责任单位：`, `牵头单位：`, `【配合部门】`,
 * `牵头责任单位：`, `责任科室：`), in one place: the ingest reads units after such a label
 * (src/extract/units.ts), the outline and the Markdown plugin recognise the line that holds them
 * (src/format/body-outline.ts, src/markdown/responsibility-links.ts). Each used to keep its own
 * pattern, and they disagreed (科室/处室 were units to the ingest and text to the page).
 */

/** Words that give a unit's role: 牵头 and 主责 lead, the others support; 责任 alone gives none. */
export const ROLE_WORDS = '牵头|主责|配合|协办|协助|参与|协同';

/** `责任|牵头…`, an optional second word (牵头责任单位, 牵头考核单位, 协同配合单位), the noun. */
export const LABEL_BODY = `(责任|${ROLE_WORDS})(?:责任|考核|配合)?(?:单位|部门|科室|处室)`;

/** A paragraph that opens with a responsibility label: `责任单位:`, `【牵头单位】`, `配合部门：`. */
export const RESPONSIBILITY_LINE = new RegExp(`^[【[]?\\s*${LABEL_BODY}\\s*[】\\]]?\\s*[:：]`, 'u');

/** Half-width brackets as full-width, as normalised unit names have them; one character for one, so positions stay. */
export function fullWidthBrackets(text: string): string {
  return text.replace(/\(/gu, '（').replace(/\)/gu, '）');
}
