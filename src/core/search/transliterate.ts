/**
 * Katakana spellings of names the report writes in Latin letters (ディープシーク → DeepSeek,
 * エヌビディア → Nvidia, ファーウェイ → Huawei). A reader types the name as they hear it; the
 * report prints it as the company does. The katakana is romanised and its consonant skeleton
 * compared with the report's own Latin names, allowing for the sounds Japanese merges
 * (v/b, f/h, l/r, th/s). Web APIs only.
 */

const DIGRAPHS: Record<string, string> = {
  キャ: 'kya', キュ: 'kyu', キョ: 'kyo', シャ: 'sha', シュ: 'shu', ショ: 'sho', シェ: 'she', チャ: 'cha', チュ: 'chu', チョ: 'cho', チェ: 'che',
  ニャ: 'nya', ニュ: 'nyu', ニョ: 'nyo', ヒャ: 'hya', ヒュ: 'hyu', ヒョ: 'hyo', ミャ: 'mya', ミュ: 'myu', ミョ: 'myo', リャ: 'rya', リュ: 'ryu', リョ: 'ryo',
  ギャ: 'gya', ギュ: 'gyu', ギョ: 'gyo', ジャ: 'ja', ジュ: 'ju', ジョ: 'jo', ジェ: 'je', ビャ: 'bya', ビュ: 'byu', ビョ: 'byo', ピャ: 'pya', ピュ: 'pyu', ピョ: 'pyo',
  ファ: 'fa', フィ: 'fi', フェ: 'fe', フォ: 'fo', ウィ: 'wi', ウェ: 'we', ウォ: 'wo', ヴァ: 'va', ヴィ: 'vi', ヴェ: 've', ヴォ: 'vo', ティ: 'ti', ディ: 'di', トゥ: 'tu', ドゥ: 'du', デュ: 'dyu',
};
const SINGLE =
  'ア a イ i ウ u エ e オ o カ ka キ ki ク ku ケ ke コ ko サ sa シ shi ス su セ se ソ so タ ta チ chi ツ tsu テ te ト to ナ na ニ ni ヌ nu ネ ne ノ no ハ ha ヒ hi フ fu ヘ he ホ ho マ ma ミ mi ム mu メ me モ mo ヤ ya ユ yu ヨ yo ラ ra リ ri ル ru レ re ロ ro ワ wa ヲ o ン n ガ ga ギ gi グ gu ゲ ge ゴ go ザ za ジ ji ズ zu ゼ ze ゾ zo ダ da ヂ ji ヅ zu デ de ド do バ ba ビ bi ブ bu ベ be ボ bo パ pa ピ pi プ pu ペ pe ポ po ヴ vu ァ a ィ i ゥ u ェ e ォ o';
const SINGLES = new Map<string, string>();
{
  const f = SINGLE.split(' ');
  for (let i = 0; i + 1 < f.length; i += 2) SINGLES.set(f[i]!, f[i + 1]!);
}

export function romanise(katakana: string): string {
  let out = '';
  const chars = [...katakana];
  for (let i = 0; i < chars.length; i++) {
    const pair = DIGRAPHS[chars[i]! + (chars[i + 1] ?? '')];
    if (pair) {
      out += pair;
      i++;
    } else if (chars[i] === 'ッ') {
      const next = DIGRAPHS[chars[i + 1]! + (chars[i + 2] ?? '')] ?? SINGLES.get(chars[i + 1] ?? '') ?? '';
      out += next[0] ?? '';
    } else if (chars[i] !== 'ー' && chars[i] !== '・') out += SINGLES.get(chars[i]!) ?? '';
  }
  return out;
}

/** Consonants only, with the sounds Japanese does not tell apart merged. */
export function skeleton(latin: string): string {
  return latin
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    .replace(/tsu|ts/g, 't')
    .replace(/([bdgkpt])h/g, '$1')
    .replace(/shi|sh|ch/g, 's')
    .replace(/th/g, 's')
    .replace(/ph/g, 'f')
    .replace(/c(?=[ei])/g, 's')
    .replace(/ck|q|c/g, 'k')
    .replace(/x/g, 'ks')
    .replace(/[aeiouyw]/g, '')
    .replace(/v/g, 'b')
    .replace(/[fh]/g, 'h')
    .replace(/l/g, 'r')
    .replace(/(.)\1+/g, '$1');
}

/**
 * Longest word compared with names, in characters. Names are a few syllables; the comparison is
 * an edit distance, whose cost is the product of the two lengths, so a longer run of katakana or
 * letters (pasted text, not a name) is never compared.
 */
export const MAX_NAME_CHARS = 40;

const tooLong = (word: string) => word.length > MAX_NAME_CHARS;

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** The report's Latin name a katakana word most likely spells, if one is close enough. */
export function matchLatinName(katakana: string, names: readonly string[]): string | undefined {
  if (tooLong(katakana)) return undefined;
  const roman = romanise(katakana);
  const k = skeleton(roman);
  if (k.length === 0) return undefined;
  let best: { name: string; score: number } | undefined;
  for (const name of names) {
    if (tooLong(name)) continue;
    const n = skeleton(name);
    if (n.length === 0 || n[0] !== k[0]) continue;
    // A one- or two-consonant skeleton (Huawei: h) says little: the vowels must agree too.
    const spelled = 1 - distance(roman, name.toLowerCase()) / Math.max(roman.length, name.length);
    if (k.length < 3 && (k !== n || spelled < 0.6)) continue;
    const score = 1 - distance(k, n) / Math.max(k.length, n.length);
    if (score >= 0.75 && (!best || score > best.score)) best = { name, score };
  }
  return best?.name;
}

/**
 * The report's katakana word a Latin name spells (Gujarat → グジャラート, Dholera → ドレラ), for an
 * English question about a report that writes foreign names in katakana.
 */
export function matchKatakana(latin: string, katakanaWords: readonly string[]): string | undefined {
  if (tooLong(latin)) return undefined;
  let best: { word: string; score: number } | undefined;
  for (const word of katakanaWords) {
    if (matchLatinName(word, [latin]) === undefined) continue;
    const score = 1 - distance(skeleton(romanise(word)), skeleton(latin)) / Math.max(skeleton(latin).length, 1);
    if (!best || score > best.score) best = { word, score };
  }
  return best?.word;
}

/** Katakana words of a text (three characters or more), once each. */
export function katakanaWords(text: string): string[] {
  return [...new Set(text.normalize('NFKC').match(/[\p{Script=Katakana}ー]{3,}/gu) ?? [])];
}

/** Latin names in a text: single words and two-word names written together (Open AI → OpenAI). */
export function latinNames(text: string): string[] {
  const words = text.normalize('NFKC').match(/[A-Za-z][A-Za-z0-9]+(?:[ ][A-Z][A-Za-z0-9]+)?/g) ?? [];
  const out = new Set<string>();
  for (const w of words) {
    if (!/[A-Z]/.test(w)) continue;
    out.add(w.replace(/ /g, ''));
    for (const part of w.split(' ')) if (/^[A-Z]/.test(part) && part.length >= 3) out.add(part);
  }
  return [...out];
}
