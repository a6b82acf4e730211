/**
 * Questions about footnotes: one named by number (脚注11には何が？ / What's in note 3?) is
 * answered by the footnote itself, then the claim that cites it; "where is that from?" after an
 * answer, by the references of exactly the footnotes behind what that answer cited. Web APIs only.
 */
import type { ChatAnswer } from '../types';
import type { Passage } from '../types';
import { isReference } from './answer-types';
import { compose } from './compose';
import { composeOptions, type AnswerContext } from './context';
import type { Sentence } from './sentences';
import type { Lang } from '../types';


/** The sentence that carries footnote n's marker. */
function claimOf(ctx: AnswerContext, n: number): Sentence | undefined {
  return ctx.sentences.all.find((s) => s.passage.kind !== 'footnote' && s.footnotes.includes(n));
}

export function answerFootnotes(ctx: AnswerContext, numbers: number[], lang: Lang): ChatAnswer {
  const { library } = ctx;
  const known = numbers.filter((n) => library.footnote(n));
  if (known.length === 0) {
    const max = library.footnotes.length;
    const answer = max === 0 ? (lang === 'ja' ? 'このレポートには脚注がありません。' : 'The report has no footnotes.') : lang === 'ja' ? `このレポートの脚注は1〜${max}です。` : `The report's footnotes are numbered 1–${max}.`;
    return { answer, status: 'not_in_report', grounded: false, lang, citations: [], footnotes: [], generator: 'extractive' };
  }
  const sentences: Sentence[] = [];
  for (const n of known) {
    const passage = library.passage(`fn-${n}`);
    if (passage) sentences.push(...ctx.sentences.of(passage));
    const claim = claimOf(ctx, n);
    if (claim) sentences.push(claim);
  }
  return compose(sentences, { ...composeOptions(ctx, lang), keepOrder: true, sources: 'inline' });
}

/**
 * The footnotes behind a sentence: its own, and those of the sentence that goes on from it
 * (これは…との声は少なくない¹²), which backs the claim it continues.
 */
function footnotesBehind(ctx: AnswerContext, s: Sentence): number[] {
  const next = ctx.sentences.all[s.order + 1];
  return next?.antecedent === s ? [...s.footnotes, ...next.footnotes] : s.footnotes;
}

/** Footnote references behind the given passages (a footnote passage is its own source). */
export function referencesOf(ctx: AnswerContext, passages: Passage[], quoted?: Sentence[]): Sentence[] {
  const numbers = new Set<number>();
  for (const p of passages) {
    const own = quoted?.filter((s) => s.passage.id === p.id) ?? [];
    const marks = own.length ? own.flatMap((s) => footnotesBehind(ctx, s)) : p.footnotes;
    for (const n of marks) numbers.add(n);
  }
  const out: Sentence[] = [];
  for (const n of [...numbers].sort((a, b) => a - b)) {
    const passage = ctx.library.passage(`fn-${n}`);
    if (!passage) continue;
    const sentences = ctx.sentences.of(passage);
    const references = sentences.filter((s) => isReference(s.ja));
    out.push(...(references.length ? references : sentences));
  }
  return out;
}

/** The opening words of a quoted statement, enough to find it in the answer above. */
function opening(s: Sentence, lang: Lang): string {
  if (lang === 'en' && s.en) {
    const words = s.en.split(/\s+/);
    return words.length > 9 ? `${words.slice(0, 8).join(' ')}…` : s.en.replace(/[.。]$/, '');
  }
  const chars = [...s.display];
  return chars.length > 26 ? `${chars.slice(0, 24).join('')}…` : s.display.replace(/。$/, '');
}

/**
 * When only some of what was quoted carries a footnote, which statements those are: the others
 * are the report's own reading, and a footnote on a neighbouring statement (a list of who took
 * part) is not the source of the view around it.
 */
function sourcedLead(ctx: AnswerContext, cited: Sentence[], lang: Lang): string | undefined {
  // A footnote quoted is a source itself; only the body's statements are the report's own or backed.
  const body = [...new Set(cited)].filter((s) => s.passage.kind !== 'footnote');
  const sourced = body.filter((s) => footnotesBehind(ctx, s).length > 0);
  if (sourced.length === 0 || sourced.length === body.length) return undefined;
  const named = sourced.slice(0, 2).map((s) => opening(s, lang));
  if (lang === 'ja') return `先の回答のうち、出典（脚注）が付いているのは${named.map((n) => `「${n}」`).join('と')}の記述で、ほかはレポート自身の見方です（出典は示されていません）。その出典：`;
  return `Of what was quoted, only ${named.map((n) => `“${n}”`).join(' and ')} carries a source (a footnote); the rest is the report's own view, with no source given. That source:`;
}

/** The source of what an earlier answer cited: its footnotes' references, or an honest "none given". */
export function answerSourceOf(ctx: AnswerContext, cited: Sentence[], lang: Lang): ChatAnswer {
  const options = { ...composeOptions(ctx, lang), keepOrder: true, sources: 'first' as const };
  const passages = [...new Map(cited.map((s) => [s.passage.id, s.passage])).values()];
  const references = referencesOf(ctx, passages, cited);
  if (references.length > 0) {
    const lead = sourcedLead(ctx, cited, lang);
    return compose(references, { ...options, ...(lead ? { lead } : {}) });
  }
  const lead = lang === 'ja' ? 'この記述には出典（脚注）が示されていません。' : 'The report gives no source (footnote) for this.';
  const answer = compose(cited.slice(0, 2), { ...options, status: 'not_stated', lead });
  return { ...answer, status: 'not_stated', grounded: false };
}
