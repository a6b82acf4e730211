/**
 * Bundles widget/main.ts into dist/widget.js: one self-contained, minified IIFE that
 * third-party pages load with a single <script> tag. Fails when it grows past the
 * gzip budget, because every embedding page pays for its size.
 *
 *   npm run build:widget
 */
import { build } from 'esbuild';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const WIDGET_ENTRY = join(root, 'widget', 'main.ts');
export const WIDGET_OUTFILE = join(root, 'dist', 'widget.js');
export const GZIP_BUDGET_BYTES = 30 * 1024;

export async function buildWidget(): Promise<{ code: string; bytes: number; gzipBytes: number }> {
  const result = await build({
    entryPoints: [WIDGET_ENTRY],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    // ASCII output (\u escapes) reads correctly whatever charset a host page assumes.
    charset: 'ascii',
    write: false,
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('esbuild produced no output for the widget');
  const code = file.text;
  await mkdir(dirname(WIDGET_OUTFILE), { recursive: true });
  // Write then rename, so a server reading the file never sees half of it.
  const tmp = `${WIDGET_OUTFILE}.${process.pid}.tmp`;
  await writeFile(tmp, code);
  await rename(tmp, WIDGET_OUTFILE);
  return { code, bytes: Buffer.byteLength(code), gzipBytes: gzipSync(code).length };
}

const invokedDirectly = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (invokedDirectly) {
  const { bytes, gzipBytes } = await buildWidget();
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`dist/widget.js: ${kb(bytes)} raw, ${kb(gzipBytes)} gzipped (budget ${kb(GZIP_BUDGET_BYTES)})`);
  if (gzipBytes > GZIP_BUDGET_BYTES) {
    console.error(`widget.js is over its gzip budget by ${kb(gzipBytes - GZIP_BUDGET_BYTES)}`);
    process.exit(1);
  }
}
