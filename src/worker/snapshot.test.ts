import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../core/errors';
import { createHashEmbedder } from '../core/search/hash-embedder';
import { embeddingText } from '../core/ingest/build-index';
import { memorySnapshot } from '../../test/helpers/worker';
import { decodeVectors, encodeVectors, parseSnapshot, type Snapshot } from './snapshot';

let snapshot: Snapshot;
beforeAll(async () => {
  snapshot = await memorySnapshot(createHashEmbedder());
});

const reparsed = (s: unknown) => JSON.parse(JSON.stringify(s));

function expectCorrupt(fn: () => unknown, message: RegExp) {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('corrupt_index');
    expect((err as AppError).message).toMatch(message);
    return;
  }
  throw new Error('expected the snapshot to be refused');
}

describe('vector encoding', () => {
  it('round-trips float32 values exactly, row by row', () => {
    const rows = [Float32Array.of(0.1, -0.2, 1 / 3), Float32Array.of(-0, 1e-30, 0.999999)];
    const decoded = decodeVectors(encodeVectors(rows, 3));
    expect(decoded.map((r) => Array.from(r))).toEqual(rows.map((r) => Array.from(r)));
  });

  it('stores the real report’s hash vectors at 4 bytes per value, bit-identical after decoding', async () => {
    const embedder = createHashEmbedder();
    const original = await embedder.embed(snapshot.index.passages.map(embeddingText), 'passage');
    expect(atob(snapshot.vectors.data).length).toBe(snapshot.index.passages.length * embedder.dimensions * 4);
    const decoded = decodeVectors(snapshot.vectors);
    decoded.forEach((row, i) => expect(Array.from(row)).toEqual(Array.from(original[i]!)));
  });

  it('refuses rows of the wrong length, damaged base64 and a short payload', () => {
    expect(() => encodeVectors([Float32Array.of(1, 2)], 3)).toThrow(/2 dimensions, expected 3/);
    expectCorrupt(() => decodeVectors({ ...snapshot.vectors, data: '***' }), /base64/);
    expectCorrupt(() => decodeVectors({ ...snapshot.vectors, data: snapshot.vectors.data.slice(0, 400) }), /expected 60 × 384/);
    const nan = encodeVectors([Float32Array.of(Number.NaN, 0)], 2);
    expectCorrupt(() => decodeVectors(nan), /non-finite/);
  });
});

describe('parseSnapshot', () => {
  it('accepts the snapshot of the real report after a JSON round trip', () => {
    const s = parseSnapshot(reparsed(snapshot));
    expect(s.index.passages).toHaveLength(60);
    expect(s.index.footnotes).toHaveLength(21);
    expect(s.embedder.id).toBe('hash-ngram-v2-384');
    expect(s.demoPage).toContain('<script src="/widget.js"');
    expect(s.demoPage).toContain(s.index.metadata.title);
  });

  it('names what is wrong with a snapshot it refuses', () => {
    expectCorrupt(() => parseSnapshot(null), /format undefined/);
    expectCorrupt(() => parseSnapshot({ ...reparsed(snapshot), format: 1 }), /format 1, this Worker reads format 2/);
    expectCorrupt(() => parseSnapshot({ ...reparsed(snapshot), index: { ...reparsed(snapshot).index, passages: 'none' } }), /passages/);
    const short = reparsed(snapshot);
    short.index.passages.pop();
    expectCorrupt(() => parseSnapshot(short), /60 vectors for 59 passages/);
    const mismatch = reparsed(snapshot);
    mismatch.embedder.dimensions = 256;
    expectCorrupt(() => parseSnapshot(mismatch), /384 dimensions, its embedder hash-ngram-v2-384 has 256/);
  });

  it('refuses a well-formed snapshot whose parts name other passages', () => {
    const swapped = reparsed(snapshot);
    [swapped.index.bm25.ids[0], swapped.index.bm25.ids[1]] = [swapped.index.bm25.ids[1], swapped.index.bm25.ids[0]];
    expectCorrupt(() => parseSnapshot(swapped), /inconsistent: BM25 document 0 is/);
    const twice = reparsed(snapshot);
    twice.index.passages[1].id = twice.index.passages[0].id;
    expectCorrupt(() => parseSnapshot(twice), /inconsistent: two passages have the id/);
  });
});
