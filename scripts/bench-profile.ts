/** Reads a V8 .cpuprofile (node --cpu-prof) and ranks where the time went: by function and by source file. */
import { readFile } from 'node:fs/promises';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface ProfileEntry {
  name: string;
  /** Self time in milliseconds. */
  selfMs: number;
  share: number;
}

const shortUrl = (url: string) => url.replace(/^file:\/\//, '').replace(/^.*\/node_modules\//, 'node_modules/').replace(/^.*?\/(src|scripts|test)\//, '$1/');

/** Self time per function and per file, largest first; idle and GC listed as such. */
export function summariseProfile(profile: CpuProfile, top = 25): { totalMs: number; functions: ProfileEntry[]; files: ProfileEntry[] } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (deltas[i] ?? 0) / 1000));
  const totalMs = (profile.endTime - profile.startTime) / 1000;
  const fn = new Map<string, number>();
  const file = new Map<string, number>();
  for (const [id, ms] of self) {
    const node = byId.get(id);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url ? shortUrl(url) : '(native)';
    fn.set(`${functionName || '(anonymous)'} ${where}${url ? `:${lineNumber + 1}` : ''}`, (fn.get(`${functionName || '(anonymous)'} ${where}${url ? `:${lineNumber + 1}` : ''}`) ?? 0) + ms);
    const fileKey = url ? where : `(${functionName})`;
    file.set(fileKey, (file.get(fileKey) ?? 0) + ms);
  }
  const rank = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, selfMs]) => ({ name, selfMs, share: totalMs > 0 ? selfMs / totalMs : 0 }));
  return { totalMs, functions: rank(fn), files: rank(file) };
}

export async function readProfile(path: string): Promise<CpuProfile> {
  return JSON.parse(await readFile(path, 'utf8')) as CpuProfile;
}

export function formatProfile(summary: ReturnType<typeof summariseProfile>, top = 15): string {
  const line = (e: ProfileEntry) => `  ${e.selfMs.toFixed(0).padStart(7)} ms ${(e.share * 100).toFixed(1).padStart(5)}%  ${e.name}`;
  return [
    `profile: ${summary.totalMs.toFixed(0)} ms sampled`,
    'by file (self time):',
    ...summary.files.slice(0, top).map(line),
    'by function (self time):',
    ...summary.functions.slice(0, top).map(line),
  ].join('\n');
}
