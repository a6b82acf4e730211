/** Server and ingest settings from environment variables, validated once at start-up. */
import { resolve } from 'node:path';
import { z } from 'zod';

const flag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  EMBEDDER: z.enum(['auto', 'transformers', 'hash']).default('auto'),
  EMBEDDING_MODEL: z.string().min(1).default('Xenova/multilingual-e5-small'),
  MODELS_DIR: z.string().min(1).default('models'),
  ALLOW_REMOTE_MODELS: flag.default(true),
  MODEL_TIMEOUT_MS: z.coerce.number().int().positive().default(20_000),
  DATA_DIR: z.string().min(1).default('data'),
  CORPUS_DIR: z.string().min(1).default('corpus'),
  ALLOWED_ORIGINS: z.string().default('*'),
  MAX_BODY_BYTES: z.coerce.number().int().positive().default(64 * 1024),
});

export type Config = z.infer<typeof configSchema> & { indexDir: string };

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const clean = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = configSchema.safeParse(clean);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  return { ...c, DATA_DIR: resolve(c.DATA_DIR), CORPUS_DIR: resolve(c.CORPUS_DIR), MODELS_DIR: resolve(c.MODELS_DIR), indexDir: resolve(c.DATA_DIR, 'index') };
}

export function parseOrigins(value: string): string[] | '*' {
  const list = value.split(',').map((s) => s.trim()).filter(Boolean);
  return list.length === 0 || list.includes('*') ? '*' : list;
}
