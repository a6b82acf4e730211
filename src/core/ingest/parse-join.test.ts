import { describe, expect, it } from 'vitest';
import { detectLatinSpacing, joinLines, type SourceLine } from './parse-join';

const line = (text: string, trailingSpace = false): SourceLine => ({ text, trailingSpace, page: 1 });

describe('joinLines with the trailing-space convention', () => {
  it('adds a space only where the Latin line kept one', () => {
    expect(joinLines([line('Australian Strategic Policy', true), line('Institute（ASPI）')], 'trailing-space')).toBe('Australian Strategic Policy Institute（ASPI）');
    expect(joinLines([line("India's Finance Minis"), line('try Asks')], 'trailing-space')).toBe("India's Finance Ministry Asks");
    expect(joinLines([line('https://www.reuters.'), line('com/technology/')], 'trailing-space')).toBe('https://www.reuters.com/technology/');
    expect(joinLines([line('February 4, 2025.', true), line('https://www.tomshardware.com/')], 'trailing-space')).toBe('February 4, 2025. https://www.tomshardware.com/');
  });

  it('never adds a space next to Japanese', () => {
    expect(joinLines([line('含まれていたので'), line('はないか等の疑念')], 'trailing-space')).toBe('含まれていたのではないか等の疑念');
    expect(joinLines([line('Chat GPT'), line('を提供している')], 'trailing-space')).toBe('Chat GPTを提供している');
    expect(joinLines([line('出現は', true), line('R1')], 'inferred')).toBe('出現はR1');
  });
});

describe('joinLines without the convention', () => {
  it('infers word spaces but not inside URLs or after hyphens', () => {
    expect(joinLines([line('jumps over'), line('the dog')], 'inferred')).toBe('jumps over the dog');
    expect(joinLines([line('see https://example.com/a/b'), line('c/d')], 'inferred')).toBe('see https://example.com/a/bc/d');
    expect(joinLines([line('well-'), line('known')], 'inferred')).toBe('well-known');
  });
});

describe('detectLatinSpacing', () => {
  it('detects a Latin character followed by a space at a line end', () => {
    expect(detectLatinSpacing(['あいう', 'Open ', 'AIと'])).toBe('trailing-space');
    expect(detectLatinSpacing(['高まった。 ', 'plain'])).toBe('inferred');
  });
});
