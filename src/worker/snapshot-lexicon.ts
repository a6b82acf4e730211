/**
 * The English → Japanese lexicon as the snapshot carries it: already parsed, its phrase keys
 * computed by `parseLexicon` at build time. Parsing the raw dictionary normalises and stems
 * every one of its thousands of phrases — the largest part of a cold start — while rebuilding
 * the map from ready keys is a single pass, so the Worker's first request stays cheap.
 */
import { AppError } from '../core/errors';
import type { Lexicon } from '../core/search/lexicon';

export interface LexiconJson {
  source: string;
  licence: string;
  attribution: string;
  /** Phrase key (as `lexiconKey` computes it) → Japanese terms, best first. */
  entries: Record<string, string[]>;
}

export function lexiconToJson(lexicon: Lexicon): LexiconJson {
  return {
    source: lexicon.source,
    licence: lexicon.licence,
    attribution: lexicon.attribution,
    entries: Object.fromEntries([...lexicon.entries].map(([key, terms]) => [key, [...terms]])),
  };
}

const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';

/** Rebuilds the lexicon, checking the shape cheaply (the build validated the content). */
export function lexiconFromJson(json: unknown): Lexicon {
  const fail = (why: string): never => {
    throw new AppError('corrupt_index', `the snapshot's lexicon is damaged: ${why}`);
  };
  const data = (typeof json === 'object' && json !== null ? json : fail('not an object')) as Record<string, unknown>;
  const { source, licence, attribution, entries } = data;
  if (!isText(source) || !isText(licence) || !isText(attribution)) return fail('source, licence and attribution must be non-empty strings');
  if (typeof entries !== 'object' || entries === null || Array.isArray(entries)) return fail('entries must be an object');
  const map = new Map<string, readonly string[]>();
  for (const [key, terms] of Object.entries(entries)) {
    if (!Array.isArray(terms) || terms.length === 0 || !terms.every(isText)) fail(`entry "${key}" must be a non-empty list of terms`);
    map.set(key, terms as string[]);
  }
  if (map.size === 0) fail('no entries');
  return { source, licence, attribution, entries: map };
}
