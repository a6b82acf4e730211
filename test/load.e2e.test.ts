/**
 * A short load smoke test against the real server: a page full of widgets (chat, streamed chat,
 * search, footnotes, passages, health, the page and the widget bundle) at 32 connections, every
 * request answered. The sustained load, with memory measured round on round, is `npm run bench`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mixedRequests, runLoad } from '../scripts/bench-load';
import { startServer, type StartedServer } from './helpers/server';

const CONNECTIONS = 32;
const REQUESTS = 1_500;

let server: StartedServer;
let passageIds: string[] = [];

beforeAll(async () => {
  server = await startServer({
    env: { RATE_LIMIT_PER_MINUTE: '1000000', RATE_LIMIT_BURST: '1000000' },
  });
  const res = await fetch(`${server.url}/api/search?q=${encodeURIComponent('中国 生成AI 規制')}&k=20`);
  passageIds = ((await res.json()) as { results: { id: string }[] }).results.map((r) => r.id);
});

afterAll(async () => {
  await server?.stop();
});

describe('the server under mixed load', () => {
  it(`answers ${REQUESTS} mixed requests at ${CONNECTIONS} connections, every one with 200`, async () => {
    expect(passageIds.length).toBeGreaterThan(5);
    const round = await runLoad({ label: 'smoke', url: server.url, connections: CONNECTIONS, requests: mixedRequests(passageIds), amount: REQUESTS });
    const described = `${round.requests} requests, ${round.rps.toFixed(0)} req/s, p99 ${round.p99Ms} ms, statuses ${JSON.stringify(round.statuses)}`;
    expect(round.requests, described).toBe(REQUESTS);
    expect(round.errors, described).toBe(0);
    expect(Object.keys(round.statuses), described).toEqual(['200']);
    expect(server.output()).not.toMatch(/request failed|chat stream failed/);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  }, 60_000);
});

describe('abuse: per-client rate limits on the real server', () => {
  const chat = (url: string, headers: Record<string, string> = {}) =>
    fetch(`${url}/api/chat`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ question: 'R1の価格は？' }) });

  it('limits chat and search per client with 429 JSON and Retry-After, never /health, and ignores X-Forwarded-For by default', async () => {
    const limited = await startServer({ env: { RATE_LIMIT_PER_MINUTE: '6', RATE_LIMIT_BURST: '4' } });
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

  it('keys clients by X-Forwarded-For when TRUST_PROXY=1, one key per address however it is written', async () => {
    const proxied = await startServer({ env: { RATE_LIMIT_PER_MINUTE: '6', RATE_LIMIT_BURST: '2', TRUST_PROXY: '1' } });
    try {
      const as = async (client: string) => (await chat(proxied.url, { 'X-Forwarded-For': `6.6.6.6, ${client}` })).status;
      expect([await as('198.51.100.1'), await as('198.51.100.1'), await as('198.51.100.1')]).toEqual([200, 200, 429]);
      // Another client behind the same proxy has its own bucket; the spoofable left-most entry is ignored.
      expect([await as('198.51.100.2'), await as('198.51.100.2'), await as('198.51.100.2')]).toEqual([200, 200, 429]);
      // Writing the same address with a port or with leading zeros buys no fresh bucket.
      expect([await as('198.51.100.3:40001'), await as('198.051.100.003:40002'), await as('198.51.100.3:40003'), await as('[::ffff:198.51.100.3]:40004')]).toEqual([200, 200, 429, 429]);
    } finally {
      await proxied.stop();
    }
  }, 60_000);
});
