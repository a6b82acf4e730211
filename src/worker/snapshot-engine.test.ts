import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../core/errors';
import { createHashEmbedder } from '../core/search/hash-embedder';
import { memorySnapshot, standInModelEmbedder } from '../../test/helpers/worker';
import { realEngine } from '../../test/helpers/real-engine';
import { engineFromSnapshot, reproduceEmbedder } from './snapshot-engine';
import { parseSnapshot, type Snapshot } from './snapshot';

let hashSnapshot: Snapshot;
let modelSnapshot: Snapshot;
beforeAll(async () => {
  // Through JSON, as the Worker receives it.
  hashSnapshot = parseSnapshot(JSON.parse(JSON.stringify(await memorySnapshot(createHashEmbedder()))));
  modelSnapshot = parseSnapshot(JSON.parse(JSON.stringify(await memorySnapshot(standInModelEmbedder()))));
});

const QUESTIONS = ['DeepSeekの開発コストは？', 'How much did it cost to develop DeepSeek?', 'データセンターの数は米国と比べてどうか', 'What does the report say about income inequality?'];

describe('reproduceEmbedder', () => {
  it('rebuilds the hash embedder only for its exact id and dimensions', () => {
    expect(reproduceEmbedder({ id: 'hash-ngram-v2-384', dimensions: 384 })?.id).toBe('hash-ngram-v2-384');
    expect(reproduceEmbedder({ id: 'hash-ngram-v2-256', dimensions: 256 })?.dimensions).toBe(256);
    expect(reproduceEmbedder({ id: 'hash-ngram-v1-384', dimensions: 384 })).toBeUndefined();
    expect(reproduceEmbedder({ id: 'hash-ngram-v2-384', dimensions: 256 })).toBeUndefined();
    expect(reproduceEmbedder({ id: 'transformers:Xenova/multilingual-e5-small', dimensions: 384 })).toBeUndefined();
    expect(reproduceEmbedder({ id: 'transformers:tiny/bert', dimensions: 4 })).toBeUndefined();
  });
});

describe('engineFromSnapshot', () => {
  it('serves a hash snapshot hybrid, ranking exactly as the in-process Node engine does', async () => {
    const worker = engineFromSnapshot(hashSnapshot);
    const node = await realEngine();
    expect(worker.info).toEqual({ embedder: 'hash-ngram-v2-384', retrieval: 'hybrid', editions: ['ja', 'en'] });
    for (const q of QUESTIONS) {
      const [w, n] = await Promise.all([worker.search(q, 5), node.search(q, 5)]);
      expect(w.map((h) => h.passage.id), q).toEqual(n.map((h) => h.passage.id));
      expect(w.map((h) => h.score), q).toEqual(n.map((h) => h.score));
    }
  });

  it('serves a model-built snapshot lexical-only under auto, still answering in both languages', async () => {
    const engine = engineFromSnapshot(modelSnapshot, 'auto');
    expect(engine.info).toEqual({ embedder: 'transformers:Xenova/multilingual-e5-small', retrieval: 'lexical', editions: ['ja', 'en'] });
    const ja = await engine.search('DeepSeekの開発コストは？', 5);
    const en = await engine.search('How much did it cost to develop DeepSeek?', 5);
    expect(ja.some((h) => h.passage.text.includes('600万ドル'))).toBe(true);
    expect(en.some((h) => h.passage.text.includes('600万ドル'))).toBe(true);
  });

  it('refuses a model-built snapshot when hybrid retrieval is required, never mixing vector spaces', () => {
    expect(() => engineFromSnapshot(modelSnapshot, 'hybrid')).toThrow(AppError);
    try {
      engineFromSnapshot(modelSnapshot, 'hybrid');
    } catch (err) {
      expect((err as AppError).code).toBe('index_unavailable');
      expect((err as AppError).status).toBe(503);
      expect((err as AppError).message).toContain('transformers:Xenova/multilingual-e5-small');
    }
  });

  it('serves a hash snapshot lexical-only when told to, naming the snapshot’s embedder', async () => {
    const engine = engineFromSnapshot(hashSnapshot, 'lexical');
    expect(engine.info).toEqual({ embedder: 'hash-ngram-v2-384', retrieval: 'lexical', editions: ['ja', 'en'] });
    expect((await engine.search('DeepSeekの開発コストは？', 3)).length).toBeGreaterThan(0);
  });

  it('reports a damaged lexical index as a corrupt snapshot', () => {
    const damaged = { ...hashSnapshot, index: { ...hashSnapshot.index, bm25: { version: 1, ids: 'x' } } };
    expect(() => engineFromSnapshot(damaged)).toThrow(/index is damaged: Corrupt BM25/);
  });
});
