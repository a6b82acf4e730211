/** Server and ingest settings from environment variables, validated once at start-up. */
import { resolve } from 'node:path';
import { z } from 'zod';
import { REPORT_ID_PATTERN } from '../core/reports';
import { defaults, sharedSettingsSchema } from '../core/settings';

const flag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

export const configSchema = sharedSettingsSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  EMBEDDER: z.enum(['auto', 'transformers', 'hash']).default('auto'),
  EMBEDDING_MODEL: z.string().min(1).default('Xenova/multilingual-e5-small'),
  MODELS_DIR: z.string().min(1).default('models'),
  ALLOW_REMOTE_MODELS: flag.default(true),
  MODEL_TIMEOUT_MS: z.coerce.number().int().positive().default(defaults.modelTimeoutMs),
  DATA_DIR: z.string().min(1).default('data'),
  /** The widget bundle served at /widget.js (default dist/widget.js, written by \`npm run build\`). */
  WIDGET_PATH: z.string().min(1).optional(),
  CORPUS_DIR: z.string().min(1).default('corpus'),
  /** The report a request without \`report\` means, in a library of several (default: the only report). */
  DEFAULT_REPORT: z.string().regex(REPORT_ID_PATTERN, 'must be a report id (the file or folder name of a report in CORPUS_DIR)').optional(),
  /** Sustained /api/chat + /api/search requests per client per minute; 0 turns the limit off. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().min(0).default(defaults.rateLimitPerMinute),
  /** Requests a client may make at once before the per-minute rate applies. */
  RATE_LIMIT_BURST: z.coerce.number().int().min(1).default(defaults.rateLimitBurst),
  /** Reverse proxies in front of the server whose X-Forwarded-For is trusted: 0 (none), 1, 2…; true means 1. */
  TRUST_PROXY: z
    .string()
    .trim()
    .regex(/^(\d{1,2}|true|false)$/, 'use 0, 1 (one reverse proxy in front) or the number of proxies')
    .default('0')
    .transform((v) => (v === 'true' ? 1 : v === 'false' ? 0 : Number(v))),
  /** On SIGTERM/SIGINT, how long answers in progress may take to finish before the server exits anyway. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  /** One JSON line per request on stdout (time, method, route, status, ms, client hash). */
  ACCESS_LOG: flag.default(true),
  /** Also log what readers asked (the chat question, the search query): off unless the operator opts in. */
  ACCESS_LOG_QUESTIONS: flag.default(false),
  /** OpenAI-compatible endpoint that writes answers from the retrieved passages; unset, answers are extractive. */
  LLM_BASE_URL: z.string().trim().regex(/^https?:\/\/\S+$/, 'must be an http(s) URL such as https://api.openai.com/v1 or http://localhost:11434/v1').optional(),
  LLM_API_KEY: z.string().optional(),
  LLM_MODEL: z.string().trim().min(1).optional(),
  /** Answers the model may be writing at once; past it, chat requests get 503 `overloaded` with Retry-After. */
  LLM_MAX_CONCURRENT: z.coerce.number().int().min(1).default(defaults.maxConcurrentGenerations),
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
  if (c.LLM_BASE_URL && !c.LLM_MODEL) throw new Error('invalid configuration:\n  LLM_MODEL: required when LLM_BASE_URL is set (e.g. gpt-4o-mini, deepseek-chat, qwen2.5:7b)');
  return { ...c, DATA_DIR: resolve(c.DATA_DIR), CORPUS_DIR: resolve(c.CORPUS_DIR), MODELS_DIR: resolve(c.MODELS_DIR), indexDir: resolve(c.DATA_DIR, 'index') };
}

