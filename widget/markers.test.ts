import { describe, expect, it } from 'vitest';
import { splitMarkers } from './markers';

describe('splitMarkers', () => {
  it('turns markers into references between text runs', () => {
    expect(splitMarkers('開発コストは600万ドル以下[1]。ただし[2][3]')).toEqual([
      { kind: 'text', text: '開発コストは600万ドル以下' },
      { kind: 'ref', ref: 1 },
      { kind: 'text', text: '。ただし' },
      { kind: 'ref', ref: 2 },
      { kind: 'ref', ref: 3 },
    ]);
  });

  it('keeps text without markers as one run, and empty text as nothing', () => {
    expect(splitMarkers('no markers here')).toEqual([{ kind: 'text', text: 'no markers here' }]);
    expect(splitMarkers('')).toEqual([]);
  });

  it('leaves markers outside the known references as text', () => {
    expect(splitMarkers('In [2025] it rose [1].', new Set([1]))).toEqual([
      { kind: 'text', text: 'In [2025] it rose ' },
      { kind: 'ref', ref: 1 },
      { kind: 'text', text: '.' },
    ]);
  });

  it('leaves an unfinished marker (mid-stream) as text', () => {
    expect(splitMarkers('cost [1')).toEqual([{ kind: 'text', text: 'cost [1' }]);
  });

  it('never loses or reorders characters', () => {
    const text = 'a[1]b[x]c[12]d[]e[3';
    const rebuilt = splitMarkers(text)
      .map((s) => (s.kind === 'text' ? s.text : `[${s.ref}]`))
      .join('');
    expect(rebuilt).toBe(text);
  });
});
