/**
 * Builds the site with Astro for tests, from scratch (`--force` clears the content cache, so
 * every body goes through the current Markdown plugins).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/** Runs `astro build --force` into `outDir`; rejects with Astro's output when it fails. */
export async function buildSite(outDir = 'dist'): Promise<string> {
  try {
    const { stdout } = await promisify(execFile)('node_modules/.bin/astro', ['build', '--force', '--outDir', outDir], {
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(`astro build failed: ${err.message}\n${err.stdout ?? ''}\n${err.stderr ?? ''}`);
  }
}
