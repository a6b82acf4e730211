import { describe, expect, it } from 'vitest';
import { extractMarkers, mentionsMarker, type MarkerCursor } from './parse-markers';

const cursor = (next = 1, last = 21): MarkerCursor => ({ next, last });

describe('extractMarkers', () => {
  it('removes markers before punctuation and particles, recording where they stood', () => {
    const c = cursor();
    const r = extractMarkers('性能を発揮し、コストパフォーマンスが高かった 1。こうした疑念2や、評価は少なくない3。', c);
    expect(r.text).toBe('性能を発揮し、コストパフォーマンスが高かった。こうした疑念や、評価は少なくない。');
    expect(r.markers.map((m) => m.n)).toEqual([1, 2, 3]);
    expect(r.markers.map((m) => r.text[m.at])).toEqual(['。', 'や', '。']);
    expect(c.next).toBe(4);
  });

  it('leaves numbers of the prose alone even when they equal the expected footnote', () => {
    const text = 'はや 1カ月が経つ。わずか 1週間で 1位を付けた。56.3％と最も高い。R1 出現。H800を使う。2.19ドル/1Mトークン。1つの例。';
    const r = extractMarkers(text, cursor(1));
    expect(r.text).toBe(text);
    expect(r.markers).toEqual([]);
    const later = extractMarkers('2020年、2025年、2030年と3 段階に分けて', cursor(3));
    expect(later.text).toBe('2020年、2025年、2030年と3 段階に分けて');
  });

  it('only takes the next expected number, so an earlier number stays text', () => {
    const c = cursor(5);
    const r = extractMarkers('第一に4、続いて最も高い5。', c);
    expect(r.text).toBe('第一に4、続いて最も高い。');
    expect(r.markers).toEqual([{ n: 5, at: '第一に4、続いて最も高い'.length }]);
  });

  it('tolerates one missing marker when the next one is clearly a marker', () => {
    const c = cursor(7);
    const r = extractMarkers('進んでいる8。', c);
    expect(r.markers.map((m) => m.n)).toEqual([8]);
    expect(c.next).toBe(9);
  });

  it('finds no markers when the report has no footnotes', () => {
    const r = extractMarkers('少なくない1。', cursor(1, 0));
    expect(r.text).toBe('少なくない1。');
    expect(r.markers).toEqual([]);
  });

  it('reads full-width markers only when the footnote numbers were full-width', () => {
    expect(extractMarkers('高かった１。疑念２や', cursor(1, 2)).markers).toEqual([]);
    const r = extractMarkers('高かった１。疑念２や', { ...cursor(1, 2), fullWidth: true });
    expect(r.text).toBe('高かった。疑念や');
    expect(r.markers.map((m) => m.n)).toEqual([1, 2]);
  });

  it('tells whether a text holds the marker of a footnote', () => {
    expect(mentionsMarker('導入も広がっている 4。', 4)).toBe(true);
    expect(mentionsMarker('2024年には 4社が参入した。', 4)).toBe(false);
    expect(mentionsMarker('広がっている４。', 4, true)).toBe(true);
  });

  it('never takes a figure number or an ordinal for a marker', () => {
    const text = '推移をみると（図表 1）、理由は第1、第 2。状況次第3。';
    const r = extractMarkers(text, cursor(1, 3));
    expect(r.markers.map((m) => m.n)).toEqual([3]);
    expect(r.text).toBe('推移をみると（図表 1）、理由は第1、第 2。状況次第。');
  });
});
