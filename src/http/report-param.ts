/**
 * The `report` a request names (query or body) → the opened report, or the error the API
 * promises: none named with several reports and no default → 400 report_required; an id the
 * library does not hold → 404 unknown_report. Anything but a slug is refused here, before any
 * lookup, so path-like or oversized values never reach a file system or a store.
 */
import { ALL_REPORTS, isReportId, type OpenedReport, type ReportLibrary } from '../core/reports';
import type { ErrorCode } from '../core/errors';

export type Resolved = { ok: true; report: OpenedReport } | { ok: false; code: ErrorCode; message: string };
export type ResolvedOrAll = Resolved | { ok: true; all: true };

const shown = (raw: string) => JSON.stringify(raw.length > 64 ? `${raw.slice(0, 64)}…` : raw);

export async function resolveReport(library: ReportLibrary, raw: string | undefined): Promise<Resolved> {
  const named = raw?.trim();
  if (!named) {
    const id = await library.defaultId();
    const report = id ? await library.open(id) : undefined;
    if (report) return { ok: true, report };
    const count = (await library.entries()).length;
    return { ok: false, code: 'report_required', message: `this library holds ${count} reports and no default: name one with report=<id> (GET /api/reports lists their ids)` };
  }
  const report = isReportId(named) ? await library.open(named) : undefined;
  if (!report) return { ok: false, code: 'unknown_report', message: `no report ${shown(named)} in this library; GET /api/reports lists the report ids` };
  return { ok: true, report };
}

/** As resolveReport, and `*` for the whole library (search and chat). */
export async function resolveReportOrAll(library: ReportLibrary, raw: string | undefined): Promise<ResolvedOrAll> {
  if (raw?.trim() === ALL_REPORTS) return { ok: true, all: true };
  return resolveReport(library, raw);
}
