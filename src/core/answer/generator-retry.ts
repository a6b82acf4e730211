/**
 * What both LLM generators (an OpenAI-compatible endpoint over fetch, Workers AI over its
 * binding) share: one error type and one retrying loop around a single attempt.
 *
 * - The whole call, retry included, is bounded by `timeoutMs` (LLM_TIMEOUT_MS) and by the
 *   caller's signal. The caller's abort is passed on as it is (the reader left: nobody needs a
 *   message); running out of time is a GeneratorError with `timedOut`, so the caller can keep
 *   text that arrived before it.
 * - A failure before any text that the endpoint may not repeat (connection refused, 5xx, 429, a
 *   stream that broke off) is retried once after a short pause, honouring Retry-After up to 2 s:
 *   the reader is waiting and the extractive answer is ready. A failure after text is not
 *   retried, since the reader has already seen that text.
 * Messages are fit to show to readers (no URL, key or response body); `detail` holds what the
 * endpoint said, for the server log.
 */
import { defaults } from '../settings';
import { StreamLimitError } from '../sse';

export class GeneratorError extends Error {
  readonly retryable: boolean;
  readonly detail?: string;
  /** From a 429's or 503's Retry-After header. */
  readonly retryAfterMs?: number;
  /** The time budget ran out (text may have arrived before it did). */
  readonly timedOut: boolean;
  constructor(message: string, options: { retryable?: boolean; detail?: string; retryAfterMs?: number; timedOut?: boolean } = {}) {
    super(message);
    this.name = 'GeneratorError';
    this.retryable = options.retryable ?? false;
    this.timedOut = options.timedOut ?? false;
    if (options.detail) this.detail = options.detail;
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
  }
}

export const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 300);

/**
 * A failure while reading an answer stream, as a GeneratorError: one larger than the reading
 * limits is not retried (the endpoint would send it again); one that broke off is, unless text
 * had already arrived.
 */
export function streamFailure(err: unknown, produced: boolean, stream: string): GeneratorError {
  if (err instanceof GeneratorError) return err;
  if (err instanceof StreamLimitError) return new GeneratorError(`${stream} was larger than allowed`, { detail: err.message });
  return new GeneratorError(`${stream} broke off`, { retryable: !produced, detail: messageOf(err) });
}

export interface RetryOptions {
  /** Who is asked, in messages: "the LLM", "Workers AI". */
  source: string;
  /** The message for a failure the attempt did not describe itself (default "<source> failed"). */
  failure?: string;
  /** Budget for the whole call, retry included (default LLM_TIMEOUT_MS's default). */
  timeoutMs?: number;
  /** Pause before the retry when the endpoint named none. */
  retryDelayMs?: number;
  /** The caller's signal: the reader went away. */
  signal?: AbortSignal;
}

/** Waits as the server asked, but never long. */
export const MAX_RETRY_WAIT_MS = 2000;
const DEFAULT_RETRY_DELAY_MS = 250;

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Runs `attempt` with the combined signal, retrying once as described above; yields its text. */
export async function* generateWithRetry(attempt: (signal: AbortSignal) => AsyncIterable<string>, options: RetryOptions): AsyncIterable<string> {
  const timeoutMs = options.timeoutMs ?? defaults.llmTimeoutMs;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  const outOfTime = () => new GeneratorError(`no answer from ${options.source} within ${timeoutMs} ms`, { timedOut: true });
  let produced = false;
  for (let round = 0; ; round++) {
    try {
      for await (const text of attempt(signal)) {
        produced = true;
        yield text;
      }
      return;
    } catch (err) {
      if (options.signal?.aborted) throw options.signal.reason ?? err;
      if (timeout.aborted) throw outOfTime();
      const e = err instanceof GeneratorError ? err : new GeneratorError(options.failure ?? `${options.source} failed`, { detail: messageOf(err) });
      if (round > 0 || produced || !e.retryable) throw e;
      try {
        await sleep(Math.min(e.retryAfterMs ?? options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS, MAX_RETRY_WAIT_MS), signal);
      } catch (abort) {
        if (options.signal?.aborted) throw options.signal.reason ?? abort;
        throw outOfTime();
      }
    }
  }
}
