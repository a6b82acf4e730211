/**
 * A report's metadata: how to present it (title, publisher, date, starter questions). An
 * optional metadata.json beside the report gives any of it; what it leaves out is derived from
 * the report itself — its header, its chapters — and from its English edition when there is one.
 */
import { z } from 'zod';
import type { Edition } from './edition';
import { renderingOf } from './edition';
import type { Report } from '../types';

const suggestionsSchema = z.object({ ja: z.array(z.string().min(1)).max(8).optional(), en: z.array(z.string().min(1)).max(8).optional() });

/** metadata.json: every field optional. */
export const metadataFileSchema = z
  .object({
    /** The report's file name inside the corpus folder; needed only when it holds more than one report file. */
    file: z.string().regex(/^[\w.-]+\.(?:txt|md)$/, 'file must be a plain .txt or .md file name inside the corpus folder').optional(),
    /** The report's language; without it, detected from the report's text. */
    language: z.enum(['ja', 'en']).optional(),
    title: z.string().min(1).optional(),
    titleEn: z.string().min(1).optional(),
    publisher: z.string().min(1).optional(),
    publisherEn: z.string().min(1).optional(),
    published: z.string().optional(),
    description: z.string().optional(),
    suggestions: suggestionsSchema.optional(),
  })
  .strict();
export type MetadataFile = z.infer<typeof metadataFileSchema>;

export const reportMetadataSchema = z.object({
  language: z.enum(['ja', 'en']),
  title: z.string().min(1),
  titleEn: z.string().optional(),
  publisher: z.string(),
  publisherEn: z.string().optional(),
  published: z.string().optional(),
  description: z.string().optional(),
  suggestions: z.object({ ja: z.array(z.string()), en: z.array(z.string()) }),
});
export type ReportMetadata = z.infer<typeof reportMetadataSchema>;

/** The chapter titles without their numbers (`3――中国経済…` → `中国経済…`). */
export const chapterTitles = (report: Report) =>
  report.sections.filter((s) => s.level === 1).map((s) => s.title.replace(/^\d{1,2}(?:[―—]{2}|[｜|])\s*/, '').trim());

const englishTitle = (edition: Edition | undefined, ja: string) => renderingOf(edition, ja)?.replace(/^\d{1,2}\s*[.|:)]\s*/, '').trim();

/** Starter questions from the report's structure: its conclusion, then what its middle chapters discuss. */
function defaultSuggestions(report: Report, edition: Edition | undefined): { ja: string[]; en: string[] } {
  const chapters = report.sections.filter((s) => s.level === 1);
  const middle = chapters.slice(1, -1).length ? chapters.slice(1, -1) : chapters;
  const ja = ['このレポートの結論は？', ...middle.slice(0, 2).map((s) => `「${s.title.replace(/^\d{1,2}(?:[―—]{2}|[｜|])\s*/, '')}」について教えて`)];
  const en = ['What are the main points of the report?'];
  for (const s of middle.slice(0, 2)) {
    const title = englishTitle(edition, s.title) ?? (report.lang === 'en' ? s.title : undefined);
    if (title) en.push(`What does the report say about ${title.replace(/[.?!]$/, '')}?`);
  }
  if (en.length === 1) en.push('What does the report conclude?');
  return { ja, en };
}

/** metadata.json (when given) over what the report and its edition say of themselves. */
export function resolveMetadata(given: MetadataFile, report: Report, edition?: Edition): ReportMetadata {
  const derived = defaultSuggestions(report, edition);
  const header = report.header;
  const titleEn = given.titleEn ?? edition?.title;
  const publisherEn = given.publisherEn ?? edition?.publisher;
  const published = given.published ?? header?.date;
  return {
    language: given.language ?? report.lang ?? 'ja',
    title: given.title ?? report.title,
    ...(titleEn ? { titleEn } : {}),
    publisher: given.publisher ?? header?.publisher ?? '',
    ...(publisherEn ? { publisherEn } : {}),
    ...(published ? { published } : {}),
    ...(given.description ? { description: given.description } : {}),
    suggestions: { ja: given.suggestions?.ja ?? derived.ja, en: given.suggestions?.en ?? derived.en },
  };
}
