/**
 * Size limits on what the ingest and the check read, so a hostile or broken file (a zip bomb,
 * a data dump saved as .txt) is refused in seconds with a message instead of filling memory.
 * Each has a default and a command-line flag; the defaults sit far above any real policy document
 * (the largest sample is 0.1 MB of text).
 */

export interface InputLimits {
  /** Bytes of one input file of the ingest (`--max-input-mb`). */
  inputBytes: number;
  /** Uncompressed bytes of all the parts of one .docx together (`--max-docx-mb`). */
  docxBytes: number;
  /** Characters of the text extracted from one input (`--max-text-chars`). */
  textChars: number;
  /** Bytes of one policy file under content/policies (`npm run check -- --max-policy-mb`). */
  policyBytes: number;
}

const MB = 2 ** 20;

export const DEFAULT_LIMITS: Readonly<InputLimits> = {
  inputBytes: 50 * MB,
  docxBytes: 100 * MB,
  textChars: 2_000_000,
  policyBytes: 8 * MB,
};

/** `12.3 MB` for a size in bytes, as the limit messages show it. */
export function megabytes(bytes: number): string {
  const mb = bytes / MB;
  return `${mb >= 10 || Number.isInteger(mb) ? Math.round(mb) : mb.toFixed(1)} MB`;
}

/** The flags that set a limit, each with the unit it takes; shared by the ingest and the check. */
export const LIMIT_FLAGS = {
  '--max-input-mb': { key: 'inputBytes', scale: MB },
  '--max-docx-mb': { key: 'docxBytes', scale: MB },
  '--max-text-chars': { key: 'textChars', scale: 1 },
  '--max-policy-mb': { key: 'policyBytes', scale: MB },
} as const satisfies Record<string, { key: keyof InputLimits; scale: number }>;

export type LimitFlag = keyof typeof LIMIT_FLAGS;

/** Applies one `--max-…` flag's value to `limits`; throws an Error saying what a valid value is. */
export function setLimit(limits: InputLimits, flag: LimitFlag, value: string | undefined): void {
  const n = Number(value);
  if (value === undefined || value.trim() === '' || !Number.isFinite(n) || n <= 0) {
    throw new Error(`${flag} needs a positive number (got ${value === undefined ? 'nothing' : `"${value}"`})`);
  }
  const { key, scale } = LIMIT_FLAGS[flag];
  limits[key] = Math.floor(n * scale);
}

export function isLimitFlag(arg: string): arg is LimitFlag {
  return Object.hasOwn(LIMIT_FLAGS, arg);
}
