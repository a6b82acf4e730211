/**
 * A small progress display for long terminal jobs (embedding passages, loading a model).
 * On a terminal it redraws one bar line; in logs (CI, pipes) it prints a plain line now
 * and then, so output stays readable and short.
 */
import type { ProgressInfo } from '@huggingface/transformers';

export interface Progress {
  /** Sets how much is done so far (absolute, not an increment); `total` may be learnt late. */
  update(completed: number, total?: number): void;
  /** Prints the final state once; later calls do nothing. */
  done(): void;
}

export interface ProgressOptions {
  /** Show amounts as bytes (KB/MB) instead of counts. */
  bytes?: boolean;
  /** Where to write; defaults to process.stderr. */
  stream?: { write(text: string): unknown; isTTY?: boolean };
  /** Minimum milliseconds between plain (non-TTY) lines. */
  lineIntervalMs?: number;
  /** Clock, replaceable in tests. */
  now?: () => number;
}

const BAR_WIDTH = 24;
const TTY_REDRAW_MS = 100;

export function formatAmount(n: number, bytes: boolean): string {
  if (!bytes) return String(n);
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${n} B`;
}

export function renderProgressLine(label: string, completed: number, total: number | undefined, bytes: boolean, elapsedMs: number): string {
  const seconds = `${(elapsedMs / 1000).toFixed(1)}s`;
  if (total === undefined || total <= 0) return `${label}: ${formatAmount(completed, bytes)} (${seconds})`;
  const ratio = Math.min(1, Math.max(0, completed / total));
  const filled = Math.round(ratio * BAR_WIDTH);
  const bar = `${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}`;
  const pct = `${Math.floor(ratio * 100)}%`.padStart(4);
  return `${label} [${bar}] ${pct} ${formatAmount(completed, bytes)}/${formatAmount(total, bytes)} (${seconds})`;
}

export function createProgress(label: string, total?: number, options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  const tty = stream.isTTY === true;
  const bytes = options.bytes ?? false;
  const now = options.now ?? Date.now;
  const lineIntervalMs = options.lineIntervalMs ?? 5_000;
  const started = now();
  let completed = 0;
  let currentTotal = total;
  let lastDraw = -Infinity;
  let finished = false;

  const line = () => renderProgressLine(label, completed, currentTotal, bytes, now() - started);
  const draw = (force: boolean) => {
    const t = now();
    if (tty) {
      if (!force && t - lastDraw < TTY_REDRAW_MS) return;
      // \x1b[K clears what a longer previous line left behind.
      stream.write(`\r${line()}\x1b[K`);
    } else {
      if (!force && t - lastDraw < lineIntervalMs) return;
      stream.write(`${line()}\n`);
    }
    lastDraw = t;
  };

  return {
    update(n, newTotal) {
      if (finished) return;
      completed = n;
      if (newTotal !== undefined) currentTotal = newTotal;
      draw(false);
    },
    done() {
      if (finished) return;
      finished = true;
      if (currentTotal !== undefined && completed < currentTotal) completed = currentTotal;
      if (tty) {
        stream.write(`\r${line()}\x1b[K\n`);
      } else {
        stream.write(`${line()}\n`);
      }
    },
  };
}

/**
 * Turns transformers.js loading events into one byte bar (all model files together),
 * for the `onProgress` option of the transformer embedder.
 */
export function modelProgressDisplay(label: string, options: ProgressOptions = {}): (info: ProgressInfo) => void {
  let progress: Progress | undefined;
  return (info) => {
    if (info.status === 'progress_total') {
      progress ??= createProgress(label, info.total, { ...options, bytes: true });
      progress.update(info.loaded, info.total);
    } else if (info.status === 'ready') {
      progress?.done();
    }
  };
}
