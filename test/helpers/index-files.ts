/** Index folders in end-to-end tests: ingest run as its own process, a copy of a built index, and checks that it is whole and serves. */
import { spawn } from 'node:child_process';
import { cp, lstat, readFile, readlink, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import { loadStoredIndex } from '../../src/node/index-store';
import { repoRoot } from './server';

/** Runs `scripts/ingest.ts` (the real report unless `env` names another); `onChild` may kill it. Resolves with how it ended and what it printed. */
export function runIngest(dataDir: string, args: string[] = [], onChild?: (pid: number, output: () => string) => void, env: Record<string, string> = {}) {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'scripts/ingest.ts', ...args], {
    cwd: repoRoot,
    env: { ...process.env, DATA_DIR: dataDir, EMBEDDER: 'hash', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout.on('data', (d) => (out += d));
  proc.stderr.on('data', (d) => (out += d));
  onChild?.(proc.pid!, () => out);
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>((ok) =>
    proc.once('exit', (code, signal) => ok({ code, signal, output: out })),
  );
}

/** The index behind `DATA_DIR/index` must be whole: every file readable and consistent. */
export async function expectWholeIndex(dataDir: string) {
  const indexDir = join(dataDir, 'index');
  expect((await lstat(indexDir)).isSymbolicLink()).toBe(true);
  const stored = await loadStoredIndex(indexDir);
  const vectors = JSON.parse(await readFile(join(indexDir, 'vectors', 'index.json'), 'utf8')) as { items: { vector: number[] }[] };
  expect(vectors.items).toHaveLength(stored.manifest.counts.passages);
  expect(vectors.items.every((i) => i.vector.length === stored.manifest.embedder.dimensions)).toBe(true);
  return { target: await readlink(indexDir), builtAt: stored.manifest.builtAt };
}

/** A fresh copy of the data folder `from` (its index link and build folder) at `to`. */
export async function copyDataDir(from: string, to: string): Promise<string> {
  await rm(to, { recursive: true, force: true });
  await cp(from, to, { recursive: true, verbatimSymlinks: true });
  return to;
}

/** A request to a server by its URL, or to an app in-process (`app.request`). */
export type Requester = string | ((path: string, init?: RequestInit) => Response | Promise<Response>);
const send = (to: Requester, path: string, init?: RequestInit) => (typeof to === 'string' ? fetch(`${to}${path}`, init) : to(path, init));

/** Serving means whole answers: search finds the passage `query.search` names, and chat answers `query.question`. */
export async function expectServes(to: Requester, query: { search: string; finds: RegExp; question: string }) {
  const search = await send(to, `/api/search?q=${encodeURIComponent(query.search)}`);
  expect(search.status).toBe(200);
  expect(((await search.json()) as { results: { text: string }[] }).results[0]?.text).toMatch(query.finds);
  const chat = await send(to, '/api/chat', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ question: query.question }) });
  expect(chat.status).toBe(200);
  expect(((await chat.json()) as { answer: string }).answer.length).toBeGreaterThan(10);
}
