/** The embedder the configuration asks for (EMBEDDER, EMBEDDING_MODEL, MODELS_DIR, …). */
import { createHashEmbedder } from '../core/search/hash-embedder';
import type { Embedder } from '../core/ports';
import type { Config } from './config';

export async function configuredEmbedder(config: Config, warn: (message: string) => void): Promise<Embedder> {
  // transformers.js and onnxruntime take a while to import; the hash embedder needs neither.
  if (config.EMBEDDER === 'hash') return createHashEmbedder();
  const [{ selectEmbedder }, { modelProgressDisplay }] = await Promise.all([import('./embedder-select'), import('./progress')]);
  return selectEmbedder({
    mode: config.EMBEDDER,
    model: config.EMBEDDING_MODEL,
    modelsDir: config.MODELS_DIR,
    allowRemote: config.ALLOW_REMOTE_MODELS,
    timeoutMs: config.MODEL_TIMEOUT_MS,
    warn,
    onProgress: modelProgressDisplay(`downloading ${config.EMBEDDING_MODEL}`),
  });
}
