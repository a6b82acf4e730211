import { describe, expect, it } from 'vitest';
import { displayText, withoutBibliography } from './display';

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

describe('withoutBibliography', () => {
  it('cuts the bracketed source of a footnote fact and mends what it leaves', () => {
    expect(withoutBibliography('2024年3月末時点でデータセンターは449棟（「沸騰AI、未来」.『解剖経済安保』、日本経済新聞、2024年3月27日。https://x.example/vol3/.）。')).toBe('2024年3月末時点でデータセンターは449棟。');
    expect(withoutBibliography('R1は2.19ドルとされている（http://api.example/news/250120）。')).toBe('R1は2.19ドルとされている。');
    expect(withoutBibliography('性能を上げたことが示されている（DeepSeek-AI（2025））。')).toBe('性能を上げたことが示されている。');
    expect(withoutBibliography('There are reports that staff were told not to use it ("Ministry Asks Staff to Avoid AI." Reuters, February 5, 2025. https://x.example/a/.).')).toBe('There are reports that staff were told not to use it.');
  });

  it('keeps brackets that say something other than a source, and a text that is only a source', () => {
    expect(withoutBibliography('開発コスト（600万ドル以下）は、トレーニングのみ。')).toBe('開発コスト（600万ドル以下）は、トレーニングのみ。');
    const bare = '「美股七巨头」.第一财经，2025年 2月 10日. https://x.example/1.html.。';
    expect(withoutBibliography(bare)).toBe(bare);
  });
});
