/**
 * A small report written in a test, laid out as the publisher's extracted text: a header, numbered
 * chapters, paragraphs ending on a trailing space, each chapter starting a page, lines double
 * spaced. The test supplies every word; this only lays them out.
 */
export interface MadeUpReport {
  date: string;
  title: string;
  chapters: { title: string; paragraphs: string[] }[];
}

export function reportText(r: MadeUpReport): string {
  const lines = [` ${r.date} `, '基礎研究レポート ', `${r.title} `, '経済研究部 研究員 山田 太郎 ', ' '];
  r.chapters.forEach((c, i) => {
    lines.push(' ', `${i + 1}――${c.title} `, ' ');
    c.paragraphs.forEach((p, j) => lines.push(`${j === 0 ? ' ' : ''}${p} `));
  });
  return `${lines.join('\n\n')}\n`;
}

/** Three made-up reports on unrelated topics, for library tests. */
export const LIBRARY_REPORTS: Record<string, MadeUpReport> = {
  rice: {
    date: '2024-04-01',
    title: 'コメの生産と価格の動き',
    chapters: [
      { title: 'はじめに', paragraphs: ['コメの価格は2024年に大きく上がった。農家の高齢化も進んでいる。'] },
      { title: 'コメの生産', paragraphs: ['新潟県のコメの生産量は全国一位である。作付面積は前年より2％減った。', '肥料の価格は前年比で30％上昇し、農家の負担が増えた。'] },
      { title: 'おわりに', paragraphs: ['コメの安定供給には担い手の確保が欠かせない。'] },
    ],
  },
  steel: {
    date: '2024-05-01',
    title: '鉄鋼業の脱炭素',
    chapters: [
      { title: 'はじめに', paragraphs: ['鉄鋼業は国内の二酸化炭素排出量の約14％を占める。'] },
      { title: '電炉への転換', paragraphs: ['高炉から電炉への転換には、一基あたり数千億円の投資が必要になる。', '水素還元製鉄の実用化は2040年代と見込まれている。'] },
      { title: 'おわりに', paragraphs: ['鉄鋼の脱炭素には電力の安定供給と政府の支援が求められる。'] },
    ],
  },
  tourism: {
    date: '2024-06-01',
    title: '訪日観光客の回復',
    chapters: [
      { title: 'はじめに', paragraphs: ['訪日観光客の数は2023年に2500万人まで回復した。'] },
      { title: '観光消費', paragraphs: ['訪日観光客の消費額は5兆円を超え、宿泊費が最も多い。', '京都では観光客の集中による混雑が課題となっている。'] },
      { title: 'おわりに', paragraphs: ['観光の地方分散が今後の課題である。'] },
    ],
  },
};

/** A chapter of a made-up report body: its own paragraphs, then its numbered sections (1｜…). */
export interface MadeUpChapter {
  title: string;
  paragraphs?: string[];
  sections?: { title: string; paragraphs: string[] }[];
}

/**
 * Chapters alone, without a header, laid out as the publisher's extracted text is: a heading, a
 * blank line, a line holding a space, then each paragraph ending on a space; single newlines
 * with a blank line between.
 */
export function chaptersText(chapters: readonly MadeUpChapter[]): string {
  const heading = (text: string) => [text, '', ' ', ''];
  const body = (paragraphs: readonly string[] = []) => paragraphs.flatMap((p) => [`${p} `, '']);
  return chapters
    .flatMap((c, i) => [...heading(` ${i + 1}――${c.title} `), ...body(c.paragraphs), ...(c.sections ?? []).flatMap((s, j) => [...heading(` ${j + 1}｜${s.title} `), ...body(s.paragraphs)])])
    .join('\n');
}
