import { describe, expect, it } from 'vitest';
import type { ChatResponse } from './api-types';
import { Conversation, HISTORY_LIMIT, HISTORY_MESSAGE_CHARS, KEPT_TURNS } from './history';

function answer(text: string, ids: string[] = []): ChatResponse {
  return {
    answer: text,
    status: 'answered',
    grounded: true,
    lang: 'ja',
    citations: ids.map((id, i) => ({ ref: i + 1, id, text: 't', section: 's', page: 1, footnotes: [], quote: 't' })),
    footnotes: [],
  };
}

describe('Conversation', () => {
  it('starts empty and gives the exchanges as history, with the passages each answer cited', () => {
    const c = new Conversation();
    expect(c.history()).toEqual([]);
    c.record('DeepSeekの開発費は？', answer('600万ドル以下とされる[1]。', ['fn-2', 'p2-010', 'fn-2']));
    c.record('And the GPUs?', answer('Not in the report.'));
    expect(c.history()).toEqual([
      { role: 'user', content: 'DeepSeekの開発費は？' },
      { role: 'assistant', content: '600万ドル以下とされる[1]。', citations: ['fn-2', 'p2-010'] },
      { role: 'user', content: 'And the GPUs?' },
      { role: 'assistant', content: 'Not in the report.' },
    ]);
  });

  it('sends only the last messages the API accepts, starting with a question', () => {
    const c = new Conversation();
    for (let i = 0; i < 15; i++) c.record(`q${i}`, answer(`a${i}`));
    const h = c.history();
    expect(h).toHaveLength(HISTORY_LIMIT);
    expect(h[0]).toEqual({ role: 'user', content: 'q5' });
    expect(h.at(-1)).toEqual({ role: 'assistant', content: 'a14' });
  });

  it('keeps a bounded number of exchanges, and restores from them', () => {
    const c = new Conversation();
    for (let i = 0; i < KEPT_TURNS + 5; i++) c.record(`q${i}`, answer(`a${i}`));
    expect(c.turns).toHaveLength(KEPT_TURNS);
    expect(c.turns[0]?.question).toBe('q5');
    const restored = new Conversation(c.turns);
    expect(restored.history()).toEqual(c.history());
    restored.clear();
    expect(restored.turns).toEqual([]);
    expect(c.turns).toHaveLength(KEPT_TURNS);
  });

  it('cuts messages longer than the API allows, without splitting a character', () => {
    const c = new Conversation();
    c.record('q', answer('x'.repeat(HISTORY_MESSAGE_CHARS + 10)));
    c.record(`${'x'.repeat(HISTORY_MESSAGE_CHARS - 1)}😀`, answer('a'));
    expect(c.history()[1]?.content.length).toBe(HISTORY_MESSAGE_CHARS);
    expect(c.history()[2]?.content).toBe('x'.repeat(HISTORY_MESSAGE_CHARS - 1));
  });
});
