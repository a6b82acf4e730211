import { describe, expect, it } from 'vitest';
import { substringTest } from './text-contains';

describe('substringTest', () => {
  it('answers exactly as String.includes, short and long needles alike', () => {
    const text = '半導体の需要は2025年に増加した。supply chain と在庫';
    const has = substringTest(text, 4);
    for (const needle of ['', '半', '半導体', '需要は20', '2025年に増加した', 'supply chain', '在庫', '在庫が', 'chains', '導体の需要は2025年に増加']) {
      expect(has(needle), needle).toBe(text.includes(needle));
    }
  });
});
