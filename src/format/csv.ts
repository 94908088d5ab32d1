/**
 * CSV as Excel and other tools read it: RFC 4180 (fields with a comma, a quote or a line
 * break are quoted, quotes doubled, CRLF between records), UTF-8 with a byte-order mark so
 * that Excel opens Chinese text as UTF-8 rather than the system code page.
 *
 * Document text is untrusted: a cell starting with `=`, `+`, `-` or `@` would run as a formula
 * when the file is opened in a spreadsheet, so such text cells get a leading apostrophe
 * (OWASP's advice). Spreadsheets also skip leading spaces before a formula and read the
 * full-width ＝＋－＠ a Chinese input method types as their ASCII forms, so a formula character
 * after leading white space, and the full-width ones, are guarded too. Numbers are written as
 * numbers and never changed.
 */

/** A cell: text, a number, or empty (null, undefined). */
export type CsvCell = string | number | boolean | null | undefined;

/** The byte-order mark that tells Excel the file is UTF-8. */
export const BOM = '\uFEFF';

/** The media type to serve or download CSV with. */
export const CSV_TYPE = 'text/csv; charset=utf-8';

export interface CsvOptions {
  /** Start with the UTF-8 byte-order mark (default true). */
  bom?: boolean;
  /** Defuse text cells a spreadsheet would run as a formula (default true). */
  guardFormulas?: boolean;
}

const NEEDS_QUOTES = /[",\r\n]/u;
// Tab and CR count too: some spreadsheets strip them and then read the rest as a formula.
// \s covers the ASCII, no-break and ideographic (U+3000) spaces.
const FORMULA_START = /^(?:[\t\r]|\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/u;

/** One cell as CSV text: quoted when it must be. */
export function csvField(cell: CsvCell, guardFormulas = true): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  let text = typeof cell === 'boolean' ? (cell ? 'true' : 'false') : cell;
  if (guardFormulas && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

/** Rows as one CSV text: fields joined by commas, records ended by CRLF. */
export function toCsv(rows: readonly (readonly CsvCell[])[], options: CsvOptions = {}): string {
  const guard = options.guardFormulas ?? true;
  const body = rows.map((row) => row.map((cell) => csvField(cell, guard)).join(',')).join('\r\n');
  return `${options.bom === false ? '' : BOM}${body}${rows.length > 0 ? '\r\n' : ''}`;
}

/** A column of a table export: its header and how to read its cell from a record. */
export interface CsvColumn<T> {
  header: string;
  value: (record: T) => CsvCell;
}

/** Records as CSV with a header row, one column per `columns` entry. */
export function recordsToCsv<T>(records: readonly T[], columns: readonly CsvColumn<T>[], options: CsvOptions = {}): string {
  return toCsv([columns.map((c) => c.header), ...records.map((r) => columns.map((c) => c.value(r)))], options);
}

/**
 * Reads CSV text back into rows of strings (RFC 4180; a leading BOM is skipped; CRLF or LF).
 * Throws on a quote that is never closed, naming the line it opened on.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = text.startsWith(BOM) ? 1 : 0;
  let line = 1;
  let fieldStarted = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"' && field === '' && !fieldStarted) {
      const opened = line;
      i++;
      for (;;) {
        if (i >= text.length) throw new Error(`CSV line ${opened}: a quoted field is never closed; close it with a double quote (")`);
        const c = text[i]!;
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === '\n') line++;
        field += c;
        i++;
      }
      fieldStarted = true;
      continue;
    }
    if (ch === ',') {
      row.push(field);
      field = '';
      fieldStarted = false;
      i++;
    } else if (ch === '\r' || ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      fieldStarted = false;
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
    } else {
      field += ch;
      fieldStarted = true;
      i++;
    }
  }
  if (fieldStarted || field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
