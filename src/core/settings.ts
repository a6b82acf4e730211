/**
 * Every tunable default in one place: how many passages each step reads, request limits,
 * timeouts. Runtimes read their environment through `sharedSettingsSchema`, so the Node server
 * and the Worker accept the same variables with the same defaults.
 */
import { z } from 'zod';

export const defaults = {
  /** Candidates each retriever list (lexical, dense) contributes to fusion. */
  retrievalPool: 40,
  /** Reciprocal rank fusion constant: with ~60 passages the classic 60 flattens ranks until no list leads. */
  rrfK: 3,
  /** Passages a chat answer is read from. */
  chatPassages: 6,
  /** Passages given to a language model. */
  generatorPassages: 5,
  /** Recent questions whose retrieval candidates are kept. */
  candidateCacheEntries: 256,
  /** Longest question and history message accepted, in characters. */
  maxQuestionChars: 2000,
  maxHistoryMessages: 20,
  maxHistoryMessageChars: 8000,
  /** Largest request body accepted, in bytes. */
  maxBodyBytes: 64 * 1024,
  /** Budget for one generated answer, retry included. */
  llmTimeoutMs: 20_000,
  /** Answers a language model may be writing at once; past it, chat requests get 503 with Retry-After. */
  maxConcurrentGenerations: 32,
  /** Most characters of a generated answer read; a longer one is cut at a sentence end (a few sentences are a few hundred). */
  maxAnswerChars: 4000,
  /** How long `EMBEDDER=auto` waits for the transformer model before falling back. */
  modelTimeoutMs: 20_000,
  rateLimitPerMinute: 60,
  rateLimitBurst: 20,
} as const;

/** Variables both runtimes read (Node from process.env, the Worker from its [vars]). */
export const sharedSettingsSchema = z.object({
  /** Comma-separated origins allowed to call the API from browsers; "*" allows any. */
  ALLOWED_ORIGINS: z.string().default('*'),
  MAX_BODY_BYTES: z.coerce.number().int().positive().default(defaults.maxBodyBytes),
  LLM_TIMEOUT_MS: z.coerce.number().int().positive().default(defaults.llmTimeoutMs),
});
