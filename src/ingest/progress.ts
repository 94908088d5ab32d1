/**
 * The ingest's one progress line on a terminal: files done of total, rate, time left. It is
 * redrawn in place (carriage return), and a message printed meanwhile goes above it, so a run
 * over a thousand files shows its warnings and errors without a thousand "created" lines.
 */

/** `12/100 files · 35.2 files/s · about 3 s left` (no rate or estimate before the first file). */
export function progressText(done: number, total: number, elapsedMs: number): string {
  const head = `${done}/${total} files`;
  if (done === 0 || elapsedMs <= 0) return head;
  const rate = done / (elapsedMs / 1000);
  const left = Math.ceil((total - done) / rate);
  const eta = done >= total ? 'done' : left >= 120 ? `about ${Math.round(left / 60)} min left` : `about ${left} s left`;
  return `${head} · ${rate.toFixed(1)} files/s · ${eta}`;
}

export interface ProgressStream {
  write(text: string): unknown;
}

/** A progress line on `stream`; `now` is injectable for tests. */
export class ProgressLine {
  private shown = '';
  private readonly start: number;

  constructor(
    private readonly stream: ProgressStream,
    private readonly total: number,
    private readonly now: () => number = Date.now,
  ) {
    this.start = now();
  }

  /** Redraws the line for `done` files. */
  update(done: number): void {
    const text = progressText(done, this.total, this.now() - this.start);
    // Pad over a longer line drawn before, so no stale characters remain at its end.
    this.stream.write(`\r${text.padEnd(this.shown.length)}`);
    this.shown = text;
  }

  /** Prints a message on its own line above the progress line, then redraws it. */
  log(message: string): void {
    const line = this.shown;
    this.stream.write(`\r${' '.repeat(line.length)}\r${message}\n`);
    if (line) this.stream.write(line);
  }

  /** Ends the progress line, leaving it on screen. */
  finish(): void {
    if (this.shown) this.stream.write('\n');
    this.shown = '';
  }
}
