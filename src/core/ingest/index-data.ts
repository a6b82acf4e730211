/**
 * The serialised index: what ingest writes and what every runtime loads (the Node server from
 * data/index, the Worker from its bundled snapshot). Validated with zod on load, so a truncated
 * or hand-edited file is reported clearly instead of failing later.
 */
import { z } from 'zod';
import { Bm25Index } from '../search/bm25';
import type { Lexicon } from '../search/lexicon';
import { lexiconFromJson } from '../search/lexicon-files';
import { noSynonyms, synonymsFromJson, type Synonyms } from '../search/synonyms';
import { footnoteSchema, passageSchema } from '../types';
import type { Edition } from './edition';
import { reportMetadataSchema } from './metadata';

/** Bumped when what an index stores, or how its text is tokenised, changes: an index of another format is rebuilt. */
export const INDEX_FORMAT = 11;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const manifestSchema = z.object({
  format: z.literal(INDEX_FORMAT),
  title: z.string(),
  corpusFile: z.string(),
  corpusSha256: sha256,
  /** What the index was built from (report, metadata, glossary, edition, dictionary), by content: any change rebuilds it. */
  sourcesSha256: sha256,
  embedder: z.object({ id: z.string().min(1), dimensions: z.number().int().positive() }),
  counts: z.object({ passages: z.number().int().nonnegative(), footnotes: z.number().int().nonnegative() }),
  builtAt: z.string(),
  buildMs: z.number().nonnegative(),
});

const editionDataSchema = z.object({
  title: z.string(),
  publisher: z.string(),
  notice: z.string(),
  /** Unit key (see edition.ts) → English rendering. */
  renderings: z.record(z.string(), z.string()),
});

const sectionSchema = z.object({ title: z.string(), level: z.union([z.literal(1), z.literal(2)]), page: z.number().int().positive() });

/** Everything but the vectors. */
export const corpusDataSchema = z.object({
  passages: z.array(passageSchema),
  footnotes: z.array(footnoteSchema),
  /** The report's outline, for answers drawn from its structure. */
  sections: z.array(sectionSchema),
  metadata: reportMetadataSchema,
  /** Bm25Index.toJSON() over the Japanese passages. */
  bm25: z.unknown(),
  /** The English → Japanese lexicon reduced to this report (see deriveLexicon). */
  lexicon: z.unknown(),
  /** Synonyms reduced to this report (see search/synonyms.ts), when ingest had the resources. */
  synonyms: z.unknown().optional(),
  edition: editionDataSchema.optional(),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type CorpusData = z.infer<typeof corpusDataSchema>;
export type EditionData = z.infer<typeof editionDataSchema>;

export const editionToData = (e: Edition): EditionData => ({ title: e.title, publisher: e.publisher, notice: e.notice, renderings: Object.fromEntries(e.renderings) });
export const editionFromData = (d: EditionData): Edition => ({ title: d.title, publisher: d.publisher, notice: d.notice, renderings: new Map(Object.entries(d.renderings)) });

/** The searchable parts of stored data; throws with what is damaged. */
export function openCorpusData(data: CorpusData): { title: string; bm25: Bm25Index; lexicon: Lexicon; synonyms: Synonyms; edition?: Edition } {
  const bm25 = Bm25Index.fromJSON(data.bm25);
  const lexicon = lexiconFromJson(data.lexicon);
  const synonyms = data.synonyms === undefined ? noSynonyms : synonymsFromJson(data.synonyms);
  return { title: data.metadata.title, bm25, lexicon, synonyms, ...(data.edition ? { edition: editionFromData(data.edition) } : {}) };
}
