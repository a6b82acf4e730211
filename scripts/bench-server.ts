/** Starting and timing the real server and ingest as child processes, the way an operator runs them. */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '..');

export interface BenchServer {
  url: string;
  proc: ChildProcess;
  pid: number;
  /** Milliseconds from spawn to the "listening on" line. */
  listeningMs: number;
  output(): string;
  stop(): Promise<void>;
}

/** The server from its TypeScript source (tests), or the bundle `npm start` runs (dist/server/server.mjs). */
export const SOURCE_ENTRY = ['--import', 'tsx', 'src/node/server.ts'];
export const BUNDLE_ENTRY = ['dist/server/server.mjs'];

/** Standard output kept for output(): start-up lines come first; a load run's access logs would not fit. */
const MAX_KEPT_STDOUT = 256 * 1024;

/**
 * Spawns `node [nodeArgs] <entry>` on a free port and waits until it listens. Access logs are off
 * unless `env` turns them on (ACCESS_LOG=1): tests read this output. Standard error is kept
 * whole; standard output up to 256 KB.
 */
export async function spawnServer(env: Record<string, string>, nodeArgs: string[] = [], timeoutMs = 120_000, entry = SOURCE_ENTRY): Promise<BenchServer> {
  const started = performance.now();
  const proc = spawn(process.execPath, [...nodeArgs, ...entry], {
    cwd: repoRoot,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ACCESS_LOG: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let stdoutKept = 0;
  proc.stdout!.on('data', (d: Buffer) => {
    if (stdoutKept >= MAX_KEPT_STDOUT) return;
    stdoutKept += d.length;
    out += d;
  });
  proc.stderr!.on('data', (d) => (out += d));
  const url = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start within ${timeoutMs} ms:\n${out}`)), timeoutMs);
    const check = () => {
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        ok(m[1]!);
      }
    };
    proc.stdout!.on('data', check);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`server exited with ${code} before listening:\n${out}`));
    });
  });
  const listeningMs = performance.now() - started;
  return {
    url,
    proc,
    pid: proc.pid!,
    listeningMs,
    output: () => out,
    stop: () =>
      new Promise<void>((ok) => {
        if (proc.exitCode !== null || proc.signalCode !== null) return ok();
        proc.once('exit', () => ok());
        proc.kill('SIGTERM');
        setTimeout(() => proc.kill('SIGKILL'), 10_000).unref();
      }),
  };
}

/** Runs a command to completion; resolves with its exit code, output and wall time. */
export function runCommand(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string; ms: number }> {
  const started = performance.now();
  return new Promise((ok) => {
    const proc = spawn(process.execPath, args, { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    proc.stdout.on('data', (d) => (out += d));
    proc.stderr.on('data', (d) => (out += d));
    proc.once('exit', (code) => ok({ code, output: out, ms: performance.now() - started }));
  });
}

/** POSTs one chat question; resolves true on a 200 answer. */
export async function askOnce(url: string, question: string): Promise<boolean> {
  const res = await fetch(`${url}/api/chat`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ question }) });
  const ok = res.status === 200 && typeof ((await res.json()) as { answer?: unknown }).answer === 'string';
  return ok;
}

/**
 * Cold start: from spawning the server over an existing index to its first chat answer.
 * The question goes out the moment the server says it listens.
 */
/** Process start to first answer, as `npm start` runs the server (build the bundle first). */
export async function measureColdStart(env: Record<string, string>): Promise<{ listeningMs: number; firstAnswerMs: number; output: string }> {
  const started = performance.now();
  const server = await spawnServer(env, [], 120_000, BUNDLE_ENTRY);
  try {
    if (!(await askOnce(server.url, 'DeepSeekの開発費はいくらか？'))) throw new Error('the first chat request failed');
    return { listeningMs: server.listeningMs, firstAnswerMs: performance.now() - started, output: server.output() };
  } finally {
    await server.stop();
  }
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
