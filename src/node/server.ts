/** Node entry: load (or build) the index, then serve the app on HOST:PORT. */
import { readFile } from 'node:fs/promises';
import { serve, type ServerType } from '@hono/node-server';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { createApp } from '../http/app';
import { renderDemoPage } from '../http/demo-page';
import { clientKeyFrom } from '../http/rate-limit';
import { parseOrigins } from '../http/origins';
import { loadConfig, type Config } from './config';
import { configuredEmbedder } from './configured-embedder';
import { loadEngine } from './load-engine';
import { createOpenAiGenerator } from './openai-generator';

const log = (line: string) => console.log(`[report-chat] ${line}`);

async function readWidget(): Promise<string> {
  const path = join(process.cwd(), 'dist', 'widget.js');
  try {
    return await readFile(path, 'utf8');
  } catch {
    const { buildWidget } = await import('../../scripts/build-widget');
    log('building dist/widget.js');
    return (await buildWidget()).code;
  }
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export async function startServer(config: Config = loadConfig()): Promise<RunningServer> {
  const embedder = await configuredEmbedder(config, (m) => console.warn(`[report-chat] warning: ${m}`));
  const generator = config.LLM_BASE_URL && config.LLM_MODEL
    ? createOpenAiGenerator({ baseUrl: config.LLM_BASE_URL, apiKey: config.LLM_API_KEY, model: config.LLM_MODEL, timeoutMs: config.LLM_TIMEOUT_MS })
    : undefined;
  const { engine, corpus } = await loadEngine({ corpusDir: config.CORPUS_DIR, indexDir: config.indexDir, embedder, log, ...(generator ? { generator } : {}) });
  const { metadata } = corpus;
  const app = createApp({
    engine,
    title: metadata.title,
    widgetJs: await readWidget(),
    demoPage: renderDemoPage({ title: metadata.title, publisher: metadata.publisher, suggestions: metadata.suggestions }),
    allowedOrigins: parseOrigins(config.ALLOWED_ORIGINS),
    maxBodyBytes: config.MAX_BODY_BYTES,
    ...(config.RATE_LIMIT_PER_MINUTE > 0 ? { rateLimit: { perMinute: config.RATE_LIMIT_PER_MINUTE, burst: config.RATE_LIMIT_BURST } } : {}),
    // The socket address comes from @hono/node-server's env; routes never read it themselves.
    clientKey: clientKeyFrom({
      trustedProxies: config.TRUST_PROXY,
      remoteAddress: (c) => (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress,
    }),
  });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const url = `http://${config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST}:${port}`;
  log(`${engine.library.passages.length} passages, ${engine.library.footnotes.length} footnotes, embedder ${engine.info.embedder}, retrieval ${engine.info.retrieval}`);
  log(generator ? `answers written by ${generator.id} at ${new URL(config.LLM_BASE_URL!).host}, checked against the report` : 'answers are extractive (set LLM_BASE_URL and LLM_MODEL for generated answers)');
  log(`listening on ${url}`);
  return {
    url,
    close: () => new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  startServer()
    .then((running) => {
      const stop = () => running.close().finally(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    })
    .catch((err) => {
      console.error(`[report-chat] failed to start: ${err instanceof Error ? err.message : err}`);
      process.exit(1);
    });
}
