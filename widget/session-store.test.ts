import { describe, expect, it } from 'vitest';
import type { ChatResponse } from './api-types';
import { SessionStore } from './session-store';

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(k: string) {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.items.set(k, v);
  }
  removeItem(k: string) {
    this.items.delete(k);
  }
}

const answer: ChatResponse = {
  answer: '600万ドル以下とされる[1]。',
  status: 'answered',
  grounded: true,
  lang: 'ja',
  citations: [{ ref: 1, id: 'fn-2', text: '開発コスト', section: '2――米中', page: 2, footnotes: [2], quote: '開発コスト', translation: 'Development cost' }],
  footnotes: [{ n: 2, text: '開発コスト', urls: ['https://36kr.jp/328412/'] }],
};

describe('SessionStore', () => {
  it('saves and loads the conversation and whether the panel was open, per API', () => {
    const storage = new MemoryStorage();
    new SessionStore('https://a.example', storage).save({ turns: [{ question: '開発費は？', answer }], open: true });
    expect(new SessionStore('https://a.example', storage).load()).toEqual({ turns: [{ question: '開発費は？', answer }], open: true });
    expect(new SessionStore('https://b.example', storage).load()).toEqual({ turns: [], open: false });
  });

  it('removes the entry when there is nothing to keep', () => {
    const storage = new MemoryStorage();
    const store = new SessionStore('https://a.example', storage);
    store.save({ turns: [{ question: 'q', answer }], open: false });
    store.save({ turns: [], open: false });
    expect(storage.items.size).toBe(0);
  });

  it('reads damaged or foreign data as an empty conversation, keeping the well-formed turns', () => {
    const storage = new MemoryStorage();
    const store = new SessionStore('https://a.example', storage);
    for (const junk of ['{', '42', '{"v":99,"turns":[]}', '{"v":1,"turns":"x"}']) {
      storage.setItem('report-chat:https://a.example', junk);
      expect(store.load()).toEqual({ turns: [], open: false });
    }
    storage.setItem('report-chat:https://a.example', JSON.stringify({ v: 1, turns: [{ question: 'q', answer }, { question: 1 }, { question: 'q2', answer: { grounded: true } }] }));
    expect(store.load().turns).toEqual([{ question: 'q', answer }]);
  });

  it('keeps working when storage is missing or refuses to store', () => {
    expect(new SessionStore('https://a.example', null).load()).toEqual({ turns: [], open: false });
    const full = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); }, removeItem: () => undefined };
    expect(() => new SessionStore('https://a.example', full).save({ turns: [{ question: 'q', answer }], open: true })).not.toThrow();
  });
});

describe('SessionStore per report', () => {
  it('keeps one conversation per report of the same API, and the library’s apart from both', () => {
    const storage = new MemoryStorage();
    new SessionStore('https://a.example', storage, 'rice').save({ turns: [{ question: 'コメは？', answer }], open: true });
    expect(new SessionStore('https://a.example', storage, 'rice').load().turns.map((t) => t.question)).toEqual(['コメは？']);
    expect(new SessionStore('https://a.example', storage, 'steel').load().turns).toEqual([]);
    expect(new SessionStore('https://a.example', storage, '*').load().turns).toEqual([]);
    expect(new SessionStore('https://a.example', storage).load().turns).toEqual([]);
  });
});
