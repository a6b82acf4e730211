/** Report text in either format a corpus may hold → the parsed report. */
import { parseReport, type ParsedReport } from './parse';
import { parseMarkdownReport } from './parse-markdown';

/** `txt`: text extracted from the publisher's PDF layout; `md`: a Markdown report. */
export const REPORT_FORMATS = ['txt', 'md'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The format a report file's name says it is in, or undefined for any other file. */
export function reportFormatOf(fileName: string): ReportFormat | undefined {
  const ext = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  return REPORT_FORMATS.find((f) => f === ext);
}

/** Parses report text in `format`; both throw AppError on unreadable text and return warnings otherwise. */
export function parseReportText(text: string, format: ReportFormat = 'txt'): ParsedReport {
  return format === 'md' ? parseMarkdownReport(text) : parseReport(text);
}
