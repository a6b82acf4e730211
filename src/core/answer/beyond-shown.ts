/**
 * A follow-up on the topic just discussed (その目標は達成できそう？, Is it on track?) asks beyond
 * what the last answer showed. The conversation's words it is read with are the words of the
 * sentences already shown, so those sentences rank first by them alone; the sentence that answers
 * the follow-up holds its own words as well and says something new. Web APIs only.
 */
import { tokenize } from '../search/tokenize';
import type { Candidate } from './features';
import type { Passage } from '../types';
import type { TypeEvidence } from './answer-types';
import type { FollowUp } from './follow-up';
import type { Sentence } from './sentences';
import { CONCLUSION, NOUN } from './overview-structure';

/** Whether an answer's text quoted this sentence (in either language): the answer shows a sentence as its display text or its English rendering. */
export function quotedIn(s: Sentence, answered: string): boolean {
  return answered.replace(/\s+/g, '').includes(s.display.replace(/\s+/g, '').slice(0, 20)) || (s.en !== undefined && answered.includes(s.en.slice(0, 30)));
}

/**
 * The candidates with the best one the last answer did not show first, when the shown one that
 * leads holds some of the question's own words and it holds as many: the shown ones follow it as context.
 */
export function beyondShown(candidates: readonly Candidate[], question: string, f: FollowUp, expected: TypeEvidence, cited: readonly Passage[]): Candidate[] {
  const lead = candidates[0];
  // Why and how are often answered by what was shown: it was the claim, its reason stands beside it.
  if (!lead || expected.type === 'reason' || expected.type === 'method' || !quotedIn(lead.sentence, f.answered)) return [...candidates];
  const own = [...new Set(tokenize(question))];
  const holds = (c: Candidate) => own.filter((t) => c.sentence.tokens.has(t) || c.sentence.enTokens.has(t)).length;
  // A shown sentence holding none of the question's own words answers it by what it says (名を改めた for 名前が変わった): it stays.
  const needed = holds(lead);
  // What the report says about it is in the passages cited or the one after each: further on, another topic.
  const near = (c: Candidate) => cited.length === 0 || cited.some((p) => p.kind === c.sentence.passage.kind && c.sentence.passage.order - p.order >= 0 && c.sentence.passage.order - p.order <= 1);
  if (needed === 0) {
    // Whether it holds (Is it on track?, うまくいってる？) asks for the report's judgement on what was shown.
    if (!expected.discussion) return [...candidates];
    const judged = judgementOn(candidates, f, near);
    return judged ? [judged, ...candidates.filter((c) => c !== judged)] : [...candidates];
  }
  const next = candidates.find((c) => !quotedIn(c.sentence, f.answered) && holds(c) >= needed && near(c));
  return next ? [next, ...candidates.filter((c) => c !== next)] : [...candidates];
}

/** A demonstrative and the noun it points back to (この目標, こうした計画). */
const POINTING = /(?:この|その|こうした|そうした|これらの|同)([\p{Script=Han}\p{Script=Katakana}ー]{2,})/gu;

/**
 * The report's judgement on what the last answer showed: a sentence it did not show, near it, that
 * states a judgement (…といえる, …だろう) and points back to one of the shown sentences' nouns
 * (この目標 after the plan's targets); else the shown sentence that states one.
 */
function judgementOn(candidates: readonly Candidate[], f: FollowUp, near: (c: Candidate) => boolean): Candidate | undefined {
  const shown = candidates.filter((c) => quotedIn(c.sentence, f.answered));
  const nouns = new Set(shown.flatMap((c) => [...c.sentence.tokens].filter((t) => NOUN.test(t) && [...t].length >= 2)));
  const pointsBack = (s: Sentence) => [...s.ja.matchAll(POINTING)].some((m) => [...nouns].some((n) => m[1]!.startsWith(n)));
  const judges = (c: Candidate) => CONCLUSION.test(c.sentence.ja.trim());
  // Where the answer already showed the report's judgement, that is still the answer.
  return candidates.find((c) => !quotedIn(c.sentence, f.answered) && near(c) && judges(c) && pointsBack(c.sentence)) ?? shown.find(judges);
}
