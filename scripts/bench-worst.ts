/**
 * The slowest question a client can send: every costly shape (scripts/bench-questions-worst.ts)
 * at 2,000 characters, the longest a question may be, asked of a running server one at a time,
 * each a string the server has not seen. `npm run bench` runs it against its server; alone,
 * `npx tsx scripts/bench-worst.ts` starts one (hash embedder, rate limit off) and stops it after.
 */
import { pathToFileURL } from 'node:url';
import { costlyQuestions } from './bench-questions-worst';
import { cpuMs } from './bench-load';
import { median, spawnServer } from './bench-server';

export interface ShapeTiming {
  shape: string;
  /** Median and slowest time to a whole JSON answer, in ms. */
  chatMs: number;
  chatMaxMs: number;
  /** Median time of a search for text of the same shape (NaN when it does not fit in a URL). */
  searchMs: number;
  /** The server's CPU time per question answered (10 ms resolution over all runs; NaN without /proc): steadier than wall time on a busy machine. */
  cpuMs: number;
}

async function timed(request: () => Promise<Response>): Promise<number> {
  const started = performance.now();
  const res = await request();
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`answered ${res.status}`);
  return performance.now() - started;
}

/** Each shape `runs` times at `length` characters (after one warm-up), asked of `url`. */
export async function measureWorstQuestions(url: string, options: { length?: number; runs?: number; pid?: number } = {}): Promise<ShapeTiming[]> {
  const length = options.length ?? 2000;
  const runs = options.runs ?? 9;
  const out: ShapeTiming[] = [];
  let seed = 1_000_000 + Math.floor(Math.random() * 1_000_000);
  for (const [shape, make] of Object.entries(costlyQuestions)) {
    const ask = (question: string) => timed(() => fetch(`${url}/api/chat`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ question }) }));
    await ask(make(length, ++seed));
    const cpuBefore = options.pid ? await cpuMs(options.pid) : undefined;
    const chat: number[] = [];
    for (let i = 0; i < runs; i++) chat.push(await ask(make(length, ++seed)));
    const cpuAfter = options.pid ? await cpuMs(options.pid) : undefined;
    const search: number[] = [];
    for (let i = 0; i < runs; i++) {
      // A search query travels in the URL: kana and kanji past about 1,700 characters make it larger than the 16 KB a request line may be.
      const query = `${url}/api/search?${new URLSearchParams({ q: make(length, ++seed), k: '5' })}`;
      if (query.length < 16_000) search.push(await timed(() => fetch(query)));
    }
    const cpu = cpuBefore !== undefined && cpuAfter !== undefined ? (cpuAfter - cpuBefore) / runs : NaN;
    out.push({ shape, chatMs: median(chat), chatMaxMs: Math.max(...chat), searchMs: search.length ? median(search) : NaN, cpuMs: cpu });
  }
  return out;
}

export function formatWorst(timings: ShapeTiming[]): string {
  const lines = timings.map((t) => `  ${t.shape.padEnd(36)} chat ${t.chatMs.toFixed(1).padStart(6)} ms (max ${t.chatMaxMs.toFixed(1).padStart(6)})   search ${Number.isNaN(t.searchMs) ? '   n/a' : `${t.searchMs.toFixed(1).padStart(6)} ms`}   server CPU ${Number.isNaN(t.cpuMs) ? 'n/a' : `${t.cpuMs.toFixed(0)} ms`}`);
  return [...lines, '  (search n/a: kana and kanji this long make a URL larger than the 16 KB a request line may be; server CPU: per question answered, steadier than wall time when others share the machine)'].join('\n');
}

/** The slowest shape by median chat time. */
export const slowest = (timings: ShapeTiming[]) => timings.reduce((a, b) => (b.chatMs > a.chatMs ? b : a));

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const server = await spawnServer({ EMBEDDER: 'hash', RATE_LIMIT_PER_MINUTE: '0', ALLOW_REMOTE_MODELS: '0', ...(process.env.DATA_DIR ? { DATA_DIR: process.env.DATA_DIR } : {}) });
  try {
    const timings = await measureWorstQuestions(server.url, { pid: server.pid });
    console.log('2,000-character questions of every costly shape, one at a time (median of 9):');
    console.log(formatWorst(timings));
    const worst = slowest(timings);
    console.log(`slowest: ${worst.shape}, ${worst.chatMs.toFixed(1)} ms (target < 50 ms: ${worst.chatMs < 50 ? 'met' : 'MISSED'})`);
  } finally {
    await server.stop();
  }
}
