/**
 * The Worker's per-client rate limit in real workerd: Cloudflare's rate-limiting binding as
 * wrangler.toml declares it (here with a limit of 3 a minute), keyed by CF-Connecting-IP.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OFFLINE_WRANGLER_ENV } from '../scripts/worker-bundle';
import { repoRoot, runWorkerBuild } from './helpers/worker';

const LIMIT = 3;

let url = '';
let dispose: (() => Promise<void>) | undefined;

beforeAll(async () => {
  const built = (await runWorkerBuild()).result; // built once for the run
  Object.assign(process.env, OFFLINE_WRANGLER_ENV);
  const { unstable_startWorker } = await import('wrangler');
  const worker = await unstable_startWorker({
    config: resolve(repoRoot, 'wrangler.toml'),
    entrypoint: resolve(built.bundle!.dir, 'worker.js'),
    sendMetrics: false,
    build: { bundle: false },
    // The binding of wrangler.toml, with a limit small enough to reach.
    bindings: { RATE_LIMITER: { type: 'ratelimit', namespace_id: '1001', simple: { limit: LIMIT, period: 60 } } },
    dev: { server: { hostname: '127.0.0.1', port: 0 }, inspector: false, persist: false, watch: false, liveReload: false, logLevel: 'warn' },
  });
  dispose = () => worker.dispose();
  await worker.ready;
  url = (await worker.url).href.replace(/\/$/, '');
}, 180_000);

afterAll(async () => {
  await dispose?.();
});

const from = (ip: string) => ({ 'CF-Connecting-IP': ip, 'Content-Type': 'application/json' });
const chat = (ip: string) => fetch(`${url}/api/chat`, { method: 'POST', headers: from(ip), body: JSON.stringify({ question: 'R1の価格は？' }), signal: AbortSignal.timeout(20_000) });
const search = (ip: string) => fetch(`${url}/api/search?q=R1`, { headers: from(ip), signal: AbortSignal.timeout(20_000) });

describe('the Worker’s rate limit (Cloudflare rate-limiting binding, in workerd)', () => {
  it('limits chat and search together per client address, with 429 JSON and Retry-After, never /health', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT; i++) statuses.push((await (i % 2 ? search('198.51.100.7') : chat('198.51.100.7'))).status);
    expect(statuses).toEqual([200, 200, 200]);
    const refused = await chat('198.51.100.7');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('60');
    expect(refused.headers.get('content-type')).toMatch(/^application\/json/);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
    expect((await search('198.51.100.7')).status).toBe(429);
    // Another client has its own allowance; health, footnotes and the page are never limited.
    expect((await chat('203.0.113.50')).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await fetch(`${url}/health`, { headers: from('198.51.100.7') })).status).toBe(200);
    expect((await fetch(`${url}/api/footnotes/1`, { headers: from('198.51.100.7') })).status).toBe(200);
  });

  it('keys IPv6 clients by their /64', async () => {
    for (let i = 1; i <= LIMIT; i++) expect((await search(`2001:db8:77:1::${i}`)).status).toBe(200);
    expect((await search('2001:db8:77:1:ffff::9')).status).toBe(429);
    expect((await search('2001:db8:77:2::1')).status).toBe(200);
  });
});
