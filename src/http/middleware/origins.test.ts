import { describe, expect, it } from 'vitest';
import { parseOrigins } from './origins';

describe('parseOrigins', () => {
  it('reads a comma-separated list, trimmed', () => {
    expect(parseOrigins('https://a.example, https://b.example')).toEqual(['https://a.example', 'https://b.example']);
    expect(parseOrigins('https://a.example')).toEqual(['https://a.example']);
  });
  it('treats an empty list or a "*" entry as any origin', () => {
    expect(parseOrigins('')).toBe('*');
    expect(parseOrigins(' , ')).toBe('*');
    expect(parseOrigins('https://a.example,*')).toBe('*');
  });
});
