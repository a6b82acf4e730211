/** Starts the real Node server in a child process on a free loopback port, for end-to-end tests. */
import { resolve } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { chatOut } from '../../src/http/schemas';
import { repoRoot, SOURCE_ENTRY, spawnServer, type BenchServer } from '../../scripts/bench-server';

export { repoRoot };
export type StartedServer = BenchServer;

/** The real report's index with the hash embedder, which servers share; built before the run by setup-e2e.ts. */
export const E2E_DATA_DIR = resolve(repoRoot, '.tmp/e2e-data');

/** The hash embedder and the shared test index unless `env` says otherwise; `entry` picks source or bundle. */
export function startServer(options: { env?: Record<string, string>; timeoutMs?: number; entry?: string[] } = {}): Promise<StartedServer> {
  return spawnServer({ EMBEDDER: 'hash', DATA_DIR: E2E_DATA_DIR, ...options.env }, [], options.timeoutMs ?? 60_000, options.entry ?? SOURCE_ENTRY);
}

/**
 * A real server over one report folder (CORPUS_DIR) for the tests of a file: started before them,
 * stopped after, with the two requests such tests make — a GET's JSON and a checked chat answer.
 */
export function serveReportFolder(corpusDir: string, dataName: string) {
  let server: StartedServer | undefined;
  beforeAll(async () => {
    server = await startServer({ env: { CORPUS_DIR: corpusDir, DATA_DIR: resolve(repoRoot, '.tmp', dataName) } });
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });
  const url = () => server!.url;
  return {
    get: async (path: string): Promise<unknown> => (await fetch(`${url()}${path}`)).json(),
    ask: async (question: string) => chatOut.parse(await (await fetch(`${url()}/api/chat`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ question }) })).json()),
  };
}
