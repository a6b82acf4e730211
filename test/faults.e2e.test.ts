/**
 * Faults the service must survive: an ingest killed with SIGKILL mid-way, damaged index files (also
 * well-formed ones: edited, or with parts that disagree), a
 * broken models/ folder, and a client that disconnects while its answer is still being produced.
 */
import { spawn } from 'node:child_process';
import { watch } from 'node:fs';
import { cp, lstat, mkdir, readFile, readdir, readlink, rm, truncate, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ChatEvent, QaEngine } from '../src/core/engine';
import { collectAnswer } from '../src/core/engine';
import { createApp } from '../src/http/app';
import { loadStoredIndex, sha256 } from '../src/node/index-store';
import { writeTinyModel } from './fixtures/tiny-model';
import { realEngine } from './helpers/real-engine';
import { repoRoot, startServer } from './helpers/server';

const work = resolve(repoRoot, '.tmp/faults-e2e');
const goodData = join(work, 'good');

/** Runs `scripts/ingest.ts`; `onChild` may kill it. Resolves with how it ended and what it printed. */
function ingest(dataDir: string, args: string[] = [], onChild?: (pid: number, output: () => string) => void) {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'scripts/ingest.ts', ...args], {
    cwd: repoRoot,
    env: { ...process.env, DATA_DIR: dataDir, EMBEDDER: 'hash' },
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
async function expectWholeIndex(dataDir: string) {
  const indexDir = join(dataDir, 'index');
  expect((await lstat(indexDir)).isSymbolicLink()).toBe(true);
  const stored = await loadStoredIndex(indexDir);
  const vectors = JSON.parse(await readFile(join(indexDir, 'vectors', 'index.json'), 'utf8')) as { items: { vector: number[] }[] };
  expect(vectors.items).toHaveLength(stored.manifest.counts.passages);
  expect(vectors.items.every((i) => i.vector.length === stored.manifest.embedder.dimensions)).toBe(true);
  return { target: await readlink(indexDir), builtAt: stored.manifest.builtAt };
}

async function copyOfGoodIndex(name: string): Promise<string> {
  const dir = join(work, name);
  await rm(dir, { recursive: true, force: true });
  await cp(goodData, dir, { recursive: true, verbatimSymlinks: true });
  return dir;
}

/** Serving means whole answers: search finds passages of the report and chat answers. */
async function expectServes(url: string) {
  const search = await fetch(`${url}/api/search?q=${encodeURIComponent('DeepSeek 開発コスト')}`);
  expect(search.status).toBe(200);
  expect(((await search.json()) as { results: { text: string }[] }).results[0]?.text).toMatch(/DeepSeek|開発/);
  const chat = await fetch(`${url}/api/chat`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ question: 'DeepSeekの開発費はいくらか？' }) });
  expect(chat.status).toBe(200);
  expect(((await chat.json()) as { answer: string }).answer.length).toBeGreaterThan(10);
}

beforeAll(async () => {
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  const built = await ingest(goodData);
  expect(built.code, built.output).toBe(0);
}, 120_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('kill -9 during ingest', () => {
  it('leaves the previous index in place, whole, whether killed while embedding or while writing', async () => {
    const dataDir = await copyOfGoodIndex('killed');
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
      await expectServes(server.url);
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

describe('a damaged index', () => {
  const damage: [string, string, (path: string) => Promise<void>][] = [
    ['corpus.json', 'truncated', async (p) => truncate(p, 1000)],
    ['manifest.json', 'overwritten with garbage', async (p) => writeFile(p, '\u0000\u00ff{{{not json')],
    ['manifest.json', 'valid JSON of the wrong shape', async (p) => writeFile(p, '{"format":1}')],
    ['vectors/index.json', 'truncated', async (p) => truncate(p, 5000)],
    ['vectors/index.json', 'emptied', async (p) => writeFile(p, '')],
    ['corpus.json', 'deleted', async (p) => rm(p)],
    // Well-formed but wrong: parses and validates, and would serve other answers.
    ['corpus.json', 'edited (valid JSON)', async (p) => writeFile(p, (await readFile(p, 'utf8')).replace(/中国/g, '日本'))],
    ['corpus.json', 'with BM25 ids out of order, its checksum rewritten to match', async (p) => {
      const data = JSON.parse(await readFile(p, 'utf8')) as { bm25: { ids: string[] } };
      data.bm25.ids.reverse();
      const text = JSON.stringify(data);
      await writeFile(p, text);
      const manifestPath = join(p, '..', 'manifest.json');
      const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { files: Record<string, string> };
      manifest.files['corpus.json'] = sha256(text);
      await writeFile(manifestPath, JSON.stringify(manifest));
    }],
  ];

  it.each(damage)('%s %s: says so and rebuilds on start', async (file, how, spoil) => {
    const dataDir = await copyOfGoodIndex(`damaged-${file.replace(/\W/g, '-')}-${how.replace(/\W/g, '-')}`);
    await spoil(join(dataDir, 'index', file));
    const server = await startServer({ env: { DATA_DIR: dataDir } });
    try {
      const out = server.output();
      expect(out).toMatch(/not valid JSON|not in the expected format|not found|cannot be read|holds \d+|does not match the checksum|inconsistent/);
      expect(out).toMatch(/building the index|rebuilding/);
      await expectServes(server.url);
    } finally {
      await server.stop();
    }
    await expectWholeIndex(dataDir);
  }, 60_000);
});

describe('a broken models/ folder', () => {
  it('falls back to the hash embedder with a warning and serves', async () => {
    const modelsDir = join(work, 'models');
    const { modelId } = await writeTinyModel(modelsDir, 'Xenova/multilingual-e5-small');
    // Everything in place except the weights, which are garbage.
    await writeFile(join(modelsDir, modelId, 'onnx', 'model.onnx'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 256)));
    const dataDir = await copyOfGoodIndex('broken-models');
    const server = await startServer({
      env: { DATA_DIR: dataDir, EMBEDDER: 'auto', MODELS_DIR: modelsDir, EMBEDDING_MODEL: modelId, ALLOW_REMOTE_MODELS: '0' },
      timeoutMs: 90_000,
    });
    try {
      expect(server.output()).toMatch(/warning: .*using hash-ngram/i);
      const health = (await (await fetch(`${server.url}/health`)).json()) as { embedder: string };
      expect(health.embedder).toMatch(/^hash/);
      await expectServes(server.url);
    } finally {
      await server.stop();
    }
  }, 120_000);
});

/** An engine that produces its (real) answer slowly, and records how far it got. */
function slowEngine(real: QaEngine, pieces = 30, delayMs = 20) {
  const record = { produced: 0, stopped: false, finished: false, sawAbort: false };
  const engine: QaEngine = {
    library: real.library,
    info: real.info,
    english: (p) => real.english(p),
    search: (q, k) => real.search(q, k),
    explain: (q, h) => real.explain(q, h),
    async *chat(input, signal): AsyncIterable<ChatEvent> {
      const answer = await collectAnswer(real.chat(input));
      try {
        const { answer: text, ...meta } = answer;
        yield { type: 'meta', answer: meta };
        const size = Math.ceil(text.length / pieces);
        for (let i = 0; i < pieces; i++) {
          await new Promise((r) => setTimeout(r, delayMs));
          if (signal?.aborted) {
            record.sawAbort = true;
            return;
          }
          record.produced++;
          yield { type: 'delta', text: text.slice(i * size, (i + 1) * size) };
        }
        record.finished = true;
        yield { type: 'done', answer };
      } finally {
        record.stopped = true;
      }
    },
  };
  return { engine, record };
}

describe('a client that disconnects mid-answer', () => {
  const question = JSON.stringify({ question: '生成AIは中国経済にどのような機会と脅威をもたらすか？' });

  it('stops producing a streamed answer once the client goes away', async () => {
    const { engine, record } = slowEngine(await realEngine());
    const app = createApp({ engine, report: { title: 't', publisher: '', suggestions: { ja: [], en: [] } } });
    const res = await app.request('/api/chat', { method: 'POST', body: question, headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' } });
    const reader = res.body!.getReader();
    let seen = '';
    while (!/event: delta/.test(seen)) seen += new TextDecoder().decode((await reader.read()).value);
    await reader.cancel(); // what the server does when the socket closes
    await new Promise((r) => setTimeout(r, 200));
    const producedAtStop = record.produced;
    expect(record.stopped).toBe(true);
    expect(record.finished).toBe(false);
    expect(producedAtStop).toBeLessThan(30);
    await new Promise((r) => setTimeout(r, 200));
    expect(record.produced).toBe(producedAtStop);
  });

  it('passes the disconnect on to a non-streamed answer, which stops early without logging an error', async () => {
    const errors = vi.spyOn(console, 'error');
    const { engine, record } = slowEngine(await realEngine());
    const app = createApp({ engine, report: { title: 't', publisher: '', suggestions: { ja: [], en: [] } } });
    const controller = new AbortController();
    const pending = Promise.resolve(app.request('/api/chat', { method: 'POST', body: question, headers: { 'Content-Type': 'application/json' }, signal: controller.signal })).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 150));
    controller.abort();
    await pending;
    await new Promise((r) => setTimeout(r, 100));
    expect(record.sawAbort).toBe(true);
    expect(record.finished).toBe(false);
    expect(record.produced).toBeLessThan(30);
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });

  it('still finishes answers nobody walked away from', async () => {
    const { engine, record } = slowEngine(await realEngine(), 5, 5);
    const app = createApp({ engine, report: { title: 't', publisher: '', suggestions: { ja: [], en: [] } } });
    const res = await app.request('/api/chat', { method: 'POST', body: question, headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' } });
    expect(await res.text()).toMatch(/event: done/);
    expect(record.finished).toBe(true);
  });
});
