/**
 * The HTTP contract as zod schemas. Request types are inferred from them; responses are
 * described with them for /openapi.json. The widget imports the inferred types only.
 */
import { z } from 'zod';

export const MAX_QUESTION_CHARS = 2000;
export const MAX_HISTORY = 20;

const lang = z.enum(['ja', 'en']);

export const footnoteOut = z.object({
  n: z.number().int(),
  text: z.string(),
  urls: z.array(z.string()),
});

export const healthOut = z.object({
  status: z.literal('ok'),
  passages: z.number().int(),
  footnotes: z.number().int(),
  embedder: z.string(),
  retrieval: z.enum(['hybrid', 'lexical']),
});

export const searchQuery = z.object({
  q: z.string().trim().min(1, 'q must not be empty').max(MAX_QUESTION_CHARS, `q must be at most ${MAX_QUESTION_CHARS} characters`),
  k: z.coerce.number().int('k must be a whole number').min(1, 'k must be at least 1').max(20, 'k must be at most 20').default(5),
});

export const searchResult = z.object({
  id: z.string(),
  text: z.string(),
  score: z.number(),
  section: z.string(),
  page: z.number().int(),
  footnotes: z.array(footnoteOut),
});
export const searchOut = z.object({ results: z.array(searchResult) });

export const historyMessage = z.object({
  role: z.enum(['user', 'assistant']),
  content: z.string().max(8000, 'history messages must be at most 8000 characters'),
});

export const chatIn = z.object({
  question: z
    .string()
    .trim()
    .min(1, 'question must not be empty')
    .max(MAX_QUESTION_CHARS, `question must be at most ${MAX_QUESTION_CHARS} characters`),
  history: z.array(historyMessage).max(MAX_HISTORY, `history may hold at most ${MAX_HISTORY} messages`).optional(),
  lang: lang.optional(),
});

export const citationOut = z.object({
  ref: z.number().int(),
  id: z.string(),
  text: z.string(),
  section: z.string(),
  page: z.number().int(),
  footnotes: z.array(z.number().int()),
});

export const chatOut = z.object({
  answer: z.string(),
  grounded: z.boolean(),
  lang,
  citations: z.array(citationOut),
  footnotes: z.array(footnoteOut),
  suggestions: z.array(z.string()).optional(),
  generator: z.string().optional(),
  warnings: z.array(z.string()).optional(),
});

export const footnotesOut = z.object({ footnotes: z.array(footnoteOut) });

export const passageOut = z.object({
  id: z.string(),
  kind: z.enum(['body', 'footnote', 'figure']),
  text: z.string(),
  section: z.string(),
  page: z.number().int(),
  footnotes: z.array(footnoteOut),
  prev: z.string().nullable(),
  next: z.string().nullable(),
});

export const errorOut = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export type ChatRequest = z.infer<typeof chatIn>;
export type ChatResponse = z.infer<typeof chatOut>;
export type Citation = z.infer<typeof citationOut>;
export type FootnoteOut = z.infer<typeof footnoteOut>;
export type SearchResponse = z.infer<typeof searchOut>;
export type PassageResponse = z.infer<typeof passageOut>;
export type HealthResponse = z.infer<typeof healthOut>;
export type ErrorResponse = z.infer<typeof errorOut>;
