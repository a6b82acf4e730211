import { beforeAll, describe, expect, it } from 'vitest';
import { memoryLibrary } from '../../test/helpers/memory-library';
import { LIBRARY_REPORTS } from '../../test/helpers/report-text';
import { createApp } from './app';
import { switchableLibrary } from '../core/reports';
import { chatOut, healthOut, reportOut, reportsOut, searchOut } from './schemas';

let app: ReturnType<typeof createApp>;
let withDefault: ReturnType<typeof createApp>;
let opened: string[];

beforeAll(async () => {
  const library = await memoryLibrary(LIBRARY_REPORTS);
  opened = library.opened;
  app = createApp({ library, widgetJs: 'console.log(1)', demoPage: (await import('./demo-page')).libraryDemoPage(library) });
  withDefault = createApp({ library: await memoryLibrary(LIBRARY_REPORTS, 'steel') });
});

const json = async (res: Response | Promise<Response>) => (await res).json();
const chat = (body: object, target = app) => target.request('/api/chat', { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
async function expectError(res: Response, status: number, code: string, message?: RegExp) {
  expect(res.status).toBe(status);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  if (message) expect(body.error.message).toMatch(message);
}

describe('a library of several reports over HTTP', () => {
  it('lists the reports with their counts and editions, and /health counts them', async () => {
    const { reports } = reportsOut.parse(await json(app.request('/api/reports')));
    expect(reports.map((r) => [r.id, r.title, r.published])).toEqual([
      ['rice', 'コメの生産と価格の動き', '2024-04-01'],
      ['steel', '鉄鋼業の脱炭素', '2024-05-01'],
      ['tourism', '訪日観光客の回復', '2024-06-01'],
    ]);
    expect(reports.every((r) => r.passages > 0 && r.editions.join() === 'ja')).toBe(true);
    const health = healthOut.parse(await json(app.request('/health')));
    expect(health).toMatchObject({ reports: 3, editions: ['ja'], editionsByReport: { rice: ['ja'], steel: ['ja'], tourism: ['ja'] } });
    expect(health.passages).toBe(reports.reduce((n, r) => n + r.passages, 0));
  });

  it('answers from the report a request names, in the body or the query', async () => {
    const answer = chatOut.parse(await json(chat({ question: '新潟県のコメの生産量は？', report: 'rice' })));
    expect(answer.status).toBe('answered');
    expect(answer.citations[0]!.quote).toContain('全国一位');
    expect(answer.report).toBeUndefined();
    const { results } = searchOut.parse(await json(app.request('/api/search?q=水素還元製鉄&report=steel')));
    expect(results[0]!.text).toContain('水素還元製鉄');
    const report = reportOut.parse(await json(app.request('/api/report?report=tourism')));
    expect(report).toMatchObject({ id: 'tourism', title: '訪日観光客の回復' });
    const passage = (await json(app.request(`/api/passages/${results[0]!.id}?report=steel`))) as { text: string };
    expect(passage.text).toBe(results[0]!.text);
    await expectError(await app.request(`/api/passages/${results[0]!.id}?report=rice`), 404, 'not_found');
    expect(((await json(app.request('/api/footnotes?report=rice'))) as { footnotes: unknown[] }).footnotes).toEqual([]);
  });

  it('asks for a report when there are several and no default, and serves the default when there is one', async () => {
    await expectError(await chat({ question: '投資額は？' }), 400, 'report_required', /GET \/api\/reports/);
    await expectError(await app.request('/api/search?q=投資'), 400, 'report_required');
    await expectError(await app.request('/api/report'), 400, 'report_required');
    await expectError(await app.request('/api/footnotes'), 400, 'report_required');
    const answer = chatOut.parse(await json(chat({ question: '電炉への転換に必要な投資は？' }, withDefault)));
    expect(answer.citations[0]!.quote).toContain('数千億円');
  });

  it('refuses unknown and path-like ids with 404 unknown_report, opening nothing', async () => {
    opened.length = 0;
    for (const bad of ['nope', '../rice', 'rice/../../etc', '%2e%2e', 'RICE', 'a'.repeat(300), 'rice.txt']) {
      await expectError(await app.request(`/api/search?q=x&report=${encodeURIComponent(bad)}`), bad.length > 256 ? 400 : 404, bad.length > 256 ? 'validation_failed' : 'unknown_report');
      await expectError(await app.request(`/api/report?report=${encodeURIComponent(bad)}`), 404, 'unknown_report');
    }
    await expectError(await chat({ question: 'x', report: '../../etc/passwd' }), 404, 'unknown_report');
    expect(opened).toEqual([]);
  });

  it('searches the whole library with report=*, each result naming its report', async () => {
    const { results } = searchOut.parse(await json(app.request(`/api/search?q=${encodeURIComponent('京都の観光客の混雑')}&report=*&k=3`)));
    expect(results[0]).toMatchObject({ report: 'tourism' });
    expect(results[0]!.text).toContain('京都');
    const steel = searchOut.parse(await json(app.request(`/api/search?q=${encodeURIComponent('高炉から電炉')}&report=*`)));
    expect(steel.results[0]!.report).toBe('steel');
    expect(steel.results.every((r) => typeof r.report === 'string')).toBe(true);
  });

  it('answers a library-wide question from the report that holds it, citing that report', async () => {
    const answer = chatOut.parse(await json(chat({ question: '訪日観光客の消費額はいくら？', report: '*' })));
    expect(answer).toMatchObject({ status: 'answered', report: 'tourism' });
    expect(answer.citations.length).toBeGreaterThan(0);
    expect(answer.citations.every((c) => c.report === 'tourism')).toBe(true);
    expect(answer.answer).toContain('5兆円');
    const off = chatOut.parse(await json(chat({ question: 'How do I renew a passport?', report: '*' })));
    expect(off).toMatchObject({ status: 'not_in_report', citations: [] });
  });

  it('streams a library-wide answer as events, the report on its citations', async () => {
    const res = await app.request('/api/chat', { method: 'POST', body: JSON.stringify({ question: '新潟県のコメの生産量は？', report: '*' }), headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' } });
    const text = await res.text();
    const done = JSON.parse(/event: done\ndata: (.*)/.exec(text)![1]!) as { report: string; citations: { report: string }[] };
    expect(text).toMatch(/^event: meta/);
    expect(done.report).toBe('rice');
    expect(done.citations[0]!.report).toBe('rice');
  });

  it('introduces the whole library with report=* and renders the demo page for a pick', async () => {
    const all = reportOut.parse(await json(app.request('/api/report?report=*')));
    expect(all.id).toBe('*');
    expect(all.titleEn).toMatch(/3 reports/);
    const page = await (await app.request('/?report=steel')).text();
    expect(page).toContain('<h1>鉄鋼業の脱炭素</h1>');
    expect(page).toContain('data-report="steel"');
    expect(page).toMatch(/<a href="\/\?report=steel" aria-current="page">/);
    for (const id of ['rice', 'tourism', '*']) expect(page).toContain(`href="/?report=${encodeURIComponent(id)}"`);
    const library = await (await app.request('/')).text();
    expect(library).toContain('data-report="*"');
    await expectError(await app.request('/?report=nope'), 404, 'unknown_report');
  });

  it('describes the library in OpenAPI: /api/reports, the report parameter, report_required and unknown_report', async () => {
    type Op = { parameters?: { name: string }[]; responses: Record<string, { description: string }>; requestBody?: { content: Record<string, { schema: { properties: Record<string, unknown> } }> } };
    const doc = (await json(app.request('/openapi.json'))) as { paths: Record<string, Record<string, Op>> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/reports', '/api/report']));
    for (const path of ['/api/search', '/api/report', '/api/footnotes', '/api/footnotes/{n}', '/api/passages/{id}']) {
      expect(doc.paths[path]!.get!.parameters!.map((p) => p.name), path).toContain('report');
    }
    expect(Object.keys(doc.paths['/api/chat']!.post!.requestBody!.content['application/json']!.schema.properties)).toContain('report');
    expect(doc.paths['/api/search']!.get!.responses['400']!.description).toMatch(/report_required/);
    expect(doc.paths['/api/search']!.get!.responses['404']!.description).toMatch(/unknown_report/);
  });
});

describe('a repeated search', () => {
  it('answers the same JSON again, and a library replaced since is searched anew, in one report and across all', async () => {
    const library = switchableLibrary(await memoryLibrary({ rice: LIBRARY_REPORTS.rice! }, 'rice'));
    const served = createApp({ library });
    const search = async (path: string) => {
      const res = await served.request(path);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      return searchOut.parse(await res.json());
    };
    const path = `/api/search?q=${encodeURIComponent('肥料の価格')}&k=2`;
    const first = await search(path);
    expect(first.results[0]!.text).toContain('肥料');
    expect(await search(path)).toEqual(first);
    const across = await search(`${path}&report=*`);
    expect(across.results[0]!.report).toBe('rice');
    // The same ids now hold another report: what was served before must not be served again.
    library.replace(await memoryLibrary({ rice: { ...LIBRARY_REPORTS.rice!, chapters: [{ title: 'はじめに', paragraphs: ['肥料の価格は前年比で半分に下がった。'] }] } }, 'rice'));
    for (const again of [await search(path), await search(`${path}&report=*`)]) expect(again.results[0]!.text).toContain('半分に下がった');
  });
});
