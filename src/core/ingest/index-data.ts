/**
 * The serialised index: what ingest writes and what every runtime loads. Validated with zod on
 * load, so a truncated or hand-edited file is reported clearly instead of failing later.
 */
import { z } from 'zod';

export const INDEX_FORMAT = 1;

export const footnoteSchema = z.object({
  n: z.number().int().positive(),
  text: z.string(),
  urls: z.array(z.string()),
  page: z.number().int().positive(),
});

export const passageSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  kind: z.enum(['body', 'footnote', 'figure']),
  text: z.string().min(1),
  section: z.string(),
  page: z.number().int().positive(),
  footnotes: z.array(z.number().int().positive()),
  order: z.number().int().nonnegative(),
});

export const manifestSchema = z.object({
  format: z.literal(INDEX_FORMAT),
  title: z.string(),
  corpusFile: z.string(),
  corpusSha256: z.string().regex(/^[0-9a-f]{64}$/),
  embedder: z.object({ id: z.string().min(1), dimensions: z.number().int().positive() }),
  counts: z.object({ passages: z.number().int().nonnegative(), footnotes: z.number().int().nonnegative() }),
  builtAt: z.string(),
  buildMs: z.number().nonnegative(),
});

/** Passages, footnotes and the lexical index: everything but the vectors. */
export const corpusDataSchema = z.object({
  passages: z.array(passageSchema),
  footnotes: z.array(footnoteSchema),
  bm25: z.unknown(),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type CorpusData = z.infer<typeof corpusDataSchema>;
