/** The only seams between the runtime-agnostic core and a runtime (Node or Workers). */
import type { Lang } from './types';

export type EmbedKind = 'query' | 'passage';

/** What an embedder can do, so callers decide by capability rather than by its name. */
export interface EmbedderCapabilities {
  /**
   * Places a question and a passage in different languages near each other (a multilingual
   * model). A character n-gram embedder cannot: its vectors only match text in the same script.
   */
  crossLingual: boolean;
}

/** Turns texts into unit-length vectors. `id` names the model (recorded in the index). */
export interface Embedder {
  readonly id: string;
  readonly dimensions: number;
  readonly capabilities: EmbedderCapabilities;
  embed(texts: string[], kind: EmbedKind): Promise<Float32Array[]>;
}

export interface VectorMatch {
  id: string;
  score: number;
}

/** Nearest passages to a query vector, best first. */
export interface VectorSearch {
  query(vector: Float32Array, k: number): Promise<VectorMatch[]>;
}

export interface GenerationRequest {
  question: string;
  lang: Lang;
  /** Retrieved passages, numbered from 1 in the prompt. */
  passages: { ref: number; text: string; section: string; page: number }[];
  history: { role: 'user' | 'assistant'; content: string }[];
  signal?: AbortSignal;
}

/** Produces answer text as a stream of deltas. */
export interface Generator {
  readonly id: string;
  generate(request: GenerationRequest): AsyncIterable<string>;
}
