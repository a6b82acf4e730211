/**
 * npm run make:library -- [--count 120] [--out .tmp/library] [--seed 1]: writes a made-up library
 * of short reports in the publisher's layout (5–30 KB each, see library/synthetic-report.ts), for
 * measuring ingest, memory and load on a library (`npm run bench:library`).
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { syntheticReport } from './library/synthetic-report';

export async function makeLibrary(dir: string, count: number, seed = 1): Promise<string[]> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const r = syntheticReport(i, seed);
    await writeFile(join(dir, `${r.id}.txt`), r.text);
    ids.push(r.id);
  }
  return ids;
}

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
};

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const dir = resolve(arg('out', '.tmp/library'));
  const ids = await makeLibrary(dir, Number(arg('count', '120')), Number(arg('seed', '1')));
  console.log(`${ids.length} reports in ${dir} (${ids[0]} … ${ids.at(-1)}); serve them with CORPUS_DIR=${dir} DATA_DIR=.tmp/library-data npm start`);
}
