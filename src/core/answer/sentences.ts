/**
 * The report as sentences, the unit answers are read from: each passage's sentences in reading
 * order, with their footnotes, readable text, English rendering (when the English edition has
 * one) and tokens in both languages. Overlapping passages share sentences; a sentence is kept
 * once, with the first passage that holds it. Web APIs only.
 */
import { renderingOf, type Edition } from '../ingest/edition';
import { splitSentences } from '../ingest/sentences';
import { tokenize } from '../search/tokenize';
import type { Passage } from '../types';
import { withoutReferences } from './answer-types';
import { displayText } from './display';

export interface Sentence {
  /** Position in reading order over the whole report (footnotes after the body). */
  order: number;
  /** The report's own text (what a citation quotes). */
  ja: string;
  /** The same with the PDF's spacing artefacts removed. */
  display: string;
  en?: string;
  passage: Passage;
  /** Index of the sentence within its passage. */
  index: number;
  /** It opens a paragraph (where a report states its point, more often than not). */
  lead: boolean;
  footnotes: number[];
  tokens: ReadonlySet<string>;
  enTokens: ReadonlySet<string>;
  /** The same, with parenthesised references (a source's name and date) set aside. */
  plain: { ja: string; en?: string; tokens: ReadonlySet<string>; enTokens: ReadonlySet<string> };
  /**
   * The sentence whose topic it continues: the one before, when a demonstrative at its start
   * points back to it (これは…, This…); for a footnote, the sentence whose marker cites it.
   */
  antecedent?: Sentence;
}

/** A sentence that opens by pointing back (これは, こうした, This, Such) continues the one before. */
const POINTS_BACK = /^(?:これ|それ|この(?!ほか)|その(?!ほか|他)|こうした|そうした|このため|そのため|同様に|this|these|that|those|such|it)(?![a-z])/i;

/** A sentence whose topic points back into its paragraph (…を踏まえると、この目標は…): it reads only after what it points to. */
export const TOPIC_POINTS_BACK = /(?:^|、)(?:この|その|これらの|それらの)(?!ほか|他|ため)[^、。「」]{1,10}は/;

/** A question the report asks itself (…だろうか。) frames what follows; it makes no point of its own. */
export const ASKS_ITSELF = /(?:だろうか|でしょうか|のか)[。？?]$|\?$/;

/** A sentence that announces what follows (具体的には以下のような…が想定される, as follows): what it says is in the sentences after it. */
export const ANNOUNCES = /(?:以下|次|下記)の(?:ような|とおり|通り)?[^。]*。$|\b(?:the following|as follows)\b/i;

/** A sentence that opens with an additive connective (このほか, 他方, In addition) moves on to a new point. */
export const OPENS_NEW_POINT = /^(?:このほか|そのほか|その他|他方|一方で?、|また、|さらに|加えて|besides|in addition|moreover|furthermore|meanwhile|on the other hand|also,)/i;

/** Sentence spans of a passage's text, line by line (a passage joins paragraphs with newlines). */
export function passageSentenceSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    for (const s of splitSentences(line)) spans.push({ start: offset + s.start, end: offset + s.end });
    offset += line.length + 1;
  }
  return spans;
}

function plainOf(ja: string, en: string | undefined): Sentence['plain'] {
  const plainJa = withoutReferences(ja.normalize('NFKC'));
  const plainEn = en === undefined ? undefined : withoutReferences(en.normalize('NFKC'));
  return { ja: plainJa, ...(plainEn !== undefined ? { en: plainEn } : {}), tokens: new Set(tokenize(plainJa)), enTokens: new Set(plainEn ? tokenize(plainEn) : []) };
}

export class SentenceIndex {
  readonly all: Sentence[] = [];
  private readonly byPassage = new Map<string, Sentence[]>();
  private readonly passageTokens = new Map<string, { tokens: ReadonlySet<string>; enTokens: ReadonlySet<string> }>();
  private readonly byText = new Map<string, Sentence>();

  constructor(passages: readonly Passage[], edition?: Edition) {
    const ordered = [...passages].sort((a, b) => a.order - b.order);
    for (const p of ordered) {
      const list: Sentence[] = [];
      passageSentenceSpans(p.text).forEach((span, index) => {
        const ja = p.text.slice(span.start, span.end);
        // Neighbouring body passages overlap by a sentence; a footnote's sentence is its own.
        const key = `${p.kind === 'footnote' ? p.id : 'body'}\u0000${ja}`;
        const seen = this.byText.get(key);
        if (seen) {
          list.push(seen);
          return;
        }
        const footnotes = p.kind === 'footnote' ? [...p.footnotes] : (p.markers ?? []).filter((m) => m.at > span.start && m.at <= span.end).map((m) => m.n);
        const en = renderingOf(edition, ja);
        const sentence: Sentence = {
          order: this.all.length,
          ja,
          display: displayText(ja),
          ...(en ? { en } : {}),
          passage: p,
          index,
          lead: (p.paragraphs ?? []).includes(span.start),
          footnotes: [...new Set(footnotes)],
          tokens: new Set(tokenize(ja)),
          enTokens: new Set(en ? tokenize(en) : []),
          plain: plainOf(ja, en),
        };
        const before = this.all.at(-1);
        if (before && before.passage.kind === p.kind && (p.kind !== 'footnote' || before.passage.id === p.id) && POINTS_BACK.test(ja.trim())) sentence.antecedent = before;
        this.all.push(sentence);
        this.byText.set(key, sentence);
        list.push(sentence);
      });
      this.byPassage.set(p.id, list);
    }
    for (const s of this.all) {
      if (s.passage.kind !== 'footnote') continue;
      const n = s.passage.footnotes[0];
      const claim = this.all.find((c) => c.passage.kind === 'body' && n !== undefined && c.footnotes.includes(n));
      if (claim && !s.antecedent) s.antecedent = claim;
    }
  }

  of(passage: Passage): Sentence[] {
    return this.byPassage.get(passage.id) ?? [];
  }

  /** All tokens of a passage's sentences and its section title, in both languages: fixed, so made once. */
  tokensOf(passage: Passage): { tokens: ReadonlySet<string>; enTokens: ReadonlySet<string> } {
    let t = this.passageTokens.get(passage.id);
    if (!t) {
      const sentences = this.of(passage);
      t = { tokens: new Set([...sentences.flatMap((s) => [...s.tokens]), ...tokenize(passage.section)]), enTokens: new Set(sentences.flatMap((s) => [...s.enTokens])) };
      this.passageTokens.set(passage.id, t);
    }
    return t;
  }

  /** The English rendering of a passage, when every sentence of it has one. */
  english(passage: Passage): string | undefined {
    const sentences = this.of(passage);
    if (sentences.length === 0 || sentences.some((s) => !s.en)) return undefined;
    return sentences.map((s) => s.en).join(' ');
  }

  /** The sentences that follow `sentence` in reading order, within the body or within its footnote. */
  after(sentence: Sentence, count: number): Sentence[] {
    const out: Sentence[] = [];
    for (let i = sentence.order + 1; i < this.all.length && out.length < count; i++) {
      const next = this.all[i]!;
      if ((next.passage.kind === 'footnote') !== (sentence.passage.kind === 'footnote')) break;
      if (next.passage.kind === 'footnote' && next.passage.id !== sentence.passage.id) break;
      out.push(next);
    }
    return out;
  }
}
