import { describe, expect, it } from 'vitest';
import { StreamLimitError } from '../sse';
import { GeneratorError, generateWithRetry, streamFailure } from './generator-retry';

/** An attempt per script entry: text to yield, then an error to throw (or nothing). */
function scripted(...attempts: { texts?: string[]; error?: unknown; waitMs?: number }[]) {
  let calls = 0;
  const attempt = async function* (signal: AbortSignal) {
    const a = attempts[calls++]!;
    for (const t of a.texts ?? []) yield t;
    if (a.waitMs) {
      await new Promise<void>((ok, fail) => {
        const timer = setTimeout(ok, a.waitMs);
        signal.addEventListener('abort', () => (clearTimeout(timer), fail(signal.reason)), { once: true });
      });
    }
    if (a.error) throw a.error;
  };
  return { attempt, calls: () => calls };
}

async function run(iterable: AsyncIterable<string>): Promise<{ texts: string[]; error?: unknown }> {
  const texts: string[] = [];
  try {
    for await (const t of iterable) texts.push(t);
    return { texts };
  } catch (error) {
    return { texts, error };
  }
}

const options = { source: 'the LLM', retryDelayMs: 1, timeoutMs: 1000 };

describe('generateWithRetry', () => {
  it('retries a retryable failure before any text once, and no more', async () => {
    const twice = scripted({ error: new GeneratorError('HTTP 503', { retryable: true }) }, { texts: ['ok'] });
    expect(await run(generateWithRetry(twice.attempt, options))).toEqual({ texts: ['ok'] });
    const down = scripted({ error: new GeneratorError('HTTP 503', { retryable: true }) }, { error: new GeneratorError('HTTP 502', { retryable: true }) });
    expect(((await run(generateWithRetry(down.attempt, options))).error as Error).message).toBe('HTTP 502');
    expect(down.calls()).toBe(2);
  });

  it('does not retry after text, nor a failure that is not retryable', async () => {
    const broke = scripted({ texts: ['half'], error: new GeneratorError('broke off', { retryable: true }) }, { texts: ['again'] });
    expect(await run(generateWithRetry(broke.attempt, options))).toMatchObject({ texts: ['half'], error: { message: 'broke off' } });
    expect(broke.calls()).toBe(1);
    const refused = scripted({ error: new GeneratorError('HTTP 401') }, { texts: ['never'] });
    expect((await run(generateWithRetry(refused.attempt, options))).texts).toEqual([]);
    expect(refused.calls()).toBe(1);
  });

  it('names an unexpected failure in reader-safe words, keeping the original for the log', async () => {
    const odd = scripted({ error: new TypeError('x is undefined') });
    const { error } = await run(generateWithRetry(odd.attempt, { ...options, failure: 'the LLM request failed' }));
    expect(error).toBeInstanceOf(GeneratorError);
    expect(error).toMatchObject({ message: 'the LLM request failed', detail: 'x is undefined', retryable: false });
  });

  it('runs out of time as a timed-out GeneratorError, after text too', async () => {
    const slow = scripted({ texts: ['first sentence. '], waitMs: 5000 });
    const started = performance.now();
    const { texts, error } = await run(generateWithRetry(slow.attempt, { ...options, timeoutMs: 100 }));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(texts).toEqual(['first sentence. ']);
    expect(error).toMatchObject({ message: 'no answer from the LLM within 100 ms', timedOut: true });
  });

  it('passes the caller’s abort on as it is', async () => {
    const abort = new AbortController();
    const slow = scripted({ waitMs: 5000 });
    setTimeout(() => abort.abort(new Error('reader left')), 20);
    const { error } = await run(generateWithRetry(slow.attempt, { ...options, signal: abort.signal }));
    expect(error).not.toBeInstanceOf(GeneratorError);
    expect((error as Error).message).toBe('reader left');
  });

  it('waits as a 429 asks, but never more than 2 s', async () => {
    const limited = scripted({ error: new GeneratorError('HTTP 429', { retryable: true, retryAfterMs: 60_000 }) }, { texts: ['ok'] });
    const started = performance.now();
    expect((await run(generateWithRetry(limited.attempt, { ...options, timeoutMs: 5000 }))).texts).toEqual(['ok']);
    expect(performance.now() - started).toBeGreaterThanOrEqual(1900);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});

describe('streamFailure', () => {
  it('does not retry a stream larger than the limits; retries one that broke off before text', () => {
    expect(streamFailure(new StreamLimitError('too long'), false, 'the LLM stream')).toMatchObject({ message: 'the LLM stream was larger than allowed', retryable: false, detail: 'too long' });
    expect(streamFailure(new Error('socket hang up'), false, 'the LLM stream')).toMatchObject({ message: 'the LLM stream broke off', retryable: true });
    expect(streamFailure(new Error('socket hang up'), true, 'the LLM stream').retryable).toBe(false);
  });
});
