import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scanLibrary } from './library-dir';

let dir: string;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function folder(files: Record<string, string>): Promise<string> {
  dir = await mkdtemp(join(tmpdir(), 'library-dir-'));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), content);
  }
  return dir;
}

describe('scanLibrary', () => {
  it('finds reports as files and as folders with their companions, by id', async () => {
    const d = await folder({
      'a-2024.txt': 'x',
      'a-2024.en.json': '{}',
      'glossary.en-ja.json': '{"entries":{}}',
      'b/report.txt': 'y',
      'b/metadata.json': '{"title":"B"}',
      'b/report.en.json': '{}',
    });
    const layout = await scanLibrary(d);
    expect(layout.single).toBe(false);
    expect(layout.problems).toEqual([]);
    expect(layout.reports.map((r) => r.id)).toEqual(['a-2024', 'b']);
    const [a, b] = layout.reports;
    expect(a).toMatchObject({ dir: d, file: 'a-2024.txt', editionPath: join(d, 'a-2024.en.json'), glossaryPath: join(d, 'glossary.en-ja.json') });
    expect(a!.metadataPath).toBeUndefined();
    expect(b).toMatchObject({ dir: join(d, 'b'), file: 'report.txt', metadataPath: join(d, 'b', 'metadata.json'), editionPath: join(d, 'b', 'report.en.json'), glossaryPath: join(d, 'glossary.en-ja.json') });
  });

  it('refuses ids that are not URL-safe slugs, naming the file and a name that would do', async () => {
    const d = await folder({ 'Annual Report.txt': 'x', '日本語.txt': 'y', 'ok.txt': 'z', 'Bad Folder/r.txt': 'w' });
    const layout = await scanLibrary(d);
    expect(layout.reports.map((r) => r.id)).toEqual(['ok']);
    const messages = layout.problems.map((p) => `${p.path} ${p.message}`);
    expect(messages.some((m) => m.includes('Annual Report.txt') && m.includes('annual-report.txt'))).toBe(true);
    expect(messages.some((m) => m.includes('日本語.txt') && m.includes('slug'))).toBe(true);
    expect(messages.some((m) => m.includes('Bad Folder') && m.includes('bad-folder'))).toBe(true);
  });

  it('reports a folder without one report, an id used twice, and files that are not reports', async () => {
    const d = await folder({ 'empty/notes.json': '{}', 'two/a.txt': 'a', 'two/b.txt': 'b', 'x.txt': 'x', 'x/r.txt': 'r', 'paper.pdf': '%PDF', '.hidden.txt': 'h' });
    const layout = await scanLibrary(d);
    expect(layout.reports.map((r) => r.id)).toEqual(['x']);
    const byPath = Object.fromEntries(layout.problems.map((p) => [p.path.slice(d.length + 1), p.message]));
    expect(byPath['empty']).toMatch(/no report in the folder empty/);
    expect(byPath['two']).toMatch(/2 report files \(a.txt, b.txt\)/);
    expect(byPath['x']).toMatch(/report id x is taken/);
    expect(byPath['paper.pdf']).toMatch(/pdftotext/);
    expect(Object.keys(byPath)).not.toContain('.hidden.txt');
  });

  it('gives a top metadata.json to the only report file, or to the one it names', async () => {
    let layout = await scanLibrary(await folder({ 'one.txt': 'x', 'metadata.json': '{"title":"T"}' }));
    expect(layout.single).toBe(true);
    expect(layout.reports[0]!.metadataPath).toBe(join(dir, 'metadata.json'));
    await rm(dir, { recursive: true });
    layout = await scanLibrary(await folder({ 'a.txt': 'x', 'b.txt': 'y', 'metadata.json': '{"file":"b.txt"}' }));
    expect(layout.single).toBe(false);
    expect(layout.reports.map((r) => [r.id, r.metadataPath !== undefined])).toEqual([
      ['a', false],
      ['b', true],
    ]);
    await rm(dir, { recursive: true });
    layout = await scanLibrary(await folder({ 'a.txt': 'x', 'b.txt': 'y', 'metadata.json': '{"title":"whose?"}' }));
    expect(layout.problems[0]!.message).toMatch(/must name its report/);
  });

  it('says how to fix a missing corpus folder', async () => {
    await expect(scanLibrary('/nonexistent/corpus')).rejects.toThrow(/CORPUS_DIR/);
  });
});

describe('scanLibrary with Markdown reports', () => {
  it('takes <id>.md files and folders holding one .md as reports beside .txt ones', async () => {
    const d = await folder({ 'notes-2025.md': '# T', 'a.txt': 'x', 'c/report.md': '# C' });
    const layout = await scanLibrary(d);
    expect(layout.problems).toEqual([]);
    expect(layout.reports.map((r) => [r.id, r.file])).toEqual([
      ['a', 'a.txt'],
      ['c', 'report.md'],
      ['notes-2025', 'notes-2025.md'],
    ]);
    expect(layout.reports[2]!.editionPath).toBe(join(d, 'notes-2025.en.json'));
  });
});
