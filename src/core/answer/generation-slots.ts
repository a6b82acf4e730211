/**
 * How many answers a language model may be writing at once. Each costs the model's time and this
 * server's work (reading, checking, and a burst of timeouts firing together); past the bound a
 * request is refused at once with 503 `overloaded` and a Retry-After, before any of that work, so
 * a burst cannot stall /health and the cheap routes behind it.
 */
import { AppError } from '../errors';

/** Seconds a refused client is asked to wait: about what one generated answer takes. */
export const RETRY_AFTER_SECONDS = 2;

export class OverloadedError extends AppError {
  readonly retryAfterSeconds: number;
  constructor(max: number, retryAfterSeconds = RETRY_AFTER_SECONDS) {
    super('overloaded', `the server is writing as many answers as it can (${max} at once); try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}`);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export class GenerationSlots {
  private used = 0;
  constructor(readonly max: number) {
    if (!Number.isInteger(max) || max < 1) throw new Error(`at least one generation slot is needed, not ${max}`);
  }

  get inUse(): number {
    return this.used;
  }

  /** Takes a slot and returns its release (safe to call more than once), or throws OverloadedError when none is free. */
  acquire(): () => void {
    if (this.used >= this.max) throw new OverloadedError(this.max);
    this.used++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.used--;
    };
  }
}
