/** Global setup: a cache folder that lives for one test run (see real-engine.ts, worker.ts), removed after it. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'report-chat-run-'));
  project.provide('runCache', dir);
  return () => rm(dir, { recursive: true, force: true });
}
