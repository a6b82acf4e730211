/** The document model and the data that flows through the pipeline. Web APIs only. */

export type Lang = 'ja' | 'en';

/** One footnote of the report, whole: its text joined across lines, its URLs rejoined. */
export interface Footnote {
  n: number;
  text: string;
  urls: string[];
  page: number;
}

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

export interface Report {
  title: string;
  pages: number;
  sections: Section[];
  blocks: Block[];
  footnotes: Footnote[];
}

export type PassageKind = 'body' | 'footnote' | 'figure';

/** The unit of retrieval. */
export interface Passage {
  /** Stable across re-ingest of the same text (derived from position and content). */
  id: string;
  kind: PassageKind;
  text: string;
  /** Section path joined with ' › ' for display. */
  section: string;
  page: number;
  /** Footnote numbers whose markers this passage contains (for a footnote passage: its own number). */
  footnotes: number[];
  /** Position in reading order (0-based), used for neighbours and document-order answers. */
  order: number;
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
}

export interface Answer {
  answer: string;
  grounded: boolean;
  lang: Lang;
  citations: Citation[];
  footnotes: Footnote[];
}
