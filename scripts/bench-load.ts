/** Load generation with autocannon's programmatic API, summarised to the numbers the benchmark and load test judge. */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { benchQuestions, benchSearchQueries, type BenchQuestion } from './bench-questions';

export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** Rewrites the request each time it is sent (autocannon calls it per request). */
  setupRequest?: (request: LoadRequest) => LoadRequest;
}

interface Histogram {
  average: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  total: number;
}

interface AutocannonResult {
  requests: Histogram;
  latency: Histogram;
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
}

interface AutocannonOptions {
  url: string;
  connections: number;
  duration?: number;
  amount?: number;
  timeout?: number;
  requests: LoadRequest[];
}

// autocannon ships no type declarations; this is the slice of its API used here.
const autocannon = createRequire(import.meta.url)('autocannon') as (options: AutocannonOptions) => Promise<AutocannonResult>;

export interface LoadSummary {
  label: string;
  requests: number;
  /** Mean requests per second over the run. */
  rps: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Connection errors and timeouts. */
  errors: number;
  non2xx: number;
  /** Responses per HTTP status. */
  statuses: Record<string, number>;
}

export async function runLoad(options: {
  label: string;
  url: string;
  connections: number;
  requests: LoadRequest[];
  durationSeconds?: number;
  amount?: number;
}): Promise<LoadSummary> {
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    ...(options.amount !== undefined ? { amount: options.amount } : { duration: options.durationSeconds ?? 10 }),
    timeout: 10,
    requests: options.requests,
  });
  const statuses = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, Number(s.count)]));
  const total = Object.values(statuses).reduce((a, b) => a + b, 0);
  return {
    label: options.label,
    requests: total,
    rps: total / Math.max(result.duration, 0.001),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    statuses,
  };
}

const json = { 'Content-Type': 'application/json' };

export const chatRequest = (q: BenchQuestion, accept?: string): LoadRequest => ({
  method: 'POST',
  path: '/api/chat',
  headers: accept ? { ...json, Accept: accept } : json,
  body: JSON.stringify({ question: q.question, ...(q.history ? { history: q.history } : {}) }),
});

export const searchRequest = (q: string, k = 5): LoadRequest => ({ method: 'GET', path: `/api/search?q=${encodeURIComponent(q)}&k=${k}` });

/** Every chat question once; each connection walks the list from the start, so they soon spread over it. */
export const chatRequests = (): LoadRequest[] => benchQuestions.map((q) => chatRequest(q));
export const searchRequests = (): LoadRequest[] => benchSearchQueries.map((q) => searchRequest(q));

/**
 * The question with spaces inserted where tokenising drops them (between two CJK characters, or
 * doubling an existing space), chosen by the bits of `n`: the same words and the same answer, but
 * a different string, so no cache of recent questions can serve it.
 */
export function respaced(question: string, n: number): string {
  let out = '';
  let bit = 0;
  spaceSlots(question).forEach(({ ch, slot }) => {
    out += ch;
    if (slot && (n >> bit++) & 1) out += ' ';
  });
  return out;
}

const cjk = (ch: string | undefined) => ch !== undefined && /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(ch);
const spaceSlots = (question: string) => [...question].map((ch, i, all) => ({ ch, slot: ch === ' ' || (cjk(ch) && cjk(all[i + 1])) }));

/** Chat questions from the rotation, each sent as a new string (see `respaced`). */
export function newChatRequests(): LoadRequest[] {
  let n = 0;
  // Enough places for spaces that the variants do not run out during a run.
  const questions = benchQuestions.filter((q) => !q.history && spaceSlots(q.question).filter((s) => s.slot).length >= 12);
  const base = chatRequest(questions[0]!);
  return [
    {
      ...base,
      setupRequest: (request) => {
        const q = questions[n % questions.length]!;
        const variant = Math.floor(n / questions.length) + 1;
        n++;
        return { ...request, body: JSON.stringify({ question: respaced(q.question, variant) }) };
      },
    },
  ];
}

/** What a page with the widget does: health, search, chat (JSON and streamed), footnotes, passages, assets. */
export function mixedRequests(passageIds: string[]): LoadRequest[] {
  const out: LoadRequest[] = [];
  benchQuestions.forEach((q, i) => {
    out.push(chatRequest(q, i % 3 === 0 ? 'text/event-stream' : undefined));
    out.push(searchRequest(benchSearchQueries[(i * 7) % benchSearchQueries.length]!, 1 + (i % 20)));
    out.push({ method: 'GET', path: `/api/footnotes/${1 + (i % 21)}` });
    if (passageIds.length) out.push({ method: 'GET', path: `/api/passages/${passageIds[(i * 13) % passageIds.length]}` });
    if (i % 4 === 0) out.push({ method: 'GET', path: '/health' });
    if (i % 6 === 0) out.push({ method: 'GET', path: '/api/footnotes' });
    if (i % 9 === 0) out.push({ method: 'GET', path: '/widget.js' });
    if (i % 9 === 4) out.push({ method: 'GET', path: '/' });
  });
  return out;
}

/** Resident memory of a process in bytes (Linux: VmRSS from /proc), or undefined where unavailable. */
export async function rssBytes(pid: number): Promise<number | undefined> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** CPU time (user + system) a process has used so far, in ms (Linux: /proc/<pid>/stat, 10 ms ticks). */
export async function cpuMs(pid: number): Promise<number | undefined> {
  try {
    const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}
