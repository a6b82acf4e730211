import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TINY_HIDDEN_SIZE, writeTinyModel } from '../../test/fixtures/tiny-model';
import { selectEmbedder } from './embedder-select';
import { ModelUnavailableError } from './transformers-embedder';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'report-chat-select-'));
  await writeTinyModel(dir, 'tiny/select-ok');

  // A model folder whose ONNX file was cut short (e.g. an interrupted copy).
  await writeTinyModel(dir, 'broken/truncated-onnx');
  const onnxPath = join(dir, 'broken/truncated-onnx/onnx/model.onnx');
  const bytes = await readFile(onnxPath);
  await writeFile(onnxPath, bytes.subarray(0, Math.floor(bytes.length / 3)));

  // A model folder whose tokenizer.json is not JSON at all.
  await writeTinyModel(dir, 'broken/garbage-tokenizer');
  await writeFile(join(dir, 'broken/garbage-tokenizer/tokenizer.json'), '<html>404 not found</html>');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function collectWarnings() {
  const messages: string[] = [];
  return { messages, warn: (msg: string) => messages.push(msg) };
}

describe('selectEmbedder', () => {
  it('hash mode gives the hash embedder without touching models', async () => {
    const { messages, warn } = collectWarnings();
    const embedder = await selectEmbedder({ mode: 'hash', modelsDir: join(dir, 'nowhere'), warn });
    expect(embedder.id).toMatch(/^hash/);
    const [vector] = await embedder.embed(['中国の生成AI'], 'query');
    expect(vector?.length).toBe(embedder.dimensions);
    expect(messages).toEqual([]);
  });

  it('auto mode uses the transformer model when it loads', async () => {
    const { messages, warn } = collectWarnings();
    const embedder = await selectEmbedder({ mode: 'auto', model: 'tiny/select-ok', modelsDir: dir, allowRemote: false, warn });
    expect(embedder.id).toBe('transformers:tiny/select-ok');
    expect(embedder.dimensions).toBe(TINY_HIDDEN_SIZE);
    expect(messages).toEqual([]);
  });

  it('auto mode falls back to hash with exactly one clear warning when the model is missing', async () => {
    const { messages, warn } = collectWarnings();
    const started = Date.now();
    const timeoutMs = 30_000;
    const embedder = await selectEmbedder({ mode: 'auto', model: 'Xenova/multilingual-e5-small', modelsDir: dir, allowRemote: false, timeoutMs, warn });
    // A missing model is known at once: auto mode does not sit out its load timeout.
    expect(Date.now() - started).toBeLessThan(timeoutMs / 2);
    expect(embedder.id).toMatch(/^hash/);
    expect(messages).toHaveLength(1);
    const [message] = messages;
    expect(message).not.toContain('\n');
    expect(message).toContain(embedder.id);
    expect(message).toContain(join(dir, 'Xenova/multilingual-e5-small'));
    expect(message).toContain('ALLOW_REMOTE_MODELS=1');
    // The hint is given once, not repeated from the underlying error.
    expect(message!.split('ALLOW_REMOTE_MODELS=1')).toHaveLength(2);
  });

  it('auto mode falls back to hash when the ONNX file is corrupt', async () => {
    const { messages, warn } = collectWarnings();
    const embedder = await selectEmbedder({ mode: 'auto', model: 'broken/truncated-onnx', modelsDir: dir, allowRemote: false, warn });
    expect(embedder.id).toMatch(/^hash/);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('broken/truncated-onnx');
    expect(messages[0]).not.toContain('\n');
  });

  it('auto mode falls back to hash when tokenizer.json is garbage', async () => {
    const { messages, warn } = collectWarnings();
    const embedder = await selectEmbedder({ mode: 'auto', model: 'broken/garbage-tokenizer', modelsDir: dir, allowRemote: false, warn });
    expect(embedder.id).toMatch(/^hash/);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('broken/garbage-tokenizer');
  });

  it('auto mode stops waiting after the timeout', async () => {
    const { messages, warn } = collectWarnings();
    const embedder = await selectEmbedder({ mode: 'auto', model: 'tiny/select-ok', modelsDir: dir, allowRemote: false, timeoutMs: 1, warn });
    expect(embedder.id).toMatch(/^hash/);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('took longer than 1 ms');
  });

  it('transformers mode propagates a missing model as a clear error', async () => {
    const { messages, warn } = collectWarnings();
    const attempt = selectEmbedder({ mode: 'transformers', model: 'Xenova/multilingual-e5-small', modelsDir: dir, allowRemote: false, warn });
    await expect(attempt).rejects.toBeInstanceOf(ModelUnavailableError);
    await expect(attempt).rejects.toThrow(/not available offline.*ALLOW_REMOTE_MODELS=1/);
    expect(messages).toEqual([]);
  });

  it('transformers mode propagates a corrupt model as an error naming the folder', async () => {
    const attempt = selectEmbedder({ mode: 'transformers', model: 'broken/truncated-onnx', modelsDir: dir, allowRemote: false });
    await expect(attempt).rejects.toBeInstanceOf(ModelUnavailableError);
    await expect(attempt).rejects.toThrow(/Could not load embedding model "broken\/truncated-onnx".*Replace the files in/);
  });
});
