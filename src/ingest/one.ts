/**
 * One source file through the whole ingest, without writing anything: read, decode, extract.
 * The CLI (scripts/ingest.ts) runs it in its own process or, for many files, in worker
 * processes (scripts/ingest-worker.ts), and writes the results in input order itself.
 */
import { ExtractionError, ingestText, type Ingested } from '../extract/pipeline.ts';
import type { PlaceIndex } from '../vocab/places.ts';
import type { AliasTable } from '../extract/units.ts';
import { IngestError, readSource, type ReadOptions } from './read.ts';
import { serialize } from './write.ts';

export type FileResult =
  /** `warnings`: the read's, then the extraction's, each without the file name. */
  | { ok: true; warnings: string[]; doc: Ingested; text: string }
  /** `message`: one line that starts with the file name; `warnings`: the read's, when it got that far. */
  | { ok: false; warnings: string[]; message: string };

export async function ingestFile(file: string, sourceFile: string, places: PlaceIndex, aliases: AliasTable, read: ReadOptions = {}): Promise<FileResult> {
  const warnings: string[] = [];
  try {
    const source = await readSource(file, read);
    warnings.push(...source.warnings);
    const doc = ingestText(source.text, { sourceFile, places, aliases, pageTitle: source.pageTitle ?? null });
    // The file as it will be written (in the worker, when there is one: it is half the work).
    return { ok: true, warnings: [...warnings, ...doc.warnings], doc, text: serialize(doc.data, doc.body) };
  } catch (e) {
    const message =
      e instanceof IngestError ? e.message : e instanceof ExtractionError ? `${file}: ${e.message}` : `${file}: unexpected failure: ${(e as Error).message}`;
    return { ok: false, warnings, message };
  }
}
