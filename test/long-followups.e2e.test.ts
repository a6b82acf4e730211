/**
 * One anonymous client sending follow-ups whose previous turn is as long as the API allows
 * (8,000 characters), each different: the context a follow-up contributes is bounded, so each
 * answer costs about what a follow-up to a short turn costs, and the caches keyed on it cannot
 * grow the server's memory.
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

const FOLLOW_UPS = 150;
/** How many times a follow-up to a short turn a long one may cost. */
const LONG_CONTEXT_FACTOR = 3;
const longTurn = (i: number) => `${'中国のデータセンターと生成AIの投資、所得格差、一帯一路について '.repeat(230)}${i}`.slice(0, 8000);
const shortTurn = (i: number) => `中国のデータセンターについて ${i}`;

/** Mean time of `count` follow-ups, each after a different previous turn made by `turn`. */
async function meanFollowUpMs(turn: (i: number) => string, offset: number, count = FOLLOW_UPS): Promise<number> {
  const times: number[] = [];
  for (let i = offset; i < offset + count; i++) {
    const history = [
      { role: 'user', content: turn(i) },
      { role: 'assistant', content: turn(i + 1_000_000) },
    ];
    const started = performance.now();
    const res = await fetch(`${server.url}/api/chat`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ question: 'その理由は？', history }) });
    expect(res.status).toBe(200);
    await res.arrayBuffer();
    times.push(performance.now() - started);
  }
  return times.reduce((a, b) => a + b, 0) / times.length;
}

describe('long-context follow-ups', () => {
  it(`answers ${FOLLOW_UPS} of them about as fast as follow-ups to short turns, with RSS under 250 MB`, async () => {
    await meanFollowUpMs(shortTurn, 2_000_000, 20); // warm-up, so neither side pays for it
    await meanFollowUpMs(longTurn, 2_000_000, 20);
    const short = await meanFollowUpMs(shortTurn, 0);
    const long = await meanFollowUpMs(longTurn, FOLLOW_UPS);
    const rss = (await rssBytes(server.pid))!;
    console.log(`${FOLLOW_UPS} follow-ups: mean ${short.toFixed(1)} ms after short turns, ${long.toFixed(1)} ms after 8,000-character ones; RSS ${(rss / 2 ** 20).toFixed(0)} MB`);
    // 16 KB more request to read is all the difference a bounded context allows.
    expect(long / short).toBeLessThan(LONG_CONTEXT_FACTOR);
    expect(rss).toBeLessThan(250 * 2 ** 20);
  }, 120_000);
});
