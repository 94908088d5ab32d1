/**
 * A worker process of `npm run ingest` for many files: receives `{ i, file, sourceFile, read }`,
 * answers `{ i, result }` (src/ingest/one.ts). Started by scripts/ingest.ts; not run by hand.
 */
import { loadPlaces, loadUnitAliases } from '../src/ingest/vocab.ts';
import { ingestFile } from '../src/ingest/one.ts';
import type { ReadOptions } from '../src/ingest/read.ts';

const places = loadPlaces();
const aliases = loadUnitAliases();
process.on('message', (job: { i: number; file: string; sourceFile: string; read: ReadOptions }) => {
  void ingestFile(job.file, job.sourceFile, places, aliases, job.read).then((result) => process.send!({ i: job.i, result }));
});
process.on('disconnect', () => process.exit(0));
