/** Shapes core objects into the JSON the API promises. */
import type { Library } from '../core/library';
import type { ReportMetadata } from '../core/ingest/metadata';
import { ALL_REPORTS, type ReportEntry } from '../core/reports';
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

/** Starter questions offered for the whole library: a chapter question from each of its first reports. */
const LIBRARY_STARTERS = 4;

/** What /api/report serves for `report=*`: the library introduced as one. */
export function libraryInfo(entries: readonly ReportEntry[]): ReportInfo {
  const publishers = [...new Set(entries.map((e) => e.metadata.publisher).filter(Boolean))];
  const publishersEn = [...new Set(entries.map((e) => e.metadata.publisherEn).filter((p): p is string => !!p))];
  const starters = (lang: 'ja' | 'en') => [...new Set(entries.slice(0, LIBRARY_STARTERS).flatMap((e) => e.metadata.suggestions[lang].slice(1, 2)))];
  return {
    id: ALL_REPORTS,
    title: `ライブラリ全体（${entries.length}件のレポート）`,
    titleEn: `The whole library (${entries.length} reports)`,
    publisher: publishers.length === 1 ? publishers[0]! : '',
    ...(publishersEn.length === 1 ? { publisherEn: publishersEn[0]! } : {}),
    suggestions: { ja: starters('ja'), en: starters('en') },
  };
}

/** ReportInfo (what a host passes for a single report) as the metadata a library keeps. */
export const metadataOf = (info: ReportInfo): ReportMetadata => ({
  language: 'ja',
  title: info.title,
  ...(info.titleEn ? { titleEn: info.titleEn } : {}),
  publisher: info.publisher,
  ...(info.publisherEn ? { publisherEn: info.publisherEn } : {}),
  ...(info.published ? { published: info.published } : {}),
  suggestions: info.suggestions,
});
