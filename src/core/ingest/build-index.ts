/**
 * Ingest, the runtime-agnostic half: report text (with its optional metadata, glossary and
 * English edition) → parsed report, passages, lexical index, reduced lexicon, vectors.
 */
import { Bm25Index } from '../search/bm25';
import type { Lexicon } from '../search/lexicon';
import { deriveLexicon, lexiconToJson } from '../search/lexicon-files';
import { reduceSudachi, type SudachiGroup } from '../search/sudachi-synonyms';
import { synonymsToJson, type Synonyms } from '../search/synonyms';
import { tokenize } from '../search/tokenize';
import { reduceWordNet, type WordNetFiles } from '../search/wordnet-synonyms';
import { placeAdjectives } from '../search/place-adjectives';
import type { Embedder } from '../ports';
import type { Passage, Report } from '../types';
import { chunkReport } from './chunk';
import { missingUnits, type Edition } from './edition';
import { editionToData, type CorpusData } from './index-data';
import { resolveMetadata, type MetadataFile } from './metadata';
import { parseReportText, type ReportFormat } from './parse-report-text';
import { AppError } from '../errors';

/** General resources reduced at ingest to what one report needs. */
export interface LanguageResources {
  sudachi: readonly SudachiGroup[];
  wordnet: WordNetFiles;
  /** Names and versions, recorded with the index. */
  version: string;
}

export interface IngestInputs {
  text: string;
  /** How `text` is written: the publisher's .txt layout (the default) or Markdown. */
  format?: ReportFormat;
  /** The report's file name, named in errors and warnings. */
  file?: string;
  metadata?: MetadataFile;
  /** The report's domain glossary: English phrase key → Japanese terms. */
  glossary?: ReadonlyMap<string, readonly string[]>;
  edition?: Edition;
  /** The general English → Japanese dictionary, reduced here to the report's words. */
  dictionary: Lexicon;
  /** Synonym resources; without them, questions are matched by their own words only. */
  resources?: LanguageResources;
}

export interface BuiltIndex {
  report: Report;
  passages: Passage[];
  bm25: Bm25Index;
  /** What the runtimes load (all but the vectors). */
  data: CorpusData;
  /** One vector per passage, in passage order. */
  vectors: Float32Array[];
  /** Things worth telling the operator (e.g. sentences the English edition does not render). */
  warnings: string[];
}

/** The text a passage is embedded as: its section gives the vector context the words alone lack. */
export const embeddingText = (p: Passage) => (p.section ? `${p.section}\n${p.text}` : p.text);

export async function buildIndex(inputs: IngestInputs, embedder: Embedder, onProgress?: (done: number, total: number) => void, batchSize = 16): Promise<BuiltIndex> {
  const report = parseNamed(inputs);
  const passages = chunkReport(report);
  const bm25 = Bm25Index.build(passages.map((p) => ({ id: p.id, text: p.text, boostText: p.section })));
  const lexicon = deriveLexicon(inputs.dictionary, inputs.text, inputs.glossary);
  const synonyms = inputs.resources ? reduceSynonyms(inputs.resources, inputs.text, inputs.edition, lexicon) : undefined;
  const warnings: string[] = (report.warnings ?? []).map((w) => `${inputs.file ?? 'the report'}: ${w.message}`);
  if (inputs.edition) {
    const missing = missingUnits(report, inputs.edition);
    if (missing.length) warnings.push(`the English edition does not render ${missing.length} sentence(s) of the report (run \`npm run translate\`); first: ${missing[0]!.ja.slice(0, 40)}…`);
  }
  const data: CorpusData = {
    passages,
    footnotes: report.footnotes,
    sections: report.sections,
    metadata: resolveMetadata(inputs.metadata ?? {}, report, inputs.edition),
    bm25: bm25.toJSON(),
    lexicon: lexiconToJson(lexicon),
    ...(synonyms ? { synonyms: synonymsToJson(synonyms, inputs.resources!.version) } : {}),
    ...(inputs.edition ? { edition: editionToData(inputs.edition) } : {}),
  };
  const vectors: Float32Array[] = [];
  for (let i = 0; i < passages.length; i += batchSize) {
    vectors.push(...(await embedder.embed(passages.slice(i, i + batchSize).map(embeddingText), 'passage')));
    onProgress?.(Math.min(i + batchSize, passages.length), passages.length);
  }
  return { report, passages, bm25, data, vectors, warnings };
}

/** The parsed report; a parse error names the file it came from. */
function parseNamed(inputs: IngestInputs) {
  try {
    return parseReportText(inputs.text, inputs.format);
  } catch (err) {
    if (err instanceof AppError && inputs.file) throw new AppError(err.code, `${inputs.file}: ${err.message}`);
    throw err;
  }
}

/** Lower-case English words of the edition (and of the report's own Latin text). */
function englishVocabulary(text: string, edition?: Edition): Set<string> {
  const words = new Set<string>();
  const all = [text, ...(edition ? edition.renderings.values() : [])].join(' ').toLowerCase();
  for (const [w] of all.matchAll(/[a-z][a-z'-]*[a-z]/g)) words.add(w.replace(/'s$/, ''));
  return words;
}

/** The synonym maps for one report; Sudachi's English entries also join the lexicon where it has none. */
function reduceSynonyms(resources: LanguageResources, text: string, edition: Edition | undefined, lexicon: Lexicon): Synonyms {
  const sudachi = reduceSudachi(resources.sudachi, text);
  const entries = lexicon.entries as Map<string, readonly string[]>;
  for (const [key, terms] of sudachi.en) if (!entries.has(key) && terms.some((t) => tokenize(t).length > 0)) entries.set(key, terms);
  const vocabulary = englishVocabulary(text, edition);
  return { ja: sudachi.ja, en: reduceWordNet(resources.wordnet, vocabulary), enRelated: placeAdjectives(resources.wordnet, vocabulary) };
}
