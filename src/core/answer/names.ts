/**
 * Specific names in a question — model numbers and acronyms (GPT-5, H20, OECD) — that the report
 * never writes. Asked about such a thing, the report cannot answer, however much of the rest of
 * the question it covers. Plain capitalised words are left alone: a reader's "Brits" or "Beijing"
 * is often the report's 英国 or China. Web APIs only.
 */
import type { Synonyms } from '../search/synonyms';
import { ENGLISH_STOP_WORDS, stem } from '../search/tokenize';

const NAME = /(?<![\p{L}\p{N}])[A-Za-z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*(?![\p{L}\p{N}])/gu;

/** Is this token specific: it holds a digit (GPT-5, H20) or is an acronym of 2+ capitals (OECD, TSMC)? */
const isSpecific = (token: string) => /\d/.test(token) || /^[A-Z]{2,}[a-z]?$/.test(token);

const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });
/** Interrogatives and qualifiers: they frame a Japanese question, they do not name its subject. */
const FRAME = /^(?:何|正式|名前|名称|一番|最も|直近|最近|具体|大体|およそ|実際|本当|正確|今後|現在|出典|出所|文献|記述|記事|根拠|内容|情報|会社|企業|組織|機関|団体|人物|都市|地域|年間|毎年|毎月|一日|時点|前後|程度|合計|全体)/;

/**
 * Japanese words of two or more kanji in a question that the report never writes (施行, 株価):
 * when a question asks for a date or a figure of such a thing, the report does not state it.
 */
export function absentKanjiWords(question: string, vocabulary: string, synonyms?: Synonyms): string[] {
  const out: string[] = [];
  for (const { segment } of segmenter.segment(question.normalize('NFKC'))) {
    if (!/^\p{Script=Han}{2,}$/u.test(segment) || FRAME.test(segment)) continue;
    if (vocabulary.includes(segment) || synonyms?.ja.has(segment) || out.includes(segment)) continue;
    out.push(segment);
  }
  return out;
}

/**
 * An English word the report never uses, directly before a noun it does use ("input tokens",
 * "hedge fund"): the question asks about a particular kind of a thing the report discusses only
 * in general. Inflected verbs and adverbs (claimed, weighing, entirely) and words joined to
 * another by a hyphen (ChatGPT-maker) are passed over.
 */
export function unknownModifier(question: string, known: (stem: string) => boolean): string | undefined {
  const words = question.normalize('NFKC').split(/\s+/);
  for (let i = 0; i + 1 < words.length; i++) {
    const [a, b] = [words[i]!, words[i + 1]!];
    if (!/^[a-z]{4,}$/i.test(a) || /(ed|ing|ly)$/i.test(a) || !/^[a-z]+/i.test(b)) continue;
    const noun = /^[a-z]+/i.exec(b)![0].toLowerCase();
    if (ENGLISH_STOP_WORDS.has(noun) || ENGLISH_STOP_WORDS.has(a.toLowerCase())) continue;
    if (!known(stem(a)) && known(stem(noun))) return `${a} ${noun}`;
  }
  return undefined;
}

/** Words that open a request and are capitalised only for that (Tell me about…, Compare…). */
const OPENING_VERBS = new Set(['tell', 'explain', 'describe', 'list', 'give', 'show', 'summarise', 'summarize', 'compare', 'name', 'outline', 'define', 'please', 'briefly', 'so', 'and', 'ok', 'okay', 'apart', 'besides', 'beyond', 'except', 'other', 'also']);

/**
 * Capitalised words (France, Brits) that the report and its edition never use and no synonym
 * maps: a place, a people or a brand the report does not discuss. The first word counts too
 * (a keyword query: "Brazil coffee exports"), unless it only opens the request.
 */
export function unknownCapitalised(question: string, known: (stem: string) => boolean): string[] {
  const words = question.normalize('NFKC').split(/\s+/).filter((w, i) => i > 0 || !OPENING_VERBS.has(w.toLowerCase().replace(/[^a-z]/g, '')));
  const out: string[] = [];
  for (const raw of words) {
    const word = /^[A-Z][a-z]+/.exec(raw.replace(/^["'(]/, ''))?.[0];
    if (!word || ENGLISH_STOP_WORDS.has(word.toLowerCase()) || known(stem(word))) continue;
    if (!out.includes(word)) out.push(word);
  }
  return out;
}

/** The thing a "how many …?" question counts, when the English edition never names it (parameters). */
export function unknownCounted(question: string, known: (stem: string) => boolean): string | undefined {
  const m = /\bhow many ([a-z]+)/i.exec(question.normalize('NFKC'));
  const noun = m?.[1]?.toLowerCase();
  return noun && !ENGLISH_STOP_WORDS.has(noun) && !known(stem(noun)) ? noun : undefined;
}

/** Years a question names (2025, 25年, 2025年末): a figure for another year does not answer it. */
export function questionYears(question: string): string[] {
  const q = question.normalize('NFKC');
  return [...new Set([...q.matchAll(/(?<!\d)((?:19|20)\d{2})(?!\d)/g)].map((m) => m[1]!))];
}

export function absentNames(question: string, vocabulary: string, synonyms?: Synonyms): string[] {
  const out: string[] = [];
  for (const [token] of question.normalize('NFKC').matchAll(NAME)) {
    const name = token.replace(/'s$/, '');
    if (!isSpecific(name)) continue;
    const lower = name.toLowerCase();
    if (vocabulary.includes(lower) || vocabulary.includes(lower.replace(/[-.]/g, ''))) continue;
    if (synonyms?.en.has(stem(lower))) continue;
    if (!out.includes(name)) out.push(name);
  }
  return out;
}
