/**
 * The on-disk index under data/: `data/index` is a symlink to one complete build folder. A new
 * build is written to a fresh folder and the link is replaced with rename(2), which is atomic, so
 * a reader (or a kill -9 mid-build) only ever sees the old index or the new one, never half of one.
 *
 * Loading checks more than each file's shape: the manifest records the SHA-256 of every file it
 * describes, and the passages, the BM25 index and the vectors must name the same passages. A
 * file that parses but was changed or damaged is reported like any other damage (and rebuilt).
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, readlink, rename, rm, symlink, lstat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { indexIdProblem } from '../core/index-consistency';
import { corpusDataSchema, manifestSchema, type CorpusData } from '../core/ingest/index-data';
import { reportMetadataSchema } from '../core/ingest/metadata';

/** A report's term counts for a library's router (derived, so not checksummed: a bad one is worked out again). */
export const ROUTER_FILE = 'router.json';

/** The files a build writes besides the manifest, by path within the build folder. */
export const INDEX_FILES = ['corpus.json', 'vectors/index.json'] as const;

/** The manifest as this runtime writes it: the shared fields plus a checksum of each index file. */
export const storedManifestSchema = manifestSchema.extend({
  files: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)).optional(),
  /** How the report presents itself, so a library lists it without loading its index. */
  report: z.object({ metadata: reportMetadataSchema, editions: z.array(z.enum(['ja', 'en'])) }).optional(),
});
export type Manifest = z.infer<typeof storedManifestSchema>;

export const sha256 = (bytes: string | Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export type IndexProblem = 'missing' | 'corrupt';

export class IndexLoadError extends Error {
  constructor(
    readonly problem: IndexProblem,
    message: string,
  ) {
    super(message);
    this.name = 'IndexLoadError';
  }
}

export interface StoredIndex {
  dir: string;
  manifest: Manifest;
  data: CorpusData;
}

/** A file's bytes and its parsed JSON. */
async function readJson(path: string, what: string): Promise<{ bytes: Buffer; json: unknown }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new IndexLoadError('missing', `${what} not found at ${path}`);
    throw err;
  }
  try {
    return { bytes, json: JSON.parse(bytes.toString('utf8')) };
  } catch {
    throw new IndexLoadError('corrupt', `${what} at ${path} is not valid JSON (truncated or damaged)`);
  }
}

const vectorIdsSchema = z.object({ items: z.array(z.object({ id: z.string() })) });

/** Reads and validates the current index: manifest.json, corpus.json and the vectors' ids, with checksums. */
export async function loadStoredIndex(indexDir: string): Promise<StoredIndex> {
  const m = storedManifestSchema.safeParse((await readJson(join(indexDir, 'manifest.json'), 'index manifest')).json);
  if (!m.success) throw new IndexLoadError('corrupt', `index manifest in ${indexDir} is not in the expected format`);
  const manifest = m.data;
  const corpus = await readJson(join(indexDir, 'corpus.json'), 'index passages');
  const d = corpusDataSchema.safeParse(corpus.json);
  if (!d.success) throw new IndexLoadError('corrupt', `index passages in ${indexDir} are not in the expected format`);
  if (d.data.passages.length !== manifest.counts.passages || d.data.footnotes.length !== manifest.counts.footnotes) {
    throw new IndexLoadError('corrupt', `index in ${indexDir} holds ${d.data.passages.length} passages but its manifest says ${manifest.counts.passages}`);
  }
  const vectors = await readJson(join(indexDir, 'vectors', 'index.json'), 'vector index');
  const v = vectorIdsSchema.safeParse(vectors.json);
  if (!v.success) throw new IndexLoadError('corrupt', `vector index in ${indexDir} is not in the expected format`);
  const bm25Ids = (d.data.bm25 as { ids?: unknown } | null)?.ids;
  const problem = indexIdProblem(
    d.data.passages.map((p) => p.id),
    { bm25Ids: Array.isArray(bm25Ids) ? bm25Ids.map(String) : [], vectorIds: v.data.items.map((i) => i.id) },
  );
  if (problem) throw new IndexLoadError('corrupt', `index in ${indexDir} is inconsistent: ${problem}`);
  // Last, what no shape check can see: a file changed since the build wrote it.
  if (!manifest.files) throw new IndexLoadError('corrupt', `index manifest in ${indexDir} records no checksums of its files (an older build)`);
  const bytes: Record<(typeof INDEX_FILES)[number], Buffer> = { 'corpus.json': corpus.bytes, 'vectors/index.json': vectors.bytes };
  for (const file of INDEX_FILES) {
    if (manifest.files[file] !== sha256(bytes[file])) throw new IndexLoadError('corrupt', `${file} in ${indexDir} does not match the checksum its manifest records (changed or damaged)`);
  }
  return { dir: indexDir, manifest, data: d.data };
}

/** The manifest alone (cheap: what a library checks for each report); undefined when there is none readable. */
export async function readManifest(indexDir: string): Promise<Manifest | undefined> {
  try {
    const m = storedManifestSchema.safeParse(JSON.parse(await readFile(join(indexDir, 'manifest.json'), 'utf8')));
    return m.success ? m.data : undefined;
  } catch {
    return undefined;
  }
}

/** Builds a new index folder with `write` and swaps it in atomically; old builds are removed. */
export async function replaceIndex(indexDir: string, write: (buildDir: string) => Promise<void>): Promise<void> {
  const parent = dirname(indexDir);
  const name = basename(indexDir);
  await mkdir(parent, { recursive: true });
  const buildDir = join(parent, `${name}-${Date.now().toString(36)}-${process.pid}`);
  await rm(buildDir, { recursive: true, force: true });
  await mkdir(buildDir);
  try {
    await write(buildDir);
  } catch (err) {
    await rm(buildDir, { recursive: true, force: true });
    throw err;
  }
  const stat = await lstat(indexDir).catch(() => undefined);
  if (stat && !stat.isSymbolicLink()) await rename(indexDir, `${buildDir}-previous`); // a plain folder from elsewhere
  const link = `${indexDir}.link-${process.pid}`;
  await rm(link, { force: true });
  await symlink(basename(buildDir), link);
  await rename(link, indexDir);
  await removeStaleBuilds(indexDir);
}

/** Deletes build folders the link no longer points to (left by earlier builds or killed ones). */
export async function removeStaleBuilds(indexDir: string): Promise<void> {
  const parent = dirname(indexDir);
  const name = basename(indexDir);
  const current = await readlink(indexDir).catch(() => '');
  for (const entry of await readdir(parent).catch(() => [] as string[])) {
    if (!entry.startsWith(`${name}-`) && !entry.startsWith(`${name}.link-`)) continue;
    if (entry === current) continue;
    const pid = Number(entry.split('-').at(-1));
    if (Number.isInteger(pid) && pid !== process.pid && processAlive(pid)) continue; // another ingest is writing it
    await rm(join(parent, entry), { recursive: true, force: true });
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Writes `value` as JSON; returns the SHA-256 of what was written, for the manifest. */
export async function writeJson(path: string, value: unknown): Promise<string> {
  const text = JSON.stringify(value);
  await writeFile(path, text);
  return sha256(text);
}

/** The SHA-256 of a file already written (one another library wrote, such as vectra's index). */
export async function fileSha256(path: string): Promise<string> {
  return sha256(await readFile(path));
}
