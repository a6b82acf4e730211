/**
 * Per-client token buckets for the endpoints that do real work (/api/chat, /api/search).
 * A bucket holds up to `burst` tokens and refills at `perMinute` tokens a minute; a request
 * spends one or gets 429 with Retry-After. Memory stays bounded: a bucket idle long enough to
 * have refilled is indistinguishable from a new one and is dropped, and a hard cap evicts the
 * least recently seen client first.
 */
import type { MiddlewareHandler } from 'hono';
import { sendError } from '../respond';
import type { ClientKey } from './client-address';

export interface RateLimitOptions {
  /** Sustained requests a client may make per minute. */
  perMinute: number;
  /** Requests a client may make at once after being idle (the bucket size). */
  burst: number;
  /** Most clients tracked at once (default 10,000); beyond it the least recently seen is forgotten. */
  maxClients?: number;
  /** Clock in milliseconds; injectable for tests. */
  now?: () => number;
}

export type TakeResult = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

/** The key of requests whose client the host cannot tell: they share one bucket. */
export const UNKNOWN_CLIENT = 'unknown';

/** Decides whether a client may make one more request: TokenBuckets here, or a platform's limiter (the Worker's binding). */
export interface Limiter {
  take(key: string): TakeResult | Promise<TakeResult>;
}

interface Bucket {
  tokens: number;
  /** When `tokens` was last brought up to date, in ms. */
  at: number;
}

export const DEFAULT_MAX_CLIENTS = 10_000;

export class TokenBuckets implements Limiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;
  /** How long an untouched bucket takes to refill completely: after that it may be forgotten. */
  private readonly refillMs: number;
  private readonly maxClients: number;
  private readonly now: () => number;
  private lastSweep: number;

  constructor(readonly options: RateLimitOptions) {
    if (!(options.perMinute > 0) || !(options.burst >= 1)) throw new RangeError('rate limit needs perMinute > 0 and burst >= 1');
    this.perMs = options.perMinute / 60_000;
    this.refillMs = options.burst / this.perMs;
    this.maxClients = Math.max(1, options.maxClients ?? DEFAULT_MAX_CLIENTS);
    this.now = options.now ?? (() => Date.now());
    this.lastSweep = this.now();
  }

  /** Clients currently tracked. */
  get size(): number {
    return this.buckets.size;
  }

  /** Spends one token of `key`'s bucket, or says how long until one is available. */
  take(key: string): TakeResult {
    const now = this.now();
    this.sweep(now);
    const burst = this.options.burst;
    const found = this.buckets.get(key);
    const bucket: Bucket = found ? { tokens: Math.min(burst, found.tokens + (now - found.at) * this.perMs), at: now } : { tokens: burst, at: now };
    // Re-inserting keeps the map ordered from least to most recently seen, which both sweeps rely on.
    if (found) this.buckets.delete(key);
    else while (this.buckets.size >= this.maxClients) this.dropOldest();
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true, remaining: Math.floor(bucket.tokens) };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000)) };
  }

  /** Forgets buckets untouched for long enough to be full again; oldest first, so it stops early. */
  private sweep(now: number): void {
    if (now - this.lastSweep < Math.min(this.refillMs, 60_000)) return;
    this.lastSweep = now;
    for (const [key, bucket] of this.buckets) {
      if (now - bucket.at < this.refillMs) break;
      this.buckets.delete(key);
    }
  }

  private dropOldest(): void {
    const oldest = this.buckets.keys().next();
    if (!oldest.done) this.buckets.delete(oldest.value);
  }
}

/** Middleware: 429 `rate_limited` JSON with Retry-After once a client's bucket is empty. */
export function rateLimit(options: (RateLimitOptions | { limiter: Limiter }) & { clientKey?: ClientKey }): MiddlewareHandler {
  const limiter = 'limiter' in options ? options.limiter : new TokenBuckets(options);
  const keyOf = options.clientKey ?? (() => undefined);
  return async (c, next) => {
    const result = await limiter.take(keyOf(c) ?? UNKNOWN_CLIENT);
    if (!result.allowed) {
      const wait = result.retryAfterSeconds;
      return sendError(c, 'rate_limited', `too many requests; try again in ${wait} second${wait === 1 ? '' : 's'}`, { 'Retry-After': String(wait) });
    }
    await next();
  };
}
