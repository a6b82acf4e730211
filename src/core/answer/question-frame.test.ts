import { describe, expect, it } from 'vitest';
import { withoutFrame } from './question-frame';

describe('withoutFrame', () => {
  it.each([
    ["What did the report say about Brazil's coffee exports?", "Brazil's coffee exports?"],
    ['Does the paper mention anything about rare earths?', 'rare earths?'],
    ['According to the report, how many data centres does China have?', 'how many data centres does China have?'],
    ["What's the author's view on wages?", "What's on wages?"],
    ['How does the report see the export controls?', 'the export controls?'],
    ['Is anything said about tariffs?', 'tariffs?'],
    ['Can you tell me about the Acme merger?', 'the Acme merger?'],
    ['Please explain to me how tariffs work', 'how tariffs work'],
    ["I'd like to know the price of Kesa tea", 'the price of Kesa tea'],
    ['Tell me a joke', 'a joke'],
  ])('English: %s', (question, expected) => {
    expect(withoutFrame(question)).toBe(expected);
  });

  it.each([
    ['レポートではブラジルのコーヒー輸出について何と述べていますか？', 'ブラジルのコーヒー輸出 ？'],
    ['この資料によると、米国のデータセンターは何棟？', '、米国のデータセンターは何棟？'],
    ['筆者は半導体の輸出規制に触れていますか', '半導体の輸出規制'],
    ['ミナト港の漁獲量が1万トンを超えたって話、ソースはどこ？', 'ミナト港の漁獲量が1万トンを超えた 、ソースはどこ？'],
  ])('Japanese: %s', (question, expected) => {
    expect(withoutFrame(question)).toBe(expected);
  });

  it('leaves a question without a frame as it is, and one that is only a frame whole', () => {
    expect(withoutFrame('R1の価格は？')).toBe('R1の価格は？');
    expect(withoutFrame('How cheap is R1?')).toBe('How cheap is R1?');
    expect(withoutFrame('What does the report say?')).toBe('What does the report say?');
    expect(withoutFrame('レポートは何と述べていますか')).toBe('レポートは何と述べていますか');
  });
});
