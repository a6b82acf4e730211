import { describe, expect, it } from 'vitest';
import { matchKatakana, matchLatinName, MAX_NAME_CHARS } from './transliterate';

describe('transliteration', () => {
  it('matches katakana spellings with the Latin names a text writes', () => {
    expect(matchLatinName('ディープシーク', ['DeepSeek', 'Nvidia'])).toBe('DeepSeek');
    expect(matchLatinName('エヌビディア', ['DeepSeek', 'Nvidia'])).toBe('Nvidia');
    expect(matchKatakana('Gujarat', ['グジャラート', 'ドレラ'])).toBe('グジャラート');
    // Only a Latin spelling is read by its sound: a katakana word is not matched with katakana.
    expect(matchKatakana('ドメイン', ['ドメイン', 'メイン'])).toBeUndefined();
  });

  it('never compares a word longer than a name could be', () => {
    const long = 'ディープシーク'.repeat(Math.ceil(MAX_NAME_CHARS / 7) + 1);
    expect(matchLatinName(long, ['DeepSeek'.repeat(7)])).toBeUndefined();
    expect(matchLatinName('ディープシーク', ['DeepSeek'.repeat(7), 'DeepSeek'])).toBe('DeepSeek');
    expect(matchKatakana('Gujarat'.repeat(7), ['グジャラート'.repeat(7)])).toBeUndefined();
  });
});
