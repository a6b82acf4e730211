/**
 * Query analysis: the question's language, whether it asks for a footnote or a source, and the
 * text to retrieve with (a follow-up is read together with the turn it follows).
 */
import { detectLang } from '../search/tokenize';
import type { Lang } from '../types';

export interface QueryAnalysis {
  /** Language of the question itself. */
  lang: Lang;
  /** Footnote numbers named in the question (`脚注9`, `注9`, `footnote 9`, `note 9`, `fn. 9`). */
  footnoteNumbers: number[];
  /** Asks where a claim comes from (source, article, URL, 出典…). */
  wantsSource: boolean;
  /** Read together with the previous user turn. */
  followUp: boolean;
  /** The previous user turn, when this question is read as its follow-up. */
  context?: string;
}

const FOOTNOTE_NUMBER = /(?:脚注|注釈|注)\s*(?:番号)?\s*([0-9０-９]{1,3})|\b(?:foot\s*notes?|notes?|fn\.?)\s*(?:no\.?|number|#)?\s*([0-9]{1,3})\b/gi;
const SOURCE_JA = /出典|出所|ソース|引用元|情報源|根拠|典拠|参照元|文献|どこから|どの記事|記事は|報道は|報じた|URL|リンク/i;
const SOURCE_EN = /\b(source|sources|sourced|cite[sd]?|citation|reference[sd]?|article|report(?:ed|s)? by|link|url|where does .* come from|according to whom|who reported)\b/i;

/** Words that ask for a source rather than name a topic; they say nothing about which passage. */
export const SOURCE_WORDS = ['出典', '出所', 'ソース', '引用元', '情報源', '根拠', '典拠', '参照元', '文献', '記事', '報道', 'URL', 'リンク', '内容', 'source', 'article', 'link', 'url', 'reference', 'citation', 'cite', 'footnote', 'note', '脚注'];

const toAscii = (s: string) => s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

export function footnoteNumbersIn(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(FOOTNOTE_NUMBER)) {
    const n = Number(toAscii(m[1] ?? m[2] ?? ''));
    if (n > 0 && !out.includes(n)) out.push(n);
  }
  return out;
}

export function asksForSource(text: string): boolean {
  return SOURCE_JA.test(text) || SOURCE_EN.test(text);
}

/** Short questions that lean on the previous turn: pronouns, "and …?", "what about …?", その… */
const FOLLOW_UP_JA = /^(その|それ|これ|この|あれ|そこ|なぜ|どうして|では|じゃあ|また|他に|ほかに|さらに|他には|一方|詳しく|もっと|具体的に|つまり)|^(日本|米国|中国|新興国|西側)(は|では|について|の場合)/;
const FOLLOW_UP_EN = /^(and|but|so|then|what about|how about|why|and why|what else|which one|tell me more|more|explain|elaborate|details?)\b|\b(it|its|that|this|they|them|those|these|there)\b/i;

export function looksLikeFollowUp(question: string, lang: Lang): boolean {
  const q = question.trim();
  if (lang === 'ja') return q.length <= 14 && FOLLOW_UP_JA.test(q);
  const words = q.split(/\s+/).length;
  return words <= 7 && FOLLOW_UP_EN.test(q);
}

export function analyseQuery(question: string, history: { role: 'user' | 'assistant'; content: string }[] = []): QueryAnalysis {
  const lang = detectLang(question);
  const footnoteNumbers = footnoteNumbersIn(question);
  const wantsSource = footnoteNumbers.length > 0 || asksForSource(question);
  const previous = [...history].reverse().find((m) => m.role === 'user')?.content;
  const followUp = previous !== undefined && footnoteNumbers.length === 0 && looksLikeFollowUp(question, lang);
  return { lang, footnoteNumbers, wantsSource, followUp, ...(followUp ? { context: previous } : {}) };
}
