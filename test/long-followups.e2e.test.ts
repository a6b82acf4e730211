/**
 * One anonymous client sending follow-ups whose previous turn is as long as the API allows
 * (8,000 characters), each different: the context a follow-up contributes is bounded, so each
 * answer stays cheap and the caches keyed on it cannot grow the server's memory.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rssBytes } from '../scripts/bench-load';
import { startServer, type StartedServer } from './helpers/server';

let server: StartedServer;
beforeAll(async () => {
  server = await startServer({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

const FOLLOW_UPS = 300;
const longTurn = (i: number) => `${'中国のデータセンターと生成AIの投資、所得格差、一帯一路について '.repeat(230)}${i}`.slice(0, 8000);

describe('long-context follow-ups', () => {
  it(`answers ${FOLLOW_UPS} of them at a mean under 20 ms, with RSS under 250 MB`, async () => {
    const times: number[] = [];
    for (let i = 0; i < FOLLOW_UPS; i++) {
      const history = [
        { role: 'user', content: longTurn(i) },
        { role: 'assistant', content: longTurn(i + 1_000_000) },
      ];
      const started = performance.now();
      const res = await fetch(`${server.url}/api/chat`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ question: 'その理由は？', history }) });
      expect(res.status).toBe(200);
      await res.arrayBuffer();
      times.push(performance.now() - started);
    }
    const mean = times.reduce((a, b) => a + b, 0) / times.length;
    const rss = (await rssBytes(server.pid))!;
    console.log(`${FOLLOW_UPS} long follow-ups: mean ${mean.toFixed(1)} ms, RSS ${(rss / 2 ** 20).toFixed(0)} MB`);
    expect(mean).toBeLessThan(20);
    expect(rss).toBeLessThan(250 * 2 ** 20);
  }, 120_000);
});
