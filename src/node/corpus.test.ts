import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createHashEmbedder } from '../core/search/hash-embedder';
import { editionFileOf, readCorpus } from './corpus';
import { ingest } from './ingest';
import { loadStoredIndex } from './index-store';

const report = `# Harbour cranes

## Orders

The port ordered four new cranes in 2025.[^order] Each lifts sixty tonnes.

## Costs

The cranes cost 40 million dollars in all.[^cost] A reference to nothing [^gone] stays out of the text.

[^order]: Port authority, "Annual plan" https://port.example.org/plan
[^cost]: City budget 2025 https://city.example.org/budget
`;

const made: string[] = [];
afterAll(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

async function corpusWith(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'report-chat-corpus-'));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

/** A two-entry English → Japanese dictionary, in the format of resources/lexicon.en-ja.json. */
const dictionary = (async () => {
  const dir = await corpusWith({});
  const path = join(dir, 'lexicon.json');
  await writeFile(path, JSON.stringify({ source: 'test', licence: 'test', attribution: 'test', entries: { crane: ['クレーン'], port: ['港'] } }));
  return path;
})();
const read = async (dir: string) => readCorpus(dir, await dictionary);

describe('readCorpus', () => {
  it('takes a folder’s only .md as a Markdown report, its edition beside it', async () => {
    const corpus = await read(await corpusWith({ 'cranes.md': report }));
    expect(corpus).toMatchObject({ file: 'cranes.md', format: 'md', text: report });
    expect(editionFileOf('cranes.md')).toBe('cranes.en.json');
    expect(editionFileOf('report.txt')).toBe('report.en.json');
  });

  it('names the files when a folder holds a .txt and a .md, and accepts metadata.json naming the .md', async () => {
    const both = { 'a.txt': '本文。', 'b.md': report };
    await expect(read(await corpusWith(both))).rejects.toThrow(/holds 2 report files \(a\.txt, b\.md\).*metadata\.json/);
    const chosen = await read(await corpusWith({ ...both, 'metadata.json': JSON.stringify({ file: 'b.md' }) }));
    expect(chosen).toMatchObject({ file: 'b.md', format: 'md' });
  });

  it('reads the dictionary only when a build needs it, and names it when it is damaged', async () => {
    const dir = await corpusWith({ 'cranes.md': report, 'bad-lexicon.json': '{"entries": ' });
    const corpus = await readCorpus(dir, join(dir, 'bad-lexicon.json'));
    expect(corpus.sourcesSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(() => corpus.dictionary).toThrow(/bad-lexicon\.json is not valid JSON/);
    await expect(ingest({ corpusDir: dir, indexDir: join(dir, 'index'), embedder: createHashEmbedder(), corpus })).rejects.toThrow(/bad-lexicon\.json/);
  });

  it('says a folder without a report may hold a .txt or a .md', async () => {
    await expect(read(await corpusWith({ 'notes.json': '{}' }))).rejects.toThrow(/one \.txt file .* or one \.md file/);
  });
});

describe('ingest of a Markdown report', () => {
  it('builds an index in the report’s language, warning of a reference with no definition by file name', async () => {
    const dir = await corpusWith({ 'cranes.md': report });
    const indexDir = join(dir, 'index');
    const result = await ingest({ corpusDir: dir, indexDir, embedder: createHashEmbedder(), corpus: await read(dir) });
    expect(result.built && result.warnings).toEqual([expect.stringMatching(/^cranes\.md: footnote reference\(s\) \[\^gone\] have no definition/)]);
    const { data, manifest } = await loadStoredIndex(indexDir);
    expect(manifest).toMatchObject({ corpusFile: 'cranes.md', title: 'Harbour cranes', counts: { footnotes: 2 } });
    expect(data.metadata).toMatchObject({ language: 'en', title: 'Harbour cranes' });
    expect(data.metadata.suggestions.en).toContain('What does the report say about Costs?');
    expect(data.footnotes.map((f) => f.urls)).toEqual([['https://port.example.org/plan'], ['https://city.example.org/budget']]);
    const claim = data.passages.find((p) => p.text.includes('40 million'))!;
    expect(claim).toMatchObject({ kind: 'body', section: 'Costs', page: 1, footnotes: [2] });
  });

  it('refuses a Markdown report with no # title, naming the file', async () => {
    const dir = await corpusWith({ 'untitled.md': 'Text without a title.\n' });
    await expect(ingest({ corpusDir: dir, indexDir: join(dir, 'index'), embedder: createHashEmbedder(), corpus: await read(dir) })).rejects.toThrow(/^untitled\.md: The Markdown report has no title/);
  });
});
