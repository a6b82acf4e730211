/**
 * A library in Workers KV, as `npm run deploy:library` writes it and the Worker reads it:
 *   catalog                 → every report's summary and the version of its index (written last:
 *                             the Worker only ever sees reports whose index is already stored)
 *   report/<id>/<version>   → one report's index: the Worker snapshot without the widget and page
 *   router/<version>        → the library-wide index that picks reports for `report: "*"`
 * Versions are content hashes, so a changed report is a new key and no isolate serves a mix of
 * old and new. Web APIs only.
 */
import { z } from 'zod';
import { AppError } from '../core/errors';
import { reportMetadataSchema } from '../core/ingest/metadata';
import { describeZodError } from '../http/respond';
import { reportSummaryOut } from '../http/schemas';
import { parseSnapshot, type Snapshot } from './snapshot';

export const CATALOG_KEY = 'catalog';
export const CATALOG_FORMAT = 1;
export const reportKey = (id: string, version: string) => `report/${id}/${version}`;
export const routerKey = (version: string) => `router/${version}`;

/** A report's entry: what GET /api/reports says of it, plus what the Worker needs to open it. */
export const catalogEntrySchema = reportSummaryOut.extend({
  passages: z.number().int().nonnegative(),
  footnotes: z.number().int().nonnegative(),
  metadata: reportMetadataSchema,
  /** Content hash of the stored index: its key is report/<id>/<version>. */
  version: z.string().regex(/^[0-9a-f]{16,64}$/),
});

export const catalogSchema = z.object({
  format: z.literal(CATALOG_FORMAT),
  embedder: z.object({ id: z.string().min(1), dimensions: z.number().int().positive() }),
  /** The report a request without `report` means (else the only report, if there is one). */
  defaultReport: z.string().optional(),
  reports: z.array(catalogEntrySchema),
  /** Version of the library-wide router: its key is router/<version>. */
  router: z.string().regex(/^[0-9a-f]{16,64}$/),
  updatedAt: z.string(),
});
export type Catalog = z.infer<typeof catalogSchema>;
export type CatalogEntry = z.infer<typeof catalogEntrySchema>;

/** What one report's key holds: a snapshot less what the Worker serves once for all reports. */
export type ReportSnapshot = Omit<Snapshot, 'widgetJs' | 'demoPage'>;

export function parseCatalog(json: unknown): Catalog {
  const parsed = catalogSchema.safeParse(json);
  if (!parsed.success) throw new AppError('corrupt_index', `the library catalog in KV is not in the expected shape: ${describeZodError(parsed.error)}; upload it again with \`npm run deploy:library\``);
  return parsed.data;
}

/** Checks one report's stored index with every check a bundled snapshot gets. */
export function parseReportSnapshot(json: unknown): Snapshot {
  const value = typeof json === 'object' && json !== null ? json : {};
  return parseSnapshot({ ...value, widgetJs: '', demoPage: '' });
}
