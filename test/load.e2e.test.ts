/**
 * Sustained mixed load against the real server: what a page full of widgets does (chat, streamed
 * chat, search, footnotes, passages, health, the page and the widget bundle) at 64 connections.
 * Every request must succeed, and memory must not trend upwards from round to round.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mixedRequests, rssBytes, runLoad, type LoadSummary } from '../scripts/bench-load';
import { repoRoot, startServer, type StartedServer } from './helpers/server';

const CONNECTIONS = 64;
const ROUND = 4_000; // three measured rounds: 12,000 requests
const MB = 1024 * 1024;

let server: StartedServer;
let passageIds: string[] = [];

beforeAll(async () => {
  server = await startServer({
    env: { DATA_DIR: resolve(repoRoot, '.tmp/load-e2e-data'), RATE_LIMIT_PER_MINUTE: '1000000', RATE_LIMIT_BURST: '1000000' },
  });
  const res = await fetch(`${server.url}/api/search?q=${encodeURIComponent('中国 生成AI 規制')}&k=20`);
  passageIds = ((await res.json()) as { results: { id: string }[] }).results.map((r) => r.id);
});

afterAll(async () => {
  await server?.stop();
});

function describeRound(r: LoadSummary, rss: number | undefined): string {
  return `${r.requests} requests, ${r.rps.toFixed(0)} req/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, statuses ${JSON.stringify(r.statuses)}, RSS ${rss === undefined ? 'n/a' : (rss / MB).toFixed(0)} MB`;
}

describe('the server under sustained mixed load', () => {
  it('serves over 10,000 mixed requests at 64 connections without an error, and memory does not grow round on round', async () => {
    expect(passageIds.length).toBeGreaterThan(5);
    const requests = mixedRequests(passageIds);
    const pid = server.proc.pid!;
    // Warm-up: JIT, caches and the heap reach their working size before anything is measured.
    const warm = await runLoad({ label: 'warm-up', url: server.url, connections: CONNECTIONS, requests, amount: 1_500 });
    expect(warm.errors).toBe(0);

    const rounds: LoadSummary[] = [];
    const rss: number[] = [];
    for (let i = 0; i < 3; i++) {
      const round = await runLoad({ label: `round ${i + 1}`, url: server.url, connections: CONNECTIONS, requests, amount: ROUND });
      // Let in-flight work settle so the reading is not one of a request burst.
      await new Promise((r) => setTimeout(r, 300));
      const now = await rssBytes(pid);
      rounds.push(round);
      if (now !== undefined) rss.push(now);
      console.log(`load round ${i + 1}: ${describeRound(round, now)}`);
    }

    const total = rounds.reduce((a, r) => a + r.requests, 0);
    expect(total).toBeGreaterThanOrEqual(10_000);
    for (const r of rounds) {
      expect(r.errors, describeRound(r, undefined)).toBe(0);
      expect(r.non2xx, describeRound(r, undefined)).toBe(0);
      expect(Object.keys(r.statuses)).toEqual(['200']);
    }
    expect(server.output()).not.toMatch(/request failed|chat stream failed/);

    if (rss.length === 3) {
      const [first, , last] = rss as [number, number, number];
      // A leak grows with the requests served; the heap's own growth settles during warm-up. The
      // allowance covers V8 enlarging its heap under a burst, not a per-request leak: the 8,000
      // requests between the first and last reading leaking 5 KB each would already exceed it.
      const allowance = Math.max(32 * MB, first * 0.15);
      expect(last - first, `RSS ${rss.map((r) => (r / MB).toFixed(0)).join(' → ')} MB`).toBeLessThan(allowance);
    }
    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);
  }, 90_000);
});

describe('abuse: per-client rate limits on the real server', () => {
  const chat = (url: string, headers: Record<string, string> = {}) =>
    fetch(`${url}/api/chat`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ question: 'R1の価格は？' }) });

  it('limits chat and search per client with 429 JSON and Retry-After, never /health, and ignores X-Forwarded-For by default', async () => {
    const limited = await startServer({ env: { DATA_DIR: resolve(repoRoot, '.tmp/load-e2e-data'), RATE_LIMIT_PER_MINUTE: '6', RATE_LIMIT_BURST: '4' } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await chat(limited.url, { 'X-Forwarded-For': `198.51.100.${i}` })).status);
      expect(statuses).toEqual([200, 200, 200, 200]);
      // A spoofed forwarding header does not buy a fresh bucket: the socket's address decides.
      const refused = await chat(limited.url, { 'X-Forwarded-For': '203.0.113.99' });
      expect(refused.status).toBe(429);
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 10).toBe(true); // 6/min: a token every 10 s
      const body = (await refused.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('rate_limited');
      expect(body.error.message).toMatch(/try again in \d+ second/);
      expect(refused.headers.get('access-control-allow-origin')).toBe('*');
      expect(refused.headers.get('access-control-expose-headers')).toMatch(/Retry-After/i);
      // Search draws on the same bucket; health never does.
      expect((await fetch(`${limited.url}/api/search?q=R1`)).status).toBe(429);
      for (let i = 0; i < 30; i++) expect((await fetch(`${limited.url}/health`)).status).toBe(200);
      expect((await fetch(`${limited.url}/api/footnotes/1`)).status).toBe(200);
    } finally {
      await limited.stop();
    }
  }, 60_000);

  it('keys clients by X-Forwarded-For when TRUST_PROXY=1', async () => {
    const proxied = await startServer({ env: { DATA_DIR: resolve(repoRoot, '.tmp/load-e2e-data'), RATE_LIMIT_PER_MINUTE: '6', RATE_LIMIT_BURST: '2', TRUST_PROXY: '1' } });
    try {
      const as = async (client: string) => (await chat(proxied.url, { 'X-Forwarded-For': `6.6.6.6, ${client}` })).status;
      expect([await as('198.51.100.1'), await as('198.51.100.1'), await as('198.51.100.1')]).toEqual([200, 200, 429]);
      // Another client behind the same proxy has its own bucket; the spoofable left-most entry is ignored.
      expect([await as('198.51.100.2'), await as('198.51.100.2'), await as('198.51.100.2')]).toEqual([200, 200, 429]);
    } finally {
      await proxied.stop();
    }
  }, 60_000);
});
