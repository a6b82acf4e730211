import { describe, expect, it } from 'vitest';
import { detectReportLang, JAPANESE_SHARE } from './report-lang';

describe('detectReportLang', () => {
  it('reads Japanese prose as Japanese, even when Latin names crowd a sentence', () => {
    expect(detectReportLang(['輸出は前年比で5％増えた。', 'DeepSeekはOpenAIのGPT-4oに匹敵するとされる。'])).toBe('ja');
  });

  it('reads English prose as English, even when it quotes a Japanese term', () => {
    expect(detectReportLang(['Domestic demand (内需) held up in the second quarter.', 'Exports rose five percent year on year.'])).toBe('en');
  });

  it('decides by the share of kanji and kana among letters', () => {
    const latin = 'a'.repeat(300);
    const atShare = (share: number) => '日'.repeat(Math.round((300 * share) / (1 - share)));
    expect(detectReportLang([latin, atShare(JAPANESE_SHARE + 0.02)])).toBe('ja');
    expect(detectReportLang([latin, atShare(JAPANESE_SHARE - 0.02)])).toBe('en');
  });

  it('takes a text without letters as Japanese, the publisher default', () => {
    expect(detectReportLang(['2025', '—'])).toBe('ja');
  });
});
