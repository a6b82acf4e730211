/**
 * Load generation with wrk (C, epoll), when it is installed: it leaves far more of a 2-core
 * machine to the server than a Node load generator does, so requests/s measure the server
 * rather than the client. The request list travels to wrk as a generated Lua script that each
 * connection walks round-robin; `done` prints one JSON line with the figures the benchmark judges.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoadRequest, LoadSummary } from './bench-load';

/** wrk's version line ("wrk debian/4.1.0-3 [epoll] …"), or undefined when it is not installed. */
export function wrkVersion(): string | undefined {
  const probe = spawnSync('wrk', ['-v'], { encoding: 'utf8' });
  if (probe.error) return undefined;
  const line = `${probe.stdout}${probe.stderr}`.split('\n')[0]?.trim();
  return line?.startsWith('wrk') ? line.replace(/\s+Copyright.*$/, '') : undefined;
}

/** A Lua string literal holding exactly these UTF-8 bytes. */
export function luaString(text: string): string {
  let out = '"';
  for (const byte of Buffer.from(text, 'utf8')) {
    if (byte === 0x22 || byte === 0x5c) out += `\\${String.fromCharCode(byte)}`;
    else if (byte < 0x20 || byte === 0x7f) out += `\\${String(byte).padStart(3, '0')}`;
    else out += byte < 0x80 ? String.fromCharCode(byte) : `\\${byte}`;
  }
  return `${out}"`;
}

/** Requests with a `setupRequest` stand for a stream of different requests: `variants` of them are written out. */
export function expandRequests(requests: LoadRequest[], variants: number): LoadRequest[] {
  return requests.flatMap((r) => (r.setupRequest ? Array.from({ length: variants }, () => r.setupRequest!(r)) : [r]));
}

/** Requests per generated Lua function: LuaJIT limits the constants one function may hold. */
const LUA_BATCH = 500;

/** The Lua script: the requests, formatted on first use, each thread starting at its own offset, and a JSON summary. */
export function wrkScript(requests: LoadRequest[]): string {
  const entries = requests.map((r) => {
    const headers = Object.entries(r.headers ?? {}).map(([k, v]) => `[${luaString(k)}]=${luaString(v)}`);
    return `add(${luaString(r.method)}, ${luaString(r.path)}, {${headers.join(',')}}, ${r.body === undefined ? 'nil' : luaString(r.body)})`;
  });
  const batches: string[] = [];
  for (let i = 0; i < entries.length; i += LUA_BATCH) batches.push(`;(function()\n${entries.slice(i, i + LUA_BATCH).join('\n')}\nend)()`);
  return `
local specs = {}
local function add(method, path, headers, body) specs[#specs + 1] = { method, path, headers, body } end
${batches.join('\n')}
local cache = {}
local counter = 0
local thread_index = 0
function setup(thread)
  thread:set("offset", thread_index * 7919)
  thread_index = thread_index + 1
end
function init(args)
  counter = tonumber(offset or 0) or 0
end
function request()
  counter = counter + 1
  local i = (counter % #specs) + 1
  local r = cache[i]
  if r == nil then
    local s = specs[i]
    r = wrk.format(s[1], s[2], s[3], s[4])
    cache[i] = r
  end
  return r
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('WRK_SUMMARY {"requests":%d,"durationUs":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,"p50Us":%d,"p99Us":%d,"maxUs":%d}\\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(99), latency.max))
end
`;
}

interface WrkFigures {
  requests: number;
  durationUs: number;
  connect: number;
  read: number;
  write: number;
  status: number;
  timeout: number;
  p50Us: number;
  p99Us: number;
  maxUs: number;
}

/** wrk's figures in the shape the benchmark prints; `statuses` can only tell below 400 from the rest. */
export function summariseWrk(label: string, f: WrkFigures): LoadSummary {
  const failed = f.status;
  return {
    label,
    requests: f.requests,
    rps: f.requests / Math.max(f.durationUs / 1e6, 1e-3),
    p50Ms: f.p50Us / 1000,
    p99Ms: f.p99Us / 1000,
    maxMs: f.maxUs / 1000,
    errors: f.connect + f.read + f.write + f.timeout,
    non2xx: failed,
    statuses: { '<400': f.requests - failed, ...(failed ? { '>=400': failed } : {}) },
  };
}

export async function runWrk(options: { label: string; url: string; connections: number; requests: LoadRequest[]; durationSeconds: number; threads?: number }): Promise<LoadSummary> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-wrk-'));
  try {
    const script = join(dir, 'requests.lua');
    // Enough different questions that none repeats within the run, at a generous rate.
    await writeFile(script, wrkScript(expandRequests(options.requests, Math.ceil(options.durationSeconds * 4000) + 1000)));
    const threads = Math.max(1, Math.min(options.threads ?? 2, options.connections));
    const duration = `${Math.max(1, Math.round(options.durationSeconds))}s`;
    const args = ['-t', String(threads), '-c', String(options.connections), '-d', duration, '--timeout', '10s', '-s', script, options.url];
    const output = await new Promise<string>((ok, fail) => {
      const proc = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      proc.stdout.on('data', (d) => (out += d));
      proc.stderr.on('data', (d) => (out += d));
      proc.once('error', fail);
      proc.once('exit', (code) => (code === 0 ? ok(out) : fail(new Error(`wrk exited with ${code}:\n${out}`))));
    });
    const line = /WRK_SUMMARY (\{.*\})/.exec(output)?.[1];
    if (!line) throw new Error(`wrk printed no summary:\n${output}`);
    return summariseWrk(options.label, JSON.parse(line) as WrkFigures);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
