import { describe, expect, it } from 'vitest';
import { chooseLang } from './lang';

describe('chooseLang', () => {
  it('uses an explicit data-lang over everything else', () => {
    expect(chooseLang({ attribute: 'en', documentLang: 'ja', browserLangs: ['ja-JP'] })).toBe('en');
    expect(chooseLang({ attribute: 'JA', documentLang: 'en' })).toBe('ja');
  });

  it('falls back to the page language when data-lang is auto, missing or unknown', () => {
    expect(chooseLang({ attribute: 'auto', documentLang: 'en-GB', browserLangs: ['ja'] })).toBe('en');
    expect(chooseLang({ documentLang: 'ja', browserLangs: ['en-US'] })).toBe('ja');
    expect(chooseLang({ attribute: 'fr', documentLang: 'ja-JP' })).toBe('ja');
  });

  it('falls back to the browser language when the page has none we speak', () => {
    expect(chooseLang({ documentLang: '', browserLangs: ['ja-JP', 'en'] })).toBe('ja');
    expect(chooseLang({ documentLang: 'de', browserLangs: ['fr', 'en-US'] })).toBe('en');
    expect(chooseLang({ documentLang: 'zh_CN', browserLangs: ['ja'] })).toBe('ja');
  });

  it('chooses English for readers of neither language, Japanese with no signal', () => {
    expect(chooseLang({ documentLang: 'de', browserLangs: ['fr'] })).toBe('en');
    expect(chooseLang({})).toBe('ja');
  });
});
