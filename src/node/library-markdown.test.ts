import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHashEmbedder } from '../core/search/hash-embedder';
import { LIBRARY_REPORTS, reportText } from '../../test/helpers/report-text';
import { ingestLibrary } from './ingest-library';
import { nodeLibrary } from './node-library';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'library-md-'));
  await writeFile(join(root, 'rice.txt'), reportText(LIBRARY_REPORTS.rice!));
  await writeFile(
    join(root, 'harbour-cranes.md'),
    [
      '# Harbour cranes and port automation',
      '',
      '## Automation',
      '',
      'Automated cranes at the container terminal moved 42 boxes an hour in 2024, up from 30 in 2020.',
      '',
      '## Labour',
      '',
      'The dock workers union agreed to retrain 300 crane operators as remote supervisors.',
      '',
    ].join('\n'),
  );
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('a library mixing Markdown and publisher text reports', () => {
  it('ingests and serves both, each in its own language', async () => {
    const embedder = createHashEmbedder();
    const result = await ingestLibrary({ corpusDir: root, dataDir: join(root, '.data'), embedder, progress: { write: () => true } });
    expect(result.failed).toEqual([]);
    const cranes = result.reports.find((r) => r.entry.id === 'harbour-cranes')!.entry;
    expect(cranes).toMatchObject({ title: 'Harbour cranes and port automation' });
    expect(cranes.metadata.language).toBe('en');
    const library = nodeLibrary({ reports: result.reports, embedder, log: () => {} });
    const hits = await (await library.open('harbour-cranes'))!.engine.search('How many crane operators will be retrained?', 2);
    expect(hits[0]!.passage.text).toContain('300 crane operators');
    expect((await library.router()).rank('retrain crane operators', 2)[0]!.id).toBe('harbour-cranes');
  });
});
