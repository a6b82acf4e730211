/**
 * Retrieved hits + a Generator → a streamed, checked ChatAnswer. Called only for questions the
 * extractive path judged answerable; whenever the generated text cannot be used (endpoint down,
 * timed out, broke off, cited nothing), the extractive answer is returned with the reason.
 *
 * Streaming: deltas go out live as the model writes them (markers naming no given passage are
 * already removed), so a reader sees text within the model's first-token time rather than after
 * the whole answer. `meta` is sent with the first text and lists every passage given to the
 * model under its prompt number, so live [n] markers resolve. `done` carries the checked answer
 * and is authoritative: its citations are only the passages actually cited, and when the answer
 * fell back after text had streamed, its text replaces what was shown. If the generator fails
 * before writing anything, the stream is the extractive answer's (meta, delta, done) with the
 * warning, exactly as if no text had been generated.
 *
 * Caps: a model may ignore max_tokens or stream forever. Reading stops at `maxAnswerChars`
 * characters, and the generator's time budget (LLM_TIMEOUT_MS) ends a slow answer; either way
 * the text is cut at the end of its last complete sentence, checked like any answer, and carries
 * a warning saying it was cut. With no complete sentence the extractive answer is returned.
 */
import type { ChatAnswer, ChatEvent, ChatInput } from '../types';
import type { Library } from '../library';
import type { Generator } from '../ports';
import type { Citation, Hit, Lang, Passage } from '../types';
import { defaults } from '../settings';
import { completeSentences } from './answer-sentences';
import { GeneratorError } from './generator-retry';
import { createMarkerFilter } from './markers';
import { verifyAnswer, type PromptPassage } from './verify';

export interface GenerateAnswerInput {
  generator: Generator;
  question: string;
  lang: Lang;
  history: ChatInput['history'];
  /** The extractive answer (grounded): its passages lead the prompt, and it is the fallback. */
  extractive: ChatAnswer;
  hits: Hit[];
  library: Library;
  /** The question asks where a claim comes from: the footnotes behind the passages are given too. */
  wantsSource?: boolean;
  /** Passages given to the model, besides footnotes added for source questions. */
  maxPassages?: number;
  /** The English edition's rendering of a passage, where it has one: English sentences are checked against it. */
  renderingOf?: (passageId: string) => string | undefined;
  /** Most characters of generated text read (default defaults.maxAnswerChars). */
  maxAnswerChars?: number;
  signal?: AbortSignal;
}

/** Most footnote passages added for a source question. */
const MAX_SOURCE_FOOTNOTES = 3;

/**
 * The passages the model answers from: those the extractive answer quoted first (they passed the
 * coverage check), then the best remaining hits; for source questions, the footnotes they cite.
 */
export function generationPassages(extractive: ChatAnswer, hits: Hit[], library: Library, options: { max?: number; wantsSource?: boolean } = {}): Passage[] {
  const max = options.max ?? 5;
  const out: Passage[] = [];
  const add = (p: Passage | undefined) => {
    if (p && !out.some((q) => q.id === p.id)) out.push(p);
  };
  for (const c of extractive.citations) add(library.passage(c.id));
  for (const h of hits) if (out.length < max) add(h.passage);
  if (options.wantsSource) {
    const notes = [...new Set(out.flatMap((p) => (p.kind === 'footnote' ? [] : p.footnotes)))];
    for (const n of notes.slice(0, MAX_SOURCE_FOOTNOTES)) add(library.passage(`fn-${n}`));
  }
  return out;
}

const citationOf = ({ ref, passage: p }: PromptPassage): Citation => ({ ref, id: p.id, text: p.text, section: p.section, page: p.page, footnotes: p.footnotes, quote: p.text });

function withWarnings(answer: ChatAnswer, warnings: string[]): ChatAnswer {
  const all = [...(answer.warnings ?? []), ...warnings];
  return { ...answer, generator: 'extractive', ...(all.length ? { warnings: all } : {}) };
}

function* fallbackEvents(answer: ChatAnswer, streamed: boolean): Iterable<ChatEvent> {
  if (!streamed) {
    const { answer: text, ...meta } = answer;
    yield { type: 'meta', answer: meta };
    yield { type: 'delta', text };
  }
  yield { type: 'done', answer };
}

const reason = (err: unknown) => (err instanceof Error ? err.message : String(err));
/** What the endpoint said, when the generator kept it out of the reader-facing message. */
const detail = (err: unknown) => (typeof (err as { detail?: unknown })?.detail === 'string' ? ` (${(err as { detail: string }).detail})` : '');

/** Why the generated text was cut short, as a warning; undefined when it ended by itself. */
type Cut = { reason: string } | undefined;

const count = (n: number) => n.toLocaleString('en-US');

/** A reply that cites nothing and says the passages do not answer. */
const REFUSAL = /do(?:es)? not (?:answer|say|state|mention|give|contain)|(?:is|are) not (?:stated|mentioned|given|answered)|no information|書かれていません|記述がありません|記述は(?:見当たりません|ありません)|述べられていません|触れられていません|見当たりません/i;

/**
 * A model that says the passages do not answer is mapped to `not_stated`: its sentence first,
 * then what the report does say (the extractive reading, cited). Undefined for any other reply.
 */
export function refusal(text: string, extractive: ChatAnswer, lang: Lang, generatorId: string): ChatAnswer | undefined {
  const said = text.replace(/\[\d{1,3}\]/g, '').trim();
  if (!said || said.length > 400 || !REFUSAL.test(said)) return undefined;
  if (extractive.citations.length === 0) return { ...extractive, answer: said, status: extractive.status === 'answered' ? 'not_stated' : extractive.status, grounded: false, generator: generatorId };
  const related = extractive.status === 'not_stated' ? extractive.answer : `${lang === 'ja' ? '関連する記述：' : 'What it does say: '}${extractive.answer}`;
  return { ...extractive, answer: `${said}${lang === 'ja' ? '' : ' '}${related}`, status: 'not_stated', grounded: false, generator: generatorId };
}

export async function* generateAnswer(input: GenerateAnswerInput): AsyncIterable<ChatEvent> {
  const { generator, library, lang, signal } = input;
  const maxChars = input.maxAnswerChars ?? defaults.maxAnswerChars;
  const prompt: PromptPassage[] = generationPassages(input.extractive, input.hits, library, { max: input.maxPassages, wantsSource: input.wantsSource }).map((passage, i) => {
    const rendering = input.renderingOf?.(passage.id);
    return { ref: i + 1, passage, ...(rendering ? { rendering } : {}) };
  });
  const given = prompt.map(citationOf);
  const meta: Omit<ChatAnswer, 'answer'> = { status: 'answered', grounded: true, lang, citations: given, footnotes: library.footnotesOf(given.flatMap((c) => c.footnotes)), generator: generator.id };
  const filter = createMarkerFilter(new Set(prompt.map((p) => p.ref)));
  let raw = '';
  let streamed = false;
  let cut: Cut;
  try {
    const request = {
      question: input.question,
      lang,
      history: input.history,
      passages: prompt.map(({ ref, passage: p }) => ({ ref, text: p.text, section: p.section, page: p.page })),
      ...(signal ? { signal } : {}),
    };
    for await (const delta of generator.generate(request)) {
      if (signal?.aborted) return;
      const piece = raw.length + delta.length > maxChars ? delta.slice(0, maxChars - raw.length) : delta;
      raw += piece;
      const text = filter.push(piece);
      if (text) {
        if (!streamed) yield { type: 'meta', answer: meta };
        streamed = true;
        yield { type: 'delta', text };
      }
      // Leaving the loop stops the generator, which stops reading the endpoint's response.
      if (raw.length >= maxChars) {
        cut = { reason: `The generated answer was cut at ${count(maxChars)} characters` };
        break;
      }
    }
  } catch (err) {
    // The reader went away: nobody is waiting for an answer.
    if (signal?.aborted) return;
    if (err instanceof GeneratorError && err.timedOut && raw.trim()) {
      cut = { reason: `The generated answer was cut when time ran out (${err.message})` };
    } else {
      console.warn(`[report-chat] ${generator.id} failed: ${reason(err)}${detail(err)}`);
      yield* fallbackEvents(withWarnings(input.extractive, [`LLM unavailable: ${reason(err)}`]), streamed);
      return;
    }
  }
  if (signal?.aborted) return;
  const text = cut ? completeSentences(raw) : raw;
  const checked = verifyAnswer(text, prompt, { lang, generator: generator.id, footnotesOf: (ns) => library.footnotesOf(ns) });
  const warnings = cut ? [`${cut.reason}, at the end of its last complete sentence`, ...checked.warnings] : checked.warnings;
  if (!checked.answer) {
    // The model found the passages do not answer it: that is the answer, honestly labelled.
    const declined = refusal(text, input.extractive, lang, generator.id);
    yield* fallbackEvents(declined ?? withWarnings(input.extractive, warnings), streamed);
    return;
  }
  if (cut) {
    // What streamed may end mid-sentence: `done` carries the cut text, which replaces it.
    const answer = { ...checked.answer, warnings };
    if (!streamed) {
      yield { type: 'meta', answer: meta };
      yield { type: 'delta', text: answer.answer };
    }
    yield { type: 'done', answer };
    return;
  }
  const tail = filter.flush();
  if (tail) {
    if (!streamed) yield { type: 'meta', answer: meta };
    yield { type: 'delta', text: tail };
  }
  yield { type: 'done', answer: checked.answer };
}
