/**
 * Chooses the embedder at start-up: the transformer model when it can be loaded, the
 * deterministic hash embedder otherwise, so the service always starts (lexical retrieval
 * plus hash vectors) even on a machine without the model.
 */
import { defaults } from '../core/settings';
import { createHashEmbedder } from '../core/search/hash-embedder';
import type { Embedder } from '../core/ports';
import {
  DEFAULT_EMBEDDING_MODEL,
  DEFAULT_MODELS_DIR,
  ModelUnavailableError,
  createTransformersEmbedder,
  howToProvideModel,
  modelDirectory,
  type TransformersEmbedderOptions,
} from './transformers-embedder';

export const EMBEDDER_MODES = ['auto', 'transformers', 'hash'] as const;
export type EmbedderMode = (typeof EMBEDDER_MODES)[number];

export interface SelectEmbedderOptions {
  mode: EmbedderMode;
  model?: string;
  modelsDir?: string;
  allowRemote?: boolean;
  /** How long `auto` waits for the model before falling back (default 20 s). */
  timeoutMs?: number;
  /** Receives the one-line fallback notice in `auto` mode (default: console.warn). */
  warn?: (msg: string) => void;
  onProgress?: TransformersEmbedderOptions['onProgress'];
}

export const DEFAULT_MODEL_TIMEOUT_MS = defaults.modelTimeoutMs;
/** The `auto` wait is clamped so a stray setting can neither skip the attempt nor stall start-up for long. */
const MIN_TIMEOUT_MS = 1;
const MAX_TIMEOUT_MS = 10 * 60_000;

const MAX_REASON_CHARS = 400;

/** Collapses whitespace so the notice stays one log line; very long runtime errors are cut. */
function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_REASON_CHARS ? `${flat.slice(0, MAX_REASON_CHARS - 1)}…` : flat;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
    timer.unref?.();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function selectEmbedder(options: SelectEmbedderOptions): Promise<Embedder> {
  if (options.mode === 'hash') return createHashEmbedder();

  const model = options.model ?? DEFAULT_EMBEDDING_MODEL;
  const transformerOptions: TransformersEmbedderOptions = {
    model,
    ...(options.modelsDir !== undefined ? { modelsDir: options.modelsDir } : {}),
    allowRemote: options.allowRemote ?? false,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  };
  if (options.mode === 'transformers') return createTransformersEmbedder(transformerOptions);

  const timeoutMs = Math.min(MAX_TIMEOUT_MS, Math.max(MIN_TIMEOUT_MS, options.timeoutMs ?? DEFAULT_MODEL_TIMEOUT_MS));
  const loading = createTransformersEmbedder(transformerOptions);
  // A load that outlives the timeout keeps running (a download then still lands in the
  // models folder for the next start); its late failure must not surface as unhandled.
  loading.catch(() => {});
  try {
    return await withTimeout(loading, timeoutMs, `loading embedding model "${model}"`);
  } catch (error) {
    const warn = options.warn ?? ((msg: string) => console.warn(msg));
    const hash = createHashEmbedder();
    warn(`Embedder: using ${hash.id} instead of the transformer model. ${fallbackExplanation(error, model, options)}`);
    return hash;
  }
}

/** Why the model is not used and what to do about it, as one line. */
function fallbackExplanation(error: unknown, model: string, options: SelectEmbedderOptions): string {
  if (error instanceof ModelUnavailableError) return `${oneLine(error.reason)} ${error.hint}`;
  const dir = modelDirectory(options.modelsDir ?? DEFAULT_MODELS_DIR, model);
  const reason = oneLine(error instanceof Error ? error.message : String(error));
  const background = options.allowRemote
    ? ' Loading goes on in the background; files it downloads stay in the models folder for the next start.'
    : '';
  return `${/[.…]$/.test(reason) ? reason : `${reason}.`}${background} ${howToProvideModel(model, dir, options.allowRemote)}`;
}
