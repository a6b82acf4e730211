/**
 * Made-up reports in the publisher's layout (the text `pdftotext` gives of its PDFs: a header,
 * numbered chapters `1――…` and sections `1｜…`, paragraphs ending on a trailing space, pages
 * starting with a leading space, footnotes after a rule at a page bottom), for load tests and
 * benchmarks of a library. Deterministic: the same seed writes the same report.
 */

const TOPICS = [
  '半導体', '観光', '農業', '鉄鋼', '物流', '住宅', '医療', '教育', '電力', '水産', '造船', '保険', '銀行', '小売', '外食', '航空', '鉄道', '通信',
  '石油', '化学', '繊維', '紙パルプ', '医薬品', '自動車', '家電', '建設', '不動産', '広告', '出版', '放送', '介護', '保育', '林業', '畜産', '酪農', '港湾',
] as const;
const ASPECTS = ['需要', '雇用', '設備投資', '輸出', '生産性', '価格', '賃金', '在庫', '供給網', '収益', '人手不足', '脱炭素', '規制', '研究開発'] as const;
const REGIONS = ['東北', '関東', '中部', '近畿', '中国地方', '四国', '九州', '北海道', '米国', '欧州', '中国', 'インド', '東南アジア'] as const;
const ORGS = ['政府の統計', '業界団体の調査', '民間の試算', '中央銀行の報告', '国際機関の見通し'] as const;
const POLICIES = ['補助金', '税制', '規制', '人材育成', '価格転嫁', '事業承継'] as const;

/** mulberry32: a small seeded generator, so a library can be written again byte for byte. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticReport {
  id: string;
  topic: string;
  text: string;
}

/** Report `index` of a library: its topic (cycling through a list, numbered past the list's end), 5–30 KB of text. */
export function syntheticReport(index: number, seed = 1): SyntheticReport {
  const rnd = random(seed * 100_003 + index);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const topic = TOPICS[index % TOPICS.length]!;
  const round = Math.floor(index / TOPICS.length) + 1;
  const year = 2020 + (index % 6);
  const sentence = (aspect: string): string =>
    pick([
      () => `${topic}の${aspect}は、${int(2015, 2025)}年に前年比${int(1, 30)}％${pick(['増加', '減少'])}した。`,
      () => `${pick(REGIONS)}では${topic}への投資が${int(10, 9000)}億円に達し、${aspect}の改善が続いている。`,
      () => `${pick(ORGS)}によると、${topic}分野の${aspect}は${int(2026, 2035)}年までに${int(5, 60)}％拡大すると見込まれる。`,
      () => `ただし、${aspect}をめぐる課題は残り、${pick(POLICIES)}の見直しが求められる。`,
      () => `${topic}の企業の${int(20, 80)}％が、${aspect}を今後${int(2, 10)}年の最大の課題に挙げている。`,
      () => `${aspect}の先行きは、${pick(REGIONS)}の景気と為替の動向に左右されやすい。`,
    ])();
  const chapters = int(3, 6);
  const target = int(5_000, 30_000);
  const lines: string[] = [` ${year}-0${int(1, 9)}-1${int(0, 9)} `, '基礎研究レポート ', `${topic}の動向と課題（第${round}回） `, `経済研究部 研究員 ${pick(['佐藤', '鈴木', '高橋', '田中', '伊藤'])} ${pick(['一郎', '花子', '健', '真理'])} `, ' '];
  let bytes = 0;
  let footnote = 0;
  for (let c = 1; c <= chapters; c++) {
    const aspect = ASPECTS[(index + c) % ASPECTS.length]!;
    lines.push(' ', `${c}――${topic}の${aspect} `, ' ');
    const sections = int(2, 5);
    for (let s = 1; s <= sections; s++) {
      const sub = pick(ASPECTS);
      lines.push(`${s}｜${sub}の現状 `);
      for (let p = int(1, 4); p > 0; p--) {
        const sentences = Array.from({ length: int(2, 5) }, () => sentence(pick([aspect, sub])));
        if (footnote < 3 && rnd() < 0.2) sentences[0] = sentences[0]!.replace(/。$/, `${++footnote}。`);
        // Each chapter starts a page: its first printed line keeps the page's leading space.
        const pageStart = s === 1 && lines.at(-1)!.startsWith('1｜') ? ' ' : '';
        const paragraph = `${pageStart}${sentences.join('')} `;
        lines.push(paragraph);
        bytes += Buffer.byteLength(paragraph);
      }
      if (bytes > target * (c / chapters)) break;
    }
  }
  // The footnote area of the last page: a rule, then `N text` with a source URL.
  if (footnote > 0) {
    const notes = Array.from({ length: footnote }, (_, i) => `${i + 1} ${pick(ORGS)}による（https://example.org/${index}/${i + 1}）。 `);
    lines.push(` \n${notes.join('\n')}`);
  }
  return { id: `report-${String(index + 1).padStart(3, '0')}`, topic, text: `${lines.join('\n\n')}\n` };
}
