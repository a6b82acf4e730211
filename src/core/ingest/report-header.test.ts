import { describe, expect, it } from 'vitest';
import { readHeader } from './report-header';

/** Double-spaced like the extraction: each printed line followed by an empty one. */
const page = (...printed: string[]) => printed.flatMap((l) => [l, '']);

describe('readHeader', () => {
  it('reads date, series, a title over two lines, subtitle, author and contact', () => {
    const raw = page(
      ' 2025-06-10 ',
      '基礎研究レポート ',
      'スマホの次は半導体、インドの誘致策は',
      '実を結ぶか ',
      '～補助金競争のなかで問われる「産業の厚み」～ ',
      '経済研究部 主任研究員 山田 太郎 ',
      '(03)5555-0123 t-yamada@example.jp ',
      ' ',
      '1――はじめに ',
    );
    const read = readHeader(raw, 'trailing-space');
    expect(read?.header).toEqual({
      date: '2025-06-10',
      series: '基礎研究レポート',
      title: 'スマホの次は半導体、インドの誘致策は実を結ぶか',
      subtitle: '補助金競争のなかで問われる「産業の厚み」',
      author: '経済研究部 主任研究員 山田 太郎',
      contact: '(03)5555-0123 t-yamada@example.jp',
    });
    expect(read?.end).toBe(13);
    expect(read?.startsPage).toBe(true);
  });

  it('accepts another order, a publisher line, a Japanese date and several authors', () => {
    const raw = page('ニッセイ基礎研究所', '研究員の眼', '2024年 3月 5日', '家計の資産形成と新NISA', '金融研究部 主任研究員 鈴木 花子', '経済研究部 研究員 佐藤 一郎', 'suzuki@example.jp', '本文はここから始まる。');
    const read = readHeader(raw, 'trailing-space');
    expect(read?.header).toEqual({
      publisher: 'ニッセイ基礎研究所',
      series: '研究員の眼',
      date: '2024-03-05',
      title: '家計の資産形成と新NISA',
      author: '金融研究部 主任研究員 鈴木 花子、経済研究部 研究員 佐藤 一郎',
      contact: 'suzuki@example.jp',
    });
    expect(raw[read?.end ?? 0]).toBe('');
    expect(raw[(read?.end ?? 0) + 1]).toBe('本文はここから始まる。');
    expect(read?.startsPage).toBe(false);
  });

  it('reads full-width digits in the date, and a series-shaped line after the title as title', () => {
    const raw = page('２０２５－０１－０７', '2025年の日本経済見通し', '上期レポート', '経済研究部 主席研究員 山田 次郎');
    expect(readHeader(raw, 'trailing-space')?.header).toEqual({ date: '2025-01-07', title: '2025年の日本経済見通し上期レポート', author: '経済研究部 主席研究員 山田 次郎' });
  });

  it('leaves lines after the last header line to the body', () => {
    const raw = page('2025-06-10', '本稿では家計の資産形成を考える。', '次の段落。');
    const read = readHeader(raw, 'trailing-space');
    expect(read?.header).toEqual({ date: '2025-06-10' });
    expect(read?.end).toBe(1);
  });

  it('finds no header in a text that starts with a chapter or with plain prose', () => {
    expect(readHeader(page(' 1――世界に衝撃をもたらした中国発生成 AI ', '本文。 '), 'trailing-space')).toBeUndefined();
    expect(readHeader(page('日本の家計の金融資産は', '過去最高を更新した。 '), 'trailing-space')).toBeUndefined();
  });

  it('splits a line holding the date and the series', () => {
    const raw = page('2025-03-04 研究員の眼', '家計の資産形成', '生活研究部 研究員 佐藤 花子', '1――はじめに');
    expect(readHeader(raw, 'trailing-space')?.header).toEqual({ date: '2025-03-04', series: '研究員の眼', title: '家計の資産形成', author: '生活研究部 研究員 佐藤 花子' });
  });

  it('takes title lines right before the first chapter as a header, without date or author', () => {
    const raw = page(' 新NISAは家計の資産形成を', '変えるか ', '～2年目の利用状況から～ ', ' ', '1――はじめに ');
    const read = readHeader(raw, 'trailing-space');
    expect(read?.header).toEqual({ title: '新NISAは家計の資産形成を変えるか', subtitle: '2年目の利用状況から' });
    expect(raw[read?.end ?? 0]).toBe('1――はじめに ');
    expect(readHeader(page('本稿の狙いを述べる。', '1――はじめに'), 'trailing-space')).toBeUndefined();
  });
});
