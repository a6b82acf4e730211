/**
 * npm run bench [-- --duration 10 --connections 32 --profile --strict]
 *
 * Measures, with the hash embedder and the rate limit off, in one run:
 *   ingest time into a fresh DATA_DIR; cold start (spawn → first answer over an existing index);
 *   requests/s and latency p50/p99 for /health (the ceiling), /api/search and /api/chat, each
 *   also as a share of /health's requests/s; the server's resident memory after the load; then a
 *   sustained mixed load (what a page full of widgets sends) in rounds, every request answered
 *   and memory not growing round on round; then the slowest 2,000-character question a client can
 *   build (one long word, many short words, long digit and kana runs…), asked one at a time.
 * Load comes from wrk when it is installed (`apt-get install wrk`), else from autocannon; the
 * output says which. Prints the targets met or missed; --strict exits 1 when one is missed.
 */
import { readdir, rm } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { chatRequests, cpuMs, newChatRequests, rssBytes, runLoad, searchRequests, type LoadRequest, type LoadSummary } from './bench-load';
import { formatProfile, readProfile, summariseProfile } from './bench-profile';
import { BUNDLE_ENTRY, measureColdStart, median, repoRoot, runCommand, spawnServer } from './bench-server';
import { runSoak } from './bench-soak';
import { formatWorst, measureWorstQuestions, slowest } from './bench-worst';
import { runWrk, wrkVersion } from './bench-wrk';
import { buildServer } from './build-server';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

const duration = option('duration', 10);
const connections = option('connections', 32);
const coldRuns = option('cold-runs', 3);
const profile = flag('profile');
const work = resolve(repoRoot, '.tmp', `bench-${process.pid}`);
const profileDir = join(work, 'profile');
const env = { EMBEDDER: 'hash', DATA_DIR: join(work, 'data'), RATE_LIMIT_PER_MINUTE: '0', ALLOW_REMOTE_MODELS: '0' };
/** The measured server logs every request, as it does by default in production. */
const servedEnv = { ...env, ACCESS_LOG: '1' };

const wrk = wrkVersion();
/** One measured run with whichever generator this machine has. */
const load = (o: { label: string; url: string; connections: number; requests: LoadRequest[]; durationSeconds: number }): Promise<LoadSummary> => (wrk ? runWrk(o) : runLoad(o));

const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;
const mb = (n: number | undefined) => (n === undefined ? 'n/a' : `${(n / 1024 / 1024).toFixed(0)} MB`);

/** One summary from several runs of the same endpoint: rates add over time, percentiles are the worst run's. */
function combine(runs: LoadSummary[]): LoadSummary {
  const requests = runs.reduce((a, r) => a + r.requests, 0);
  const seconds = runs.reduce((a, r) => a + r.requests / Math.max(r.rps, 1e-9), 0);
  const statuses: Record<string, number> = {};
  for (const r of runs) for (const [code, n] of Object.entries(r.statuses)) statuses[code] = (statuses[code] ?? 0) + n;
  return {
    label: runs[0]!.label,
    requests,
    rps: requests / seconds,
    p50Ms: median(runs.map((r) => r.p50Ms)),
    p99Ms: Math.max(...runs.map((r) => r.p99Ms)),
    maxMs: Math.max(...runs.map((r) => r.maxMs)),
    errors: runs.reduce((a, r) => a + r.errors, 0),
    non2xx: runs.reduce((a, r) => a + r.non2xx, 0),
    statuses,
  };
}

interface Target {
  what: string;
  met: boolean;
  value: string;
}

async function main() {
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}`);
  console.log(`load: ${connections} connections, ${duration} s per endpoint; embedder hash; rate limit off; access log on`);
  console.log(`load generator: ${wrk ?? 'autocannon (install wrk for figures less disturbed by the client: apt-get install wrk)'}\n`);

  // Ingest into a fresh DATA_DIR: the whole command, as an operator runs it.
  await rm(work, { recursive: true, force: true });
  const ingest = await runCommand(['--import', 'tsx', 'scripts/ingest.ts'], env);
  if (ingest.code !== 0) throw new Error(`ingest failed:\n${ingest.output}`);
  const inProcess = /finished in (\d+) ms/.exec(ingest.output)?.[1];
  console.log(`ingest (fresh DATA_DIR): ${ms(ingest.ms)} wall${inProcess ? `, ${inProcess} ms of it building the index` : ''}`);

  // Cold start over the index just built, of the bundle `npm start` runs; node's own start-up alone for comparison.
  await buildServer();
  const bare = await runCommand(['-e', '0'], {});
  const colds = [];
  for (let i = 0; i < coldRuns; i++) colds.push(await measureColdStart(env));
  const cold = median(colds.map((c) => c.firstAnswerMs));
  console.log(
    `cold start: ${ms(cold)} to the first answer (median of ${coldRuns}; listening after ${ms(median(colds.map((c) => c.listeningMs)))}; node alone ${ms(bare.ms)})`,
  );

  // The bundle `npm start` runs: from source, tsx's loader and its compiled modules add to the memory measured.
  const server = await spawnServer(servedEnv, profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [], 120_000, BUNDLE_ENTRY);
  const results: LoadSummary[] = [];
  try {
    const rssStart = await rssBytes(server.pid);
    const plan = [
      { label: '/health', requests: [{ method: 'GET' as const, path: '/health' }] },
      { label: '/api/search', requests: searchRequests() },
      { label: '/api/chat', requests: chatRequests() },
      // Every question a new string: what a question costs before the server has seen it.
      { label: '/api/chat new', requests: newChatRequests() },
    ];
    for (const p of plan) await load({ ...p, label: `${p.label} (warm-up)`, url: server.url, connections, durationSeconds: Math.min(2, duration) });
    // On a shared machine the load from others drifts; interleaving the endpoints in short rounds
    // exposes them to the same conditions, which keeps the ratios honest.
    const rounds = Math.max(1, Math.round(duration / 2));
    const parts: LoadSummary[][] = plan.map(() => []);
    const cpu = plan.map(() => 0);
    for (let r = 0; r < rounds; r++) {
      for (const [i, p] of plan.entries()) {
        const before = await cpuMs(server.pid);
        parts[i]!.push(await load({ ...p, url: server.url, connections, durationSeconds: duration / rounds }));
        cpu[i]! += ((await cpuMs(server.pid)) ?? NaN) - (before ?? NaN);
      }
    }
    results.push(...parts.map(combine));
    // Server CPU per request does not depend on what else the machine runs, unlike requests/s.
    const cpuPerRequest = results.map((r, i) => (cpu[i]! * 1000) / Math.max(1, r.requests));
    const rssAfter = await rssBytes(server.pid);

    const ceiling = results[0]!.rps;
    console.log(
      `\n${'endpoint'.padEnd(13)} ${'req/s'.padStart(8)} ${'× /health'.padStart(9)} ${'p50'.padStart(9)} ${'p99'.padStart(9)} ${'max'.padStart(9)} ${'cpu/req'.padStart(9)} ${'requests'.padStart(9)} errors non-2xx`,
    );
    results.forEach((r, i) => {
      const perRequest = cpuPerRequest[i]!;
      console.log(
        `${r.label.padEnd(13)} ${r.rps.toFixed(0).padStart(8)} ${(r.rps / ceiling).toFixed(2).padStart(9)} ${ms(r.p50Ms).padStart(9)} ${ms(r.p99Ms).padStart(9)} ${ms(r.maxMs).padStart(9)} ${(Number.isFinite(perRequest) ? `${perRequest.toFixed(0)} µs` : 'n/a').padStart(9)} ${String(r.requests).padStart(9)} ${String(r.errors).padStart(6)} ${String(r.non2xx).padStart(7)}`,
      );
    });
    console.log('(cpu/req: the server process\'s CPU time per request — steadier than req/s when others share the machine)');
    console.log(`\nserver RSS: ${mb(rssStart)} before the load, ${mb(rssAfter)} after it`);

    console.log('\nsustained mixed load, 64 connections:');
    const soak = await runSoak({ url: server.url, pid: server.pid, load });
    const soakOutput = server.output();

    console.log('\n2,000-character questions of every costly shape, one at a time (median of 9):');
    const worstShapes = await measureWorstQuestions(server.url, { pid: server.pid });
    console.log(formatWorst(worstShapes));
    const worst = slowest(worstShapes);

    const [, search, chat] = results as [LoadSummary, LoadSummary, LoadSummary, LoadSummary];
    const targets: Target[] = [
      { what: 'search ≥ 0.5× /health req/s', met: search.rps >= 0.5 * ceiling, value: `${(search.rps / ceiling).toFixed(2)}×` },
      { what: 'chat ≥ 0.3× /health req/s', met: chat.rps >= 0.3 * ceiling, value: `${(chat.rps / ceiling).toFixed(2)}×` },
      { what: 'chat p99 < 50 ms', met: chat.p99Ms < 50, value: ms(chat.p99Ms) },
      { what: 'zero errors and non-2xx', met: results.every((r) => r.errors === 0 && r.non2xx === 0), value: `${results.reduce((a, r) => a + r.errors + r.non2xx, 0)}` },
      { what: 'RSS after load < 200 MB', met: rssAfter !== undefined && rssAfter < 200 * 1024 * 1024, value: mb(rssAfter) },
      { what: 'cold start < 1 s', met: cold < 1000, value: ms(cold) },
      { what: '2,000-char question < 50 ms', met: worst.chatMs < 50, value: `${ms(worst.chatMs)} (${worst.shape})` },
      { what: 'mixed load: every request answered', met: soak.requests > 0 && soak.failed === 0 && !/request failed|chat stream failed/.test(soakOutput), value: `${soak.failed} of ${soak.requests} failed` },
      {
        what: 'mixed load: RSS steady',
        met: soak.growth === undefined || soak.growth.bytes < soak.growth.allowance,
        value: soak.rss.map((r) => mb(r)).join(' → ') || 'n/a',
      },
    ];
    console.log('\ntargets:');
    for (const t of targets) console.log(`  ${t.met ? 'met   ' : 'MISSED'} ${t.what.padEnd(30)} ${t.value}`);
    if (flag('strict') && targets.some((t) => !t.met)) process.exitCode = 1;
  } finally {
    await server.stop();
  }

  if (profile) {
    const files = (await readdir(profileDir).catch(() => [])).filter((f) => f.endsWith('.cpuprofile'));
    for (const f of files) console.log(`\n${join(profileDir, f)}\n${formatProfile(summariseProfile(await readProfile(join(profileDir, f))))}`);
  } else {
    await rm(work, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(`bench failed: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
