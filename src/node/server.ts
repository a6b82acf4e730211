/** Node entry: open (or build) the index, then serve the app on HOST:PORT. */
import { readFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { serve, type ServerType } from '@hono/node-server';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { switchableLibrary } from '../core/reports';
import { createApp } from '../http/app';
import { libraryDemoPage } from '../http/demo-page';
import { clientKeyFrom } from '../http/middleware/client-address';
import { parseOrigins } from '../http/middleware/origins';
import { answerClientErrors } from './client-errors';
import { clientHasher } from './client-hash';
import { loadConfig, type Config } from './config';
import { configuredEmbedder } from './configured-embedder';
import { createLineWriter } from './line-writer';
import { GenerationSlots } from '../core/answer/generation-slots';
import { openLibrary, type OpenLibraryOptions } from './open-library';
import { createOpenAiGenerator } from './openai-generator';
import { trackConnections, type ShutdownResult } from './shutdown';

const log = (line: string) => console.log(`[report-chat] ${line}`);
const warn = (line: string) => console.warn(`[report-chat] warning: ${line}`);

/** The widget bundle that `npm run build` writes; the server runs without it (no /widget.js, no demo page). */
export const WIDGET_PATH = fileURLToPath(new URL('../../dist/widget.js', import.meta.url));

async function readWidget(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    warn(`${path} is missing, so /widget.js and the demo page are not served; build it with \`npm run build\``);
    return undefined;
  }
}

export interface RunningServer {
  url: string;
  /** Stops accepting, ends idle and half-sent connections, lets answers in progress finish up to SHUTDOWN_TIMEOUT_MS. */
  close(): Promise<ShutdownResult>;
  /** Reads CORPUS_DIR again (ingesting what changed) and serves the result once it is whole; on SIGHUP. */
  reload(): Promise<void>;
}

export async function startServer(config: Config = loadConfig()): Promise<RunningServer> {
  const embedder = await configuredEmbedder(config, warn);
  const generator =
    config.LLM_BASE_URL && config.LLM_MODEL
      ? createOpenAiGenerator({ baseUrl: config.LLM_BASE_URL, apiKey: config.LLM_API_KEY, model: config.LLM_MODEL, timeoutMs: config.LLM_TIMEOUT_MS })
      : undefined;
  const libraryOptions: OpenLibraryOptions = { corpusDir: config.CORPUS_DIR, dataDir: config.DATA_DIR, indexDir: config.indexDir, embedder, log, ...(generator ? { generator, generationSlots: new GenerationSlots(config.LLM_MAX_CONCURRENT) } : {}), ...(config.DEFAULT_REPORT ? { defaultReport: config.DEFAULT_REPORT } : {}), ...(config.LLM_BASE_URL ? { generatorHost: new URL(config.LLM_BASE_URL).host } : {}) };
  const opened = await openLibrary(libraryOptions);
  const library = switchableLibrary(opened.library);
  const widgetJs = await readWidget(config.WIDGET_PATH ?? WIDGET_PATH);
  const app = createApp({
    library,
    ...(config.ACCESS_LOG ? { accessLog: { write: createLineWriter().write, hashClient: clientHasher(), includeQuestions: config.ACCESS_LOG_QUESTIONS } } : {}),
    ...(widgetJs !== undefined ? { widgetJs, demoPage: libraryDemoPage(library) } : {}),
    allowedOrigins: parseOrigins(config.ALLOWED_ORIGINS),
    maxBodyBytes: config.MAX_BODY_BYTES,
    ...(config.RATE_LIMIT_PER_MINUTE > 0 ? { rateLimit: { perMinute: config.RATE_LIMIT_PER_MINUTE, burst: config.RATE_LIMIT_BURST } } : {}),
    // The socket address comes from @hono/node-server's env; routes never read it themselves.
    requireHost: true,
    clientKey: clientKeyFrom({
      trustedProxies: config.TRUST_PROXY,
      remoteAddress: (c) => (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress,
    }),
  });
  const server: ServerType = await new Promise((resolve) => {
    // Node's own refusal of a request without Host is an empty 400: the app refuses it instead (requireHost).
    const s = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST, serverOptions: { requireHostHeader: false } }, () => resolve(s));
  });
  answerClientErrors(server as Server);
  const connections = trackConnections(server as Server);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const url = `http://${config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST}:${port}`;
  log(opened.summary);
  log(`listening on ${url}`);
  return {
    url,
    close: () => connections.shutdown(config.SHUTDOWN_TIMEOUT_MS),
    reload: async () => {
      const next = await openLibrary(libraryOptions);
      library.replace(next.library);
      log(`reloaded: ${next.summary}`);
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  startServer()
    .then((running) => {
      const stop = (signal: string) => {
        log(`${signal}: finishing answers in progress, then exiting`);
        running
          .close()
          .then(({ forced }) => forced && warn(`${forced} connection${forced === 1 ? ' was' : 's were'} still busy when the shutdown time ran out`))
          .finally(() => process.exit(0));
      };
      process.once('SIGINT', () => stop('SIGINT'));
      process.once('SIGTERM', () => stop('SIGTERM'));
      // SIGHUP: pick up reports added, changed or removed (after `npm run ingest`, or built here); a failed reload keeps serving what was served.
      let reloading: Promise<void> | undefined;
      process.on('SIGHUP', () => {
        reloading ??= running
          .reload()
          .catch((err) => console.error(`[report-chat] reload failed, still serving the previous library: ${err instanceof Error ? err.message : err}`))
          .finally(() => (reloading = undefined));
      });
    })
    .catch((err) => {
      console.error(`[report-chat] failed to start: ${err instanceof Error ? err.message : err}`);
      process.exit(1);
    });
}
