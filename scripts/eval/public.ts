/**
 * The reader measured on public articles it was not trained on, beside a BM25 sentence baseline
 * computed in the same run: does the answer's first sentence (and the answer, up to three
 * sentences) carry a gold span; are near misses, off-topic and adversarial questions declined
 * while answerable ones are answered.
 */
import type { ReaderModel } from '../../src/core/answer/model';
import { collectAnswer } from '../../src/core/engine';
import { splitSentences } from '../../src/core/ingest/sentences';
import { ENGLISH_STOP_WORDS } from '../../src/core/search/tokenize';
import type { AnswerStatus, ChatAnswer, Lang } from '../../src/core/types';
import { engineWith, markdownParts } from '../train/article-engine';
import { squash, type Case } from '../train/public-sets';

/** Sentences of an answer as a reader sees them, markers and lead-in labels aside. */
export function answerSentences(text: string): string[] {
  const plain = text.replace(/\[\d+\]/g, '');
  return splitSentences(plain).map((s) => plain.slice(s.start, s.end).trim()).filter(Boolean);
}

const carries = (text: string, answers: readonly string[]) => answers.some((a) => squash(text).includes(squash(a)));

/** The baseline's tokens: character bigrams of Japanese text, lower-cased words without stop words of English. */
export function baselineTokens(text: string, lang: Lang): string[] {
  const t = text.normalize('NFKC').toLowerCase();
  if (lang === 'en') return (t.match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !ENGLISH_STOP_WORDS.has(w));
  const chars = [...t.replace(/\s+/g, '')];
  return chars.slice(0, -1).map((c, i) => c + chars[i + 1]);
}

/** The article's sentences ranked by BM25 (k1 1.2, b 0.75) against the question. */
export function baselineRanking(sentences: readonly string[], question: string, lang: Lang): string[] {
  const docs = sentences.map((s) => baselineTokens(s, lang));
  const avg = docs.reduce((a, d) => a + d.length, 0) / Math.max(1, docs.length);
  const df = new Map<string, number>();
  for (const d of docs) for (const t of new Set(d)) df.set(t, (df.get(t) ?? 0) + 1);
  const q = [...new Set(baselineTokens(question, lang))];
  const score = (d: string[]) => {
    let s = 0;
    for (const t of q) {
      const tf = d.filter((x) => x === t).length;
      if (tf === 0) continue;
      const idf = Math.log(1 + (docs.length - df.get(t)! + 0.5) / (df.get(t)! + 0.5));
      s += idf * ((tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * d.length) / avg)));
    }
    return s;
  };
  return sentences.map((s, i) => ({ s, v: score(docs[i]!), i })).sort((a, b) => b.v - a.v || a.i - b.i).map((x) => x.s);
}

export interface Tally {
  n: number;
  ok: number;
}
const tally = (): Tally => ({ n: 0, ok: 0 });
const add = (t: Tally, ok: boolean) => ((t.n += 1), (t.ok += ok ? 1 : 0));

export interface PublicFigures {
  /** Answerable questions: first sentence / answer carries a gold span; answered at all. */
  first: Tally;
  within: Tally;
  answered: Tally;
  /** The same measured on the baseline's top sentence / top three. */
  baselineFirst: Tally;
  baselineTop3: Tally;
  /** Questions whose right reply is not `answered`: declined at all, and declined with the right status. */
  declined: Tally;
  declinedAs: Record<AnswerStatus, number>;
}

export const emptyFigures = (): PublicFigures => ({ first: tally(), within: tally(), answered: tally(), baselineFirst: tally(), baselineTop3: tally(), declined: tally(), declinedAs: { answered: 0, not_stated: 0, not_in_report: 0 } });

/** Runs each case's questions through an engine over its report (with `reader`, else the committed weights). */
export async function measureCases(cases: readonly Case[], reader?: ReaderModel, onAnswer?: (c: Case, q: Case['questions'][number], a: ChatAnswer) => void): Promise<Map<Case['kind'], PublicFigures>> {
  const out = new Map<Case['kind'], PublicFigures>();
  for (const c of cases) {
    if (c.questions.length === 0) continue;
    const figures = out.get(c.kind) ?? emptyFigures();
    out.set(c.kind, figures);
    const engine = engineWith(await markdownParts(c.markdown), reader);
    const paragraphs = c.markdown.split(/\n{2,}/).slice(1);
    const sentences = paragraphs.flatMap((p) => splitSentences(p).map((s) => p.slice(s.start, s.end)));
    for (const q of c.questions) {
      const answer = await collectAnswer(engine.chat({ question: q.question, history: [] }));
      onAnswer?.(c, q, answer);
      if (q.expected !== 'answered') {
        add(figures.declined, answer.status !== 'answered');
        if (answer.status !== 'answered') figures.declinedAs[answer.status]++;
        continue;
      }
      const said = answerSentences(answer.answer);
      add(figures.answered, answer.status === 'answered');
      add(figures.first, answer.status === 'answered' && carries(said[0] ?? '', q.answers));
      add(figures.within, answer.status === 'answered' && carries(said.slice(0, 3).join(''), q.answers));
      const ranked = baselineRanking(sentences, q.question, c.article.lang);
      add(figures.baselineFirst, carries(ranked[0] ?? '', q.answers));
      add(figures.baselineTop3, carries(ranked.slice(0, 3).join(''), q.answers));
    }
  }
  return out;
}

const share = (t: Tally) => (t.n === 0 ? '—' : `${(t.ok / t.n).toFixed(2)} (${t.ok}/${t.n})`);

/** One table row per kind of case. */
export function formatFigures(title: string, figures: Map<Case['kind'], PublicFigures>): string {
  const lines = [`${title}`, '', '| case | first sentence carries gold (baseline) | answer ≤3 sentences carries gold (baseline top 3) | answered | declined | declined as not_stated / not_in_report |', '|---|---|---|---|---|---|'];
  for (const [kind, f] of figures) {
    lines.push(`| ${kind} | ${share(f.first)} (${share(f.baselineFirst)}) | ${share(f.within)} (${share(f.baselineTop3)}) | ${share(f.answered)} | ${share(f.declined)} | ${f.declinedAs.not_stated} / ${f.declinedAs.not_in_report} |`);
  }
  return lines.join('\n');
}
