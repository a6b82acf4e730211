/**
 * Sustained mixed load against a running server: what a page full of widgets sends (chat, streamed
 * chat, search, footnotes, passages, health, the page and the widget bundle) at 64 connections, in
 * rounds. Every request must succeed, and resident memory must not trend upwards round on round:
 * a leak grows with the requests served, while the heap's own growth settles during the warm-up.
 */
import { mixedRequests, rssBytes, type LoadRequest, type LoadSummary } from './bench-load';

const MB = 1024 * 1024;

export interface SoakResult {
  rounds: LoadSummary[];
  /** RSS after each round, where the platform reports it. */
  rss: number[];
  requests: number;
  failed: number;
  /** RSS growth from the first round to the last, and how much is allowed. */
  growth?: { bytes: number; allowance: number };
}

export type Load = (o: { label: string; url: string; connections: number; requests: LoadRequest[]; durationSeconds: number }) => Promise<LoadSummary>;

export async function runSoak(options: { url: string; pid: number; load: Load; connections?: number; rounds?: number; roundSeconds?: number; log?: (line: string) => void }): Promise<SoakResult> {
  const connections = options.connections ?? 64;
  const log = options.log ?? console.log;
  const found = await fetch(`${options.url}/api/search?q=${encodeURIComponent('中国 生成AI 規制')}&k=20`);
  const ids = ((await found.json()) as { results: { id: string }[] }).results.map((r) => r.id);
  const requests = mixedRequests(ids);
  await options.load({ label: 'mixed (warm-up)', url: options.url, connections, requests, durationSeconds: 2 });
  const rounds: LoadSummary[] = [];
  const rss: number[] = [];
  for (let i = 0; i < (options.rounds ?? 3); i++) {
    const round = await options.load({ label: `mixed round ${i + 1}`, url: options.url, connections, requests, durationSeconds: options.roundSeconds ?? 4 });
    // Let in-flight work settle so the reading is not one of a request burst.
    await new Promise((r) => setTimeout(r, 300));
    const now = await rssBytes(options.pid);
    rounds.push(round);
    if (now !== undefined) rss.push(now);
    log(`  round ${i + 1}: ${round.requests} requests, ${round.rps.toFixed(0)} req/s, p99 ${round.p99Ms.toFixed(1)} ms, errors ${round.errors}, non-2xx ${round.non2xx}, RSS ${now === undefined ? 'n/a' : (now / MB).toFixed(0)} MB`);
  }
  const result: SoakResult = {
    rounds,
    rss,
    requests: rounds.reduce((a, r) => a + r.requests, 0),
    failed: rounds.reduce((a, r) => a + r.errors + r.non2xx, 0),
  };
  if (rss.length >= 2) {
    const first = rss[0]!;
    // Covers V8 enlarging its heap under a burst, not a per-request leak: thousands of requests
    // leaking a few KB each already exceed it.
    result.growth = { bytes: rss.at(-1)! - first, allowance: Math.max(32 * MB, first * 0.15) };
  }
  return result;
}
