/**
 * The ingest worker as one JavaScript file that plain `node` runs, built afresh for each ingest.
 *
 * Under tsx every module a process loads goes through tsx's loader thread: for the extraction's
 * modules that is over a second of CPU per worker before its first document, on cores the ingest
 * needs. esbuild bundles our TypeScript sources (a few tenths of a second, in its own process,
 * while the main process loads the extraction) and leaves the npm packages as imports, which node
 * resolves from node_modules beside the file, so the bundle is the same code the worker would load
 * through tsx. Built every run rather than cached, so it can never be older than the sources.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export interface WorkerBundle {
  /** The bundled worker, to fork with no loader. */
  file: string;
  /** Removes the file (the workers have loaded it by then). */
  remove(): void;
}

/**
 * Bundles `entry` into `<root>/node_modules/.cache/policy-kb/`, or gives null when it cannot (no
 * esbuild, a build error): the caller then runs the worker through tsx as before.
 */
export async function bundleWorker(entry: string, root: string): Promise<WorkerBundle | null> {
  const dir = join(root, 'node_modules', '.cache', 'policy-kb');
  // One file per process: node_modules may be shared by several checkouts ingesting at once.
  const file = join(dir, `ingest-worker-${process.pid}.mjs`);
  try {
    const { build } = await import('esbuild');
    mkdirSync(dir, { recursive: true });
    await build({ entryPoints: [entry], outfile: file, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'silent' });
  } catch {
    rmSync(file, { force: true });
    return null;
  }
  const remove = (): void => rmSync(file, { force: true });
  // Also when the ingest is stopped (Ctrl-C: scripts/ingest.ts exits from its signal handler).
  process.once('exit', remove);
  return { file, remove };
}
