/**
 * Cloudflare Workers entry: the same app as the Node server. A library uploaded to Workers KV
 * (binding LIBRARY, `npm run deploy:library`) is served from there; without one, the report whose
 * snapshot `npm run build:worker` writes to dist/worker/snapshot.json (bundled in as data:
 * wrangler.toml [alias] maps the module name to the file).
 */
import snapshot from 'report-chat-snapshot';
import { createWorkerServer } from './library-server';

const fetch = createWorkerServer(() => snapshot);
export default { fetch };
