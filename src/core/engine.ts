/** What the HTTP layer needs from the question-answering pipeline, whatever runtime hosts it. */
import type { Library } from './library';
import type { Answer, Hit, Lang } from './types';

export interface ChatInput {
  question: string;
  history: { role: 'user' | 'assistant'; content: string }[];
  lang?: Lang;
}

/** A chat answer plus what the UI may show around it. */
export interface ChatAnswer extends Answer {
  /** Nearest sections, offered when the report does not answer the question. */
  suggestions?: string[];
  /** `extractive`, or the id of the generator that wrote the text. */
  generator?: string;
  warnings?: string[];
}

/** A streamed answer: metadata (citations) first, then text deltas, then the whole answer. */
export type ChatEvent =
  | { type: 'meta'; answer: Omit<ChatAnswer, 'answer'> }
  | { type: 'delta'; text: string }
  | { type: 'done'; answer: ChatAnswer };

export interface EngineInfo {
  embedder: string;
  retrieval: 'hybrid' | 'lexical';
}

export interface QaEngine {
  readonly library: Library;
  readonly info: EngineInfo;
  search(query: string, k: number): Promise<Hit[]>;
  chat(input: ChatInput, signal?: AbortSignal): AsyncIterable<ChatEvent>;
}

/** Runs a chat stream to its end and returns the final answer. */
export async function collectAnswer(events: AsyncIterable<ChatEvent>): Promise<ChatAnswer> {
  let last: ChatAnswer | undefined;
  for await (const e of events) if (e.type === 'done') last = e.answer;
  if (!last) throw new Error('chat stream ended without an answer');
  return last;
}
