/**
 * The Worker's fetch handler: the library in Workers KV when the LIBRARY binding holds one
 * (`npm run deploy:library` uploads it), else the report bundled into the script, as before. The
 * script carries code, the widget and that one report; the library's indexes stay in KV, so the
 * script does not grow with the library. The app over KV is built once per isolate, its reports
 * loaded as requests name them.
 */
import { AppError } from '../core/errors';
import { createApp } from '../http/app';
import { libraryDemoPage } from '../http/demo-page';
import { aiBinding, createSnapshotServer, errorResponse, type WorkerFetch } from './snapshot-server';
import { kvBinding, kvLibrary, type KvLibrary } from './kv-library';
import { bindingLimiter, cloudflareClientKey, rateLimitBinding } from './rate-limit-binding';
import { readSettings } from './settings';
import { createWorkersAiGenerator } from './workers-ai-generator';

/** The widget bundled with the snapshot, read without validating the snapshot's index. */
function bundledWidget(snapshot: unknown): string | undefined {
  const widgetJs = (snapshot as { widgetJs?: unknown } | null)?.widgetJs;
  return typeof widgetJs === 'string' && widgetJs !== '' ? widgetJs : undefined;
}

function startLibrary(library: KvLibrary, env: Record<string, unknown>, widgetJs: string | undefined): WorkerFetch {
  const settings = readSettings(env);
  const limiter = rateLimitBinding(env);
  const app = createApp({
    library,
    ...(widgetJs !== undefined ? { widgetJs, demoPage: libraryDemoPage(library) } : {}),
    allowedOrigins: settings.allowedOrigins,
    maxBodyBytes: settings.maxBodyBytes,
    ...(limiter ? { rateLimiter: bindingLimiter(limiter), clientKey: cloudflareClientKey } : {}),
  });
  return (request, bindings, ctx) => app.fetch(request, bindings, ctx);
}

export function createWorkerServer(snapshot: () => unknown): WorkerFetch {
  const fromSnapshot = createSnapshotServer(snapshot);
  let served: { library: KvLibrary; fetch: WorkerFetch } | { error: AppError } | undefined;
  return async (request, env, ctx) => {
    const kv = kvBinding(env);
    if (!kv) return fromSnapshot(request, env, ctx);
    if (!served) {
      try {
        const settings = readSettings(env);
        const ai = aiBinding(env);
        const generator = ai ? createWorkersAiGenerator(ai, settings.llmModel, { timeoutMs: settings.llmTimeoutMs }) : undefined;
        const library = kvLibrary(kv, { retrieval: settings.retrieval, ...(generator ? { generator } : {}) });
        served = { library, fetch: startLibrary(library, env, bundledWidget(snapshot())) };
      } catch (err) {
        served = { error: err instanceof AppError ? err : new AppError('index_unavailable', `the Worker could not start: ${err instanceof Error ? err.message : String(err)}`) };
        console.error(`report-chat: not serving: ${served.error.message}`);
      }
    }
    if ('error' in served) return errorResponse(served.error);
    // An empty namespace (nothing uploaded yet) leaves the bundled report in service.
    const catalog = await served.library.catalog().catch((err: unknown) => {
      console.error(`report-chat: the library catalog cannot be read: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    });
    if (catalog === undefined) return errorResponse(new AppError('index_unavailable', 'the library catalog in KV cannot be read; upload it again with `npm run deploy:library`'));
    return catalog ? served.fetch(request, env, ctx) : fromSnapshot(request, env, ctx);
  };
}
