/**
 * The offline embedder: character n-gram feature hashing. No model, no network, identical
 * output on every runtime, so an index built on one machine is valid on any other. Japanese is
 * represented by character 2- and 3-grams (robust to the absence of spaces and to differing
 * word boundaries); Latin text by whole words plus character 3-grams (robust to inflection).
 * Web APIs only.
 */
import type { EmbedKind, Embedder } from '../ports';
import { ENGLISH_STOP_WORDS, isCjkChar, normalize, stem } from './tokenize';

const DEFAULT_DIMENSIONS = 384;
/** Latin character trigrams are many per word; they refine rather than dominate word matches. */
const LATIN_TRIGRAM_WEIGHT = 0.5;
const LATIN_TRIGRAM = 'l3:';
/** N-grams of hiragana alone are inflection and particles (されたか, どのよう): shared by any two texts. */
const HIRAGANA_ONLY = /^[\p{Script=Hiragana}ー]+$/u;

export function createHashEmbedder(options: { dimensions?: number } = {}): Embedder {
  const dimensions = options.dimensions ?? DEFAULT_DIMENSIONS;
  if (!Number.isInteger(dimensions) || dimensions < 8) {
    throw new Error(`Hash embedder dimensions must be an integer ≥ 8, got ${dimensions}`);
  }
  return {
    id: `hash-ngram-v2-${dimensions}`,
    dimensions,
    capabilities: { crossLingual: false },
    // Query and passage are embedded alike: the features are symmetric by construction.
    embed(texts: string[], _kind: EmbedKind): Promise<Float32Array[]> {
      return Promise.resolve(texts.map((text) => embedText(text, dimensions)));
    },
  };
}

/** One text → an L2-normalised vector (all zeros for a text without features). */
export function embedText(text: string, dimensions: number): Float32Array {
  const counts = new Map<string, number>();
  const add = (feature: string): void => {
    counts.set(feature, (counts.get(feature) ?? 0) + 1);
  };
  for (const piece of splitScripts(normalize(text))) {
    if (piece.cjk) addCjkGrams(piece.text, add);
    else addLatinFeatures(piece.text, add);
  }

  const vector = new Float32Array(dimensions);
  for (const [feature, count] of counts) {
    const hash = fnv1a(feature);
    const slot = hash % dimensions;
    // The sign comes from other hash bits than the slot, so colliding features tend to cancel.
    const sign = mix(hash) & 1 ? -1 : 1;
    const weight = feature.startsWith(LATIN_TRIGRAM) ? LATIN_TRIGRAM_WEIGHT : 1;
    // Sublinear term frequency: a repeated n-gram matters, but not linearly.
    vector[slot]! += sign * weight * (1 + Math.log(count));
  }
  let norm = 0;
  for (let i = 0; i < dimensions; i++) norm += vector[i]! * vector[i]!;
  if (norm > 0) {
    const scale = 1 / Math.sqrt(norm);
    for (let i = 0; i < dimensions; i++) vector[i]! *= scale;
  }
  return vector;
}

/** Splits text into runs of CJK/kana characters and runs of everything else. */
function splitScripts(text: string): { cjk: boolean; text: string }[] {
  const pieces: { cjk: boolean; text: string }[] = [];
  let current = '';
  let currentCjk = false;
  for (const ch of text) {
    const cjk = isCjkChar(ch);
    if (current !== '' && cjk !== currentCjk) {
      pieces.push({ cjk: currentCjk, text: current });
      current = '';
    }
    current += ch;
    currentCjk = cjk;
  }
  if (current !== '') pieces.push({ cjk: currentCjk, text: current });
  return pieces;
}

/** Character 2- and 3-grams of one CJK run; a one-character run is its own feature. */
function addCjkGrams(run: string, add: (feature: string) => void): void {
  const chars = [...run];
  if (chars.length === 1) {
    add(`j1:${chars[0]!}`);
    return;
  }
  for (let i = 0; i + 1 < chars.length; i++) {
    const bigram = chars[i]! + chars[i + 1]!;
    if (!HIRAGANA_ONLY.test(bigram)) add(`j2:${bigram}`);
    if (i + 2 < chars.length) {
      const trigram = bigram + chars[i + 2]!;
      if (!HIRAGANA_ONLY.test(trigram)) add(`j3:${trigram}`);
    }
  }
}

/** Whole (stemmed) content words and boundary-marked character trigrams of each Latin word or number. */
function addLatinFeatures(text: string, add: (feature: string) => void): void {
  for (const word of text.match(/[\p{L}\p{N}]+(?:[.'’][\p{L}\p{N}]+)*/gu) ?? []) {
    if (ENGLISH_STOP_WORDS.has(word)) continue;
    add(`w:${stem(word)}`);
    const marked = `#${word}#`;
    for (let i = 0; i + 3 <= marked.length; i++) add(`${LATIN_TRIGRAM}${marked.slice(i, i + 3)}`);
  }
}

/** 32-bit FNV-1a over UTF-16 code units: fixed, fast, and the same in every JavaScript runtime. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** MurmurHash3's finaliser: spreads the bits so the sign is independent of the slot. */
function mix(hash: number): number {
  let h = hash;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
