/**
 * Binary detection for files that should hold text: the ingest's sources and `npm run check`'s
 * policy files. Pure: works on bytes.
 */

const SIGNATURES: Array<[number[], string]> = [
  [[0x25, 0x50, 0x44, 0x46, 0x2d], 'it starts like a PDF'],
  [[0x50, 0x4b, 0x03, 0x04], 'it starts like a zip archive, e.g. a .docx'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'it starts like an old Office file, e.g. a .doc'],
  [[0x89, 0x50, 0x4e, 0x47], 'it starts like a PNG image'],
  [[0xff, 0xd8, 0xff], 'it starts like a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'it starts like a GIF image'],
];

export function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

export function hasUtf16Bom(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
}

/** Why the bytes look binary, or null when they look like text. */
export function binaryReason(bytes: Uint8Array): string | null {
  for (const [prefix, what] of SIGNATURES) if (startsWith(bytes, prefix)) return what;
  if (hasUtf16Bom(bytes)) return null;
  const sample = bytes.subarray(0, 8192);
  let controls = 0;
  for (const b of sample) {
    if (b === 0) return 'NUL bytes in the first 8 KB';
    // Tab, LF, VT, FF and CR occur in text; other C0 controls and DEL do not.
    if ((b < 0x20 && !(b >= 0x09 && b <= 0x0d)) || b === 0x7f) controls++;
  }
  if (controls >= 4 && controls > sample.length * 0.05) {
    return `${controls} control bytes in the first ${sample.length} bytes`;
  }
  return null;
}

/** Whether a UTF-16 code unit is one running text is made of: ASCII text, CJK, CJK and full-width punctuation, general punctuation. */
function textLike(unit: number): boolean {
  return (
    (unit >= 0x20 && unit < 0x7f) ||
    (unit >= 0x09 && unit <= 0x0d) ||
    (unit >= 0x4e00 && unit <= 0x9fff) ||
    (unit >= 0x3400 && unit <= 0x4dbf) ||
    (unit >= 0x3000 && unit <= 0x303f) ||
    (unit >= 0xff00 && unit <= 0xffef) ||
    (unit >= 0x2000 && unit <= 0x206f) ||
    (unit >= 0x2460 && unit <= 0x24ff) ||
    (unit >= 0x00a0 && unit <= 0x00ff)
  );
}

/**
 * `utf-16le` or `utf-16be` for UTF-16 text saved without a byte-order mark, else null. Such
 * text has a regular NUL pattern: every ASCII character (newlines, digits, spaces) has a zero
 * byte, always on the same side of the pair, and binary files have theirs on both. The code
 * units read that way must then also be text: Chinese characters, punctuation and ASCII.
 */
export function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (hasUtf16Bom(bytes)) return null;
  const n = Math.min(bytes.length, 65536) & ~1;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNuls++;
    if (bytes[i + 1] === 0) oddNuls++;
  }
  // Little-endian puts the zero byte of an ASCII character second (odd offsets), big-endian first.
  // The other side has some too: 一 (U+4E00), frequent in policy text, has a zero low byte.
  const endian = oddNuls >= 2 && evenNuls <= oddNuls * 0.25 ? 'utf-16le' : evenNuls >= 2 && oddNuls <= evenNuls * 0.25 ? 'utf-16be' : null;
  if (endian === null) return null;
  let text = 0;
  for (let i = 0; i < n; i += 2) {
    const unit = endian === 'utf-16le' ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!;
    if (textLike(unit)) text++;
  }
  return text >= (n / 2) * 0.9 ? endian : null;
}
