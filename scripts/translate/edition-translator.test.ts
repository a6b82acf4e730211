import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseEdition, reportUnits } from '../../src/core/ingest/edition';
import { parseReport } from '../../src/core/ingest/parse';
import { startFakeLlm, type FakeRequest } from '../../test/helpers/fake-llm';
import { parseRenderings, translateEdition, type ChatMessage } from './edition-translator';

const report = readFileSync(new URL('../../test/fixtures/india-semiconductor/report.txt', import.meta.url), 'utf8');
const units = reportUnits(parseReport(report));

/** A model that "translates" by keeping every number of each unit in an English sentence. */
function renderAll(request: FakeRequest, spoil?: (id: string) => boolean): string {
  const user = request.body.messages?.find((m) => m.role === 'user')?.content ?? '[]';
  const asked = JSON.parse(user) as { id: string; ja: string }[];
  const numbers = (ja: string) => (ja.normalize('NFKC').match(/\d+(?:[.,]\d+)*/g) ?? []).join(' ');
  return `\`\`\`json\n${JSON.stringify(Object.fromEntries(asked.map((u) => [u.id, spoil?.(u.id) ? u.ja : `English rendering with ${numbers(u.ja)} figures.`])))}\n\`\`\``;
}

async function completeWith(url: string) {
  return async (messages: ChatMessage[]) => {
    const res = await fetch(`${url}/chat/completions`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ model: 'fake', messages, stream: false }) });
    return ((await res.json()) as { choices: { message: { content: string } }[] }).choices[0]!.message.content;
  };
}

describe('translateEdition against a scripted model', () => {
  it('renders every unit in batches, saving after each, into an edition the product loads', async () => {
    const llm = await startFakeLlm({ kind: 'json', text: (r) => renderAll(r) });
    const saves: number[] = [];
    const progress: string[] = [];
    try {
      const result = await translateEdition({ reportText: report, reportFile: 'report.txt', titleEn: 'India chips', publisherEn: 'NLI', batchSize: 10, complete: await completeWith(llm.url), save: async (e) => void saves.push(e.units.length), onProgress: (d, t) => progress.push(`${d}/${t}`) });
      expect(result.failed).toEqual([]);
      expect(result.edition.units).toHaveLength(units.length);
      expect(llm.requests).toHaveLength(Math.ceil(units.length / 10));
      expect(saves.at(-1)).toBe(units.length);
      expect(progress.at(-1)).toBe(`${units.length}/${units.length}`);
      const edition = parseEdition(result.edition);
      expect(edition.title).toBe('India chips');
      expect(edition.notice).toMatch(/not the publisher's text/);
    } finally {
      await llm.close();
    }
  });

  it('resumes: keeps what is rendered and asks only for what is missing, unless forced', async () => {
    const llm = await startFakeLlm({ kind: 'json', text: (r) => renderAll(r) });
    try {
      const complete = await completeWith(llm.url);
      const first = await translateEdition({ reportText: report, reportFile: 'report.txt', batchSize: 50, complete, save: async () => {} });
      const partial = { ...first.edition, units: first.edition.units.slice(0, 5) };
      const before = llm.requests.length;
      const again = await translateEdition({ reportText: report, reportFile: 'report.txt', existing: partial, batchSize: 500, complete, save: async () => {} });
      expect(llm.requests.length - before).toBe(1);
      const asked = JSON.parse(llm.requests.at(-1)!.body.messages![1]!.content) as unknown[];
      expect(asked).toHaveLength(units.length - 5);
      expect(again.edition.units.slice(0, 5)).toEqual(partial.units);
      await translateEdition({ reportText: report, reportFile: 'report.txt', existing: first.edition, force: true, batchSize: 500, complete, save: async () => {} });
      expect((JSON.parse(llm.requests.at(-1)!.body.messages![1]!.content) as unknown[]).length).toBe(units.length);
    } finally {
      await llm.close();
    }
  });

  it('tries a unit that fails its checks once more on its own, then reports it missing', async () => {
    const bad = units[3]!.key;
    const llm = await startFakeLlm({ kind: 'json', text: (r) => renderAll(r, (id) => id === bad) });
    try {
      const result = await translateEdition({ reportText: report, reportFile: 'report.txt', batchSize: 20, complete: await completeWith(llm.url), save: async () => {} });
      expect(result.failed.map((f) => f.key)).toEqual([bad]);
      expect(result.failed[0]!.problems).toContain('the rendering is left in Japanese');
      expect(result.edition.units.some((u) => u.key === bad)).toBe(false);
      expect(llm.requests.filter((r) => r.body.messages![1]!.content.includes(bad)).length).toBe(2);
    } finally {
      await llm.close();
    }
  });

  it('stops when the endpoint fails, having saved what it had', async () => {
    const llm = await startFakeLlm({ kind: 'status', status: 500 });
    try {
      const complete = async (m: ChatMessage[]) => {
        const res = await fetch(`${llm.url}/chat/completions`, { method: 'POST', body: JSON.stringify({ messages: m }) });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        return '';
      };
      await expect(translateEdition({ reportText: report, reportFile: 'report.txt', complete, save: async () => {} })).rejects.toThrow(/HTTP 500/);
    } finally {
      await llm.close();
    }
  });
});

describe('parseRenderings', () => {
  it('reads a JSON object, fenced or bare, and refuses anything else', () => {
    expect(parseRenderings('{"a":"A"}').get('a')).toBe('A');
    expect(parseRenderings('Here you go:\n```json\n{"a":"A","b":3}\n```').size).toBe(1);
    expect(() => parseRenderings('sorry')).toThrow(/JSON object/);
  });
});
