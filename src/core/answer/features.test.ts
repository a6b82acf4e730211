import { beforeAll, describe, expect, it } from 'vitest';
import type { QaEngine } from '../engine';
import { markdownEngine } from '../../../test/helpers/markdown-engine';
import type { Candidate } from './features';

const report = `# The lighthouse of Kesa Point

The lighthouse at Kesa Point was built in 1874 by the harbour board. Its lamp burned whale oil at first.

The keeper lived in a cottage beside the tower. This cottage was rebuilt after a storm.

A museum in the town now shows the old lamp.
`;

describe('candidate features', () => {
  let engine: QaEngine;
  const candidates = async (q: string): Promise<Candidate[]> => (await engine.explain(q)).reading!.candidates;
  const find = (list: Candidate[], text: string) => list.find((c) => c.sentence.ja.includes(text))!;
  beforeAll(async () => {
    engine = await markdownEngine(report);
  });

  it('marks the sentence that holds the kind of value asked for, near the question\'s words', async () => {
    const list = await candidates('When was the lighthouse at Kesa Point built?');
    const built = find(list, 'built in 1874');
    expect(built.features.typed).toBe(1);
    expect(built.features.typeNear).toBeGreaterThan(0.5);
    expect(find(list, 'whale oil').features.untypedFactoid).toBe(1);
    // Not a factoid question: no sentence is marked for type.
    expect((await candidates('Describe the keeper')).every((c) => c.features.typed === 0)).toBe(true);
  });

  it('covers more of the question where more of its rare words stand, and says what a sentence adds', async () => {
    const list = await candidates('What did the lamp of the lighthouse burn?');
    const oil = find(list, 'whale oil');
    const museum = find(list, 'museum');
    expect(oil.features.coverage).toBeGreaterThan(museum.features.coverage);
    expect(oil.features.novelty).toBeGreaterThan(0);
    expect(oil.features.novelty).toBeLessThan(1);
  });

  it('knows a sentence that points back, and how much of the question the one before it covers', async () => {
    const list = await candidates('What happened to the keeper cottage beside the tower?');
    const rebuilt = find(list, 'rebuilt');
    expect(rebuilt.features.pointsBack).toBe(1);
    expect(rebuilt.features.previousCoverage).toBeGreaterThan(rebuilt.features.coverageOwn);
  });

  it('scores each question\'s candidates as shares of one, best first', async () => {
    const list = await candidates('When was the lighthouse at Kesa Point built?');
    expect(list.reduce((s, c) => s + c.score, 0)).toBeCloseTo(1, 9);
    expect(list[0]!.sentence.ja).toContain('1874');
  });

  it('knows a sentence that only restates the question, and the sentences beside it', async () => {
    const list = await candidates('The keeper lived in a cottage beside the tower?');
    const restated = find(list, 'keeper lived');
    const rebuilt = find(list, 'rebuilt');
    expect(restated.features.echo).toBeGreaterThan(0.3);
    expect(rebuilt.features.previousEcho).toBeCloseTo(restated.features.echo, 9);
    expect(rebuilt.features.echo).toBeLessThan(restated.features.echo);
  });

  it('marks the sentences that name the report\'s subject when the question leaves it unsaid', async () => {
    const list = await candidates('What did the lamp burn at first?');
    expect(find(list, 'built in 1874').features.namesTitle).toBeGreaterThan(0);
    expect(find(list, 'whale oil').features.namesTitle).toBe(0);
  });
});
