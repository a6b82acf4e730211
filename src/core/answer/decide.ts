/**
 * The one decision point of the reader: from a question's reading, whether the report answers it
 * (and with which sentences), discusses the topic without stating what was asked, or does not
 * discuss it. The status is the decision model's most probable class; the sentences are the
 * sentence model's best and those close to it. Web APIs only.
 */
import type { AnswerStatus } from '../types';
import type { Candidate } from './features';
import { statusProbabilities, type ReaderModel } from './model';
import type { Reading } from './reading';
import { ASKS_ITSELF, OPENS_NEW_POINT } from './sentences';
import { isFigureTitle } from './figures';

/** The reader's settings, with their defaults (what is not learned is set here, and only here). */
export interface ReaderOptions {
  /** Most sentences in a fact answer. */
  maxSentences: number;
  /** A further sentence joins the answer when the sentence model gives it this share of the best's probability… */
  companionShare: number;
  /** …or when it is the best one's neighbour in the same paragraph with this share. */
  neighbourShare: number;
  /** Sentences a decline quotes as what the report does say. */
  relatedSentences: number;
  /** Sentences answering a follow-up's new subject: its own, not the neighbours' again. */
  subjectSentences: number;
}

export const readerDefaults: Readonly<ReaderOptions> = {
  maxSentences: 3,
  // The sentence model's probabilities are shared among a question's candidates and peak sharply:
  // a tenth of the best's is a sentence the model still finds close to it.
  companionShare: 0.1,
  neighbourShare: 0.05,
  relatedSentences: 2,
  subjectSentences: 2,
};

export interface Decision {
  status: AnswerStatus;
  probabilities: Record<AnswerStatus, number>;
  /** The answer's sentences in reading order (for `not_stated`: the related ones to show). */
  chosen: Candidate[];
}

/** The best sentence first (what a reader reads first should answer), then those the model rates close to it, in reading order. */
export function chooseSentences(candidates: readonly Candidate[], max: number, options: ReaderOptions = readerDefaults): Candidate[] {
  const top = candidates[0];
  if (!top) return [];
  // A question the report asks itself (…どう向き合えばよいだろうか。) frames the answer; the sentence
  // close behind it that answers leads instead, and the question is left out.
  const asks = (c: Candidate) => ASKS_ITSELF.test(c.sentence.ja.trim());
  const follows = (c: Candidate) => c.sentence.passage.id === top.sentence.passage.id && c.sentence.order === top.sentence.order + 1;
  const answering = asks(top) ? candidates.find((c) => !asks(c) && c.score >= top.score * (follows(c) ? options.neighbourShare : options.companionShare)) : undefined;
  if (answering) candidates = [answering, ...candidates.filter((c) => c !== answering && c !== top)];
  const best = candidates[0]!;
  const chosen = [best];
  for (const c of candidates.slice(1)) {
    if (chosen.length >= max) break;
    // A chart's title answers only when it is what answers best: beside the answer it titles a chart the reader cannot see.
    if (isFigureTitle(c.sentence)) continue;
    // A neighbour counts as part of the answer unless the later of the two moves on to a new point (このほか、…).
    const adjacent = chosen.some((x) => {
      if (x.sentence.passage.id !== c.sentence.passage.id || Math.abs(x.sentence.order - c.sentence.order) !== 1) return false;
      const later = x.sentence.order > c.sentence.order ? x : c;
      return !OPENS_NEW_POINT.test(later.sentence.ja.trim());
    });
    // Measured against the top score (the report's own question's, where that stood first and was set aside).
    if (c.score >= top.score * options.companionShare || (adjacent && c.score >= top.score * options.neighbourShare)) chosen.push(c);
  }
  return [best, ...chosen.slice(1).sort((a, b) => a.sentence.order - b.sentence.order)];
}

/**
 * Answered when the model finds answering more likely than declining at all; else the more likely
 * of the two declines. (The plain most-likely class would answer a question the model splits
 * between "not stated" and "not discussed", though either decline outweighs the answer.)
 */
export function statusOf(p: Readonly<Record<AnswerStatus, number>>, decline: Readonly<Record<AnswerStatus, number>> = p): AnswerStatus {
  if (p.answered >= p.not_stated + p.not_in_report) return 'answered';
  return decline.not_stated >= decline.not_in_report ? 'not_stated' : 'not_in_report';
}

/**
 * A question on whether, or how something stands has no value a passage on its topic could leave
 * out: "not stated" and "answered" both say the report discusses it, and it is answered with what
 * the report says, unless the report does not discuss it at all.
 */
export function discussed(p: Readonly<Record<AnswerStatus, number>>): AnswerStatus {
  return p.answered + p.not_stated >= p.not_in_report ? 'answered' : 'not_in_report';
}

export function decide(reading: Reading, model: ReaderModel, options: ReaderOptions = readerDefaults): Decision {
  const full = statusProbabilities(model.decision, reading.features);
  const byWords = reading.lang === 'en' ? model.englishDecision : undefined;
  const probabilities = byWords ? statusProbabilities(byWords, reading.features) : full;
  // The word-level model's "not discussed" runs too low to be the only decline (Is the Xiaomi 14 a
  // good phone? reads as a yes/no question on the report's topic): its questions keep both declines.
  const status = reading.candidates.length === 0 ? 'not_in_report' : reading.discussion && !byWords ? discussed(full) : statusOf(probabilities, full);
  const max = status === 'answered' ? options.maxSentences : options.relatedSentences;
  return { status, probabilities, chosen: status === 'not_in_report' ? [] : chooseSentences(reading.candidates, max, options) };
}
