import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { realEngine } from '../../../test/helpers/real-engine';
import { createApp } from '../app';
import { rateLimit, TokenBuckets } from './rate-limit';

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('TokenBuckets', () => {
  it('allows a burst, then refuses with the wait until the next token', () => {
    const time = clock();
    const buckets = new TokenBuckets({ perMinute: 60, burst: 3, now: time.now });
    expect([1, 2, 3].map(() => buckets.take('a').allowed)).toEqual([true, true, true]);
    const refused = buckets.take('a');
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 1 });
    time.advance(999);
    expect(buckets.take('a').allowed).toBe(false);
    time.advance(1);
    expect(buckets.take('a').allowed).toBe(true);
  });

  it('refills at the sustained rate and never above the burst', () => {
    const time = clock();
    const buckets = new TokenBuckets({ perMinute: 6, burst: 2, now: time.now });
    buckets.take('a');
    buckets.take('a');
    const refused = buckets.take('a');
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 10 }); // 6/min = one token every 10 s
    time.advance(10 * 60_000);
    expect(buckets.take('a')).toEqual({ allowed: true, remaining: 1 });
    expect(buckets.take('a')).toEqual({ allowed: true, remaining: 0 });
    expect(buckets.take('a').allowed).toBe(false);
  });

  it('keeps clients apart', () => {
    const time = clock();
    const buckets = new TokenBuckets({ perMinute: 60, burst: 1, now: time.now });
    expect(buckets.take('a').allowed).toBe(true);
    expect(buckets.take('a').allowed).toBe(false);
    expect(buckets.take('b').allowed).toBe(true);
  });

  it('forgets clients idle long enough to have refilled, keeping memory bounded', () => {
    const time = clock();
    const buckets = new TokenBuckets({ perMinute: 60, burst: 10, now: time.now }); // full again after 10 s
    for (let i = 0; i < 500; i++) buckets.take(`idle-${i}`);
    expect(buckets.size).toBe(500);
    time.advance(5_000);
    buckets.take('busy');
    time.advance(6_000); // idle-* untouched for 11 s, busy for 6 s
    buckets.take('late');
    expect(buckets.size).toBe(2);
  });

  it('never tracks more than maxClients, dropping the least recently seen', () => {
    const time = clock();
    const buckets = new TokenBuckets({ perMinute: 1, burst: 1, maxClients: 100, now: time.now });
    buckets.take('first');
    for (let i = 0; i < 1000; i++) buckets.take(`c${i}`);
    expect(buckets.size).toBe(100);
    // 'first' was evicted, so it starts over with a full bucket; the most recent client was kept and is empty.
    expect(buckets.take('c999').allowed).toBe(false);
    expect(buckets.take('first').allowed).toBe(true);
  });

  it('rejects settings that would block everyone or nobody', () => {
    expect(() => new TokenBuckets({ perMinute: 0, burst: 5 })).toThrow(RangeError);
    expect(() => new TokenBuckets({ perMinute: 10, burst: 0 })).toThrow(RangeError);
  });
});

describe('rateLimit middleware', () => {
  function appWith(options: Parameters<typeof rateLimit>[0]) {
    const app = new Hono();
    app.use('/api/*', rateLimit(options));
    app.get('/api/x', (c) => c.json({ ok: true }));
    app.get('/health', (c) => c.json({ status: 'ok' }));
    return app;
  }

  it('answers 429 rate_limited JSON with Retry-After once the bucket is empty', async () => {
    const time = clock();
    const app = appWith({ perMinute: 30, burst: 2, now: time.now, clientKey: (c) => c.req.header('x-client') });
    const get = (who: string) => app.request('/api/x', { headers: { 'x-client': who } });
    expect((await get('a')).status).toBe(200);
    expect((await get('a')).status).toBe(200);
    const limited = await get('a');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    const body = (await limited.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('rate_limited');
    expect(body.error.message).toMatch(/2 seconds/);
    expect((await get('b')).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await app.request('/health')).status).toBe(200);
  });

  it('puts requests whose client is unknown into one shared bucket', async () => {
    const app = appWith({ perMinute: 60, burst: 1 });
    expect((await app.request('/api/x')).status).toBe(200);
    expect((await app.request('/api/x')).status).toBe(429);
  });
});

describe('rate limits in the app', () => {
  it('limit chat and search together, per client, with CORS headers a browser widget can read; never /health', async () => {
    const app = createApp({
      engine: await realEngine(),
      report: { title: 't', publisher: '', suggestions: { ja: [], en: [] } },
      allowedOrigins: ['https://publisher.example'],
      rateLimit: { perMinute: 60, burst: 2 },
      clientKey: (c) => c.req.header('x-test-client'),
    });
    const from = (client: string, origin = 'https://publisher.example') => ({ headers: { 'x-test-client': client, Origin: origin, 'Content-Type': 'application/json' } });
    const chat = (client: string) => app.request('/api/chat', { method: 'POST', body: JSON.stringify({ question: 'R1の価格は？' }), ...from(client) });

    const first = await app.request('/api/search?q=R1', from('a'));
    expect(first.status).toBe(200);
    expect(first.headers.get('access-control-allow-origin')).toBe('https://publisher.example');
    expect(first.headers.get('vary')).toMatch(/Origin/);
    expect((await chat('a')).status).toBe(200);
    const limited = await chat('a');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(limited.headers.get('access-control-allow-origin')).toBe('https://publisher.example');
    expect(limited.headers.get('access-control-expose-headers')).toMatch(/Retry-After/);
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
    expect((await app.request('/api/search?q=R1', from('a'))).status).toBe(429);

    expect((await chat('b')).status).toBe(200);
    const stranger = await app.request('/api/search?q=R1', from('c', 'https://elsewhere.example'));
    expect(stranger.status).toBe(200);
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
    for (let i = 0; i < 10; i++) expect((await app.request('/health', from('a'))).status).toBe(200);
  });
});
