/** Shapes core objects into the JSON the API promises. */
import type { Library } from '../core/library';
import type { ReportMetadata } from '../core/ingest/metadata';
import type { Footnote, Hit, Passage } from '../core/types';
import type { ReportInfo } from './schemas';

export const footnoteJson = (f: Footnote) => ({ n: f.n, text: f.text, urls: f.urls });

/** A passage's English rendering, when the engine has an English edition. */
type English = (p: Passage) => string | undefined;
const withTranslation = (p: Passage, english?: English) => {
  const translation = english?.(p);
  return translation ? { translation } : {};
};

export const hitJson = (h: Hit, library: Library, english?: English) => ({
  id: h.passage.id,
  text: h.passage.text,
  ...withTranslation(h.passage, english),
  score: Math.round(h.score * 1e4) / 1e4,
  section: h.passage.section,
  page: h.passage.page,
  footnotes: library.footnotesOf(h.passage.footnotes).map(footnoteJson),
});

export const passageJson = (p: Passage, library: Library, english?: English) => ({
  id: p.id,
  kind: p.kind,
  text: p.text,
  ...withTranslation(p, english),
  section: p.section,
  page: p.page,
  footnotes: library.footnotesOf(p.footnotes).map(footnoteJson),
  ...library.neighbours(p.id),
});

/** What /api/report serves: how a widget introduces the report. */
export const reportInfo = (m: ReportMetadata): ReportInfo => ({
  title: m.title,
  language: m.language,
  ...(m.titleEn ? { titleEn: m.titleEn } : {}),
  publisher: m.publisher,
  ...(m.publisherEn ? { publisherEn: m.publisherEn } : {}),
  ...(m.published ? { published: m.published } : {}),
  suggestions: m.suggestions,
});
