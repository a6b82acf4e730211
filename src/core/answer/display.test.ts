import { describe, expect, it } from 'vitest';
import { displayText } from './display';

describe('displayText', () => {
  it('removes the PDF spacing between Japanese and digits or Latin words', () => {
    expect(displayText('2024年 3月 27日')).toBe('2024年3月27日');
    expect(displayText('米国の 12分の 1となっている')).toBe('米国の12分の1となっている');
    expect(displayText('生成 AI の利用')).toBe('生成AIの利用');
    expect(displayText('中国が 56.3％と')).toBe('中国が56.3％と');
  });

  it('keeps spaces between Latin words, in English citations and around URLs', () => {
    expect(displayText('Open AIの o1が')).toBe('Open AIのo1が');
    expect(displayText("Tom's Hardware, February 4, 2025. https://x.example/a.）。")).toBe("Tom's Hardware, February 4, 2025. https://x.example/a.）。");
    expect(displayText('（『36Kr Japan』2025年 2月 7日、https://36kr.jp/328412/）')).toBe('（『36Kr Japan』2025年2月7日、https://36kr.jp/328412/）');
  });
});
