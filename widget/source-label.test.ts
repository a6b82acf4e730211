import { describe, expect, it } from 'vitest';
import { footnoteNumber, sectionNumber, sourceLabel } from './source-label';

const words = { footnote: (n: number) => `脚注${n}` };

describe('sectionNumber', () => {
  it('reads the number of each breadcrumb level, Japanese or English', () => {
    expect(sectionNumber('3――中国経済にもたらす機会と脅威 › 2｜生成AI関連インフラの投資需要も拡大する見込み')).toBe('§3-2');
    expect(sectionNumber('1――世界に衝撃をもたらした中国発生成 AI「DeepSeek-R1」')).toBe('§1');
    expect(sectionNumber('3. Opportunities and threats for the Chinese economy › 2. Investment demand')).toBe('§3-2');
    expect(sectionNumber('５――課題 › １｜中国')).toBe('§5-1');
  });

  it('is empty for a section without numbers', () => {
    expect(sectionNumber('はじめに')).toBe('');
    expect(sectionNumber('')).toBe('');
  });
});

describe('sourceLabel', () => {
  it('names a body passage by section number and page', () => {
    expect(sourceLabel({ id: 'p4-016-550a71', section: '3――中国経済 › 2｜投資', page: 4 }, words)).toBe('§3-2 · p.4');
  });

  it('names a footnote passage as the footnote', () => {
    expect(footnoteNumber('fn-11')).toBe(11);
    expect(footnoteNumber('p4-016')).toBeNull();
    expect(sourceLabel({ id: 'fn-11', section: '3――中国経済 › 2｜投資', page: 4 }, words)).toBe('脚注11 · p.4');
    expect(sourceLabel({ id: 'fn-2', section: '', page: 0 }, { footnote: (n) => `Footnote ${n}` })).toBe('Footnote 2');
  });
});
