import { describe, expect, it } from 'vitest';
import { markQuote, quoteSentences } from './quote-match';

const passage =
  'その一分野として、産業高度化に関係するインフラには期待を強めている。データセンターなど数の面で米国に劣るインフラを中心に一定の整備需要は依然旺盛とみられる。なお、その場合、過去と同じパターンに陥る恐れにも留意が必要だ。';

describe('quoteSentences', () => {
  it('splits Japanese and English sentences, keeping closing brackets, numbers and URLs whole', () => {
    expect(quoteSentences('一つ目だ。「二つ目」（注）。三つ目')).toEqual(['一つ目だ。', '「二つ目」（注）。', '三つ目']);
    expect(quoteSentences('It cost $5.6 million. See https://a.example/x.html for more. Done')).toEqual(['It cost $5.6 million.', 'See https://a.example/x.html for more.', 'Done']);
  });
});

describe('markQuote', () => {
  it('marks the cited sentence inside its passage', () => {
    const quote = 'データセンターなど数の面で米国に劣るインフラを中心に一定の整備需要は依然旺盛とみられる。';
    expect(markQuote(passage, quote)).toEqual([
      { text: 'その一分野として、産業高度化に関係するインフラには期待を強めている。', quoted: false },
      { text: quote, quoted: true },
      { text: 'なお、その場合、過去と同じパターンに陥る恐れにも留意が必要だ。', quoted: false },
    ]);
  });

  it('ignores differences in spacing', () => {
    const text = '2024年 3月末時点におけるデータセンターの数は、米国の 5,381棟に対して、中国では 449棟。次の文。';
    const marked = markQuote(text, '2024年3月末時点におけるデータセンターの数は、米国の5,381棟に対して、中国では449棟。');
    expect(marked?.[0]).toEqual({ text: '2024年 3月末時点におけるデータセンターの数は、米国の 5,381棟に対して、中国では 449棟。', quoted: true });
  });

  it('marks sentences of a quote that skips one in between', () => {
    const quote = 'その一分野として、産業高度化に関係するインフラには期待を強めている。なお、その場合、過去と同じパターンに陥る恐れにも留意が必要だ。';
    const marked = markQuote(passage, quote) ?? [];
    expect(marked.map((s) => s.quoted)).toEqual([true, false, true]);
    expect(marked.map((s) => s.text).join('')).toBe(passage);
  });

  it('marks the whole passage when the quote is all of it, and nothing when it is absent', () => {
    expect(markQuote(passage, passage)).toEqual([{ text: passage, quoted: true }]);
    expect(markQuote(passage, 'レポートにない文。')).toBeNull();
    expect(markQuote(passage, '')).toBeNull();
  });
});
