/**
 * Faults the service must survive: damaged index files (also well-formed ones: edited, or with
 * parts that disagree), a broken models/ folder, and a client that disconnects while its answer is
 * still being produced. (An ingest killed mid-way: faults-ingest.e2e.test.ts.) Damaged indexes
 * are of a small report, so that each rebuild the server makes at start is quick.
 */
import { mkdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ChatEvent, QaEngine } from '../src/core/engine';
import { collectAnswer } from '../src/core/engine';
import { createHashEmbedder } from '../src/core/search/hash-embedder';
import { createApp } from '../src/http/app';
import { reportInfo } from '../src/http/present';
import { openEngine } from '../src/node/open-engine';
import { sha256 } from '../src/node/index-store';
import { ingest } from '../src/node/ingest';
import { writeTinyModel } from './fixtures/tiny-model';
import { copyDataDir, expectServes, expectWholeIndex } from './helpers/index-files';
import { realEngine } from './helpers/real-engine';
import { repoRoot, startServer } from './helpers/server';

const work = resolve(repoRoot, '.tmp/faults-e2e');
const goodData = join(work, 'good');
const CORPUS_DIR = resolve(repoRoot, 'test/fixtures/markdown-report');
const QUERY = { search: 'バターと脱脂粉乳の在庫', finds: /バター/, question: '2023年度の北海道の生乳生産量は？' };

const copyOfGoodIndex = (name: string) => copyDataDir(goodData, join(work, name));

beforeAll(async () => {
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  await ingest({ corpusDir: CORPUS_DIR, indexDir: join(goodData, 'index'), embedder: createHashEmbedder() });
}, 120_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
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
    ['corpus.json', 'edited (valid JSON)', async (p) => writeFile(p, (await readFile(p, 'utf8')).replace(/北海道/g, '本州'))],
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

  const saysSoAndRebuilt = (out: string) => {
    expect(out).toMatch(/not valid JSON|not in the expected format|not found|cannot be read|holds \d+|does not match the checksum|inconsistent/);
    expect(out).toMatch(/building the index|rebuilding/);
  };

  // Two kinds (a file that does not parse, parts that disagree) through a real server start; every
  // kind through what that start runs (openEngine), in-process, where a rebuild costs no new process.
  const throughServer = new Set(['corpus.json truncated', 'corpus.json with BM25 ids out of order, its checksum rewritten to match']);

  it.each(damage)('%s %s: says so and rebuilds on start', async (file, how, spoil) => {
    const dataDir = await copyOfGoodIndex(`damaged-${file.replace(/\W/g, '-')}-${how.replace(/\W/g, '-')}`);
    await spoil(join(dataDir, 'index', file));
    if (throughServer.has(`${file} ${how}`)) {
      const server = await startServer({ env: { CORPUS_DIR, DATA_DIR: dataDir } });
      try {
        saysSoAndRebuilt(server.output());
        await expectServes(server.url, QUERY);
      } finally {
        await server.stop();
      }
    } else {
      const lines: string[] = [];
      const { engine, metadata } = await openEngine({ corpusDir: CORPUS_DIR, indexDir: join(dataDir, 'index'), embedder: createHashEmbedder(), log: (l) => lines.push(l) });
      saysSoAndRebuilt(lines.join('\n'));
      const app = createApp({ engine, report: reportInfo(metadata) });
      await expectServes((path, init) => app.request(path, init), QUERY);
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
      env: { CORPUS_DIR, DATA_DIR: dataDir, EMBEDDER: 'auto', MODELS_DIR: modelsDir, EMBEDDING_MODEL: modelId, ALLOW_REMOTE_MODELS: '0' },
      timeoutMs: 90_000,
    });
    try {
      expect(server.output()).toMatch(/warning: .*using hash-ngram/i);
      const health = (await (await fetch(`${server.url}/health`)).json()) as { embedder: string };
      expect(health.embedder).toMatch(/^hash/);
      await expectServes(server.url, QUERY);
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
