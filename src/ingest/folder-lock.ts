/**
 * One ingest at a time per output folder. Two ingests writing into one folder at once each read
 * the folder's slugs before the other wrote, and one document could take the other's file: the
 * lock makes the second wait until the first is done, then read the folder afresh.
 *
 * The lock is a file, `.ingest.lock`, created exclusively (`wx`) and holding the owner's pid. A
 * lock whose owner is no longer running (killed, or the machine restarted) is stale and taken
 * over; files an interrupted ingest was still writing (`*.tmp-<pid>`) are removed then.
 */
import { readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const LOCK_FILE = '.ingest.lock';

/** A held lock, or a wait that ran out: the message says who holds it and what to do. */
export class LockError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LockError';
  }
}

interface Owner {
  pid: number;
  started: string;
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function ownerOf(path: string): Owner | null {
  try {
    const owner = JSON.parse(readFileSync(path, 'utf8')) as Partial<Owner>;
    return typeof owner.pid === 'number' ? { pid: owner.pid, started: String(owner.started ?? '') } : null;
  } catch {
    return null;
  }
}

function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

/** Removes the temporary files (`name.tmp-<pid>`) that a process no longer running left in `dir`. */
export function removeLeftovers(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = /\.tmp-(\d+)$/u.exec(name)?.[1];
    if (pid !== undefined && !running(Number(pid))) rmSync(join(dir, name), { force: true });
  }
}

export interface LockOptions {
  /** How long to wait for another ingest to finish, in milliseconds. */
  waitMs: number;
  /** Called once when the lock is held by another process and this one starts waiting. */
  onWait?: (owner: Owner) => void;
}

/**
 * Takes the lock of `dir` (which must exist), waiting for another ingest to finish; returns the
 * function that releases it. Throws LockError when the wait runs out.
 */
export async function lockFolder(dir: string, { waitMs, onWait }: LockOptions): Promise<() => void> {
  const path = join(dir, LOCK_FILE);
  const deadline = Date.now() + waitMs;
  let waiting = false;
  for (;;) {
    try {
      writeFileSync(path, JSON.stringify({ pid: process.pid, started: new Date().toISOString() }), { flag: 'wx' });
      removeLeftovers(dir);
      return () => {
        if (ownerOf(path)?.pid === process.pid) rmSync(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = ownerOf(path);
    // A lock file without an owner is one being written this instant, unless it is old (a crash while writing it).
    if (owner === null ? ageMs(path) > 2000 : !running(owner.pid)) {
      // Stale (or a lock file cut short by a crash while it was written): take it over. Renaming
      // first means only one of two waiting processes removes it.
      const stale = `${path}.stale-${process.pid}`;
      try {
        renameSync(path, stale);
        // Between the look and the rename another waiter may have taken the lock over: give that one back.
        const moved = ownerOf(stale);
        if (moved !== null && moved.pid !== owner?.pid && running(moved.pid)) renameSync(stale, path);
        else rmSync(stale, { force: true });
      } catch {
        // Another process took it over first; try again.
      }
      continue;
    }
    if (owner === null) {
      await sleep(50);
      continue;
    }
    if (Date.now() >= deadline) {
      throw new LockError(
        `${dir} is being written by another ingest (pid ${owner.pid}, started ${owner.started}): wait for it to finish and run again; if no ingest is running, delete ${path}`,
      );
    }
    if (!waiting) {
      waiting = true;
      onWait?.(owner);
    }
    await sleep(100);
  }
}
