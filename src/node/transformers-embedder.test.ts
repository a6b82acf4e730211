import { copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { env, type ProgressInfo } from '@huggingface/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Embedder } from '../core/ports';
import { TINY_HIDDEN_SIZE, writeTinyModel } from '../../test/fixtures/tiny-model';
import {
  ModelUnavailableError,
  chooseDtype,
  createTransformersEmbedder,
  missingModelFiles,
  modelProfile,
} from './transformers-embedder';

const REPORT_PATH = new URL('../../corpus/deepseek-shock-china-nli-2025.txt', import.meta.url);

function norm(v: Float32Array): number {
  return Math.sqrt(v.reduce((s, x) => s + x * x, 0));
}

function maxAbsDiff(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length);
  return a.reduce((m, x, i) => Math.max(m, Math.abs(x - (b[i] ?? NaN))), 0);
}

async function reportText(): Promise<string> {
  return readFile(REPORT_PATH, 'utf8');
}

/** Substantial lines of the real report (blank and short lines dropped). */
function reportLines(text: string, count: number): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 30)
    .slice(0, count);
}

let dir: string;
let plain: Embedder;
let e5: Embedder;
const progress: ProgressInfo[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'report-chat-embedder-'));
  await writeTinyModel(dir, 'tiny/bert');
  await writeTinyModel(dir, 'tiny/e5-test');
  plain = await createTransformersEmbedder({ model: 'tiny/bert', modelsDir: dir, allowRemote: false, onProgress: (p) => progress.push(p) });
  e5 = await createTransformersEmbedder({ model: 'tiny/e5-test', modelsDir: dir, allowRemote: false, batchSize: 2 });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('createTransformersEmbedder on a real (tiny) ONNX model', () => {
  it('names the model and discovers the hidden size', () => {
    expect(plain.id).toBe('transformers:tiny/bert');
    expect(plain.dimensions).toBe(TINY_HIDDEN_SIZE);
    expect(e5.id).toBe('transformers:tiny/e5-test');
  });

  it('reports loading progress up to ready', () => {
    const statuses = new Set(progress.map((p) => p.status));
    expect(statuses.has('initiate')).toBe(true);
    expect(statuses.has('done')).toBe(true);
    expect(progress.at(-1)?.status).toBe('ready');
  });

  it('returns unit-length vectors of the hidden size, deterministically', async () => {
    const texts = ['the china economy', 'deepseek ai models', '中国 経済 成長'];
    const first = await plain.embed(texts, 'passage');
    const second = await plain.embed(texts, 'passage');
    expect(first).toHaveLength(3);
    for (const [i, v] of first.entries()) {
      expect(v).toBeInstanceOf(Float32Array);
      expect(v.length).toBe(TINY_HIDDEN_SIZE);
      expect(norm(v)).toBeCloseTo(1, 5);
      expect(Array.from(v)).toEqual(Array.from(second[i]!));
    }
  });

  it('gives different texts different vectors', async () => {
    const [a, b, c] = await plain.embed(['the cat sat on the mat', 'chip export policy', '人工知能'], 'passage');
    expect(maxAbsDiff(a!, b!)).toBeGreaterThan(0.05);
    expect(maxAbsDiff(a!, c!)).toBeGreaterThan(0.05);
    expect(maxAbsDiff(b!, c!)).toBeGreaterThan(0.05);
  });

  it('gives the same vectors batched (with padding) as one by one', async () => {
    const texts = ['ai', 'the price of energy in the chinese market', 'open source models', '中国', 'cost'];
    const batched = await e5.embed(texts, 'passage'); // batchSize 2: three forward passes
    expect(batched).toHaveLength(texts.length);
    for (const [i, text] of texts.entries()) {
      const [single] = await e5.embed([text], 'passage');
      expect(maxAbsDiff(batched[i]!, single!)).toBeLessThan(1e-5);
    }
  });

  it('prefixes query/passage for an E5 model and not for others', async () => {
    const [q] = await e5.embed(['the economy'], 'query');
    const [p] = await e5.embed(['the economy'], 'passage');
    expect(maxAbsDiff(q!, p!)).toBeGreaterThan(0.01);
    // Both tiny models share weights, so the plain one shows what the prefix did.
    const [explicitQuery, explicitPassage] = await plain.embed(['query: the economy', 'passage: the economy'], 'passage');
    expect(maxAbsDiff(q!, explicitQuery!)).toBeLessThan(1e-6);
    expect(maxAbsDiff(p!, explicitPassage!)).toBeLessThan(1e-6);
    const [plainQ] = await plain.embed(['the economy'], 'query');
    const [plainP] = await plain.embed(['the economy'], 'passage');
    expect(Array.from(plainQ!)).toEqual(Array.from(plainP!));
  });

  it('embeds paragraphs of the real report, truncating long ones', async () => {
    const text = await reportText();
    const lines = reportLines(text, 12);
    expect(lines.length).toBe(12);
    // Far beyond the tiny model's 64-token limit: must be truncated, not rejected.
    const long = text.slice(0, 4000);
    const vectors = await e5.embed([...lines, long], 'passage');
    expect(vectors).toHaveLength(13);
    for (const v of vectors) {
      expect(v.every(Number.isFinite)).toBe(true);
      expect(norm(v)).toBeCloseTo(1, 5);
    }
    const distinct = new Set(vectors.map((v) => Array.from(v, (x) => x.toFixed(4)).join(',')));
    expect(distinct.size).toBe(13);
    // Words past the limit are cut off, so appending to a long text changes nothing.
    const [extended] = await e5.embed([`${long} china economy growth`], 'passage');
    expect(maxAbsDiff(extended!, vectors[12]!)).toBeLessThan(1e-6);
  });

  it('returns nothing for no texts', async () => {
    expect(await plain.embed([], 'query')).toEqual([]);
  });
});

describe('model availability', () => {
  it('fails fast and clearly when the model is missing and downloads are off', async () => {
    const started = Date.now();
    const error = await createTransformersEmbedder({ model: 'Xenova/multilingual-e5-small', modelsDir: dir, allowRemote: false }).catch((e: unknown) => e);
    // Loading the library takes a second or two; a download attempt with its retries far longer.
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(error).toBeInstanceOf(ModelUnavailableError);
    const message = (error as Error).message;
    expect(message).toContain(join(dir, 'Xenova/multilingual-e5-small'));
    expect(message).toContain('config.json');
    expect(message).toContain('ALLOW_REMOTE_MODELS=1');
  });

  it('names the single missing file of an incomplete model folder', async () => {
    await writeTinyModel(dir, 'tiny/incomplete');
    await rm(join(dir, 'tiny/incomplete/tokenizer_config.json'));
    const error = await createTransformersEmbedder({ model: 'tiny/incomplete', modelsDir: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelUnavailableError);
    expect((error as ModelUnavailableError).reason).toMatch(/lacks tokenizer_config\.json\.$/);
  });

  it('asks for the quantized weights when they are forced but absent', async () => {
    const error = await createTransformersEmbedder({ model: 'tiny/bert', modelsDir: dir, quantized: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelUnavailableError);
    expect((error as Error).message).toContain('onnx/model_quantized.onnx');
  });

  it('prefers quantized weights when the folder has them, else fp32', async () => {
    const folder = join(dir, 'dtype-check');
    await mkdir(join(folder, 'onnx'), { recursive: true });
    expect(chooseDtype(folder, { allowRemote: false })).toBeNull();
    expect(chooseDtype(folder, { allowRemote: true })).toBe('q8');
    expect(missingModelFiles(folder, null)).toContain('onnx/model_quantized.onnx or onnx/model.onnx');
    await writeFile(join(folder, 'onnx/model.onnx'), 'x');
    expect(chooseDtype(folder, { allowRemote: false })).toBe('fp32');
    await writeFile(join(folder, 'onnx/model_quantized.onnx'), 'x');
    expect(chooseDtype(folder, { allowRemote: false })).toBe('q8');
    expect(chooseDtype(folder, { allowRemote: false, quantized: false })).toBe('fp32');
  });
});

describe('downloads when allowed', () => {
  it('fetches missing files from the hub into the models folder, then loads offline', async () => {
    // A stand-in hub on disk, reached through transformers.js's own fetch hook: the real
    // download, caching and progress code runs without a network.
    const hub = join(dir, 'hub');
    await writeTinyModel(hub, 'tiny/hub-e5');
    await copyFile(join(hub, 'tiny/hub-e5/onnx/model.onnx'), join(hub, 'tiny/hub-e5/onnx/model_quantized.onnx'));
    const requested: string[] = [];
    const originalFetch = env.fetch;
    env.fetch = async (input: string | URL) => {
      const url = new URL(String(input));
      requested.push(url.pathname);
      const match = /^\/(.+?)\/resolve\/main\/(.+)$/.exec(url.pathname);
      const bytes = match ? await readFile(join(hub, match[1]!, match[2]!)).catch(() => null) : null;
      if (!bytes) return new Response('not found', { status: 404 });
      return new Response(bytes, { status: 200, headers: { 'content-length': String(bytes.length) } });
    };
    const models = join(dir, 'downloaded');
    const events: ProgressInfo[] = [];
    try {
      const online = await createTransformersEmbedder({ model: 'tiny/hub-e5', modelsDir: models, allowRemote: true, onProgress: (p) => events.push(p) });
      expect(online.dimensions).toBe(TINY_HIDDEN_SIZE);
      expect(requested).toContain('/tiny/hub-e5/resolve/main/onnx/model_quantized.onnx');
      expect(events.some((e) => e.status === 'progress')).toBe(true);
      for (const file of ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model_quantized.onnx']) {
        expect((await stat(join(models, 'tiny/hub-e5', file))).size).toBeGreaterThan(0);
      }
      requested.length = 0;
      const offline = await createTransformersEmbedder({ model: 'tiny/hub-e5', modelsDir: models, allowRemote: false });
      expect(requested).toEqual([]);
      const [a] = await online.embed(['中国 economy'], 'query');
      const [b] = await offline.embed(['中国 economy'], 'query');
      expect(Array.from(a!)).toEqual(Array.from(b!));
    } finally {
      env.fetch = originalFetch;
    }
  });
});

describe('E5 prefix convention', () => {
  it('applies to E5-family model ids only', () => {
    expect(modelProfile('Xenova/multilingual-e5-small')).toEqual({ prefixes: { query: 'query: ', passage: 'passage: ' }, crossLingual: true });
    expect(modelProfile('intfloat/E5-base-v2').prefixes.query).toBe('query: ');
    expect(modelProfile('intfloat/E5-base-v2').crossLingual).toBe(false);
    expect(modelProfile('Xenova/all-MiniLM-L6-v2')).toEqual({ prefixes: { query: '', passage: '' }, crossLingual: false });
  });
});
