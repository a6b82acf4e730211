import { describe, expect, it } from 'vitest';
import { scriptLang } from './rich-text';

describe('scriptLang', () => {
  it('tells Japanese runs from English ones', () => {
    expect(scriptLang('データセンターなど数の面で米国に劣るインフラ（https://a.example/x）。')).toBe('ja');
    expect(scriptLang('The report says (quoted in Japanese): データセンターなど数の面で米国に劣るインフラを中心に。')).toBe('ja');
    expect(scriptLang('Training alone cost under $6 million [1].')).toBe('en');
    expect(scriptLang('[1] 2025.')).toBeNull();
    expect(scriptLang('https://vdata.nikkei.com/newsgraphics/economic-security-in-data_vol3/.）。[3]')).toBeNull();
  });
});
