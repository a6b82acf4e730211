/**
 * Any report of the publisher's layout: the real server pointed (CORPUS_DIR) at a second report
 * that has nothing but its .txt — no metadata, no glossary, no English edition — serves its
 * header as metadata, its footnotes whole, and answers in both languages with citations.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { footnotesOut, healthOut, reportOut } from '../src/http/schemas';
import { repoRoot, serveReportFolder } from './helpers/server';

const fixture = resolve(repoRoot, 'test/fixtures/india-semiconductor');
const expected = JSON.parse(readFileSync(`${fixture}.expected.json`, 'utf8')) as {
  title: string;
  header: { date: string };
  footnotes: { n: number; text: string; urls: string[] }[];
  questions: { id: string; lang: 'ja' | 'en'; kind: string; question: string; gold: string[]; footnotes: number[] }[];
};
const squash = (s: string) => s.replace(/\s+/g, '');

const { get, ask } = serveReportFolder(fixture, 'e2e-other-report');

describe('a second report from CORPUS_DIR, with no metadata and no English edition', () => {
  it('serves its footnotes whole, URLs rejoined, and says it reads in Japanese only', async () => {
    const health = healthOut.parse(await get('/health'));
    expect(health).toMatchObject({ footnotes: expected.footnotes.length, editions: ['ja'] });
    const { footnotes } = footnotesOut.parse(await get('/api/footnotes'));
    expect(footnotes.map((f) => ({ n: f.n, text: f.text, urls: f.urls }))).toEqual(expected.footnotes.map((f) => ({ n: f.n, text: f.text, urls: f.urls })));
  });

  it('introduces itself from its own header, with starter questions from its chapters', async () => {
    const report = reportOut.parse(await get('/api/report'));
    expect(report.title).toBe(expected.title);
    expect(report.published).toBe(expected.header.date);
    expect(report.suggestions.ja.length).toBeGreaterThan(1);
    expect(report.suggestions.ja.some((q) => /について教えて/.test(q))).toBe(true);
  });

  const answersWithCitation = async (q: (typeof expected.questions)[number]) => {
    const a = await ask(q.question);
    expect(a.status).toBe('answered');
    expect(a.lang).toBe(q.lang);
    const shown = squash([a.answer, ...a.citations.map((c) => `${c.text}${c.quote}`)].join(''));
    expect(q.gold.some((g) => shown.includes(squash(g)))).toBe(true);
    for (const n of q.footnotes) expect(a.footnotes.map((f) => f.n)).toContain(n);
  };
  // English questions are read through the dictionary alone (no edition), names by their sound (Gujarat for グジャラート).
  it.each(expected.questions.map((q) => [q.id, q] as const))('answers %s with a citation to the passage that holds it', (_id, q) => answersWithCitation(q));
});
