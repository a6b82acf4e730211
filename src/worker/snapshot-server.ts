/**
 * The Worker's fetch handler over a bundled snapshot. The app is built once per isolate, on the
 * first request (bindings arrive with requests, and validating and indexing the snapshot at
 * module load would count against the Worker's start-up limit); later requests reuse it. A snapshot the Worker cannot serve is
 * reported once in the log and answered with the same JSON error on every request, so a broken
 * deployment is loud instead of quietly answering from the wrong data.
 */
import type { ExecutionContext } from 'hono';
import { describeService } from '../core/engine';
import { AppError, errorCodes } from '../core/errors';
import { createApp } from '../http/app';
import { reportInfo } from '../http/present';
import { errorBody } from '../http/respond';
import { readSettings } from './settings';
import { engineFromSnapshot } from './snapshot-engine';
import { parseSnapshot } from './snapshot';
import { bindingLimiter, cloudflareClientKey, rateLimitBinding } from './rate-limit-binding';
import { createWorkersAiGenerator, type WorkersAiBinding } from './workers-ai-generator';

export type WorkerFetch = (request: Request, env: Record<string, unknown>, ctx?: ExecutionContext) => Response | Promise<Response>;

type Served = { ok: true; fetch: WorkerFetch } | { ok: false; error: AppError };

/** The Workers AI binding, when wrangler.toml declares one (`[ai] binding = "AI"`). */
export function aiBinding(env: Record<string, unknown>): WorkersAiBinding | undefined {
  const ai = env.AI as Partial<WorkersAiBinding> | undefined;
  return typeof ai?.run === 'function' ? (ai as WorkersAiBinding) : undefined;
}

export function startFromSnapshot(snapshotJson: unknown, env: Record<string, unknown>): Served {
  try {
    const settings = readSettings(env);
    const snapshot = parseSnapshot(snapshotJson);
    const ai = aiBinding(env);
    const generator = ai ? createWorkersAiGenerator(ai, settings.llmModel, { timeoutMs: settings.llmTimeoutMs }) : undefined;
    const engine = engineFromSnapshot(snapshot, settings.retrieval, generator);
    const limiter = rateLimitBinding(env);
    const app = createApp({
      engine,
      report: reportInfo(snapshot.index.metadata),
      widgetJs: snapshot.widgetJs,
      demoPage: snapshot.demoPage,
      allowedOrigins: settings.allowedOrigins,
      maxBodyBytes: settings.maxBodyBytes,
      ...(limiter ? { rateLimiter: bindingLimiter(limiter), clientKey: cloudflareClientKey } : {}),
    });
    console.log(`report-chat: ${describeService(engine, generator)}; ${limiter ? 'per-client rate limit by the RATE_LIMITER binding' : 'no rate limit (no RATE_LIMITER binding)'}`);
    return { ok: true, fetch: (request, bindings, ctx) => app.fetch(request, bindings, ctx) };
  } catch (err) {
    const error = err instanceof AppError ? err : new AppError('index_unavailable', `the Worker could not start: ${err instanceof Error ? err.message : String(err)}`);
    console.error(`report-chat: not serving: ${error.message}`);
    return { ok: false, error };
  }
}

export function errorResponse(error: AppError): Response {
  return Response.json(errorBody(error.code, error.message), { status: errorCodes[error.code] });
}

/** A fetch handler that starts from `snapshot()` on its first request and keeps the result. */
export function createSnapshotServer(snapshot: () => unknown): WorkerFetch {
  let served: Served | undefined;
  return (request, env, ctx) => {
    served ??= startFromSnapshot(snapshot(), env);
    return served.ok ? served.fetch(request, env, ctx) : errorResponse(served.error);
  };
}
