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
