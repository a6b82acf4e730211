/**
 * Question analysis: the question's language, what kind of answer it expects, whether it asks for
 * a footnote or a source, and — with history — what kind of follow-up it is and what it follows.
 */
import { detectLang } from '../search/tokenize';
import type { Lang, Turn } from '../types';
import { typeEvidence, type TypeEvidence } from './answer-types';
import { readTurn, type FollowUp } from './follow-up';
import { withoutFrame } from './question-frame';

export interface QueryAnalysis {
  /** Language of the question itself. */
  lang: Lang;
  /** Footnote numbers named in the question (`脚注9`, `注9`, `footnote 9`, `note 9`, `fn. 9`, `8番目の脚注`). */
  footnoteNumbers: number[];
  /** Asks where a claim comes from (source, article, URL, 出典…). */
  wantsSource: boolean;
  expected: TypeEvidence;
  /** The question as retrieval and reading use it: a follow-up's lead-in ("もう少し詳しく。") and the frame ("what does the report say about") removed. */
  focus: string;
  followUp?: FollowUp;
  /** A question that may lean on the conversation without saying so: its reading with it (see `readTurn`). */
  mayFollow?: FollowUp;
  /** Earlier turns the question is read with (a hint, bounded: see follow-up.ts). */
  context?: string;
}

const ORDINAL_WORDS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11, twelfth: 12 };
const FOOTNOTE_NUMBER =
  /(?:脚注|注釈|注)\s*(?:番号)?\s*([0-9]{1,3})|([0-9]{1,3})\s*(?:番目|つ目)?の\s*(?:脚注|注釈)|\b(?:foot\s*notes?|notes?|fn\.?)\s*(?:no\.?|number|#)?\s*([0-9]{1,3})\b|\b(?:the\s+)?([0-9]{1,3})(?:st|nd|rd|th)\s+(?:foot\s*note|note)\b|\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)\s+(?:foot\s*note|note)\b/gi;
const SOURCE_JA = /出典|出展|元ネタ|ネタ元|出所|ソース|引用元|情報源|根拠|典拠|参照元|参照され|文献|出どころ|出処|どこから|どこの(報道|記事|メディア|新聞|情報|データ|調べ|調査|研究)|どこ情報|どの(記事|報道|文献|資料)|記事は|報道は|報じた|(?:URL|リンク)\s*(?:は|を|って)|誰の(研究|文献|論文|発表|報告|調査|データ)|(?:何|誰|どこ)(?:の[^、。？?]{0,6})?に基づ|裏付け|裏づけ|誰が(?:そう|こう|そのように)?(言って|言った|言う|述べ|指摘|主張)/i;
const SOURCE_EN = /\b(source|sources|sourced|cite[sd]?|citation|reference[sd]?|article|report(?:ed|s)? by|link|url|where does .* come from|where'?s (that|this|it) from|where (is|was) (that|this|it) from|according to whom|who reported|who (?:says|said|claims|claimed|argues|argued)|who(?:'s| is) (?:saying|claiming|arguing)|what (news )?outlet|support(s)? the (claim|point)|evidence|proof|based on what|what is (?:that|this|it) based on|back(?:s|ed)? (?:that|this|it) up)\b/i;

/** Words that ask for a source rather than name a topic; they say nothing about which passage. */
export const SOURCE_WORDS = ['出典', '出展', '元ネタ', 'ネタ元', '裏付け', '裏づけ', '基づいて', '基づいてる', '基づく', '基づき', '出所', 'ソース', '引用元', '情報源', '根拠', '典拠', '参照元', '文献', '記事', '報道', 'URL', 'リンク', '出どころ', 'source', 'article', 'link', 'url', 'reference', 'citation', 'cite', 'footnote', 'note', 'evidence', 'proof', '脚注'];

export function footnoteNumbersIn(text: string): number[] {
  const out: number[] = [];
  for (const m of text.normalize('NFKC').matchAll(FOOTNOTE_NUMBER)) {
    const word = m[5]?.toLowerCase();
    const n = word ? ORDINAL_WORDS[word]! : Number(m[1] ?? m[2] ?? m[3] ?? m[4] ?? '');
    if (n > 0 && !out.includes(n)) out.push(n);
  }
  return out;
}

export function asksForSource(text: string): boolean {
  const t = text.normalize('NFKC');
  // English source words are read in English questions: a Japanese one naming a URL (…のURLに…) is not asking for one.
  return SOURCE_JA.test(t) || (!/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(t) && SOURCE_EN.test(t));
}

export function analyseQuery(question: string, history: readonly Turn[] = []): QueryAnalysis {
  const lang = detectLang(question);
  const footnoteNumbers = footnoteNumbersIn(question);
  const wantsSource = footnoteNumbers.length > 0 || asksForSource(question);
  const { followUp, mayFollow: open } = footnoteNumbers.length === 0 ? readTurn(question, lang, history, wantsSource) : {};
  const asked = followUp?.focus ?? question;
  return {
    lang,
    footnoteNumbers,
    wantsSource,
    expected: typeEvidence(followUp?.kind === 'subject' ? followUp.previous : asked),
    focus: withoutFrame(asked),
    ...(followUp ? { followUp, context: followUp.context } : {}),
    ...(open ? { mayFollow: open } : {}),
  };
}
