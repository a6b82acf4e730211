/**
 * Global setup of the e2e and browser projects: the shared index of the real report is brought up
 * to date once, before any server starts, so servers started side by side only read it; and a
 * cache folder for the run (see real-engine.ts).
 */
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createHashEmbedder } from '../../src/core/search/hash-embedder';
import { ingest } from '../../src/node/ingest';
import { corpusDir } from './corpus';
import { E2E_DATA_DIR } from './server';
import setupRunCache from './setup-run-cache';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await ingest({ corpusDir, indexDir: join(E2E_DATA_DIR, 'index'), embedder: createHashEmbedder() });
  return setupRunCache(project);
}
