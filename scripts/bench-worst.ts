/**
 * The slowest question a client can send: every costly shape (scripts/bench-questions-worst.ts)
 * at 2,000 characters, the longest a question may be, asked of a running server one at a time,
 * each a string the server has not seen. `npm run bench` runs it against its server; alone,
 * `npx tsx scripts/bench-worst.ts` starts one (hash embedder, rate limit off) and stops it after.
 */
import { pathToFileURL } from 'node:url';
import { costlyQuestions } from './bench-questions-worst';
import { median, spawnServer } from './bench-server';

export interface ShapeTiming {
  shape: string;
  /** Median and slowest time to a whole JSON answer, in ms. */
  chatMs: number;
  chatMaxMs: number;
  /** Median time of a search for text of the same shape (NaN when it does not fit in a URL). */
  searchMs: number;
}

async function timed(request: () => Promise<Response>): Promise<number> {
  const started = performance.now();
  const res = await request();
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`answered ${res.status}`);
  return performance.now() - started;
}

/** Each shape `runs` times at `length` characters (after one warm-up), asked of `url`. */
export async function measureWorstQuestions(url: string, options: { length?: number; runs?: number } = {}): Promise<ShapeTiming[]> {
  const length = options.length ?? 2000;
  const runs = options.runs ?? 7;
  const out: ShapeTiming[] = [];
  let seed = 1_000_000 + Math.floor(Math.random() * 1_000_000);
  for (const [shape, make] of Object.entries(costlyQuestions)) {
    const chat: number[] = [];
    const search: number[] = [];
    for (let i = 0; i <= runs; i++) {
      const question = make(length, ++seed);
      const c = await timed(() => fetch(`${url}/api/chat`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ question }) }));
      // A search query travels in the URL: kana and kanji past about 1,700 characters make it larger than the 16 KB a request line may be.
      const query = `${url}/api/search?${new URLSearchParams({ q: make(length, ++seed), k: '5' })}`;
      const s = query.length < 16_000 ? await timed(() => fetch(query)) : NaN;
      if (i === 0) continue;
      chat.push(c);
      if (!Number.isNaN(s)) search.push(s);
    }
    out.push({ shape, chatMs: median(chat), chatMaxMs: Math.max(...chat), searchMs: search.length ? median(search) : NaN });
  }
  return out;
}

export function formatWorst(timings: ShapeTiming[]): string {
  const lines = timings.map((t) => `  ${t.shape.padEnd(36)} chat ${t.chatMs.toFixed(1).padStart(6)} ms (max ${t.chatMaxMs.toFixed(1).padStart(6)})   search ${Number.isNaN(t.searchMs) ? '   n/a (URL too long)' : `${t.searchMs.toFixed(1).padStart(6)} ms`}`);
  return lines.join('\n');
}

/** The slowest shape by median chat time. */
export const slowest = (timings: ShapeTiming[]) => timings.reduce((a, b) => (b.chatMs > a.chatMs ? b : a));

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const server = await spawnServer({ EMBEDDER: 'hash', RATE_LIMIT_PER_MINUTE: '0', ALLOW_REMOTE_MODELS: '0', ...(process.env.DATA_DIR ? { DATA_DIR: process.env.DATA_DIR } : {}) });
  try {
    const timings = await measureWorstQuestions(server.url);
    console.log('2,000-character questions of every costly shape, one at a time (median of 7):');
    console.log(formatWorst(timings));
    const worst = slowest(timings);
    console.log(`slowest: ${worst.shape}, ${worst.chatMs.toFixed(1)} ms (target < 50 ms: ${worst.chatMs < 50 ? 'met' : 'MISSED'})`);
  } finally {
    await server.stop();
  }
}
