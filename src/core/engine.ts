/**
 * The serving engine: analyse the question → retrieve passages → answer, streamed as events.
 * `createEngine` assembles it from an index that ingest built (see ingest/build-index.ts) and
 * whatever the runtime provides (an embedder and vector search, a generator). The HTTP layer
 * and the scripts only see `QaEngine`.
 */
import { answerQuestion, explainQuestion, searchPassages, type Answered, type Explanation } from './answer/answer-question';
import { reportVocabulary, type AnswerContext } from './answer/context';
import { generateAnswer } from './answer/generate';
import { GenerationSlots } from './answer/generation-slots';
import { analyseQuery } from './answer/question';
import { SentenceIndex } from './answer/sentences';
import { Bm25Index } from './search/bm25';
import type { Lexicon } from './search/lexicon';
import type { Synonyms } from './search/synonyms';
import { renderingOf, type Edition } from './ingest/edition';
import { Library } from './library';
import type { Embedder, Generator, VectorSearch } from './ports';
import { Retriever } from './search/retrieve';
import { leadingTokens } from './search/tokenize';
import { katakanaWords, latinNames } from './search/transliterate';
import { defaults } from './settings';
import { defaultReaderModel } from './answer/reader-model';
import type { ReaderModel } from './answer/model';
import { detectLang, tokenize } from './search/tokenize';

/** Characters of a report read to tell its language. */
const REPORT_LANG_SAMPLE = 20_000;
import type { ChatAnswer, ChatEvent, ChatInput, Footnote, Hit, Lang, Passage, Turn } from './types';

export type { ChatAnswer, ChatEvent, ChatInput } from './types';

export interface EngineInfo {
  embedder: string;
  retrieval: 'hybrid' | 'lexical';
  /** Languages the report can be read in. */
  editions: Lang[];
}

export interface QaEngine {
  readonly library: Library;
  readonly info: EngineInfo;
  /** The English edition's rendering of a passage, when it has one. */
  english(passage: Passage): string | undefined;
  /** Passages for a query; `history` lets a follow-up be read with the turn it follows. */
  search(query: string, k: number, history?: Turn[]): Promise<Hit[]>;
  chat(input: ChatInput, signal?: AbortSignal): AsyncIterable<ChatEvent>;
  /** How a question is read as a fact question: its features and the reader's decision. */
  explain(question: string, history?: Turn[]): Promise<Explanation>;
}

/** What an engine is made of: the built index, plus what the runtime can run. */
export interface EngineParts {
  passages: Passage[];
  footnotes: Footnote[];
  /** The report's title: what it is about, where a sentence leaves its subject unsaid. */
  title?: string;
  bm25: Bm25Index;
  lexicon: Lexicon;
  synonyms?: Synonyms;
  /** The English edition: English retrieval and answers, when the report has one. */
  edition?: Edition;
  /** Dense retrieval: both or neither. The embedder must be the one the vectors were built with. */
  embedder?: Embedder;
  vectors?: VectorSearch;
  /** Reported by /health; defaults to the embedder's id (a lexical-only engine names the index's embedder here). */
  embedderId?: string;
  /** Writes answers from the retrieved passages; omitted, answers are extractive. */
  generator?: Generator;
  /** The learned reader; omitted, the committed weights. */
  reader?: ReaderModel;
  /** Answers the generator may be writing at once (default defaults.maxConcurrentGenerations); past it, chat throws OverloadedError. */
  maxConcurrentGenerations?: number;
  /** Slots shared with other engines (a library's reports share one model): overrides maxConcurrentGenerations. */
  generationSlots?: GenerationSlots;
}

/** Longest request (question and history, as a cache key) whose result is remembered. */
const CACHE_KEY_CHARS = 4000;

/**
 * A small least-recently-used memo for results that depend only on the request and the index.
 * Keys longer than CACHE_KEY_CHARS are never kept, and a failed result is forgotten.
 */
function remember<T>(cache: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  if (key.length > CACHE_KEY_CHARS) return make();
  let entry = cache.get(key);
  if (entry) cache.delete(key);
  else {
    entry = make();
    const pending = entry;
    entry.catch(() => cache.get(key) === pending && cache.delete(key));
    if (cache.size >= defaults.candidateCacheEntries) cache.delete(cache.keys().next().value!);
  }
  cache.set(key, entry);
  return entry;
}

/** Runs a chat stream to its end and returns the final answer. */
export async function collectAnswer(events: AsyncIterable<ChatEvent>): Promise<ChatAnswer> {
  let last: ChatAnswer | undefined;
  for await (const e of events) if (e.type === 'done') last = e.answer;
  if (!last) throw new Error('chat stream ended without an answer');
  return last;
}

/** Splits answer text into stream deltas at citation markers, so each delta ends on a whole claim. */
export function answerDeltas(text: string): string[] {
  return text.split(/(?<=\]\s?)/).filter(Boolean);
}

/**
 * How much the dense list counts. A monolingual embedder (character n-grams) only adds fuzzy
 * matching of Japanese wording — on the dev set a larger weight lowered MRR — and cannot match
 * an English question to Japanese text at all; a cross-lingual model adds meaning across
 * languages, so it weighs as much as the lexical list and serves both.
 */
function denseSettings(embedder: Embedder): { denseWeight: number; denseLangs: Lang[] } {
  return embedder.capabilities.crossLingual ? { denseWeight: 1, denseLangs: ['ja', 'en'] } : { denseWeight: 0.2, denseLangs: ['ja'] };
}

export function createEngine(parts: EngineParts): QaEngine {
  const library = new Library(parts.passages, parts.footnotes);
  const { embedder, vectors, generator, bm25, lexicon, edition, synonyms } = parts;
  const sentences = new SentenceIndex(parts.passages, edition);
  // The English edition is searched like the report: BM25 over each passage's rendering.
  const bm25En = edition ? Bm25Index.build(parts.passages.map((p) => ({ id: p.id, text: sentences.english(p) ?? '', boostText: sentenceSection(p.section, edition) }))) : undefined;
  const dense = embedder && vectors ? { embedder, vectors, ...denseSettings(embedder) } : {};
  const vocabulary = reportVocabulary(sentences, parts.passages.map((p) => p.section));
  const text = parts.passages.map((p) => p.text).join('\n');
  const names = latinNames(text);
  // What language the report is written in is read from the report itself.
  const reportLang = detectLang(text.slice(0, REPORT_LANG_SAMPLE));
  const katakana = katakanaWords(text);
  const retriever = new Retriever({ library, bm25, lexicon, names, vocabulary, reportLang, katakana, ...(bm25En ? { bm25En } : {}), ...(synonyms ? { synonyms } : {}), ...dense });
  const ctx: AnswerContext = {
    library,
    titleTokens: new Set(tokenize(parts.title ?? '')),
    names,
    katakana,
    sentences,
    bm25,
    ...(bm25En ? { bm25En } : {}),
    ...(edition ? { edition } : {}),
    ...(synonyms ? { synonyms } : {}),
    lexicon,
    vocabulary,
    reportLang,
    reader: parts.reader ?? defaultReaderModel,
  };
  const info: EngineInfo = { embedder: parts.embedderId ?? embedder?.id ?? 'none', retrieval: retriever.dense ? 'hybrid' : 'lexical', editions: edition ? ['ja', 'en'] : ['ja'] };

  const searched = new Map<string, Promise<Hit[]>>();
  async function search(query: string, k: number, history: Turn[] = []): Promise<Hit[]> {
    const key = JSON.stringify([query, k, history.map((t) => [t.role, t.content])]);
    return remember(searched, key, () => searchPassages(ctx, retriever, analyseQuery(leadingTokens(query), history), k));
  }

  /**
   * Extractive answers of recent questions: the same question over the same index reads the same
   * (the widget's starter questions are asked again and again). Only short requests are kept, so
   * the cache stays small whatever clients send.
   */
  const answered = new Map<string, Promise<Answered>>();
  const read = (input: ChatInput, analysis: ReturnType<typeof analyseQuery>, lang: Lang): Promise<Answered> => {
    const key = JSON.stringify([input.question, lang, input.history.map((t) => [t.role, t.content, t.citations ?? []])]);
    return remember(answered, key, () => answerQuestion(ctx, retriever, analysis, lang));
  };

  const slots = generator ? (parts.generationSlots ?? new GenerationSlots(parts.maxConcurrentGenerations ?? defaults.maxConcurrentGenerations)) : undefined;

  /** With a model, a request takes a slot before any work: past the bound chat throws OverloadedError at once. */
  function chat(input: ChatInput, signal?: AbortSignal): AsyncIterable<ChatEvent> {
    return slots ? releasing(answer(input, signal), slots.acquire()) : answer(input, signal);
  }

  async function* answer(input: ChatInput, signal?: AbortSignal): AsyncIterable<ChatEvent> {
    // Read by its first MAX_QUERY_TOKENS tokens: what a question costs stays bounded, whatever it holds.
    const analysis = analyseQuery(leadingTokens(input.question), input.history);
    const lang = input.lang ?? analysis.lang;
    const { answer: result, hits } = await read(input, analysis, lang);
    if (signal?.aborted) return;
    // A question on the report's topics goes to the model, which may find the passages do not
    // answer it (mapped to not_stated); an off-topic one keeps "not in the report" and costs no call.
    if (generator && result.status !== 'not_in_report') {
      const { question, history } = input;
      const renderingOf = (id: string) => {
        const p = library.passage(id);
        return p ? sentences.english(p) : undefined;
      };
      yield* generateAnswer({ generator, library, question, lang, history, extractive: result, hits, wantsSource: analysis.wantsSource, maxPassages: defaults.generatorPassages, renderingOf, signal });
      return;
    }
    const { answer: text, ...meta } = result;
    yield { type: 'meta', answer: meta };
    for (const piece of answerDeltas(text)) {
      if (signal?.aborted) return;
      yield { type: 'delta', text: piece };
    }
    yield { type: 'done', answer: result };
  }

  const explain = (question: string, history: Turn[] = []) => explainQuestion(ctx, retriever, analyseQuery(question, history));
  return { library, info, english: (p) => sentences.english(p), search, chat, explain };
}

/** `events`, calling `release` once when they end, fail or are abandoned (return()). */
function releasing<T>(events: AsyncIterable<T>, release: () => void): AsyncIterable<T> {
  return {
    [Symbol.asyncIterator]() {
      const it = events[Symbol.asyncIterator]();
      return {
        async next() {
          try {
            const r = await it.next();
            if (r.done) release();
            return r;
          } catch (err) {
            release();
            throw err;
          }
        },
        async return(value?: unknown) {
          release();
          return (await it.return?.(value)) ?? { done: true as const, value: undefined };
        },
      };
    },
  };
}

/** A section path in English, for the English index's title boost. */
function sentenceSection(section: string, edition: Edition): string {
  return section
    .split(' › ')
    .map((part) => renderingOf(edition, part) ?? '')
    .join(' ');
}

/** The one start-up line both runtimes log: what is served and how answers are made. */
export function describeService(engine: QaEngine, generator: Generator | undefined, generatorHost?: string): string {
  const { library, info } = engine;
  const answers = generator ? `answers by ${generator.id}${generatorHost ? ` at ${generatorHost}` : ''}, checked against the report` : 'extractive answers (set an LLM for generated ones)';
  return `${library.passages.length} passages, ${library.footnotes.length} footnotes, editions ${info.editions.join('+')}, embedder ${info.embedder}, retrieval ${info.retrieval}, ${answers}`;
}
