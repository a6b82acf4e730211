/**
 * The document model and the data that flows through the pipeline. What the index stores is
 * defined once, as zod schemas (checked when an index is loaded), and its types inferred from them.
 * Web APIs only.
 */
import { z } from 'zod';

export type Lang = 'ja' | 'en';

/** One footnote of the report, whole: its text joined across lines, its URLs rejoined. */
export const footnoteSchema = z.object({
  n: z.number().int().positive(),
  text: z.string(),
  urls: z.array(z.string()),
  page: z.number().int().positive(),
});
export type Footnote = z.infer<typeof footnoteSchema>;

export type BlockKind = 'heading' | 'paragraph' | 'figure';

/**
 * One block of body text after stitching: a paragraph joined across page breaks and
 * footnote interruptions, a heading, or a figure caption. Footnote markers are removed
 * from `text`; `footnoteRefs` lists the footnotes whose markers stood in it.
 */
export interface Block {
  kind: BlockKind;
  text: string;
  /** Page on which the block starts (1-based). */
  page: number;
  /** Section path, e.g. ['3――中国経済にもたらす機会と脅威', '1｜産業高度化や「自立自強」の追い風に']. */
  section: string[];
  footnoteRefs: number[];
  /** Offsets in `text` where each footnote marker stood, in the same order as markers appear. */
  markers: { n: number; at: number }[];
}

export interface Section {
  title: string;
  level: 1 | 2;
  page: number;
}

/** What a report's first page says of it before the first chapter, when the text has such a header. */
export interface ReportHeader {
  title?: string;
  subtitle?: string;
  author?: string;
  /** As printed, e.g. 2025-02-21. */
  date?: string;
  /** The report series, e.g. 基礎研究レポート. */
  series?: string;
  publisher?: string;
}

export interface Report {
  title: string;
  /** The language the report is written in (see ingest/report-lang.ts); absent means Japanese. */
  lang?: Lang;
  header?: ReportHeader;
  pages: number;
  sections: Section[];
  blocks: Block[];
  footnotes: Footnote[];
}

export const PASSAGE_KINDS = ['body', 'footnote', 'figure'] as const;
export type PassageKind = (typeof PASSAGE_KINDS)[number];

/** The unit of retrieval. */
export const passageSchema = z.object({
  /** Stable across re-ingest of the same text (derived from position and content). */
  id: z.string().regex(/^[a-z0-9-]+$/),
  kind: z.enum(PASSAGE_KINDS),
  /** The report's own words. */
  text: z.string().min(1),
  /** Section path joined with ' › ' for display. */
  section: z.string(),
  page: z.number().int().positive(),
  /** Footnote numbers whose markers this passage contains (for a footnote passage: its own number). */
  footnotes: z.array(z.number().int().positive()),
  /** Position in reading order (0-based), used for neighbours and document-order answers. */
  order: z.number().int().nonnegative(),
  /** Where each footnote marker stood in `text` (offsets), so a sentence knows its own footnotes. */
  markers: z.array(z.object({ n: z.number().int().positive(), at: z.number().int().nonnegative() })).optional(),
  /** Offsets in `text` where a paragraph of the report begins. */
  paragraphs: z.array(z.number().int().nonnegative()).optional(),
});
export type Passage = z.infer<typeof passageSchema>;

/** One earlier turn of a conversation; an assistant turn may name the passages it cited. */
export interface Turn {
  role: 'user' | 'assistant';
  content: string;
  citations?: string[];
}

export interface Hit {
  passage: Passage;
  score: number;
}

export interface Citation {
  ref: number;
  id: string;
  text: string;
  section: string;
  page: number;
  footnotes: number[];
  /** The exact original sentence(s) of the passage that the answer used. */
  quote: string;
  /** The English edition's rendering of `quote` (English answers, when the edition has it). */
  translation?: string;
}

/**
 * `answered`: the report answers it. `not_stated`: the report discusses the topic but does not
 * give what was asked (a date, a figure, a name). `not_in_report`: the report does not discuss it.
 */
export const ANSWER_STATUSES = ['answered', 'not_stated', 'not_in_report'] as const;
export type AnswerStatus = (typeof ANSWER_STATUSES)[number];

export interface Answer {
  answer: string;
  status: AnswerStatus;
  /** True only when status is `answered`. */
  grounded: boolean;
  lang: Lang;
  citations: Citation[];
  footnotes: Footnote[];
}

export interface ChatInput {
  question: string;
  history: Turn[];
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
