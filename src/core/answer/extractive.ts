/**
 * Hits → an extractive answer: the report's own sentences that best cover the question, in
 * document order, each followed by its [n] citation; or an honest "not in the report".
 */
import type { Bm25Index, WeightedTerm } from '../search/bm25';
import type { ChatAnswer } from '../engine';
import type { Lexicon } from '../search/lexicon';
import type { Library } from '../library';
import { SOURCE_WORDS, type QueryAnalysis } from './question';
import { splitSentences } from '../ingest/sentences';
import { tokenize } from '../search/tokenize';
import type { Citation, Hit, Lang, Passage } from '../types';

export interface AnswerOptions {
  /** Least idf-weighted share of the query terms the best passage must contain to answer. */
  minCoverage: number;
  /** Passages sentences may come from. */
  maxPassages: number;
  maxSentences: number;
}

/** minCoverage sits between the dev set's off-topic questions (≤ 0.22) and its answerable ones (≥ 0.35). */
export const defaultAnswerOptions: AnswerOptions = { minCoverage: 0.3, maxPassages: 3, maxSentences: 4 };

const sourceTokens = new Set(SOURCE_WORDS.flatMap((w) => tokenize(w)));

const HIRAGANA = /[\u3040-\u309f]/;
const LATIN = /^[a-z0-9.]+$/;
/** Tokens holding kana particles are mostly grammar, not topic: they count for less. */
const GRAMMAR_FACTOR = 0.3;

/**
 * Query-term weights times idf, so rare words (names, topics) count more than common ones. A
 * content word the report never uses gets the highest idf: a question about something absent is
 * mostly absent. Unseen grammar fragments and English words the lexicon translated do not count.
 */
export function weightedTerms(terms: WeightedTerm[], deps: { bm25: Bm25Index; lexicon?: Lexicon }, documents: number, ignore?: ReadonlySet<string>): Map<string, number> {
  const unseen = Math.log(1 + (documents + 0.5) / 0.5);
  const out = new Map<string, number>();
  for (const t of terms) {
    if (ignore?.has(t.term)) continue;
    const grammar = HIRAGANA.test(t.term);
    let w: number;
    if (deps.bm25.docFrequency(t.term) > 0) w = deps.bm25.idf(t.term) * (grammar ? GRAMMAR_FACTOR : 1);
    else if (grammar || (LATIN.test(t.term) && deps.lexicon?.entries.has(t.term))) continue;
    else w = unseen;
    out.set(t.term, (out.get(t.term) ?? 0) + t.weight * w);
  }
  return out;
}

/** Share of the weighted query that occurs among `tokens`. */
export function coverage(weights: Map<string, number>, tokens: Set<string>): number {
  let total = 0;
  let found = 0;
  for (const [term, w] of weights) {
    total += w;
    if (tokens.has(term)) found += w;
  }
  return total === 0 ? 0 : found / total;
}

/** Per-passage work that does not depend on the question, done once per passage. */
interface PassageTokens {
  all: Set<string>;
  sentences: { text: string; tokens: Set<string> }[];
}
const tokenCache = new WeakMap<Passage, PassageTokens>();

function passageTokens(p: Passage): PassageTokens {
  let t = tokenCache.get(p);
  if (!t) {
    const sentences = splitSentences(p.text).map((s) => p.text.slice(s.start, s.end));
    t = { all: new Set(tokenize(`${p.text} ${p.section}`)), sentences: sentences.map((text) => ({ text, tokens: new Set(tokenize(text)) })) };
    tokenCache.set(p, t);
  }
  return t;
}

interface Candidate {
  passage: Passage;
  rank: number;
  index: number;
  text: string;
  score: number;
}

const footnoteLabel = (n: number, lang: Lang) => (lang === 'ja' ? `脚注${n}` : `Footnote ${n}`);

export function notInReport(lang: Lang, hits: Hit[]): ChatAnswer {
  const suggestions = [...new Set(hits.filter((h) => h.passage.kind !== 'footnote').map((h) => h.passage.section).filter(Boolean))].slice(0, 3);
  const answer =
    lang === 'ja'
      ? 'このレポートには、この質問に答える記述が見当たりません。' + (suggestions.length ? `近い話題の節：${suggestions.join('、')}` : '')
      : 'The report does not answer this question.' + (suggestions.length ? ` Nearest sections: ${suggestions.join('; ')}` : '');
  return { answer, status: 'not_in_report', grounded: false, lang, citations: [], footnotes: [], suggestions, generator: 'extractive' };
}

export interface ComposeInput {
  analysis: QueryAnalysis;
  hits: Hit[];
  /** The weighted terms retrieval searched with. */
  terms: WeightedTerm[];
  library: Library;
  bm25: Bm25Index;
  lexicon?: Lexicon;
  lang: Lang;
  options?: AnswerOptions;
}

export function composeAnswer(input: ComposeInput): ChatAnswer {
  const { analysis, hits, terms, library, lang } = input;
  const options = input.options ?? defaultAnswerOptions;
  const deps = input;
  const named = analysis.footnoteNumbers.map((n) => library.footnote(n)).filter((f) => f !== undefined);
  if (analysis.footnoteNumbers.length > 0 && named.length === 0) {
    const max = library.footnotes.length;
    const answer = lang === 'ja' ? `このレポートの脚注は1〜${max}です。` : `The report's footnotes are numbered 1–${max}.`;
    return { answer, status: 'not_in_report', grounded: false, lang, citations: [], footnotes: [], generator: 'extractive' };
  }
  const weights = weightedTerms(terms, deps, library.passages.length, analysis.wantsSource ? sourceTokens : undefined);
  const top = hits.slice(0, options.maxPassages);
  const best = Math.max(0, ...top.map((h) => coverage(weights, passageTokens(h.passage).all)));
  if (named.length === 0 && best < options.minCoverage) return notInReport(lang, hits);

  const candidates: Candidate[] = [];
  top.forEach((hit, rank) => {
    passageTokens(hit.passage).sentences.forEach(({ text, tokens }, index) => {
      const c = coverage(weights, tokens);
      candidates.push({ passage: hit.passage, rank, index, text, score: c * (1 - rank * 0.1) });
    });
  });
  candidates.sort((a, b) => b.score - a.score);
  const first = candidates[0];
  const chosen = first ? candidates.filter((c) => c.score >= first.score * 0.6 && c.score > 0).slice(0, options.maxSentences) : [];
  if (analysis.wantsSource) {
    // A source question is answered by the footnotes of the passages that make the claim: cite
    // each top passage (its best sentence), so their footnotes are listed.
    for (const hit of top) {
      if (chosen.some((c) => c.passage.id === hit.passage.id)) continue;
      const best = candidates.find((c) => c.passage.id === hit.passage.id && c.score > 0);
      if (best) chosen.push(best);
    }
  }
  if (named.length > 0) {
    // A footnote question is answered by the footnote itself, then the claim that cites it.
    const own: Candidate[] = [];
    for (const f of named) {
      const fn = library.passage(`fn-${f.n}`);
      if (fn) own.push({ passage: fn, rank: -1, index: 0, text: fn.text, score: 1 });
      const citing = library.citingPassage(f.n);
      const claim = citing && candidates.find((c) => c.passage.id === citing.id && c.score > 0);
      if (claim) own.push(claim);
    }
    return render(own, lang, library);
  }
  return render(chosen, lang, library);
}

function render(picked: Candidate[], lang: Lang, library: Library): ChatAnswer {
  // Overlapping passages share a sentence; say it once.
  const chosen = picked.filter((c, i) => picked.findIndex((d) => d.text === c.text) === i);
  const footnotesFirst = (c: Candidate) => (c.passage.kind === 'footnote' && c.rank < 0 ? -1 : 0);
  chosen.sort((a, b) => footnotesFirst(a) - footnotesFirst(b) || a.passage.order - b.passage.order || a.index - b.index);
  const refs = new Map<string, number>();
  const citations: Citation[] = [];
  const parts: string[] = [];
  for (const c of chosen) {
    let ref = refs.get(c.passage.id);
    if (ref === undefined) {
      ref = citations.length + 1;
      refs.set(c.passage.id, ref);
      const p = c.passage;
      citations.push({ ref, id: p.id, text: p.text, section: p.section, page: p.page, footnotes: p.footnotes, quote: '' });
    }
    const labelled = c.passage.kind === 'footnote' && !parts.some((_, i) => chosen[i]!.passage.id === c.passage.id);
    const label = labelled ? `${footnoteLabel(c.passage.footnotes[0] ?? 0, lang)}${lang === 'ja' ? '：' : ': '}` : '';
    const cited = citations[ref - 1]!;
    cited.quote = cited.quote ? `${cited.quote}${c.text.trim()}` : c.text.trim();
    parts.push(`${label}${c.text.trim()}[${ref}]`);
  }
  const footnotes = library.footnotesOf(citations.flatMap((c) => c.footnotes));
  const body = lang === 'ja' ? parts.join('') : parts.join(' ');
  const answer = lang === 'en' ? `The report says (quoted in Japanese): ${body}` : body;
  const grounded = citations.length > 0;
  return { answer, status: grounded ? 'answered' : 'not_in_report', grounded, lang, citations, footnotes, generator: 'extractive' };
}
