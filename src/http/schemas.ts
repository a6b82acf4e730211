/**
 * The HTTP contract as zod schemas. Request types are inferred from them; responses are
 * described with them for /openapi.json. The widget imports the inferred types only.
 */
import { z } from 'zod';
import { defaults } from '../core/settings';
import { ANSWER_STATUSES, PASSAGE_KINDS } from '../core/types';

export const MAX_QUESTION_CHARS = defaults.maxQuestionChars;
export const MAX_HISTORY = defaults.maxHistoryMessages;
const MAX_HISTORY_CHARS = defaults.maxHistoryMessageChars;

const lang = z.enum(['ja', 'en']);

/** A report id (GET /api/reports lists them); `*` in search and chat means the whole library. */
const MAX_REPORT_PARAM = 256;
export const reportParam = z.string().max(MAX_REPORT_PARAM, `report must be at most ${MAX_REPORT_PARAM} characters`).optional();

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
  /** Languages the report can be read in: its own, and English when an English edition is loaded. */
  editions: z.array(lang),
  /** How many reports the library serves, and the languages each can be read in. */
  reports: z.number().int(),
  editionsByReport: z.record(z.string(), z.array(lang)),
});

export const reportSummaryOut = z.object({
  id: z.string(),
  title: z.string(),
  titleEn: z.string().optional(),
  publisher: z.string().optional(),
  published: z.string().optional(),
  editions: z.array(lang),
  passages: z.number().int(),
  footnotes: z.number().int(),
});
export const reportsOut = z.object({ reports: z.array(reportSummaryOut) });

export const reportOut = z.object({
  /** The report's id; `*` for the whole library. */
  id: z.string().optional(),
  title: z.string(),
  /** The language the report is written in (absent from older servers: Japanese). */
  language: lang.optional(),
  titleEn: z.string().optional(),
  publisher: z.string(),
  publisherEn: z.string().optional(),
  published: z.string().optional(),
  /** Starter questions a widget offers, per language. */
  suggestions: z.object({ ja: z.array(z.string()), en: z.array(z.string()) }),
  /** What a client must stay within: a chat request body larger than this gets 413. */
  limits: z.object({ maxBodyBytes: z.number().int().positive() }).optional(),
});

export const searchQuery = z.object({
  q: z.string().trim().min(1, 'q must not be empty').max(MAX_QUESTION_CHARS, `q must be at most ${MAX_QUESTION_CHARS} characters`),
  k: z.coerce.number().int('k must be a whole number').min(1, 'k must be at least 1').max(20, 'k must be at most 20').default(5),
  report: reportParam,
});

export const searchResult = z.object({
  id: z.string(),
  /** The report the passage is from (library-wide search, `report=*`). */
  report: z.string().optional(),
  text: z.string(),
  /** The English edition's rendering of `text` (an English rendering, not the publisher's). */
  translation: z.string().optional(),
  score: z.number(),
  section: z.string(),
  page: z.number().int(),
  footnotes: z.array(footnoteOut),
});
export const searchOut = z.object({ results: z.array(searchResult) });

export const historyMessage = z.object({
  role: z.enum(['user', 'assistant']),
  content: z.string().max(MAX_HISTORY_CHARS, `history messages must be at most ${MAX_HISTORY_CHARS} characters`),
  /**
   * Passage ids the assistant turn cited, so a follow-up resolves against what the reader saw: each
   * an id, or a citation as /api/chat returned it (its `id` is read, the rest ignored).
   */
  citations: z
    .array(z.union([z.string().max(64), z.object({ id: z.string().max(64) }).transform((c) => c.id)], { error: 'a citation must be a passage id or a citation object with an id' }))
    .max(20, 'a history message may carry at most 20 citations')
    .optional(),
});

export const chatIn = z.object({
  question: z
    .string()
    .trim()
    .min(1, 'question must not be empty')
    .max(MAX_QUESTION_CHARS, `question must be at most ${MAX_QUESTION_CHARS} characters`),
  history: z.array(historyMessage).max(MAX_HISTORY, `history may hold at most ${MAX_HISTORY} messages`).optional(),
  lang: lang.optional(),
  /** The report asked (an id from GET /api/reports), `*` for the whole library; omitted, the default report. */
  report: reportParam,
});

export const citationOut = z.object({
  ref: z.number().int(),
  id: z.string(),
  /** The report the cited passage is from (library-wide answers, `report: "*"`). */
  report: z.string().optional(),
  text: z.string(),
  section: z.string(),
  page: z.number().int(),
  footnotes: z.array(z.number().int()),
  /** The exact original sentence(s) of the passage that the answer used. */
  quote: z.string(),
  /** The English edition's rendering of `quote` (English answers). */
  translation: z.string().optional(),
});

/** What `grounded` promises, in the OpenAPI description and the README alike. */
export const GROUNDED_PROMISE =
  'true only when status is "answered" and every sentence of `answer` is backed by the passages it cites: an extractive answer quotes them; ' +
  'in a generated answer every sentence shown passed the number check (each number it states is in a passage it cites) and the support check ' +
  "(at least half of its content terms and every name it states are found in those passages, for an English sentence in the English edition's rendering). " +
  'Generated sentences that failed either check were removed from `answer` and are named in `warnings`. ' +
  'false for not_stated and not_in_report, and for a generated English answer whose passages have no English rendering (only its names and numbers could be compared). ' +
  'The checks compare terms and values, not meaning: a sentence that recombines the passages\' own words wrongly can still pass.';

export const chatOut = z.object({
  answer: z.string(),
  status: z.enum(ANSWER_STATUSES),
  grounded: z.boolean().describe(GROUNDED_PROMISE),
  lang,
  citations: z.array(citationOut),
  footnotes: z.array(footnoteOut),
  suggestions: z.array(z.string()).optional(),
  generator: z.string().optional(),
  warnings: z.array(z.string()).optional(),
  /** The report a library-wide answer (`report: "*"`) came from. */
  report: z.string().optional(),
});

export const footnotesOut = z.object({ footnotes: z.array(footnoteOut) });

export const passageOut = z.object({
  id: z.string(),
  kind: z.enum(PASSAGE_KINDS),
  text: z.string(),
  translation: z.string().optional(),
  section: z.string(),
  page: z.number().int(),
  footnotes: z.array(footnoteOut),
  prev: z.string().nullable(),
  next: z.string().nullable(),
});

export const errorOut = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export type ReportInfo = z.infer<typeof reportOut>;
export type ChatRequest = z.infer<typeof chatIn>;
export type ChatResponse = z.infer<typeof chatOut>;
export type Citation = z.infer<typeof citationOut>;
export type FootnoteOut = z.infer<typeof footnoteOut>;
export type SearchResponse = z.infer<typeof searchOut>;
export type PassageResponse = z.infer<typeof passageOut>;
export type ReportsResponse = z.infer<typeof reportsOut>;
export type HealthResponse = z.infer<typeof healthOut>;
export type ErrorResponse = z.infer<typeof errorOut>;
