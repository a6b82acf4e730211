import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHashEmbedder } from '../core/search/hash-embedder';
import { LIBRARY_REPORTS, reportText } from '../../test/helpers/report-text';
import { ingestLibrary, reportIndexDir } from './ingest-library';
import { nodeLibrary } from './node-library';

let root: string;
let corpusDir: string;
let dataDir: string;
const embedder = createHashEmbedder();
const lines: string[] = [];
const run = (force = false) => ingestLibrary({ corpusDir, dataDir, embedder, force, log: (l) => lines.push(l), progress: { write: (t: string) => lines.push(t.trim()) } });

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'ingest-library-'));
  corpusDir = join(root, 'corpus');
  dataDir = join(root, 'data');
  await mkdir(join(corpusDir, 'tourism'), { recursive: true });
  await writeFile(join(corpusDir, 'rice.txt'), reportText(LIBRARY_REPORTS.rice!));
  await writeFile(join(corpusDir, 'steel.txt'), reportText(LIBRARY_REPORTS.steel!));
  await writeFile(join(corpusDir, 'tourism', 'report.txt'), reportText(LIBRARY_REPORTS.tourism!));
  await writeFile(join(corpusDir, 'tourism', 'metadata.json'), JSON.stringify({ title: '訪日観光（改訂版）', suggestions: { ja: ['京都の課題は？'] } }));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('ingestLibrary', () => {
  it('builds every report into DATA_DIR/<id>/index, counting reports on the progress bar', async () => {
    const result = await run();
    expect(result.built.sort()).toEqual(['rice', 'steel', 'tourism']);
    expect(result.failed).toEqual([]);
    expect(result.reports.map((r) => r.indexDir)).toEqual(['rice', 'steel', 'tourism'].map((id) => reportIndexDir(dataDir, id)));
    const tourism = result.reports.find((r) => r.entry.id === 'tourism')!.entry;
    expect(tourism).toMatchObject({ title: '訪日観光（改訂版）', published: '2024-06-01', editions: ['ja'] });
    expect(tourism.metadata.suggestions.ja).toEqual(['京都の課題は？']);
    expect(tourism.passages).toBeGreaterThan(0);
    expect(lines.some((l) => /reports .*3\/3/.test(l))).toBe(true);
  });

  it('rebuilds only the report whose files changed', async () => {
    expect((await run()).built).toEqual([]);
    await writeFile(join(corpusDir, 'steel.txt'), reportText({ ...LIBRARY_REPORTS.steel!, title: '鉄鋼業の脱炭素（第2版）' }));
    const again = await run();
    expect(again.built).toEqual(['steel']);
    expect(again.reports.find((r) => r.entry.id === 'steel')!.entry.title).toBe('鉄鋼業の脱炭素（第2版）');
  });

  it('skips a report that cannot be parsed, naming the file, and serves the others (and its previous index)', async () => {
    const before = await readFile(join(reportIndexDir(dataDir, 'rice'), 'manifest.json'), 'utf8');
    await writeFile(join(corpusDir, 'rice.txt'), ' \n\n');
    await writeFile(join(corpusDir, 'new-one.txt'), Buffer.from([0x82, 0xa0, 0x82, 0xa2])); // Shift_JIS, not UTF-8
    const result = await run();
    expect(result.failed.map((f) => f.path).sort()).toEqual([join(corpusDir, 'new-one.txt'), join(corpusDir, 'rice.txt')]);
    const why = Object.fromEntries(result.failed.map((f) => [f.path.slice(corpusDir.length + 1), f.message]));
    expect(why['rice.txt']).toMatch(/empty/);
    expect(why['new-one.txt']).toMatch(/not UTF-8.*iconv/);
    expect(result.reports.map((r) => r.entry.id)).toEqual(['rice', 'steel', 'tourism']);
    expect(await readFile(join(reportIndexDir(dataDir, 'rice'), 'manifest.json'), 'utf8')).toBe(before);
    expect(lines.some((l) => l.includes('rice.txt') && l.includes('previous index is served'))).toBe(true);
    await writeFile(join(corpusDir, 'rice.txt'), reportText(LIBRARY_REPORTS.rice!));
    await rm(join(corpusDir, 'new-one.txt'));
  });

  it('opens reports on first use and rebuilds a damaged index once', async () => {
    const result = await run();
    const library = nodeLibrary({ reports: result.reports, embedder, log: (l) => lines.push(l) });
    expect(await library.defaultId()).toBeUndefined();
    expect(await library.open('nope')).toBeUndefined();
    await writeFile(join(reportIndexDir(dataDir, 'tourism'), 'corpus.json'), '{"damaged":');
    const tourism = await library.open('tourism');
    expect(lines.some((l) => l.startsWith('tourism: the index') && l.includes('rebuilding'))).toBe(true);
    const hits = await tourism!.engine.search('京都の混雑', 3);
    expect(hits[0]!.passage.text).toContain('京都');
    expect(await library.open('tourism')).toBe(tourism);
    const ranked = (await library.router()).rank('電炉への転換の投資', 3);
    expect(ranked[0]!.id).toBe('steel');
  });
});
