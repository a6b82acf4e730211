/**
 * Global setup of the workerd project: the Worker is built once for the run, the way
 * `npm run build:worker` builds it (the real report's hash index → snapshot → wrangler bundle),
 * and every workerd test serves that bundle. Removed after the run unless KEEP is set.
 */
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildWorker } from '../../scripts/build-worker';
import { createHashEmbedder } from '../../src/core/search/hash-embedder';
import { corpusDir, repoRoot } from './corpus';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const work = resolve(repoRoot, '.tmp', `workerd-run-${process.pid}`);
  const indexDir = join(work, 'index');
  const result = await buildWorker({ corpusDir, indexDir, outDir: work, embedder: createHashEmbedder(), log: () => {} });
  project.provide('workerBuild', { result, indexDir });
  return async () => {
    if (!process.env.KEEP) await rm(work, { recursive: true, force: true });
  };
}
