import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences';

const sentences = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('splits Japanese after 。！？ and keeps closing brackets with the sentence', () => {
    expect(sentences('高まった。だろうか？「そうだ。」次の文')).toEqual(['高まった。', 'だろうか？', '「そうだ。」', '次の文']);
  });

  it('splits English at . ? ! before a space, not inside numbers or URLs', () => {
    expect(sentences('R1 costs 2.19 dollars. See https://x.example/news151_3.html for more! Really?')).toEqual([
      'R1 costs 2.19 dollars.',
      'See https://x.example/news151_3.html for more!',
      'Really?',
    ]);
  });

  it('covers the text without whitespace at the edges and returns nothing for blank text', () => {
    expect(sentences('  一つ目。  二つ目。 ')).toEqual(['一つ目。', '二つ目。']);
    expect(splitSentences('   ')).toEqual([]);
  });
});
