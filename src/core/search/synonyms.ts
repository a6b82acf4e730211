/**
 * Paraphrase tolerance: words a reader may use for the report's own words, reduced at ingest from
 * general resources (Sudachi's synonym dictionary for Japanese, WordNet for English) to what this
 * report says, and applied to questions at a discount, so a synonym helps but never outweighs the
 * reader's own words. Web APIs only.
 */
import type { WeightedTerm } from './bm25';
import { tokenize } from './tokenize';

export interface Synonyms {
  /** A Japanese word the report does not use → the report's words for it. */
  ja: ReadonlyMap<string, readonly string[]>;
  /** An English stem the English edition does not use → the edition's stems for it. */
  en: ReadonlyMap<string, readonly string[]>;
  /** An English stem the edition uses → the edition's other forms of it (China ↔ Chinese; see place-adjectives.ts). */
  enRelated?: ReadonlyMap<string, readonly string[]>;
}

export interface SynonymsJson {
  source: string;
  ja: Record<string, string[]>;
  en: Record<string, string[]>;
  enRelated?: Record<string, string[]>;
}

/** A synonym stands in for a word the report never uses, a little below the reader's own words. */
export const SYNONYM_WEIGHT = 0.8;
/** Another form of the reader's own word (Chinese beside China) joins it at half weight: the word itself still leads. */
export const RELATED_WEIGHT = 0.5;

export const noSynonyms: Synonyms = { ja: new Map(), en: new Map() };

export function synonymsToJson(s: Synonyms, source: string): SynonymsJson {
  const plain = (m: ReadonlyMap<string, readonly string[]>) => Object.fromEntries([...m].map(([k, v]) => [k, [...v]]));
  return { source, ja: plain(s.ja), en: plain(s.en), ...(s.enRelated ? { enRelated: plain(s.enRelated) } : {}) };
}

export function synonymsFromJson(json: unknown): Synonyms {
  const data = json as Partial<SynonymsJson> | null;
  const map = (o: unknown, what: string) => {
    if (typeof o !== 'object' || o === null || Array.isArray(o)) throw new Error(`the stored synonyms are damaged: ${what} is not an object`);
    return new Map(Object.entries(o as Record<string, unknown>).map(([k, v]) => {
      if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw new Error(`the stored synonyms are damaged: ${what}.${k}`);
      return [k, v as string[]];
    }));
  };
  return { ja: map(data?.ja, 'ja'), en: map(data?.en, 'en'), ...(data?.enRelated !== undefined ? { enRelated: map(data.enRelated, 'enRelated') } : {}) };
}

/**
 * Japanese question text → its words the report does not use replaced by the report's words for
 * them: the replacement terms (discounted) and the question with those words blanked out, so
 * they neither match by accident nor count as absent.
 */
export function japaneseSynonymTerms(question: string, synonyms: Synonyms): { terms: WeightedTerm[]; rest: string } {
  let rest = question.normalize('NFKC');
  const terms: WeightedTerm[] = [];
  // Longer words first, so 生成系AI is read before AI.
  const found = [...synonyms.ja.keys()].filter((w) => rest.includes(w)).sort((a, b) => b.length - a.length);
  for (const word of found) {
    if (!rest.includes(word)) continue;
    const replacements = synonyms.ja.get(word)!;
    const share = SYNONYM_WEIGHT / replacements.length;
    for (const r of replacements) for (const term of tokenize(r)) terms.push({ term, weight: share });
    rest = rest.split(word).join('、');
  }
  return { terms, rest };
}

/** English stems of a question, each the edition does not use replaced by the edition's stems for it (discounted). */
export function englishSynonymTerms(stems: readonly string[], synonyms: Synonyms): WeightedTerm[] {
  const out: WeightedTerm[] = [];
  for (const s of stems) {
    const replacements = synonyms.en.get(s);
    if (!replacements) {
      out.push({ term: s, weight: 1 });
      for (const r of synonyms.enRelated?.get(s) ?? []) out.push({ term: r, weight: RELATED_WEIGHT });
      continue;
    }
    for (const r of replacements) out.push({ term: r, weight: SYNONYM_WEIGHT / replacements.length });
  }
  return out;
}
