/**
 * A library's indexes (DATA_DIR/<id>/index, as ingest writes them) → what the Worker reads from
 * Workers KV (see src/worker/library-snapshot.ts): one key per report version, the router, and
 * the catalog, which is written last.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { LibraryRouter, type ReportTerms } from '../src/core/library-router';
import { loadStoredIndex } from '../src/node/index-store';
import { storedReportTerms } from '../src/node/router-terms';
import type { ServedReport } from '../src/node/ingest-library';
import { CATALOG_FORMAT, CATALOG_KEY, reportKey, routerKey, type Catalog, type ReportSnapshot } from '../src/worker/library-snapshot';
import { encodeVectors, SNAPSHOT_FORMAT } from '../src/worker/snapshot';
import { storedVectors } from './worker-snapshot';

export interface LibraryExport {
  catalog: Catalog;
  /** Every key the catalog refers to (reports and router), with its value. */
  values: Map<string, string>;
}

const version = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

export async function exportLibrary(reports: ServedReport[], options: { defaultReport?: string } = {}): Promise<LibraryExport> {
  const values = new Map<string, string>();
  const terms: { id: string; terms: ReportTerms }[] = [];
  const entries: Catalog['reports'] = [];
  let embedder: Catalog['embedder'] | undefined;
  for (const { entry, indexDir } of reports) {
    const stored = await loadStoredIndex(indexDir);
    const spec = stored.manifest.embedder;
    if (embedder && embedder.id !== spec.id) throw new Error(`${entry.id} was built with ${spec.id}, the others with ${embedder.id}: ingest them all with one embedder`);
    embedder = spec;
    const ids = stored.data.passages.map((p) => p.id);
    const snapshot: ReportSnapshot = {
      format: SNAPSHOT_FORMAT,
      corpusSha256: stored.manifest.corpusSha256,
      builtAt: stored.manifest.builtAt,
      embedder: spec,
      index: stored.data,
      vectors: encodeVectors(await storedVectors(join(stored.dir, 'vectors'), ids, spec.dimensions), spec.dimensions),
    };
    const text = JSON.stringify(snapshot);
    const v = version(text);
    values.set(reportKey(entry.id, v), text);
    entries.push({ ...entry, version: v });
    terms.push({ id: entry.id, terms: await storedReportTerms(indexDir) });
  }
  if (!embedder) throw new Error('no report to upload');
  const routerText = JSON.stringify(LibraryRouter.fromTerms(terms).toJSON());
  const routerVersion = version(routerText);
  values.set(routerKey(routerVersion), routerText);
  const catalog: Catalog = {
    format: CATALOG_FORMAT,
    embedder,
    ...(options.defaultReport ? { defaultReport: options.defaultReport } : {}),
    reports: entries,
    router: routerVersion,
    updatedAt: new Date().toISOString(),
  };
  return { catalog, values };
}

/** The keys a catalog refers to. */
export const catalogKeys = (c: Catalog): string[] => [...c.reports.map((r) => reportKey(r.id, r.version)), routerKey(c.router)];

export { CATALOG_KEY };
