import { beforeAll, describe, expect, it } from 'vitest';
import { chaptersText } from '../../../test/helpers/report-text';
import { textEngine } from '../../../test/helpers/text-engine';
import { markdownEngine } from '../../../test/helpers/markdown-engine';
import { collectAnswer, type QaEngine } from '../engine';
import type { Turn } from '../types';

/** A made-up report: a plan that was renamed, and a tax rate that "has not changed" (変わっていない) since another year. */
const REPORT = chaptersText([
  { title: '港町の計画', paragraphs: ['港町は2010年に「青い港」計画を提起した。この計画は2014年に開かれた港湾会議で「海の道」計画へと名を改めて再び始動した。'] },
  { title: '港の財政', paragraphs: ['港の使用料は2012年から変わっていない。使用料の収入は港の維持に充てられている。'] },
  { title: '港の観光', paragraphs: ['観光客は毎年増えている。観光収入は町の経済を支える柱となるだろう。'] },
  {
    title: '港の整備計画',
    paragraphs: [
      '港町は2018年に「港湾整備計画」を発表した。同計画では、2025年、2030年、2035年と3段階に分けて目標を設定している。',
      '港には毎日多くの船が出入りしている。大型の貨物船は夜に着くことが多い。荷役の作業員は三交代で働いている。倉庫は岸壁の東側に並んでいる。',
      '漁船の数は減り続けている。漁協は新しい市場を建てた。市場には朝早くから買い付けの客が集まる。',
      '岸壁の延長や船の大型化を踏まえると、この目標は、既に現実のものになりつつあるといえる。',
    ],
  },
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

describe('asking for more once the report has no more', () => {
  it('says it finds nothing more, and what was said, rather than drifting to another topic', async () => {
    const first = await collectAnswer(engine.chat({ question: '港の使用料はいつから変わっていない？', history: [] }));
    let history: Turn[] = [
      { role: 'user', content: '港の使用料はいつから変わっていない？' },
      { role: 'assistant', content: first.answer, citations: first.citations.map((c) => c.id) },
    ];
    const more = await collectAnswer(engine.chat({ question: 'もっと詳しく', history }));
    history = [...history, { role: 'user', content: 'もっと詳しく' }, { role: 'assistant', content: more.answer, citations: more.citations.map((c) => c.id) }];
    const again = await collectAnswer(engine.chat({ question: 'もっと詳しく', history }));
    expect(again.answer).toMatch(/^レポートには、これ以上この話題に触れた記述は見当たりません。/);
    expect(again.answer).not.toContain('観光');
  });
});

describe('a follow-up on the topic just discussed', () => {
  it("leads with what the last answer did not show, when that holds the question's own words", async () => {
    const a = await askAfter('「港湾整備計画」の目標は？', 'その目標は達成できそうなの？');
    expect(a.status).toBe('answered');
    // The sentence that answers comes first; the target it speaks of (shown before) may follow as context.
    expect(a.answer.replace(/\s+/g, '')).toMatch(/^岸壁の延長や船の大型化を踏まえると、この目標は、既に現実のものになりつつある/);
  });
});

describe('a follow-up asking whether what was shown holds', () => {
  it("leads with the report's judgement that points back to it, read on from the passage shown", async () => {
    for (const question of ['うまくいってるの？', 'それって本当？']) {
      const a = await askAfter('「港湾整備計画」の目標は？', question);
      expect(a.status, question).toBe('answered');
      expect(a.answer.replace(/\s+/g, ''), question).toMatch(/^岸壁の延長や船の大型化を踏まえると、この目標は、既に現実のものになりつつある/);
    }
  });

  it('leads with the judgement the last answer already showed, when the report states no other', async () => {
    const first = '港湾整備計画の目標は、岸壁の延長を踏まえるとどう見られている？';
    const shown = await collectAnswer(engine.chat({ question: first, history: [] }));
    expect(shown.answer).toContain('既に現実のものになりつつある');
    const a = await askAfter(first, 'うまくいってるの？');
    expect(a.answer.replace(/\s+/g, '')).toMatch(/^岸壁の延長や船の大型化を踏まえると、この目標は、既に現実のものになりつつある/);
  });
});

describe('a source follow-up', () => {
  /** A made-up report whose claim is backed by a footnote on the sentence that goes on from it (これは…). */
  const SOURCED = `# 港町の経済

## 港の見通し

港の貨物船は年々大型化している。他方、岸壁の老朽化による港の取扱量の減少は、これからの問題となる可能性がある。これは、地元でもよく論じられており、警鐘を鳴らす声は少なくない。[^1]

## 港の観光

観光客は毎年増えている。観光収入は町の経済を支える柱となるだろう。

[^1]: 例えば、山田（2021）は取扱量の減少を予測している。
`;
  const CLAIM = '他方、岸壁の老朽化による港の取扱量の減少は、これからの問題となる可能性がある。';

  it('finds the footnote on the sentence that goes on from the claim an answer showed, asked as "who says so"', async () => {
    const md = await markdownEngine(SOURCED);
    const found = await collectAnswer(md.chat({ question: '岸壁の老朽化で港の取扱量はどうなる？', history: [] }));
    const passage = found.citations.find((c) => c.quote.includes(CLAIM))!;
    // An earlier answer that showed the claim alone, as the widget sends it back.
    const history: Turn[] = [
      { role: 'user', content: '港の取扱量について、何と書いてある？' },
      { role: 'assistant', content: `${CLAIM}[1]`, citations: [passage.id] },
    ];
    for (const question of ['その出典は？', '誰がそう言ってるの？']) {
      const a = await collectAnswer(md.chat({ question, history }));
      expect(a.status, question).toBe('answered');
      expect(a.answer, question).toContain('山田（2021）');
    }
  });

  it('says which of the statements shown the footnote backs when the others carry none', async () => {
    const md = await markdownEngine(SOURCED);
    const found = await collectAnswer(md.chat({ question: '岸壁の老朽化で港の取扱量はどうなる？', history: [] }));
    const passage = found.citations.find((c) => c.quote.includes(CLAIM))!;
    const OWN = '港の貨物船は年々大型化している。';
    const shown = (content: string): Turn[] => [
      { role: 'user', content: '港の見通しは？' },
      { role: 'assistant', content, citations: [passage.id] },
    ];
    const both = await collectAnswer(md.chat({ question: '誰がそう言ってるの？', history: shown(`${OWN}${CLAIM}[1]`) }));
    expect(both.answer).toMatch(/^先の回答のうち、出典（脚注）が付いているのは「他方、岸壁の老朽化/);
    expect(both.answer).toContain('ほかはレポート自身の見方');
    expect(both.answer).toContain('山田（2021）');
    // Everything shown is backed: nothing to set apart.
    const backed = await collectAnswer(md.chat({ question: '誰がそう言ってるの？', history: shown(`${CLAIM}[1]`) }));
    expect(backed.answer).not.toContain('レポート自身の見方');
    // A footnote quoted beside a backed statement is a source itself, not the report's own view.
    const note = found.citations.find((c) => c.id.startsWith('fn-'));
    const withNote = await collectAnswer(md.chat({ question: '誰がそう言ってるの？', history: [{ role: 'user', content: '港の見通しは？' }, { role: 'assistant', content: `${CLAIM}[1]例えば、山田（2021）は取扱量の減少を予測している。[2]`, citations: [passage.id, ...(note ? [note.id] : ['fn-1'])] }] }));
    expect(withNote.answer).not.toContain('レポート自身の見方');
  });

  it('gives the source of a footnote a long answer quoted far down, not "no source"', async () => {
    const md = await markdownEngine(SOURCED);
    const found = await collectAnswer(md.chat({ question: '岸壁の老朽化で港の取扱量はどうなる？', history: [] }));
    const tourism = await collectAnswer(md.chat({ question: '観光客は増えている？', history: [] }));
    const note = found.citations.find((c) => c.id.startsWith('fn-'))?.id ?? 'fn-1';
    // An answer that quotes unsourced sentences at length before the footnote's statement.
    const long = `${'観光客は毎年増えている。観光収入は町の経済を支える柱となるだろう。'.repeat(12)}[1]例えば、山田（2021）は取扱量の減少を予測している。[2]`;
    const a = await collectAnswer(md.chat({ question: 'その出典は？', history: [{ role: 'user', content: '港の見通しは？' }, { role: 'assistant', content: long, citations: [tourism.citations[0]!.id, note] }] }));
    expect(a.status).toBe('answered');
    expect(a.answer).toContain('山田（2021）');
  });
});
