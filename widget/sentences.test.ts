import { describe, expect, it } from 'vitest';
import { SentenceStream, splitSentences } from './sentences';

function streamed(chunks: string[]): string[][] {
  const s = new SentenceStream();
  return [...chunks.map((c) => s.push(c)), s.flush()];
}

describe('SentenceStream', () => {
  it('releases a Japanese sentence with its markers once the next one begins', () => {
    expect(streamed(['600万ドル以下と', 'される。', '[1]', 'また、蒸留', 'も。[2]'])).toEqual([[], [], [], ['600万ドル以下とされる。[1]'], [], ['また、蒸留も。[2]']]);
  });

  it('waits while a marker may still be arriving', () => {
    const s = new SentenceStream();
    expect(s.push('一文目。[')).toEqual([]);
    expect(s.push('12')).toEqual([]);
    expect(s.push('] 二文目')).toEqual(['一文目。[12] ']);
    expect(s.flush()).toEqual(['二文目']);
  });

  it('splits English on a period before a space, not inside numbers or URLs', () => {
    expect(splitSentences('Training cost $5.6 million [1]. See https://a.example/x.html for more [2]. Done.')).toEqual([
      'Training cost $5.6 million [1]. ',
      'See https://a.example/x.html for more [2]. ',
      'Done.',
    ]);
  });

  it('keeps closing brackets with their sentence and breaks at new lines', () => {
    expect(splitSentences('（「出典」2025年）。[1]次の段落\n\nもう一つ')).toEqual(['（「出典」2025年）。[1]', '次の段落\n\n', 'もう一つ']);
  });

  it('does not end a sentence inside a quoted title or a bracketed source', () => {
    expect(splitSentences('449棟となっている（「未来。地図」.『経済』、新聞、2024年3月27日。https://x.example/a/.）。[1]次の文。')).toEqual([
      '449棟となっている（「未来。地図」.『経済』、新聞、2024年3月27日。https://x.example/a/.）。[1]',
      '次の文。',
    ]);
    expect(splitSentences('Staff were told ("Avoid AI Tools." Reuters, February 5, 2025. https://x.example/a/.). Next one.')).toEqual([
      'Staff were told ("Avoid AI Tools." Reuters, February 5, 2025. https://x.example/a/.). ',
      'Next one.',
    ]);
  });

  it('shows a sentence without punctuation once it is long, never cutting a marker', () => {
    const s = new SentenceStream();
    const long = 'あ'.repeat(300);
    expect(s.push(`${long}[`)).toEqual([long]);
    expect(s.push('3]')).toEqual([]);
    expect(s.flush()).toEqual(['[3]']);
  });

  it('gives back exactly the text it was given', () => {
    const text = 'The report says (quoted in Japanese): データセンター…可能性は十分にある。[1] Footnote 11: 2024年…（https://vdata.nikkei.com/x/.）。[2]';
    for (const size of [1, 3, 7, 50]) {
      const s = new SentenceStream();
      const out: string[] = [];
      for (let i = 0; i < text.length; i += size) out.push(...s.push(text.slice(i, i + size)));
      out.push(...s.flush());
      expect(out.join('')).toBe(text);
    }
  });
});
