/**
 * The on-disk index under data/: `data/index` is a symlink to one complete build folder. A new
 * build is written to a fresh folder and the link is replaced with rename(2), which is atomic, so
 * a reader (or a kill -9 mid-build) only ever sees the old index or the new one, never half of one.
 */
import { mkdir, readFile, readdir, readlink, rename, rm, symlink, lstat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { corpusDataSchema, manifestSchema, type CorpusData, type Manifest } from '../core/ingest/index-data';

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

async function readJson(path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new IndexLoadError('missing', `${what} not found at ${path}`);
    throw err;
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new IndexLoadError('corrupt', `${what} at ${path} is not valid JSON (truncated or damaged)`);
  }
}

/** Reads and validates manifest.json and corpus.json of the current index. */
export async function loadStoredIndex(indexDir: string): Promise<StoredIndex> {
  const m = manifestSchema.safeParse(await readJson(join(indexDir, 'manifest.json'), 'index manifest'));
  if (!m.success) throw new IndexLoadError('corrupt', `index manifest in ${indexDir} is not in the expected format`);
  const d = corpusDataSchema.safeParse(await readJson(join(indexDir, 'corpus.json'), 'index passages'));
  if (!d.success) throw new IndexLoadError('corrupt', `index passages in ${indexDir} are not in the expected format`);
  if (d.data.passages.length !== m.data.counts.passages || d.data.footnotes.length !== m.data.counts.footnotes) {
    throw new IndexLoadError('corrupt', `index in ${indexDir} holds ${d.data.passages.length} passages but its manifest says ${m.data.counts.passages}`);
  }
  return { dir: indexDir, manifest: m.data, data: d.data };
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

export async function writeJson(path: string, value: unknown): Promise<void> {
  await writeFile(path, JSON.stringify(value));
}
