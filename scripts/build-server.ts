/**
 * Bundles the Node server into dist/server/server.mjs (dependencies stay in node_modules), so
 * `npm start` runs plain node: compiling TypeScript at every start would cost most of the
 * cold-start budget. Code splitting keeps lazily imported parts (transformers.js, the widget
 * builder) in chunks of their own, loaded only when used.
 *
 *   npm run build:server
 */
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SERVER_ENTRY = join(root, 'src', 'node', 'server.ts');
export const SERVER_OUTDIR = join(root, 'dist', 'server');
export const SERVER_OUTFILE = join(SERVER_OUTDIR, 'server.mjs');

export async function buildServer(): Promise<{ outfile: string; bytes: number }> {
  const result = await build({
    entryPoints: [SERVER_ENTRY],
    outdir: SERVER_OUTDIR,
    outExtension: { '.js': '.mjs' },
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    splitting: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'silent',
    metafile: true,
  });
  const bytes = result.metafile.outputs[join('dist', 'server', 'server.mjs')]?.bytes ?? 0;
  return { outfile: SERVER_OUTFILE, bytes };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  buildServer()
    .then(({ bytes }) => console.log(`dist/server/server.mjs: ${(bytes / 1024).toFixed(1)} KB`))
    .catch((err) => {
      console.error(`server build failed: ${err instanceof Error ? err.message : err}`);
      process.exit(1);
    });
}
