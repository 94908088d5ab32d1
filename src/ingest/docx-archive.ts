/**
 * A .docx is a zip archive, and a zip can expand a thousandfold: a 1 MB file once became a
 * 471 MB page. Before mammoth (through JSZip) inflates anything, the archive's sizes are checked
 * here with yauzl, which reads the central directory without inflating, and then streams each
 * part counting its real bytes: yauzl stops a part that inflates past the size its header
 * declares, so a header that lies cannot get past the limit either.
 *
 * yauzl rather than a hand-written central-directory reader: it is the maintained zip reader of
 * the Node ecosystem, handles ZIP64 and the edge cases of the format, and was written to refuse
 * exactly this kind of archive (validateEntrySizes).
 */
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { megabytes } from '../format/input-limits.ts';

/** More parts than any real document has (a long one with many images has a few hundred). */
const MAX_PARTS = 10_000;

/** Why an archive must not be expanded: too large when expanded, or not a zip that can be read safely. */
export interface ArchiveProblem {
  kind: 'too-large' | 'damaged';
  /** A phrase; the caller adds the file and the fix. */
  reason: string;
}

const damaged = (detail: string): ArchiveProblem => ({ kind: 'damaged', reason: `a damaged zip archive (${detail})` });
const tooLarge = (reason: string): ArchiveProblem => ({ kind: 'too-large', reason });

/** Why the archive must not be expanded, or null when it may. */
export async function docxArchiveProblem(bytes: Uint8Array, maxUncompressed: number): Promise<ArchiveProblem | null> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { lazyEntries: true, validateEntrySizes: true }, (error, z) =>
      error ? reject(error) : resolve(z),
    );
  }).catch((error: Error) => error);
  if (zip instanceof Error) return damaged(zip.message);

  const entries: yauzl.Entry[] = [];
  let declared = 0;
  const listed = await new Promise<ArchiveProblem | null>((resolve) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      declared += entry.uncompressedSize;
      if (entries.length > MAX_PARTS) return resolve(tooLarge(`more than ${MAX_PARTS.toLocaleString('en')} parts in the archive, over the limit for a .docx`));
      if (declared > maxUncompressed) return resolve(tooLarge(expanded(declared, maxUncompressed, bytes.length)));
      zip.readEntry();
    });
    zip.on('end', () => resolve(null));
    zip.on('error', (error: Error) => resolve(damaged(error.message)));
    zip.readEntry();
  });
  if (listed !== null) {
    zip.close();
    return listed;
  }
  // The declared sizes fit; count the real ones, part by part, stopping at the limit.
  let actual = 0;
  for (const entry of entries) {
    if (entry.fileName.endsWith('/')) continue;
    const problem = await new Promise<ArchiveProblem | null>((resolve) => {
      zip.openReadStream(entry, (error, stream: Readable) => {
        if (error) return resolve(damaged(`${entry.fileName}: ${error.message}`));
        stream.on('data', (chunk: Buffer) => {
          actual += chunk.length;
          if (actual > maxUncompressed) {
            stream.destroy();
            resolve(tooLarge(expanded(actual, maxUncompressed, bytes.length)));
          }
        });
        stream.on('error', (e: Error) => resolve(damaged(`${entry.fileName}: ${e.message}`)));
        stream.on('end', () => resolve(null));
      });
    });
    if (problem !== null) {
      zip.close();
      return problem;
    }
  }
  zip.close();
  return null;
}

function expanded(size: number, limit: number, compressed: number): string {
  return `its parts expand to more than ${megabytes(limit)} (at least ${megabytes(size)} from ${megabytes(compressed)}: a zip bomb, or a document full of large images), over the limit of ${megabytes(limit)} for a .docx`;
}
