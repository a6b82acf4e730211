import { beforeAll, describe, expect, it } from 'vitest';
import { realEngine } from '../../../test/helpers/real-engine';
import type { QaEngine } from '../engine';
import type { Passage } from '../types';
import { answerSentences, cleanMarkers, createMarkerFilter, verifyAnswer, type PromptPassage } from './verify';
import { completeSentences } from './answer-sentences';

let engine: QaEngine;
let passages: PromptPassage[];
const find = (needle: string): Passage => {
  const p = engine.library.passages.find((x) => x.kind === 'body' && x.text.includes(needle));
  if (!p) throw new Error(`no passage with ${needle}`);
  return p;
};
beforeAll(async () => {
  engine = await realEngine();
  // [1] the cost footnote, [2] the survey of generative AI use, [3] a passage citing footnotes, [4] the Gini passage
  passages = [engine.library.passage('fn-2')!, find('56.3％'), find('開発コストは同社が発表するほど'), find('ジニ係数')].map((passage, i) => ({ ref: i + 1, passage }));
});
const verify = (raw: string, lang: 'ja' | 'en' = 'ja') => verifyAnswer(raw, passages, { lang, generator: 'openai:test', footnotesOf: (ns) => engine.library.footnotesOf(ns) });

describe('citation markers', () => {
  it('writes grouped, ranged and full-width markers as [n][m] and drops the ones naming no passage', () => {
    const valid = new Set([1, 2, 3, 4]);
    expect(cleanMarkers('A [1, 2]. B【3】 C［１］ D [2-4]', valid)).toEqual({ text: 'A [1][2]. B[3] C[1] D [2][3][4]', dropped: [] });
    expect(cleanMarkers('X [9]. Y[1,9] Z [2025]', valid)).toEqual({ text: 'X. Y[1] Z [2025]', dropped: [9] });
  });

  it('filters a live stream to exactly the cleaned whole, however the deltas are cut', () => {
    const valid = new Set([1, 2]);
    const raw = '\n  中国は56.3％[1]。 米国は[9]46.3％ [1, 2]。［２］末尾 [12]  \n';
    const expected = cleanMarkers(raw, valid).text.trim();
    for (const size of [1, 2, 3, 5, 8, 100]) {
      const filter = createMarkerFilter(valid);
      let out = '';
      for (let i = 0; i < raw.length; i += size) out += filter.push(raw.slice(i, i + size));
      out += filter.flush();
      expect(out, `deltas of ${size}`).toBe(expected);
    }
  });
});

describe('model output that would take quadratic time to scan', () => {
  const valid = new Set([1, 2]);
  // Bounds generous enough for a busy machine; the quadratic scans these replace took 8–10 s each.
  it('cleans 100,000 spaces, with or without a bracket after them, in linear time', () => {
    for (const text of [' '.repeat(100_000), `a${' '.repeat(100_000)}[`, `a${' '.repeat(100_000)}[1]`, '[ 1 ,'.repeat(20_000), '['.repeat(100_000)]) {
      const started = performance.now();
      cleanMarkers(text, valid);
      answerSentences(text);
      expect(performance.now() - started, JSON.stringify(text.slice(0, 12))).toBeLessThan(1000);
    }
    expect(cleanMarkers(`a${' '.repeat(1000)}[9]`, valid).text).toBe('a');
  });

  it('streams 100,000 spaces through the live filter, in deltas of 1 and 10 characters, in linear time', () => {
    for (const size of [1, 10]) {
      const filter = createMarkerFilter(valid);
      const started = performance.now();
      let out = '';
      for (let i = 0; i < 100_000; i += size) out += filter.push(' '.repeat(size));
      out += filter.push('end[1]') + filter.flush();
      expect(performance.now() - started, `deltas of ${size}`).toBeLessThan(1500);
      expect(out).toBe('end[1]');
    }
  });

  it('agrees with cleanMarkers on random text cut into random deltas', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const alphabet = [' ', ' ', '\n', '[', ']', '［', '】', '【', '1', '2', '9', '１', ',', '-', '、', 'a', '。', '字'];
    for (let round = 0; round < 300; round++) {
      const raw = Array.from({ length: 1 + Math.floor(random() * 60) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      const filter = createMarkerFilter(valid);
      let out = '';
      for (let i = 0; i < raw.length; ) {
        const size = 1 + Math.floor(random() * 6);
        out += filter.push(raw.slice(i, i + size));
        i += size;
      }
      out += filter.flush();
      expect(out, JSON.stringify(raw)).toBe(cleanMarkers(raw, valid).text.trim());
    }
  });
});

describe('sentences', () => {
  it('cut at the end of the last complete sentence, markers included', () => {
    expect(completeSentences('開発費は600万ドル以下[1]。中国は56.3％[2]。DeepSeekは')).toBe('開発費は600万ドル以下[1]。中国は56.3％[2]。');
    expect(completeSentences('It was 2016. [3] And then')).toBe('It was 2016. [3]');
    expect(completeSentences('no sentence ends here')).toBe('');
  });

  it('attach markers written after the full stop to their sentence and keep decimals whole', () => {
    expect(answerSentences('中国は56.3％である[2]。開発費は600万ドル以下。[1] It was 2016.[3] Next [4].')).toEqual([
      { text: '中国は56.3％である[2]。', refs: [2] },
      { text: '開発費は600万ドル以下。[1]', refs: [1] },
      { text: 'It was 2016.[3]', refs: [3] },
      { text: 'Next [4].', refs: [4] },
    ]);
  });
});

describe('verifying a generated answer', () => {
  it('keeps a well-cited answer, listing the cited passages under the prompt numbers and their footnotes', () => {
    const { answer, warnings } = verify('DeepSeekが発表した開発コストは600万ドル以下で、トレーニングにかかるコストのみとされる[1]。生成AIを使っていると答えた人の割合は中国が56.3％と最も高い[2]。');
    expect(warnings).toEqual([]);
    expect(answer).toBeDefined();
    expect(answer!.grounded).toBe(true);
    expect(answer!.generator).toBe('openai:test');
    expect(answer!.warnings).toBeUndefined();
    expect(answer!.citations.map((c) => [c.ref, c.id])).toEqual([
      [1, 'fn-2'],
      [2, passages[1]!.passage.id],
    ]);
    const expectedNotes = [...new Set([...passages[0]!.passage.footnotes, ...passages[1]!.passage.footnotes])].sort((a, b) => a - b);
    expect(answer!.footnotes.map((f) => f.n)).toEqual(expectedNotes);
  });

  it('drops a citation of a passage that was not given, with a warning', () => {
    const { answer } = verify('開発コストは600万ドル以下とされる[1]。火星の研究所が公表した[9]。');
    // Left citing nothing, the sentence is checked against [1], which does not say it: it is removed.
    expect(answer!.answer).toBe('開発コストは600万ドル以下とされる[1]。');
    expect(answer!.citations.map((c) => c.ref)).toEqual([1]);
    expect(answer!.warnings).toEqual([
      'Dropped citation [9]: no passage [9] was given (only [1]–[4])',
      expect.stringMatching(/^Not supported by any cited passage: "火星の研究所が公表した。".*; removed from the answer$/),
    ]);
  });

  it('removes a sentence stating a number that none of the passages it cites holds, naming it', () => {
    const { answer } = verify('In China, 56.3% of people surveyed use generative AI [2]. Its development cost was $60 million [1]. The plan dates from 2017 [1].', 'en');
    expect(answer!.answer).toBe('In China, 56.3% of people surveyed use generative AI [2].');
    expect(answer!.citations.map((c) => c.ref)).toEqual([2]);
    expect(answer!.warnings![0]).toMatch(/^The number "60 million" is not in the passage it cites \(\[1\]\).*; removed from the answer$/);
    // 2017 is in passage [2], but this sentence cites [1]: the claim is not backed where it says.
    expect(answer!.warnings![1]).toContain('"2017"');
  });

  it('checks an uncited sentence against every passage the answer cites', () => {
    expect(verify('中国のシェアは56.3％。開発費は600万ドル以下とされる[1][2]。').answer!.warnings).toBeUndefined();
    const invented = verify('中国のシェアは57.9％。開発費は600万ドル以下とされる[1][2]。').answer!;
    expect(invented.warnings).toEqual([expect.stringContaining('"57.9"')]);
    expect(invented.answer).toBe('開発費は600万ドル以下とされる[1][2]。');
  });

  it('removes a fluent sentence its cited passage does not support, naming it: what is shown is grounded', () => {
    const { answer } = verify('DeepSeekが発表した開発コストは600万ドル以下とされる[1]。生成AIを使う人の割合は中国が56.3％と最も高い[2]。DeepSeekは火星で創業された。[1]');
    expect(answer!.grounded).toBe(true);
    expect(answer!.answer).toBe('DeepSeekが発表した開発コストは600万ドル以下とされる[1]。生成AIを使う人の割合は中国が56.3％と最も高い[2]。');
    expect(answer!.warnings).toEqual(['Not supported by the passage it cites ([1]): "DeepSeekは火星で創業された。[1]" (not found there: 火星, 創業); removed from the answer']);
  });

  it('removes an invented figure beside a supported claim, keeping the rest grounded', () => {
    const rendered = passages.map((p, i) => (i === 3 ? { ...p, rendering: 'The Gini coefficient has stayed high and flat in recent years.' } : p));
    const { answer } = verifyAnswer('The Gini coefficient has stayed high and flat [4]. The Gini coefficient was 0.93 [4].', rendered, { lang: 'en', generator: 'openai:test', footnotesOf: () => [] });
    expect(answer!.answer).toBe('The Gini coefficient has stayed high and flat [4].');
    expect(answer!.grounded).toBe(true);
    expect(answer!.warnings).toEqual([expect.stringMatching(/^The number "0.93" is not in the passage it cites \(\[4\]\).*; removed from the answer$/)]);
  });

  it('falls back when no cited sentence is left once unsupported ones are removed', () => {
    const { answer, warnings } = verify('開発コストは600万ドル以下とされる。ジニ係数は0.93だった[4]。');
    expect(answer).toBeUndefined();
    expect(warnings.at(-1)).toMatch(/^No sentence of the generated answer that cites the report is supported/);
  });

  it('rejects an answer most of whose sentences are unsupported', () => {
    const { answer, warnings } = verify('DeepSeekは火星で創業された。[1]創業者は宇宙飛行士である。[2]');
    expect(answer).toBeUndefined();
    expect(warnings).toEqual([expect.stringContaining('DeepSeekは火星で創業された。'), expect.stringContaining('創業者は宇宙飛行士である。'), expect.stringMatching(/^Most of the generated answer is not supported/)]);
  });

  it('checks an English sentence against the English rendering of the passage it cites', () => {
    const rendered = passages.map((p, i) => (i === 0 ? { ...p, rendering: 'The development cost DeepSeek announced (under $6 million) covers training only.' } : p));
    const check = (raw: string) => verifyAnswer(raw, rendered, { lang: 'en', generator: 'openai:test', footnotesOf: () => [] });
    expect(check('The announced development cost of under $6 million covers only training [1].').answer!.warnings).toBeUndefined();
    const made = check('The announced development cost covers training only [1]. DeepSeek was founded on Mars by astronauts [1]. Its founders trained on Jupiter moons [1].');
    expect(made.answer).toBeUndefined();
    expect(made.warnings[0]).toMatch(/^Not supported by the passage it cites \(\[1\]\): "DeepSeek was founded on Mars/);
    // Without a rendering only names written alike in both languages can be compared: shown, not grounded.
    const named = verify('DeepSeek says the cost covers training only [1].', 'en').answer!;
    expect(named.grounded).toBe(false);
    expect(named.warnings).toEqual([expect.stringMatching(/^Parts of the generated answer could not be compared/)]);
    expect(verify('Huawei trained R7 on the cluster [1].', 'en').warnings).toEqual([expect.stringContaining('(not found there: r7)'), expect.stringMatching(/^Most of/)]);
  });

  it('rejects an answer that cites no given passage, so the caller can answer extractively', () => {
    for (const raw of ['該当箇所には記述がありません。', '開発費は安い[7]。', '']) {
      const { answer, warnings } = verify(raw);
      expect(answer, raw).toBeUndefined();
      expect(warnings.at(-1)).toMatch(/cited no passage/);
    }
  });
});
