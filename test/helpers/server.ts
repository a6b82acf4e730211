/** Starts the real Node server in a child process on a free loopback port, for end-to-end tests. */
import { resolve } from 'node:path';
import { repoRoot, SOURCE_ENTRY, spawnServer, type BenchServer } from '../../scripts/bench-server';

export { repoRoot };
export type StartedServer = BenchServer;

/** The real report's index with the hash embedder, which servers share; built before the run by setup-e2e.ts. */
export const E2E_DATA_DIR = resolve(repoRoot, '.tmp/e2e-data');

/** The hash embedder and the shared test index unless `env` says otherwise; `entry` picks source or bundle. */
export function startServer(options: { env?: Record<string, string>; timeoutMs?: number; entry?: string[] } = {}): Promise<StartedServer> {
  return spawnServer({ EMBEDDER: 'hash', DATA_DIR: E2E_DATA_DIR, ...options.env }, [], options.timeoutMs ?? 60_000, options.entry ?? SOURCE_ENTRY);
}
