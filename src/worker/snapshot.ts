/**
 * The Worker's read-only index snapshot: everything the Node index holds (passages, footnotes,
 * lexical index, vectors, embedder id) plus what the Worker serves besides the API (lexicon,
 * metadata, widget, demo page), as one JSON document bundled into the Worker as data. Vectors travel as
 * base64 of little-endian float32 — exact, so the Worker ranks exactly as the Node index does.
 * Web APIs only: the build (Node) writes it, the Worker reads it.
 */
import { z } from 'zod';
import { AppError } from '../core/errors';
import { indexIdProblem } from '../core/index-consistency';
import { corpusDataSchema, type CorpusData } from '../core/ingest/index-data';
import { renderDemoPage } from '../http/demo-page';
import { describeZodError } from '../http/respond';

export const SNAPSHOT_FORMAT = 2;
export const VECTOR_ENCODING = 'float32-le-base64';

const embedderSpecSchema = z.object({ id: z.string().min(1), dimensions: z.number().int().positive() });

export const snapshotSchema = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  corpusSha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** When the index behind the snapshot was built (not when it was exported: same index, same bytes). */
  builtAt: z.string(),
  embedder: embedderSpecSchema,
  /** The index exactly as the Node server loads it (passages, footnotes, lexical index, lexicon, edition, metadata). */
  index: corpusDataSchema,
  /** One row per passage, in `index.passages` order. */
  vectors: z.object({
    encoding: z.literal(VECTOR_ENCODING),
    count: z.number().int().nonnegative(),
    dimensions: z.number().int().positive(),
    data: z.string(),
  }),
  widgetJs: z.string(),
  demoPage: z.string(),
});

export type Snapshot = z.infer<typeof snapshotSchema>;
export type EmbedderSpec = z.infer<typeof embedderSpecSchema>;

export interface SnapshotParts {
  index: CorpusData;
  corpusSha256: string;
  builtAt: string;
  embedder: EmbedderSpec;
  /** One vector per passage, in passage order. */
  vectors: ArrayLike<number>[];
  widgetJs: string;
}

export function assembleSnapshot(parts: SnapshotParts): Snapshot {
  const { metadata } = parts.index;
  return {
    format: SNAPSHOT_FORMAT,
    corpusSha256: parts.corpusSha256,
    builtAt: parts.builtAt,
    embedder: parts.embedder,
    index: parts.index,
    vectors: encodeVectors(parts.vectors, parts.embedder.dimensions),
    widgetJs: parts.widgetJs,
    demoPage: renderDemoPage({ title: metadata.title, publisher: metadata.publisher, suggestions: metadata.suggestions }),
  };
}

/** Rows of equal length → base64 of their float32 values, little-endian, row after row. */
export function encodeVectors(rows: ArrayLike<number>[], dimensions: number): Snapshot['vectors'] {
  const bytes = new Uint8Array(rows.length * dimensions * 4);
  const view = new DataView(bytes.buffer);
  rows.forEach((row, r) => {
    if (row.length !== dimensions) throw new Error(`vector ${r} has ${row.length} dimensions, expected ${dimensions}`);
    for (let d = 0; d < dimensions; d++) view.setFloat32((r * dimensions + d) * 4, row[d]!, true);
  });
  // btoa takes a binary string; building it in slices keeps String.fromCharCode's argument list short.
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { encoding: VECTOR_ENCODING, count: rows.length, dimensions, data: btoa(binary) };
}

export function decodeVectors(vectors: Snapshot['vectors']): Float32Array[] {
  const { count, dimensions } = vectors;
  let binary: string;
  try {
    binary = atob(vectors.data);
  } catch {
    throw new AppError('corrupt_index', 'snapshot vectors are not valid base64');
  }
  if (binary.length !== count * dimensions * 4) {
    throw new AppError('corrupt_index', `snapshot vectors hold ${binary.length} bytes, expected ${count} × ${dimensions} float32 values`);
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const values = littleEndianFloats(bytes);
  return Array.from({ length: count }, (_, r) => {
    const row = values.subarray(r * dimensions, (r + 1) * dimensions);
    if (!row.every(Number.isFinite)) throw new AppError('corrupt_index', `snapshot vector ${r} holds a non-finite value`);
    return row;
  });
}

const platformIsLittleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Bytes → float32 values; a view when the platform is little-endian (every Workers host is). */
function littleEndianFloats(bytes: Uint8Array): Float32Array {
  if (platformIsLittleEndian) return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  return Float32Array.from({ length: bytes.length / 4 }, (_, i) => view.getFloat32(i * 4, true));
}

/** Checks a snapshot; a damaged or mismatched one fails here with a reason, not later. */
export function parseSnapshot(json: unknown): Snapshot {
  const format = (json as { format?: unknown } | null)?.format;
  if (format !== SNAPSHOT_FORMAT) {
    throw new AppError('corrupt_index', `the bundled snapshot has format ${JSON.stringify(format)}, this Worker reads format ${SNAPSHOT_FORMAT}; rebuild it with \`npm run build:worker\``);
  }
  const parsed = snapshotSchema.safeParse(json);
  if (!parsed.success) throw new AppError('corrupt_index', `the bundled snapshot is not in the expected shape: ${describeZodError(parsed.error)}`);
  const s = parsed.data;
  if (s.vectors.count !== s.index.passages.length) {
    throw new AppError('corrupt_index', `the snapshot holds ${s.vectors.count} vectors for ${s.index.passages.length} passages`);
  }
  if (s.vectors.dimensions !== s.embedder.dimensions) {
    throw new AppError('corrupt_index', `the snapshot's vectors have ${s.vectors.dimensions} dimensions, its embedder ${s.embedder.id} has ${s.embedder.dimensions}`);
  }
  // Vectors are rows in passage order; the BM25 index must name the passages in that order too.
  const bm25Ids = (s.index.bm25 as { ids?: unknown } | null)?.ids;
  const problem = indexIdProblem(
    s.index.passages.map((p) => p.id),
    { bm25Ids: Array.isArray(bm25Ids) ? bm25Ids.map(String) : [] },
  );
  if (problem) throw new AppError('corrupt_index', `the bundled snapshot is inconsistent: ${problem}; rebuild it with \`npm run build:worker\``);
  return s;
}
