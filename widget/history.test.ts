import { describe, expect, it } from 'vitest';
import { Conversation, HISTORY_LIMIT, HISTORY_MESSAGE_CHARS } from './history';

describe('Conversation', () => {
  it('starts empty and records question/answer pairs in order', () => {
    const c = new Conversation();
    expect(c.history()).toEqual([]);
    c.record('DeepSeekの開発費は？', '600万ドル以下とされる[1]。');
    c.record('And the GPUs?', 'H800 [2].');
    expect(c.history()).toEqual([
      { role: 'user', content: 'DeepSeekの開発費は？' },
      { role: 'assistant', content: '600万ドル以下とされる[1]。' },
      { role: 'user', content: 'And the GPUs?' },
      { role: 'assistant', content: 'H800 [2].' },
    ]);
  });

  it('keeps only the last messages the API accepts, starting with a question', () => {
    const c = new Conversation();
    for (let i = 0; i < 15; i++) c.record(`q${i}`, `a${i}`);
    const h = c.history();
    expect(h).toHaveLength(HISTORY_LIMIT);
    expect(h[0]).toEqual({ role: 'user', content: 'q5' });
    expect(h.at(-1)).toEqual({ role: 'assistant', content: 'a14' });
  });

  it('cuts messages longer than the API allows', () => {
    const c = new Conversation();
    c.record('q', 'x'.repeat(HISTORY_MESSAGE_CHARS + 10));
    expect(c.history()[1]?.content.length).toBe(HISTORY_MESSAGE_CHARS);
  });

  it('hands out copies, so callers cannot change what is kept', () => {
    const c = new Conversation();
    c.record('q', 'a');
    const h = c.history();
    h[0]!.content = 'changed';
    h.pop();
    expect(c.history()).toEqual([
      { role: 'user', content: 'q' },
      { role: 'assistant', content: 'a' },
    ]);
  });
});
