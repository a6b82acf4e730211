/**
 * A stored report's term counts for the library's router: `router.json`, which ingest writes
 * beside the index, else worked out from the stored index (an index built before the file existed).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { reportTerms, type ReportTerms } from '../core/library-router';
import { loadStoredIndex, ROUTER_FILE } from './index-store';

const isTerms = (x: unknown): x is ReportTerms =>
  typeof x === 'object' && x !== null && typeof (x as ReportTerms).length === 'number' && typeof (x as ReportTerms).terms === 'object' && (x as ReportTerms).terms !== null;

export async function storedReportTerms(indexDir: string): Promise<ReportTerms> {
  try {
    const json: unknown = JSON.parse(await readFile(join(indexDir, ROUTER_FILE), 'utf8'));
    if (isTerms(json) && Object.values(json.terms).every((n) => typeof n === 'number' && n > 0)) return json;
  } catch {
    // missing or damaged: worked out below
  }
  const { data } = await loadStoredIndex(indexDir);
  const english = Object.values(data.edition?.renderings ?? {});
  return reportTerms({ texts: [...data.passages.map((p) => p.text), ...english], sections: data.passages.map((p) => p.section) });
}
