import { describe, expect, it } from 'vitest';
import { cleanUrl, extractUrls, isBareUrl } from './urls';

describe('extractUrls', () => {
  it('ends a URL at full-width punctuation and strips trailing sentence punctuation', () => {
    expect(extractUrls('（『36Kr Japan』2025年 2月 7日、https://36kr.jp/328412/）、「次」')).toEqual(['https://36kr.jp/328412/']);
    expect(extractUrls('2025年 2月 10日. https://www.yicai.com/news/102466826.html.。')).toEqual(['https://www.yicai.com/news/102466826.html']);
    expect(extractUrls('see https://apnews.com/article/x-d80d0.など）。')).toEqual(['https://apnews.com/article/x-d80d0']);
    expect(extractUrls('（http://api-docs.deepseek.com/news/news/250120）。')).toEqual(['http://api-docs.deepseek.com/news/news/250120']);
  });

  it('lists each URL once, in order', () => {
    expect(extractUrls('a https://b.example/x, then https://a.example/y and https://b.example/x.')).toEqual(['https://b.example/x', 'https://a.example/y']);
  });

  it('finds nothing in text without URLs', () => {
    expect(extractUrls('川島（2025）')).toEqual([]);
    expect(extractUrls('https:// alone')).toEqual([]);
  });
});

describe('cleanUrl', () => {
  it('keeps balanced parentheses and drops an unbalanced closing one', () => {
    expect(cleanUrl('https://en.wikipedia.org/wiki/Go_(game)')).toBe('https://en.wikipedia.org/wiki/Go_(game)');
    expect(cleanUrl('https://example.com/a).')).toBe('https://example.com/a');
  });
});

describe('isBareUrl', () => {
  it('is true only for a line holding nothing but a URL', () => {
    expect(isBareUrl('https://www.reuters.com/technology/x-2025-02-05/')).toBe(true);
    expect(isBareUrl('com/technology/x')).toBe(false);
    expect(isBareUrl('see https://x.example/')).toBe(false);
  });
});
