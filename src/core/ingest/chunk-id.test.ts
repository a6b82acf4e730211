import { describe, expect, it } from 'vitest';
import { fnv1aHex, footnotePassageId, passageId } from './chunk-id';

describe('passage ids', () => {
  it('hashes with 32-bit FNV-1a', () => {
    // Reference values of FNV-1a 32: "" → 811c9dc5, "a" → e40c292c.
    expect(fnv1aHex('')).toBe('811c9dc5');
    expect(fnv1aHex('a')).toBe('e40c292c');
  });

  it('derives URL-safe ids from page, order and text', () => {
    const id = passageId(3, 12, '中国は、目下不動産不況が長期化している。');
    expect(id).toMatch(/^p3-012-[0-9a-f]{6}$/);
    expect(passageId(3, 12, '中国は、目下不動産不況が長期化している。')).toBe(id);
    expect(passageId(3, 12, '別の文。')).not.toBe(id);
    expect(footnotePassageId(16)).toBe('fn-16');
  });
});
