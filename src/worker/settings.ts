/** The Worker's settings, from its environment bindings ([vars] in wrangler.toml), checked once. */
import { z } from 'zod';
import { AppError } from '../core/errors';
import { sharedSettingsSchema } from '../core/settings';
import { describeZodError } from '../http/respond';
import { RETRIEVAL_MODES, type RetrievalMode } from './snapshot-engine';
import { parseOrigins } from '../http/middleware/origins';

/** Workers AI model used when an AI binding is configured and LLM_MODEL is not set. */
export const DEFAULT_WORKERS_AI_MODEL = '@cf/meta/llama-3.1-8b-instruct';

const settingsSchema = sharedSettingsSchema.extend({
  RETRIEVAL: z.enum(RETRIEVAL_MODES).default('auto'),
  LLM_MODEL: z.string().trim().min(1).default(DEFAULT_WORKERS_AI_MODEL),
});

export interface WorkerSettings {
  allowedOrigins: string[] | '*';
  maxBodyBytes: number;
  retrieval: RetrievalMode;
  /** Workers AI model for generated answers (used only with an `AI` binding). */
  llmModel: string;
  llmTimeoutMs: number;
}

/** Reads the known variables from the bindings; other bindings and empty strings are ignored. */
export function readSettings(env: Record<string, unknown> | undefined): WorkerSettings {
  const vars = Object.fromEntries(
    Object.keys(settingsSchema.shape)
      .map((key) => [key, env?.[key]] as const)
      .filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = settingsSchema.safeParse(vars);
  if (!parsed.success) throw new AppError('index_unavailable', `invalid Worker settings: ${describeZodError(parsed.error)}`);
  const v = parsed.data;
  return { allowedOrigins: parseOrigins(v.ALLOWED_ORIGINS), maxBodyBytes: v.MAX_BODY_BYTES, retrieval: v.RETRIEVAL, llmModel: v.LLM_MODEL, llmTimeoutMs: v.LLM_TIMEOUT_MS };
}
