/**
 * Cloudflare Workers entry: the same app as the Node server, over the index snapshot that
 * `npm run build:worker` writes to dist/worker/snapshot.json and wrangler bundles in as data
 * (wrangler.toml [alias] maps the module name to the file).
 */
import snapshot from 'report-chat-snapshot';
import { createSnapshotServer } from './snapshot-server';

const fetch = createSnapshotServer(() => snapshot);

export default { fetch };
