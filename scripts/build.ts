/** npm run build: the widget bundle and the server bundle that `npm start` runs. */
import { buildServer } from './build-server';
import { buildWidget, GZIP_BUDGET_BYTES } from './build-widget';

try {
  const [widget, server] = await Promise.all([buildWidget(), buildServer()]);
  console.log(`dist/widget.js: ${(widget.bytes / 1024).toFixed(1)} KB raw, ${(widget.gzipBytes / 1024).toFixed(1)} KB gzipped (budget ${GZIP_BUDGET_BYTES / 1024} KB)`);
  console.log(`dist/server/server.mjs: ${(server.bytes / 1024).toFixed(1)} KB`);
  if (widget.gzipBytes > GZIP_BUDGET_BYTES) throw new Error('the widget is over its size budget');
} catch (err) {
  console.error(`build failed: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
}
