import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createHashEmbedder } from './hash-embedder';

const report = readFileSync(new URL('../../../corpus/deepseek-shock-china-nli-2025.txt', import.meta.url), 'utf8');
const embedder = createHashEmbedder();

const dot = (a: Float32Array, b: Float32Array): number => a.reduce((sum, x, i) => sum + x * b[i]!, 0);
const norm = (a: Float32Array): number => Math.sqrt(dot(a, a));

async function similarities(anchor: string, near: string, far: string): Promise<[number, number]> {
  const [a, n, f] = await embedder.embed([anchor, near, far], 'passage');
  return [dot(a!, n!), dot(a!, f!)];
}

describe('createHashEmbedder', () => {
  it('names itself after its method and size', () => {
    expect(embedder.id).toBe('hash-ngram-v2-384');
    expect(embedder.dimensions).toBe(384);
    const small = createHashEmbedder({ dimensions: 64 });
    expect(small.id).toBe('hash-ngram-v2-64');
    expect(() => createHashEmbedder({ dimensions: 0 })).toThrow(/dimensions/);
  });

  it('is deterministic across instances and calls', async () => {
    const text = report.slice(0, 500);
    const [first] = await embedder.embed([text], 'passage');
    const [second] = await createHashEmbedder().embed([text], 'passage');
    expect(Array.from(second!)).toEqual(Array.from(first!));
  });

  it('embeds queries and passages alike', async () => {
    const [asQuery] = await embedder.embed(['ジニ係数の推移'], 'query');
    const [asPassage] = await embedder.embed(['ジニ係数の推移'], 'passage');
    expect(Array.from(asQuery!)).toEqual(Array.from(asPassage!));
  });

  it('returns unit-length vectors of the declared size for report passages', async () => {
    const passages = report.split(/\n\s*\n/).filter((p) => p.trim() !== '').slice(0, 20);
    const vectors = await embedder.embed(passages, 'passage');
    expect(vectors).toHaveLength(passages.length);
    for (const v of vectors) {
      expect(v).toBeInstanceOf(Float32Array);
      expect(v.length).toBe(384);
      expect(norm(v)).toBeCloseTo(1, 5);
    }
  });

  it('places Japanese texts that share phrases closer than unrelated ones', async () => {
    const [near, far] = await similarities(
      '所得格差の度合いを示すジニ係数について、中国の推移をみると低下した',
      '中国のジニ係数は低下した後、高水準のまま横ばいとなっている',
      'R1がわずか1週間で米国などのApp Storeのダウンロードランキングで1位を付けた',
    );
    expect(near).toBeGreaterThan(far);
    expect(near).toBeGreaterThan(0.2);
  });

  it('places English texts that share phrases closer than unrelated ones', async () => {
    const [near, far] = await similarities(
      "India's finance ministry asks employees to avoid AI tools like ChatGPT",
      'The finance ministry told employees to avoid AI tools',
      'Italy temporarily blocks the chatbot over privacy concerns',
    );
    expect(near).toBeGreaterThan(far);
    expect(near).toBeGreaterThan(0.2);
  });

  it('matches inflected English forms through stems and character trigrams', async () => {
    const [near, far] = await similarities('restricting exports of chips', 'export restrictions on chip', 'household registration');
    expect(near).toBeGreaterThan(far);
  });

  it('maps empty or symbol-only text to a zero vector without NaN', async () => {
    for (const text of ['', '   ', '。、！？']) {
      const [v] = await embedder.embed([text], 'query');
      expect(v!.length).toBe(384);
      expect(v!.every((x) => x === 0)).toBe(true);
    }
  });
});
