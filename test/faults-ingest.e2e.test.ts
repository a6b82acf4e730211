/**
 * An ingest killed with SIGKILL mid-way, while embedding or while writing: the previous index
 * stays whole and serves, and the next complete ingest clears what the killed runs left behind.
 */
import { watch } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyDataDir, expectServes, expectWholeIndex, runIngest as ingest } from './helpers/index-files';
import { repoRoot, startServer } from './helpers/server';

const work = resolve(repoRoot, '.tmp/faults-ingest-e2e');
const REAL_QUERY = { search: 'DeepSeek 開発コスト', finds: /DeepSeek|開発/, question: 'DeepSeekの開発費はいくらか？' };

const goodData = join(work, 'good');

beforeAll(async () => {
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  // Built by an ingest process of its own, which has exited: its build folder is nobody's work in progress.
  const built = await ingest(goodData);
  expect(built.code, built.output).toBe(0);
}, 120_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('kill -9 during ingest', () => {
  it('leaves the previous index in place, whole, whether killed while embedding or while writing', async () => {
    // The real report: its embedding lasts long enough to be killed in.
    const dataDir = await copyDataDir(goodData, join(work, 'killed'));
    const before = await expectWholeIndex(dataDir);
    const phases: string[] = [];

    // While embedding: the first progress line is printed as embedding starts.
    const embedding = await ingest(dataDir, ['--force'], (pid, output) => {
      const timer = setInterval(() => {
        if (/embedding with/.test(output())) {
          clearInterval(timer);
          process.kill(pid, 'SIGKILL');
        }
      }, 2);
    });
    if (embedding.signal === 'SIGKILL') phases.push('embedding');
    expect(await expectWholeIndex(dataDir)).toEqual(before);

    // While writing: the new build folder appearing means files are being written into it.
    for (let attempt = 0; attempt < 5 && !phases.includes('writing'); attempt++) {
      let watcher: ReturnType<typeof watch> | undefined;
      let partial: string | undefined;
      const run = await ingest(dataDir, ['--force'], (pid) => {
        watcher = watch(dataDir, (_event, name) => {
          if (name && name.startsWith('index-') && name.endsWith(`-${pid}`)) {
            process.kill(pid, 'SIGKILL');
            partial = name;
            watcher?.close();
          }
        });
      });
      watcher?.close();
      const after = await expectWholeIndex(dataDir);
      if (run.signal === 'SIGKILL' && partial) {
        phases.push('writing');
        expect(after).toEqual(before);
        // The half-written folder exists beside the index but the link never pointed at it.
        expect(await readdir(join(dataDir, partial)).catch(() => [])).not.toContain('manifest.json');
      }
    }
    expect(phases).toEqual(['embedding', 'writing']);

    // The server starts on the surviving index without rebuilding it.
    const server = await startServer({ env: { DATA_DIR: dataDir } });
    try {
      expect(server.output()).toMatch(/index is up to date/);
      await expectServes(server.url, REAL_QUERY);
    } finally {
      await server.stop();
    }
    expect(await expectWholeIndex(dataDir)).toEqual(before);

    // The next complete ingest replaces the index and clears what the killed runs left behind.
    const again = await ingest(dataDir, ['--force']);
    expect(again.code, again.output).toBe(0);
    const fresh = await expectWholeIndex(dataDir);
    expect(fresh.target).not.toBe(before.target);
    expect((await readdir(dataDir)).sort()).toEqual(['index', fresh.target].sort());
  }, 120_000);
});

