/**
 * The public question sets (JSQuAD, SQuAD 2.0; CC BY-SA 4.0, see test/eval/public/README.md) as
 * reports and questions: each article is a Markdown report asked only its own questions; the
 * articles are split into training and validation by a hash of their title (never by question);
 * near misses come from the same article with the answer's paragraphs taken out, off-topic
 * questions from other articles.
 */
import { z } from 'zod';
import type { AnswerStatus, Lang } from '../../src/core/types';

const squadSchema = z.object({
  data: z.array(
    z.object({
      title: z.string(),
      paragraphs: z.array(
        z.object({
          context: z.string(),
          qas: z.array(z.object({ id: z.string(), question: z.string(), answers: z.array(z.object({ text: z.string() })), is_impossible: z.boolean().optional() })),
        }),
      ),
    }),
  ),
});

export interface PublicQuestion {
  id: string;
  question: string;
  /** Accepted answer spans (empty for an unanswerable question). */
  answers: string[];
  /** What the right reply is, for the article the question is asked against. */
  expected: AnswerStatus;
}

export interface Article {
  set: string;
  title: string;
  lang: Lang;
  paragraphs: { text: string; questions: PublicQuestion[] }[];
}

/** Reads a SQuAD-format file. JSQuAD contexts begin with `<title> [SEP] `, which is dropped. */
export function readSquadFormat(json: unknown, set: string, lang: Lang): Article[] {
  return squadSchema.parse(json).data.map((a) => ({
    set,
    title: a.title.replace(/_/g, ' '),
    lang,
    paragraphs: a.paragraphs.map((p) => ({
      text: p.context.replace(/^.*?\s*\[SEP\]\s*/, '').trim(),
      questions: p.qas.map((q) => ({ id: q.id, question: q.question.trim(), answers: [...new Set(q.answers.map((x) => x.text))], expected: q.is_impossible ? ('not_stated' as const) : ('answered' as const) })),
    })),
  }));
}

/** An article as a Markdown report: `# title`, a blank line, its paragraphs separated by blank lines. */
export const articleMarkdown = (title: string, paragraphs: readonly string[]) => `# ${title}\n\n${paragraphs.join('\n\n')}\n`;

/** Compared after NFKC, lower case, all whitespace removed. */
export const squash = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

/** FNV-1a: a stable hash, so the split and the holes do not depend on the order of the file. */
export function hash(text: string, seed = 0): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h >>> 0;
}

/** Training and validation articles: a fixed share by title hash, the same on every machine. */
export function splitArticles(articles: readonly Article[], validationShare: number, seed: number): { train: Article[]; validation: Article[] } {
  const train: Article[] = [];
  const validation: Article[] = [];
  for (const a of articles) ((hash(a.title, seed) % 1000) / 1000 < validationShare ? validation : train).push(a);
  return { train, validation };
}

/** One report and the questions asked against it, with the reply each should get. */
export interface Case {
  kind: 'answerable' | 'near-miss' | 'holed-answerable' | 'off-topic' | 'unanswerable' | 'swapped' | 'type-swapped';
  article: Article;
  markdown: string;
  questions: PublicQuestion[];
}

/** The whole article, asked its own questions. */
export function wholeArticle(article: Article): Case {
  return { kind: 'answerable', article, markdown: articleMarkdown(article.title, article.paragraphs.map((p) => p.text)), questions: article.paragraphs.flatMap((p) => p.questions.filter((q) => q.expected === 'answered')) };
}

/** SQuAD 2.0's adversarial questions: unanswerable from the very paragraphs they were written against. */
export function unanswerable(article: Article): Case {
  return { kind: 'unanswerable', article, markdown: articleMarkdown(article.title, article.paragraphs.map((p) => p.text)), questions: article.paragraphs.flatMap((p) => p.questions.filter((q) => q.expected !== 'answered')) };
}

/**
 * Every `every`-th paragraph taken out (from an offset set by the title): questions on those
 * whose answers occur nowhere in what is left are near misses (not stated); questions on the rest
 * must still be answered.
 */
export function holedArticle(article: Article, every: number, seed: number): Case[] {
  const offset = hash(article.title, seed) % every;
  const kept = article.paragraphs.filter((_, i) => i % every !== offset);
  if (kept.length === 0) return [];
  const gone = article.paragraphs.filter((_, i) => i % every === offset);
  const left = squash(kept.map((p) => p.text).join('\n'));
  const markdown = articleMarkdown(article.title, kept.map((p) => p.text));
  const answerable = (q: PublicQuestion) => q.expected === 'answered';
  const nearMisses = gone.flatMap((p) => p.questions.filter((q) => answerable(q) && q.answers.every((a) => !left.includes(squash(a)))));
  return [
    { kind: 'near-miss', article, markdown, questions: nearMisses.map((q) => ({ ...q, expected: 'not_stated' as const, answers: [] })) },
    { kind: 'holed-answerable', article, markdown, questions: kept.flatMap((p) => p.questions.filter(answerable)) },
  ];
}

/**
 * Questions written for other articles of the same set, asked against this one: the report does
 * not discuss them. Half are hard: they share a word with this article (a capital, a year, a
 * name), so a word in common does not pass for a topic in common.
 */
export function offTopic(article: Article, others: readonly Article[], count: number, seed: number): Case {
  const text = squash(article.paragraphs.map((p) => p.text).join('\n'));
  const pool = others.filter((o) => o.title !== article.title).flatMap((o) => o.paragraphs.flatMap((p) => p.questions.filter((q) => q.expected === 'answered')));
  const order = (list: PublicQuestion[]) => [...list].sort((a, b) => hash(a.id + article.title, seed) - hash(b.id + article.title, seed));
  const sharesWord = (q: PublicQuestion) => (q.question.match(NAMED) ?? []).some((w) => text.includes(squash(w)));
  const hard = order(pool.filter(sharesWord)).slice(0, Math.ceil(count / 2));
  const easy = order(pool.filter((q) => !sharesWord(q))).slice(0, count - hard.length);
  const picked = [...hard, ...easy];
  return { kind: 'off-topic', article, markdown: articleMarkdown(article.title, article.paragraphs.map((p) => p.text)), questions: picked.map((q) => ({ ...q, expected: 'not_in_report' as const, answers: [] })) };
}

/** Words a question names: kanji or katakana runs, and Latin words of four letters or more. */
const NAMED = /\p{Script=Han}{2,}|[\p{Script=Katakana}ー]{3,}|[A-Za-z][A-Za-z-]{3,}/gu;
const shape = (w: string) => (/\p{Script=Han}/u.test(w) ? 'han' : /[A-Za-z]/.test(w) ? 'latin' : 'kana');

/**
 * Questions made unanswerable the way SQuAD 2.0's writers did: the longest word a question shares
 * with the article is replaced by a word of the same script taken from the article's other
 * paragraphs (the topic is there, not with this fact) or from another article (never in this one).
 * The right reply is "not stated".
 */
export function swappedQuestions(article: Article, others: readonly Article[], share: number, seed: number): Case {
  const text = squash(article.paragraphs.map((p) => p.text).join('\n'));
  const donors = (paragraphs: readonly { text: string }[]) => [...new Set(paragraphs.flatMap((p) => p.text.match(NAMED) ?? []))].sort();
  const foreign = donors(others.filter((o) => o.title !== article.title).flatMap((o) => o.paragraphs)).filter((w) => !text.includes(squash(w)));
  const questions: PublicQuestion[] = [];
  article.paragraphs.forEach((p, i) => {
    const own = squash(p.text);
    const elsewhere = donors(article.paragraphs.filter((_, j) => j !== i)).filter((w) => !own.includes(squash(w)));
    for (const q of p.questions) {
      if (q.expected !== 'answered' || (hash(q.id, seed) % 1000) / 1000 >= share) continue;
      const word = (q.question.match(NAMED) ?? []).filter((w) => own.includes(squash(w))).sort((a, b) => b.length - a.length || (a < b ? -1 : 1))[0];
      if (!word) continue;
      const pool = (hash(q.id, seed + 1) % 2 === 0 ? elsewhere : foreign).filter((w) => shape(w) === shape(word) && !q.question.includes(w));
      const swap = pool[hash(q.id, seed + 2) % Math.max(1, pool.length)];
      if (!swap) continue;
      questions.push({ id: `${q.id}-swapped`, question: q.question.replace(word, swap), answers: [], expected: 'not_stated' });
    }
  });
  return { kind: 'swapped', article, markdown: articleMarkdown(article.title, article.paragraphs.map((p) => p.text)), questions };
}
