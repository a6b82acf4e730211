/**
 * Figures a question names by number (図表3, Figure 2, table 1) and where the report shows them:
 * the figure's caption (its label and title) and the body sentences that refer to it ((図表 3)).
 * A figure's data is drawn, not written, so what the report says of a figure is its title and the
 * sentences that point to it. Web APIs only.
 */
import type { ChatAnswer, Lang, Passage } from '../types';
import { compose } from './compose';
import { composeOptions, type AnswerContext } from './context';
import type { Sentence, SentenceIndex } from './sentences';
import { tokenize } from '../search/tokenize';

/** A figure named in a question: 図表3, 図 2, 表1, Figure 3, Fig. 2, table 1, chart 4, exhibit 5. */
const NAMED_FIGURE = /(?<!\p{Script=Han})(?:図表|図|表)\s*(\d{1,3})(?![\d年月日％%])|\b(?:figure|fig\.|table|chart|exhibit)\s*(\d{1,3})\b/giu;
/** A caption's own label at its start, in the same words. */
const LABEL = /^\s*[（(]?\s*(?:図表|図|表|figure|fig\.|table|chart|exhibit)\s*(\d{1,3})\s*[）)]?\s*[:：.]?/iu;

/** A question about a chart without its number (ASPIのグラフって何を比べてる？, What does the chart on X show?). */
// In English only "the chart" or "the graph": a figure is as often a number ("the 56.3% figure"), and
// charts a ranking ("the app download charts").
const CHART_WORD = /グラフ|図表|チャート|\b(?:the|this|that) (?:chart|graph)\b/i;
export const asksOfAFigure = (text: string): boolean => CHART_WORD.test(text.normalize('NFKC'));

export function figureNumbersIn(text: string): number[] {
  const out: number[] = [];
  for (const m of text.normalize('NFKC').matchAll(NAMED_FIGURE)) {
    const n = Number(m[1] ?? m[2]);
    if (n > 0 && !out.includes(n)) out.push(n);
  }
  return out;
}

/** The number a figure passage's label gives it (undefined for an unlabelled table). */
export function figureNumberOf(p: Passage): number | undefined {
  if (p.kind !== 'figure') return undefined;
  const m = LABEL.exec(p.text.normalize('NFKC'));
  return m ? Number(m[1]) : undefined;
}

/** A caption that is its label alone (（図表 3）): the figure is drawn, the text says nothing. */
export function isBareLabel(s: Sentence): boolean {
  if (s.passage.kind !== 'figure') return false;
  const t = s.ja.normalize('NFKC');
  const m = LABEL.exec(t);
  return m !== null && t.slice(m[0].length).replace(/[\s（）()]/g, '') === '';
}

/** A labelled figure's caption: the title of a chart the answer cannot show (a table's cells are not one). */
export const isFigureTitle = (s: Sentence): boolean => figureNumberOf(s.passage) !== undefined;

/** The body sentences that point to figure `n` ((図表 3), (Figure 3), 図表3参照), in reading order. */
function mentionsOf(sentences: SentenceIndex, n: number): Sentence[] {
  const ref = new RegExp(`(?<!\\p{Script=Han})(?:図表|図|表|figure|fig\\.)\\s*${n}(?!\\d)`, 'iu');
  return sentences.all.filter((s) => s.passage.kind === 'body' && (ref.test(s.ja.normalize('NFKC')) || (s.en !== undefined && ref.test(s.en))));
}

/** The report's figure passages (captions, and a Markdown report's tables). */
const figurePassages = (ctx: AnswerContext): Passage[] => ctx.library.passages.filter((p) => p.kind === 'figure');

/** The numbers the figures' labels give them, in order, once each. */
const figureNumbers = (figures: readonly Passage[]): number[] => [...new Set(figures.map(figureNumberOf).filter((n): n is number => n !== undefined))].sort((a, b) => a - b);

export interface FigureReading {
  /** The figure's caption sentences that say more than the label. */
  caption: Sentence[];
  /** Body sentences that refer to it, in reading order. */
  mentions: Sentence[];
}

/** What the report says of figure `n`: undefined when it has no such figure and never refers to one. */
function figureReading(figures: readonly Passage[], sentences: SentenceIndex, n: number): FigureReading | undefined {
  const labelled = figures.filter((p) => figureNumberOf(p) === n);
  const caption = labelled.flatMap((p) => sentences.of(p).filter((s) => !isBareLabel(s)));
  const mentions = mentionsOf(sentences, n);
  return labelled.length > 0 || mentions.length > 0 ? { caption, mentions } : undefined;
}

/**
 * The sentences that speak of the figures named (their titles and the sentences that refer to
 * them); of every figure when a chart is asked about without its number (ASPIのグラフ).
 */
export function figureSentences(ctx: AnswerContext, numbers: readonly number[], unnumbered: boolean): Set<Sentence> {
  if (numbers.length === 0 && !unnumbered) return new Set();
  const figures = figurePassages(ctx);
  const asked = numbers.length > 0 ? numbers : figureNumbers(figures);
  return new Set(asked.flatMap((n) => {
    const r = figureReading(figures, ctx.sentences, n);
    return r ? [...r.caption, ...r.mentions] : [];
  }));
}

/**
 * The figure a question names by what it shows (貨物量のグラフ, the chart on prices): the one whose
 * title and referring sentences share the most of the question's words (its rarer words first);
 * undefined when none shares any.
 */
export function figureAbout(ctx: AnswerContext, question: string): number | undefined {
  const asked = new Set(tokenize(question));
  const figures = figurePassages(ctx);
  let best: { n: number; score: number } | undefined;
  for (const n of figureNumbers(figures)) {
    const r = figureReading(figures, ctx.sentences, n);
    if (!r) continue;
    const words = new Set([...r.caption, ...r.mentions].flatMap((s) => [...s.plain.tokens, ...s.plain.enTokens]));
    let score = 0;
    for (const t of asked) if (words.has(t)) score += 1 / Math.max(1, ctx.bm25.docFrequency(t));
    if (score > 0 && (!best || score > best.score)) best = { n, score };
  }
  return best?.n;
}

/** Body sentences quoted per figure: where the report discusses what the figure shows. */
const MENTIONS_SHOWN = 3;

/**
 * A question on a figure by its number (図表2は何を示している？, What does Figure 1 show?): its
 * title, then the sentences that refer to it. A number the report has no figure for is declined
 * with the numbers it has.
 */
export function answerFigures(ctx: AnswerContext, numbers: readonly number[], lang: Lang): ChatAnswer {
  const options = composeOptions(ctx, lang);
  const figures = figurePassages(ctx);
  const found = numbers.map((n) => ({ n, reading: figureReading(figures, ctx.sentences, n) })).filter((f): f is { n: number; reading: FigureReading } => f.reading !== undefined);
  if (found.length === 0) {
    const have = figureNumbers(figures);
    const asked = numbers.join(lang === 'ja' ? '、' : ', ');
    const answer =
      lang === 'ja'
        ? `このレポートに図表${asked}はありません。${have.length ? `図表は${have.join('、')}です。` : ''}`
        : `The report has no Figure ${asked}.${have.length ? ` Its figures are numbered ${have.join(', ')}.` : ''}`;
    return { answer, status: 'not_in_report', grounded: false, lang, citations: [], footnotes: [], generator: 'extractive' };
  }
  const sentences = found.flatMap(({ reading }) => [...reading.caption, ...reading.mentions.slice(0, MENTIONS_SHOWN)]);
  if (sentences.length === 0) {
    const n = found[0]!.n;
    const answer = lang === 'ja' ? `図表${n}は図のみで、本文に説明はありません。` : `Figure ${n} is drawn only; the text says nothing about it.`;
    return { answer, status: 'not_stated', grounded: false, lang, citations: [], footnotes: [], generator: 'extractive' };
  }
  // Without a written title, say which figure the sentences are about.
  const untitled = found.every(({ reading }) => reading.caption.length === 0);
  const lead = untitled ? (lang === 'ja' ? `図表${found.map((f) => f.n).join('、')}に触れている箇所：` : `Where the report refers to Figure ${found.map((f) => f.n).join(', ')}:`) : undefined;
  return compose(sentences, { ...options, keepOrder: true, ...(lead ? { lead } : {}) });
}
