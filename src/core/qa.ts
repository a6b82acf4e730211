/** The question-answering engine: analyse → retrieve → answer, streamed as events. */
import { composeAnswer, defaultAnswerOptions, type AnswerOptions } from './answer/extractive';
import type { Bm25Index } from './search/bm25';
import type { ChatAnswer, ChatEvent, ChatInput, EngineInfo, QaEngine } from './engine';
import { generateAnswer } from './answer/generate';
import type { Lexicon } from './search/lexicon';
import type { Library } from './library';
import type { Generator } from './ports';
import { analyseQuery } from './answer/question';
import type { Retriever } from './search/retrieve';
import type { Hit, Lang } from './types';

export interface QaEngineDeps {
  library: Library;
  bm25: Bm25Index;
  lexicon?: Lexicon;
  retriever: Retriever;
  embedderId: string;
  answerOptions?: Partial<AnswerOptions>;
  /** How many passages an answer may draw on. */
  chatPassages?: number;
  /** Writes answers from the retrieved passages; without it, answers are extractive. */
  generator?: Generator;
  /** Passages a generated answer is written from. */
  generatorPassages?: number;
}

/** Splits answer text into stream deltas at citation markers, so each delta ends on a whole claim. */
export function answerDeltas(text: string): string[] {
  return text.split(/(?<=\]\s?)/).filter(Boolean);
}

export function createQaEngine(deps: QaEngineDeps): QaEngine {
  const info: EngineInfo = { embedder: deps.embedderId, retrieval: deps.retriever.dense ? 'hybrid' : 'lexical' };
  const options = { ...defaultAnswerOptions, ...deps.answerOptions };

  async function search(query: string, k: number): Promise<Hit[]> {
    return (await deps.retriever.retrieve(query, analyseQuery(query), k)).hits;
  }

  async function answer(input: ChatInput): Promise<{ result: ChatAnswer; hits: Hit[]; wantsSource: boolean; lang: Lang }> {
    const analysis = analyseQuery(input.question, input.history);
    const lang = input.lang ?? analysis.lang;
    const { hits, terms } = await deps.retriever.retrieve(input.question, analysis, deps.chatPassages ?? 6);
    return { result: composeAnswer(input.question, analysis, hits, terms, deps, lang, options), hits, wantsSource: analysis.wantsSource, lang };
  }

  async function* chat(input: ChatInput, signal?: AbortSignal): AsyncIterable<ChatEvent> {
    const { result, hits, wantsSource, lang } = await answer(input);
    if (signal?.aborted) return;
    // Only a question the report answers goes to the generator: an off-topic one keeps the
    // extractive "not in the report" and costs no model call.
    if (deps.generator && result.grounded) {
      const { generator, library } = deps;
      const { question, history } = input;
      yield* generateAnswer({ generator, library, question, lang, history, extractive: result, hits, wantsSource, maxPassages: deps.generatorPassages, signal });
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

  return { library: deps.library, info, search, chat };
}
