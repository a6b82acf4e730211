import { beforeAll, describe, expect, it } from 'vitest';
import { chaptersText } from '../../../test/helpers/report-text';
import { textEngine } from '../../../test/helpers/text-engine';
import { collectAnswer, type QaEngine } from '../engine';
import type { Turn } from '../types';

/** A made-up report: a plan that was renamed, and a tax rate that "has not changed" (変わっていない) since another year. */
const REPORT = chaptersText([
  { title: '港町の計画', paragraphs: ['港町は2010年に「青い港」計画を提起した。この計画は2014年に開かれた港湾会議で「海の道」計画へと名を改めて再び始動した。'] },
  { title: '港の財政', paragraphs: ['港の使用料は2012年から変わっていない。使用料の収入は港の維持に充てられている。'] },
  { title: '港の観光', paragraphs: ['観光客は毎年増えている。観光収入は町の経済を支える柱となるだろう。'] },
]);

let engine: QaEngine;
beforeAll(async () => {
  engine = await textEngine(REPORT);
});

/** A question asked after another, with the answer it got and the passages it cited (as the widget sends them). */
async function askAfter(first: string, question: string) {
  const a = await collectAnswer(engine.chat({ question: first, history: [] }));
  const history: Turn[] = [
    { role: 'user', content: first },
    { role: 'assistant', content: a.answer, citations: a.citations.map((c) => c.id) },
  ];
  return collectAnswer(engine.chat({ question, history }));
}

describe('a question that leaves its subject unsaid', () => {
  it('is read with the conversation when what was cited answers it', async () => {
    const a = await askAfter('「海の道」計画とは？', '名前が変わったのはいつ？');
    expect(a.status).toBe('answered');
    expect(a.citations[0]!.quote).toContain('2014年');
    expect(a.answer).not.toMatch(/^[^。]*2012年/);
  });

  it('is read on its own when it asks about something new', async () => {
    expect((await askAfter('「海の道」計画とは？', '富士山の高さは？')).status).toBe('not_in_report');
    const fee = await askAfter('「海の道」計画とは？', '使用料はいつから同じ？');
    expect(fee.status).toBe('answered');
    expect(fee.citations[0]!.quote).toContain('2012年');
  });
});
