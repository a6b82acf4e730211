import { describe, expect, it } from 'vitest';
import { fetchPassage, fetchReportIntro } from './lookups';

const report = {
  title: 'DeepSeekショックは中国にとってどのような意味を持つか',
  titleEn: 'What the DeepSeek shock means for China',
  publisher: 'ニッセイ基礎研究所',
  publisherEn: 'NLI Research Institute',
  suggestions: { ja: ['DeepSeekの開発費は本当に600万ドル以下なのか？', 7, ''], en: ['How does the report see the impact on Japan?'] },
};

function answering(body: unknown, status = 200, urls: string[] = []): typeof fetch {
  return (async (url: string | URL | Request) => {
    urls.push(String(url));
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  }) as typeof fetch;
}

describe('fetchReportIntro', () => {
  it('gives title, publisher and starter questions in the panel language', async () => {
    const urls: string[] = [];
    expect(await fetchReportIntro('https://a.example', 'ja', answering(report, 200, urls))).toEqual({
      title: report.title,
      publisher: report.publisher,
      suggestions: ['DeepSeekの開発費は本当に600万ドル以下なのか？'],
    });
    expect(urls).toEqual(['https://a.example/api/report']);
    expect(await fetchReportIntro('https://a.example', 'en', answering(report))).toEqual({
      title: report.titleEn,
      publisher: report.publisherEn,
      suggestions: ['How does the report see the impact on Japan?'],
    });
  });

  it('learns the server\'s body limit, and ignores one that is not a positive whole number', async () => {
    expect((await fetchReportIntro('https://a.example', 'ja', answering({ title: 't', limits: { maxBodyBytes: 4096 } })))?.maxBodyBytes).toBe(4096);
    expect((await fetchReportIntro('https://a.example', 'ja', answering({ title: 't', limits: { maxBodyBytes: -1 } })))?.maxBodyBytes).toBeUndefined();
  });

  it('falls back to the Japanese title when there is no English one', async () => {
    const intro = await fetchReportIntro('https://a', 'en', answering({ title: 't', publisher: 'p', suggestions: { ja: [] } }));
    expect(intro).toEqual({ title: 't', publisher: 'p', suggestions: [] });
  });

  it('is null when the server fails or sends something else', async () => {
    expect(await fetchReportIntro('https://a', 'ja', answering({ error: {} }, 500))).toBeNull();
    expect(await fetchReportIntro('https://a', 'ja', answering([1, 2]))).toBeNull();
    const offline = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    expect(await fetchReportIntro('https://a', 'ja', offline)).toBeNull();
  });
});

describe('fetchPassage', () => {
  it('reads the passage with its English rendering when there is one', async () => {
    const urls: string[] = [];
    const p = { id: 'p4-016-550a71', kind: 'body', text: '本文', translation: 'Body text', section: '3. Opportunities', page: 4, footnotes: [], prev: null, next: null };
    expect(await fetchPassage('https://a', 'p4-016-550a71', answering(p, 200, urls))).toEqual({ id: p.id, text: '本文', translation: 'Body text', section: '3. Opportunities' });
    expect(urls).toEqual(['https://a/api/passages/p4-016-550a71']);
    expect(await fetchPassage('https://a', 'fn-1', answering({ ...p, id: 'fn-1', translation: undefined }))).toEqual({ id: 'fn-1', text: '本文', section: '3. Opportunities' });
  });

  it('asks for nothing with an id that is not a passage id', async () => {
    const urls: string[] = [];
    expect(await fetchPassage('https://a', '../health', answering({}, 200, urls))).toBeNull();
    expect(urls).toEqual([]);
  });
});

describe('lookups scoped to a report', () => {
  it('names the report in the query of /api/report and /api/passages', async () => {
    const urls: string[] = [];
    await fetchReportIntro('https://a.example', 'ja', answering(report, 200, urls), 'rice-2024');
    await fetchPassage('https://a.example', 'p1-000-abcdef', answering({ id: 'p1-000-abcdef', text: 't' }, 200, urls), '*x');
    await fetchPassage('https://a.example', 'p1-000-abcdef', answering({ id: 'p1-000-abcdef', text: 't' }, 200, urls));
    expect(urls).toEqual([
      'https://a.example/api/report?report=rice-2024',
      'https://a.example/api/passages/p1-000-abcdef?report=*x',
      'https://a.example/api/passages/p1-000-abcdef',
    ]);
  });
});
