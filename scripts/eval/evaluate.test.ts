import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { realEngine, root } from '../../test/helpers/real-engine';
import { evaluate, parseEvalFile } from './evaluate';

const devFile = resolve(root, '../shared/eval/qa.dev.jsonl');

describe('parseEvalFile', () => {
  it('reads JSON lines and names the line of a bad one', () => {
    const good = '{"id":"a","lang":"ja","question":"q","gold":[],"footnotes":[],"kind":"fact","unanswerable":false}';
    expect(parseEvalFile(`${good}\n\n`)).toHaveLength(1);
    expect(() => parseEvalFile(`${good}\n{"id":"b","lang":"fr"}`)).toThrow(/line 2/);
  });
});

describe.runIf(existsSync(devFile))('the development questions (offline hash embedder)', () => {
  it('meet the retrieval and answer targets', async () => {
    const report = await evaluate(await realEngine(), parseEvalFile(readFileSync(devFile, 'utf8')));
    expect(report.byLang.ja.hit5).toBeGreaterThanOrEqual(0.95);
    expect(report.byLang.en.hit5).toBeGreaterThanOrEqual(0.9);
    expect(report.byLang.ja.mrr).toBeGreaterThanOrEqual(0.8);
    expect(report.byLang.en.mrr).toBeGreaterThanOrEqual(0.7);
    expect(report.footnoteAccuracy.rate).toBeGreaterThanOrEqual(0.9);
    expect(report.abstention.rate).toBe(1);
    expect(report.grounded.rate).toBeGreaterThanOrEqual(0.95);
    expect(report.meanPassageChars).toBeLessThanOrEqual(700);
  });
});
