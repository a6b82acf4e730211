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

describe('splitSentences inside brackets', () => {
  it('keeps a quoted title with its own full stop inside the sentence that cites it', () => {
    const text = '誤用とされている（「『コスト 600万ドル』は誤解。中国の真実」（『36Kr Japan』2025年 2月 7日、https://36kr.jp/328412/））。次の文。';
    expect(sentences(text)).toEqual(['誤用とされている（「『コスト 600万ドル』は誤解。中国の真実」（『36Kr Japan』2025年 2月 7日、https://36kr.jp/328412/））。', '次の文。']);
  });

  it('keeps an English citation in parentheses whole, URL included', () => {
    const text = '報道がある（"A Title." Tom\'s Hardware, February 4, 2025. https://x.example/a-b.）。後の文。';
    expect(sentences(text)).toEqual(['報道がある（"A Title." Tom\'s Hardware, February 4, 2025. https://x.example/a-b.）。', '後の文。']);
  });

  it('ignores a bracket that never closes instead of swallowing the rest of the text', () => {
    expect(sentences('図表（1 を参照。次の文。最後。')).toEqual(['図表（1 を参照。', '次の文。', '最後。']);
  });

  it('does not start a sentence at a URL or a lower-case word after a full stop', () => {
    expect(sentences('Journal, 2025. https://a.example/x. Next one.')).toEqual(['Journal, 2025. https://a.example/x.', 'Next one.']);
    expect(sentences('Many, e.g. chips, matter. Yes.')).toEqual(['Many, e.g. chips, matter.', 'Yes.']);
  });
});
