/**
 * Bundles the Worker exactly as `wrangler deploy` would upload it (`--dry-run --outdir`), offline,
 * and measures what would be uploaded: every module in the output folder, raw and gzipped.
 */
import { spawn } from 'node:child_process';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export const repoRoot = resolve(import.meta.dirname, '..');
export const WRANGLER_BIN = join(repoRoot, 'node_modules', 'wrangler', 'bin', 'wrangler.js');
export const WRANGLER_CONFIG = join(repoRoot, 'wrangler.toml');
/** The name the Worker imports its snapshot by, and the file wrangler.toml's [alias] maps it to. */
export const SNAPSHOT_MODULE = 'report-chat-snapshot';
export const DEFAULT_SNAPSHOT_PATH = join(repoRoot, 'dist', 'worker', 'snapshot.json');
/** Cloudflare's limit for a Worker on the free plan is 3 MB gzipped; stay under it. */
export const GZIP_LIMIT_BYTES = 3 * 1024 * 1024;

/** Keeps wrangler off the network: no metrics, no request.cf lookup, no banner. */
export const OFFLINE_WRANGLER_ENV = {
  WRANGLER_SEND_METRICS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  WRANGLER_HIDE_BANNER: 'true',
} as const;

export interface BundleResult {
  dir: string;
  files: { name: string; bytes: number }[];
  bytes: number;
  gzipBytes: number;
}

function run(command: string, args: string[]): Promise<string> {
  return new Promise((ok, fail) => {
    const child = spawn(command, args, { cwd: repoRoot, env: { ...process.env, ...OFFLINE_WRANGLER_ENV }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.once('error', fail);
    child.once('exit', (code) => (code === 0 ? ok(output) : fail(new Error(`wrangler exited with ${code}:\n${output}`))));
  });
}

/** wrangler.toml as wrangler reads it (paths resolved, defaults filled in). */
export async function readWranglerConfig() {
  Object.assign(process.env, OFFLINE_WRANGLER_ENV);
  const { unstable_readConfig } = await import('wrangler');
  return unstable_readConfig({ config: WRANGLER_CONFIG }, { hideWarnings: true });
}

/**
 * The wrangler configuration that bundles `snapshotPath`: wrangler.toml itself for the default
 * snapshot (so the build checks exactly what `wrangler deploy` uploads); for another snapshot, a
 * copy of wrangler.toml's build settings with the alias pointed at it, written beside the bundle
 * (`wrangler deploy --alias` does not override a configured alias).
 */
async function configFor(snapshotPath: string, outDir: string): Promise<string> {
  if (resolve(snapshotPath) === DEFAULT_SNAPSHOT_PATH) return WRANGLER_CONFIG;
  const base = await readWranglerConfig();
  const derived = {
    name: base.name,
    main: base.main,
    compatibility_date: base.compatibility_date,
    compatibility_flags: base.compatibility_flags,
    define: base.define,
    rules: base.rules,
    vars: base.vars,
    alias: { ...base.alias, [SNAPSHOT_MODULE]: resolve(snapshotPath) },
  };
  const path = `${outDir}.wrangler.json`;
  await writeFile(path, JSON.stringify(derived, null, 2));
  return path;
}

/** Bundles src/worker/worker.ts with `snapshotPath` as its snapshot into `outDir` (emptied first). */
export async function bundleWorker(options: { snapshotPath: string; outDir: string }): Promise<BundleResult> {
  const outDir = resolve(options.outDir);
  await rm(outDir, { recursive: true, force: true });
  const config = await configFor(options.snapshotPath, outDir);
  await run(process.execPath, [WRANGLER_BIN, 'deploy', '--dry-run', '--config', config, '--outdir', outDir]);
  const files: BundleResult['files'] = [];
  const contents: Buffer[] = [];
  for (const name of (await readdir(outDir)).sort()) {
    // Source maps and the metafile stay on this machine; only modules are uploaded.
    if (name.endsWith('.map') || name === 'README.md' || name.endsWith('.json.meta')) continue;
    const content = await readFile(join(outDir, name));
    files.push({ name, bytes: content.length });
    contents.push(content);
  }
  if (!files.some((f) => f.name.endsWith('.js'))) throw new Error(`wrangler wrote no JavaScript module to ${outDir}`);
  const all = Buffer.concat(contents);
  return { dir: outDir, files, bytes: all.length, gzipBytes: gzipSync(all, { level: 9 }).length };
}
