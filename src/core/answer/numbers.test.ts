import { describe, expect, it } from 'vitest';
import { heldValues, isHeld, normaliseDigits, statedNumbers } from './numbers';

const values = (text: string) => statedNumbers(text).map((n) => n.value);

describe('stated numbers', () => {
  it('reads years, percentages, Japanese multipliers, full-width digits and thousands separators', () => {
    expect(values('2025年に中国が56.3％、米国が４６．３％')).toEqual([2025, 56.3, 46.3]);
    expect(values('開発コスト（600万ドル以下）、GPUを 5万枚、年俸 2億円')).toEqual([6e6, 5e4, 2e8]);
    expect(values('５，３８１社と1,234.5件')).toEqual([5381, 1234.5]);
    expect(values('1兆2000億円の投資と3千億円')).toEqual([1.2e12, 3e11]);
  });

  it('reads English multipliers, words and suffixes alike', () => {
    expect(values('under $6 million, about 1.2 billion yuan, $560M and 7bn')).toEqual([6e6, 1.2e9, 5.6e8, 7e9]);
  });

  it('skips model and product names whose digits are glued to letters', () => {
    expect(values('R1 and DeepSeek-V3 beat GPT-4o on H800 and Ascend 910C chips')).toEqual([]);
  });

  it('keeps the written form for warnings', () => {
    expect(statedNumbers('５６．３％')[0]!.text).toBe('56.3');
    expect(statedNumbers('約600万ドル')[0]!.text).toBe('600万');
    expect(statedNumbers('$6 million')[0]!.text).toBe('6 million');
    expect(normaliseDigits('２０２５年')).toBe('2025年');
  });
});

describe('held numbers', () => {
  const passage = 'DeepSeekが発表した開発コスト（600万ドル以下）は、中国が 56.3％と最も高い。2025年 2月 7日';
  const held = heldValues(passage);
  const check = (text: string) => statedNumbers(text).map((n) => isHeld(n, held));

  it('matches a restatement in another language or unit', () => {
    expect(check('The cost was under $6 million.')).toEqual([true]);
    expect(check('開発費は600万ドル以下。')).toEqual([true]);
    expect(check('China leads with 56.3% in 2025.')).toEqual([true, true]);
  });

  it('accepts rounding to the precision written, and nothing looser', () => {
    expect(check('about 56%')).toEqual([true]);
    expect(check('57%')).toEqual([false]);
    expect(check('2024年')).toEqual([false]);
    expect(check('$60 million')).toEqual([false]);
  });

  it('keeps the bare figure before a unit', () => {
    expect(held).toContain(600);
  });
});
