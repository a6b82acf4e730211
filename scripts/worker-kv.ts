/**
 * Workers KV through wrangler's own commands (`wrangler kv …`): the namespace bound as LIBRARY
 * in wrangler.toml, on Cloudflare (`remote`) or in the local simulation `wrangler dev` reads
 * (`local`, optionally in another persistence folder).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OFFLINE_WRANGLER_ENV, repoRoot, WRANGLER_BIN, WRANGLER_CONFIG } from './worker-bundle';

export interface KvStore {
  get(key: string): Promise<string | null>;
  putMany(pairs: { key: string; value: string }[]): Promise<void>;
  list(prefix: string): Promise<string[]>;
  deleteMany(keys: string[]): Promise<void>;
}

export interface WranglerKvOptions {
  remote: boolean;
  /** Local simulation's folder (default: wrangler's, .wrangler/state, which `wrangler dev` reads). */
  persistTo?: string;
  binding?: string;
  config?: string;
}

function wrangler(args: string[], remote: boolean): Promise<{ code: number; out: string; err: string }> {
  return new Promise((ok, fail) => {
    const env = remote ? { ...process.env, WRANGLER_SEND_METRICS: 'false', WRANGLER_HIDE_BANNER: 'true' } : { ...process.env, ...OFFLINE_WRANGLER_ENV };
    const child = spawn(process.execPath, [WRANGLER_BIN, ...args], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.once('error', fail);
    child.once('exit', (code) => ok({ code: code ?? 1, out, err }));
  });
}

export function wranglerKv(options: WranglerKvOptions): KvStore {
  const where = [
    '--binding',
    options.binding ?? 'LIBRARY',
    '--config',
    options.config ?? WRANGLER_CONFIG,
    options.remote ? '--remote' : '--local',
    ...(options.persistTo && !options.remote ? ['--persist-to', options.persistTo] : []),
  ];
  const run = async (args: string[]) => {
    const r = await wrangler([...args, ...where], options.remote);
    if (r.code !== 0) throw new Error(`wrangler ${args.slice(0, 3).join(' ')} failed:\n${r.err || r.out}`);
    return r.out;
  };
  const viaFile = async (command: string[], content: unknown) => {
    const dir = await mkdtemp(join(tmpdir(), 'report-chat-kv-'));
    try {
      const file = join(dir, 'pairs.json');
      await writeFile(file, JSON.stringify(content));
      await run([...command, file]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };
  return {
    async get(key) {
      const r = await wrangler(['kv', 'key', 'get', key, '--text', ...where], options.remote);
      if (r.code !== 0) return null;
      return /^Value not found/m.test(r.out) ? null : r.out;
    },
    async putMany(pairs) {
      // One bulk upload per batch keeps each request well under the API's size limit.
      for (let i = 0; i < pairs.length; ) {
        let bytes = 0;
        const batch: typeof pairs = [];
        while (i < pairs.length && (batch.length === 0 || bytes + pairs[i]!.value.length < 50_000_000)) {
          bytes += pairs[i]!.value.length;
          batch.push(pairs[i++]!);
        }
        await viaFile(['kv', 'bulk', 'put'], batch);
      }
    },
    async list(prefix) {
      const out = await run(['kv', 'key', 'list', '--prefix', prefix]);
      return (JSON.parse(out.slice(out.indexOf('['))) as { name: string }[]).map((k) => k.name);
    },
    async deleteMany(keys) {
      if (keys.length) await viaFile(['kv', 'bulk', 'delete', '--force'], keys);
    },
  };
}
