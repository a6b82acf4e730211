/**
 * Dense embeddings with transformers.js (ONNX Runtime on Node).
 *
 * The model is read from `modelsDir/<model id>/` (config.json, tokenizer.json,
 * tokenizer_config.json, onnx/model_quantized.onnx or onnx/model.onnx). Only when remote
 * models are allowed are missing files fetched from the hub, and they are cached into the
 * same folder so the next start works offline.
 */
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { env, pipeline, type DataType, type ProgressInfo } from '@huggingface/transformers';
import type { Embedder, EmbedKind } from '../core/ports';

export const DEFAULT_EMBEDDING_MODEL = 'Xenova/multilingual-e5-small';
export const DEFAULT_MODELS_DIR = fileURLToPath(new URL('../../models', import.meta.url));

export interface TransformersEmbedderOptions {
  /** Hub model id, also the folder under `modelsDir`. */
  model?: string;
  modelsDir?: string;
  /** Fetch missing files from the hub. Off unless asked for. */
  allowRemote?: boolean;
  /** Texts per forward pass. */
  batchSize?: number;
  /** Loading / download progress as transformers.js reports it. */
  onProgress?: (progress: ProgressInfo) => void;
  /** Force the 8-bit (true) or fp32 (false) weights; by default whichever the folder holds. */
  quantized?: boolean;
}

/**
 * The model could not be used: not on disk (and downloads off or failing) or damaged.
 * `reason` says what is wrong, `hint` what a person can do; `message` is both.
 */
export class ModelUnavailableError extends Error {
  constructor(
    readonly reason: string,
    readonly hint: string,
    options?: { cause?: unknown },
  ) {
    super(`${reason} ${hint}`, options);
    this.name = 'ModelUnavailableError';
  }
}

const QUANTIZED_FILE = 'onnx/model_quantized.onnx';
const FP32_FILE = 'onnx/model.onnx';
const REQUIRED_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json'] as const;

/** What a model family needs and can do; the model's files do not say, so its card's advice is recorded here. */
export interface ModelProfile {
  /** Text put before a query and before a passage (E5 models were trained with `query: ` / `passage: `). */
  prefixes: Record<EmbedKind, string>;
  crossLingual: boolean;
}

/** Known families by name; any other model gets raw text and is assumed monolingual. */
export function modelProfile(modelId: string): ModelProfile {
  const id = modelId.toLowerCase();
  const e5 = id.includes('e5');
  return {
    prefixes: e5 ? { query: 'query: ', passage: 'passage: ' } : { query: '', passage: '' },
    crossLingual: /multilingual|labse|bge-m3|xlm|mpnet-base-v2|distiluse/.test(id),
  };
}

export function modelDirectory(modelsDir: string, model: string): string {
  return resolve(modelsDir, model);
}

/** A path as a person would type it from the working directory. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}

/**
 * Which weights to load: q8 (`model_quantized.onnx`) when present or when downloading
 * (a quarter of the size), otherwise fp32 (`model.onnx`). Null: nothing usable on disk.
 */
export function chooseDtype(modelDir: string, options: { quantized?: boolean; allowRemote: boolean }): DataType | null {
  if (options.quantized === true) return 'q8';
  if (options.quantized === false) return 'fp32';
  if (existsSync(resolve(modelDir, QUANTIZED_FILE))) return 'q8';
  if (existsSync(resolve(modelDir, FP32_FILE))) return 'fp32';
  return options.allowRemote ? 'q8' : null;
}

/** Files that must exist locally for an offline load with the given dtype (null: either weights). */
export function missingModelFiles(modelDir: string, dtype: DataType | null): string[] {
  const present = (file: string) => existsSync(resolve(modelDir, file));
  const missing: string[] = REQUIRED_FILES.filter((file) => !present(file));
  const weights = dtype === 'fp32' ? [FP32_FILE] : dtype === 'q8' ? [QUANTIZED_FILE] : [QUANTIZED_FILE, FP32_FILE];
  if (!weights.some(present)) missing.push(weights.join(' or '));
  return missing;
}

/** One sentence telling a person how to make the model available. */
export function howToProvideModel(model: string, modelDir: string, allowRemote = false): string {
  const files =
    `Put the model files in ${displayPath(modelDir)}/ (config.json, tokenizer.json, tokenizer_config.json, ` +
    `onnx/model_quantized.onnx from https://huggingface.co/${model})`;
  return allowRemote
    ? `${files}, or run once where https://huggingface.co is reachable so the download can land there.`
    : `${files} or allow downloads with ALLOW_REMOTE_MODELS=1.`;
}

/** One sentence for a model folder that is complete but fails to load. */
export function howToRepairModel(model: string, modelDir: string): string {
  return `Replace the files in ${displayPath(modelDir)}/ with fresh copies from https://huggingface.co/${model}.`;
}

export async function createTransformersEmbedder(options: TransformersEmbedderOptions = {}): Promise<Embedder> {
  const model = options.model ?? DEFAULT_EMBEDDING_MODEL;
  const modelsDir = resolve(options.modelsDir ?? DEFAULT_MODELS_DIR);
  const allowRemote = options.allowRemote ?? false;
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? 16));
  const modelDir = modelDirectory(modelsDir, model);

  const dtype = chooseDtype(modelDir, { quantized: options.quantized, allowRemote });
  if (!allowRemote) {
    const missing = missingModelFiles(modelDir, dtype);
    if (missing.length > 0) {
      throw new ModelUnavailableError(
        `Embedding model "${model}" is not available offline: ${displayPath(modelDir)} lacks ${missing.join(', ')}.`,
        howToProvideModel(model, modelDir),
      );
    }
  }

  // transformers.js keeps these settings globally; one process serves one model folder.
  env.localModelPath = modelsDir;
  env.allowLocalModels = true;
  env.allowRemoteModels = allowRemote;
  // Downloads (including the config read while planning files) land in the models folder,
  // where the next, possibly offline, start finds them.
  env.cacheDir = modelsDir;

  let extractor;
  try {
    extractor = await pipeline('feature-extraction', model, {
      dtype: dtype ?? 'q8',
      device: 'cpu',
      cache_dir: modelsDir,
      local_files_only: !allowRemote,
      ...(options.onProgress ? { progress_callback: options.onProgress } : {}),
    });
  } catch (error) {
    const detail = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();
    const complete = missingModelFiles(modelDir, dtype).length === 0;
    throw new ModelUnavailableError(
      `Could not load embedding model "${model}" from ${displayPath(modelDir)}: ${/[.…]$/.test(detail) ? detail : `${detail}.`}`,
      complete ? howToRepairModel(model, modelDir) : howToProvideModel(model, modelDir, allowRemote),
      { cause: error },
    );
  }

  const run = async (texts: string[]): Promise<Float32Array[]> => {
    const output = await extractor(texts, { pooling: 'mean', normalize: true });
    const [rows, width] = output.dims;
    if (rows !== texts.length || width === undefined) {
      throw new Error(`Embedding model "${model}" returned shape [${output.dims.join(', ')}] for ${texts.length} texts`);
    }
    const data = output.data as Float32Array;
    const vectors: Float32Array[] = [];
    for (let r = 0; r < rows; r++) vectors.push(Float32Array.from(data.subarray(r * width, (r + 1) * width)));
    return vectors;
  };

  const profile = modelProfile(model);
  const embed = async (texts: string[], kind: EmbedKind): Promise<Float32Array[]> => {
    const prefix = profile.prefixes[kind];
    const vectors: Float32Array[] = [];
    for (let i = 0; i < texts.length; i += batchSize) {
      vectors.push(...(await run(texts.slice(i, i + batchSize).map((text) => prefix + text))));
    }
    return vectors;
  };

  const [probe] = await embed(['dimension probe'], 'passage');
  if (!probe || probe.length === 0) throw new Error(`Embedding model "${model}" produced an empty vector`);

  return {
    id: `transformers:${model}`,
    dimensions: probe.length,
    capabilities: { crossLingual: profile.crossLingual },
    embed,
  };
}
