/**
 * Follow-ups: a question that only makes sense with the turn before it. Four kinds:
 * - `more`: もっと詳しく / tell me more — continue after what was cited (see more.ts);
 * - `subject`: 日本は？ / What about Germany? — the previous question, asked of a new subject;
 * - `source`: その出典は？ / Where's that from? — the footnotes of what was cited;
 * - `context`: Why? / 気をつけるべき点は？ — a new question about the previous topic.
 * The earlier turns are a hint, not a document: what they contribute is bounded.
 */
import { ENGLISH_STOP_WORDS, JAPANESE_STOP_WORDS, stem, tokenize } from '../search/tokenize';
import type { Lang, Turn } from '../types';
import { withoutFrame } from './question-frame';

export interface FollowUp {
  kind: 'more' | 'subject' | 'source' | 'context';
  /** The previous user question. */
  previous: string;
  /** Passage ids the previous answer cited, when the client sent them. */
  cited: string[];
  /** The previous answer's text (up to EARLIER_CHARS): what it showed. */
  answered: string;
  /** For `subject`: the new subject. */
  subject?: string;
  /** The question with its lead-in removed (`もう少し詳しく。規制は？` → `規制は？`), or the previous question for `more`. */
  focus: string;
  /** What retrieval reads the question with: the previous question and the start of its answer. */
  context: string;
  /** For `more`: what the answers before the last one said (a reader asking for more twice has read those too). */
  earlier?: string;
  /** For `more`: the conversation's own question, the latest that was not itself a request for more. */
  asked?: string;
}

/** Longest stretch of an earlier turn read as context, in characters. */
export const MAX_CONTEXT_CHARS = 400;

const MORE_JA = /^(?:(?:もっと|もう少し|もうすこし|もうちょっと|さらに|より)?\s*(?:詳しく|くわしく|具体的に|詳細に?)|(?:もっと|もう少し|もうすこし|もうちょっと)(?=(?:教えて|説明して))|続けて|(?:その)?続きを?(?:は)?|(?:他|ほか)に(?:は|も)?(?:何か|なにか)?(?:ある|あります|ありますか|ないの|ない)?(?:の)?(?=[。．.!！？?、\s]*$))(?:教えて|説明して|お願い)?(?:ください|下さい)?[。．.!！？?、\s]*/;
const MORE_EN = /^(?:tell me more|more(?: details?| please| on that)?|go on|continue|elaborate|(?:can you |please )?go into (?:more )?details?|(?:could you |can you |please )?expand(?: on (?:that|this|it))?|details?|can you elaborate|explain(?: that)?(?: more| further| in more detail)?|(?:and )?what else(?: is there| does it say| does the report say)?|anything else|(?:is there )?anything more|what more)(?:[.!?,]+|\s*$)\s*/i;
const DEICTIC_JA = /^(?:その|それ|これ|この|あれ|そこ|なぜ|どうして|では|じゃあ|また|他に|ほかに|さらに|一方|つまり|具体的には)/;
const DEICTIC_EN = /^(?:and|but|so|then|why|what else|which one)\b|\b(?:it|its|that|this|they|them|those|these|there)\b/i;
/** Nouns that ask about an aspect of the topic already on the table, not about a new subject. */
const ASPECT_JA = /^(?:理由|原因|背景|目的|課題|影響|結果|意味|方法|問題|特徴|内容|具体例|例|詳細|根拠|出典|出所|結論|要点|今後|見通し|対策|狙い|効果|リスク|メリット|デメリット|注意点|ポイント|その後|最近|現状|数字|金額|時期|日付)$/;
const ASPECT_EN = /^(?:the )?(?:reasons?|causes?|background|purpose|impacts?|effects?|results?|risks?|benefits?|downsides?|details?|examples?|sources?|outlook|future|numbers?|figures?|dates?|timing|costs?|implications?|consequences?)$/i;
const SUBJECT_JA = /^(?:では|じゃあ|それでは|なら)?[、\s]*([^、。？?！!\s]{1,14}?)\s*(?:は|では|の場合は?|についても?|も|だと)\s*(?:どう(?:ですか|なの|か|でしょう(?:か)?)?|どうなっている(?:の)?)?[？?。]*$/;
const SUBJECT_EN = /^(?:and|but|so)?\s*(?:what|how) about\s+(.+?)[?.!]*$|^and\s+(.+?)[?.!]*$|^what of\s+(.+?)[?.!]*$/i;
/**
 * What a new subject looks like: a name (katakana, Latin letters), a short kanji name (日本, 米国,
 * 欧州) or a word for a country, region, government or group (新興国, 西側諸国, 中国政府). A longer
 * common noun (輸出先, 受け入れ体制) asks about an aspect of the topic instead.
 */
const NAME_LIKE = /^(?:[\p{Script=Katakana}ー・]+|[\p{Script=Han}々]{1,2}|[\p{Script=Latin}\d .&'-]+|[\p{Script=Han}\p{Script=Katakana}ー]+(?:諸国|国|州|省|市|県|地域|政府|企業|社))$/u;

function lastTurns(history: readonly Turn[]): { previous?: string; answered: string; cited: string[] } {
  const user = [...history].reverse().find((t) => t.role === 'user');
  const assistant = [...history].reverse().find((t) => t.role === 'assistant');
  return { ...(user ? { previous: user.content } : {}), answered: assistant?.content ?? '', cited: assistant?.citations ?? [] };
}

const bounded = (text: string) => text.slice(0, MAX_CONTEXT_CHARS);

/** Earlier answers read for what a reader has already seen: the last few before the latest, each up to this many characters. */
const EARLIER_ANSWERS = 4;
const EARLIER_CHARS = 4000;
/** An answer as far as it is read for what it showed (the context for retrieval is its start alone). */
const shownText = (answer: string) => answer.slice(0, EARLIER_CHARS);
const withAsked = (asked: string | undefined) => (asked === undefined ? {} : { asked: bounded(asked) });

/** The latest question of the conversation that asked something (not "more" again). */
function askedQuestion(history: readonly Turn[]): string | undefined {
  for (const t of [...history].reverse()) {
    if (t.role !== 'user') continue;
    const q = t.content.normalize('NFKC').trim();
    const more = MORE_JA.exec(q) ?? MORE_EN.exec(q);
    if (!more || more[0].length < q.length) return t.content;
  }
  return undefined;
}

function earlierAnswers(history: readonly Turn[]): string {
  return history.filter((t) => t.role === 'assistant').slice(-EARLIER_ANSWERS - 1, -1).map((t) => shownText(t.content)).join('\n');
}

function newSubject(question: string, lang: Lang): string | undefined {
  const q = question.normalize('NFKC').trim();
  if (lang === 'ja') {
    const x = SUBJECT_JA.exec(q)?.[1];
    return x && NAME_LIKE.test(x) && !ASPECT_JA.test(x) && !DEICTIC_JA.test(x) ? x : undefined;
  }
  const m = SUBJECT_EN.exec(q);
  const x = (m?.[1] ?? m?.[2] ?? m?.[3])?.trim();
  // "the target", "the figures": an aspect of the topic; "the US", "Germany", "emerging economies": a subject.
  if (!x || /^the\s+[a-z]/.test(x)) return undefined;
  return x.split(/\s+/).length <= 4 && !ASPECT_EN.test(x) && !/^(it|that|this|them|those|these|why|how)$/i.test(x) ? x : undefined;
}

const isShort = (q: string, lang: Lang) => (lang === 'ja' ? [...q].length <= 15 : q.split(/\s+/).length <= 6);

/** A question that refers back with a pronoun adds at most this many words of its own (When was it *released*?). */
const MAX_OWN_WORDS_WITH_PRONOUN = 1;
/** Pronouns and demonstratives that point at what was said before (それ, it, that claim). */
const POINTS_BACK_JA = /(?:その|それ|これ|この|あれ|あの|そこ|そちら|こちら)/gu;
const POINTS_BACK_EN = /\b(?:it|they|them|those|these|that|this)\b/giu;
/**
 * What ties a question to the one before whatever else it names: a possessive (its target years)
 * or a lead-in conjunction (And what's the real cost…?, では…, じゃあ…).
 */
const TIED_JA = /^(?:では|じゃあ|それでは|それなら|なら|で、|また|さらに|一方|ほかに|他に)/u;
const TIED_EN = /^(?:and|but|so|then|also)\b|\b(?:its|their)\b/iu;
/** A demonstrative before the report itself or a time (this report, this week) points at that, not at what was said. */
const HERE_AND_NOW = /^(?:report|paper|document|study|day|week|weekend|month|year|morning|afternoon|evening|time|season|レポート|リポート|報告書|本稿|資料)/iu;
const DETERMINER = /^(?:この|その|あの|this|that|these|those)$/iu;
/** Words that ask, or ask for a source: they name nothing. */
const ASKING_EN = new Set(['source', 'cite', 'citation', 'reference', 'article', 'link', 'url', 'origin', 'come', 'tell', 'say', 'explain', 'mean', 'happen', 'please', 'else', 'one', 'exactly', 'really', 'thing', 'detail', 'more'].map(stem));
const ASKING_JA = /^(?:出典|出所|ソース|引用元|情報源|根拠|典拠|参照元|文献|記事|報道|脚注|本当|実際|具体例|具体|詳細|理由|意味|内容|場合|今後|一方|何|誰|次)$/u;
/** The document itself: a question naming it is about the report, whatever the conversation said. */
const DOCUMENT = /^(?:report|paper|document|study|レポート|リポート|報告書|本稿|資料)$/iu;
const CONTENT_RUN_JA = /[\p{Script=Han}\p{Script=Katakana}々ー]{2,}|\p{Script=Latin}[\p{Script=Latin}\d'’-]*/gu;
const LATIN_WORD = /\p{L}[\p{L}\d'’-]*/gu;

/** Whether a word asks about an aspect of the topic already on the table (影響, risks) or only asks (出典, why). */
function isAspect(word: string, lang: Lang): boolean {
  if (lang === 'ja') return ASPECT_JA.test(word) || ASKING_JA.test(word) || JAPANESE_STOP_WORDS.has(word);
  return ASPECT_EN.test(word) || ASPECT_EN.test(`${word}s`) || ASKING_EN.has(stem(word));
}

/**
 * The words a question names that the conversation has not: its own subject. Function words,
 * question words, the frame (what does the report say about) and words that ask for an aspect of
 * the topic (理由, risks) are not a subject; a word the earlier turns used is theirs — except the
 * report itself, which a question about the report names whatever came before.
 */
export function ownWords(question: string, lang: Lang, earlier: string): string[] {
  const q = withoutFrame(question.normalize('NFKC'));
  const said = earlier.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
  const saidTokens = new Set(tokenize(earlier));
  const words =
    lang === 'ja'
      ? [...q.matchAll(CONTENT_RUN_JA)].map((m) => m[0])
      : [...q.matchAll(LATIN_WORD)].map((m) => m[0].replace(/['’]s$/i, '')).filter((w) => !ENGLISH_STOP_WORDS.has(w.toLowerCase()));
  const own = words.filter((w) => {
    if (DOCUMENT.test(w)) return true;
    if (isAspect(w, lang) || said.includes(w.toLowerCase())) return false;
    // A word the earlier turns wrote in another form (規制 in 規制強化; ban, banned) is theirs too.
    const tokens = tokenize(w);
    return tokens.length > 0 && !tokens.every((t) => saidTokens.has(t));
  });
  return [...new Set(own)];
}

/** A pronoun that stands for something said before, not one that determines a word of the question's own. */
function pointsBack(question: string, lang: Lang): boolean {
  const pattern = lang === 'ja' ? POINTS_BACK_JA : POINTS_BACK_EN;
  for (const m of question.normalize('NFKC').matchAll(pattern)) {
    const next = question.normalize('NFKC').slice(m.index + m[0].length).replace(/^\s+/, '');
    if (!DETERMINER.test(m[0]) || !HERE_AND_NOW.test(next)) return true;
  }
  return false;
}

/**
 * Whether a question needs the conversation to be understood: it names nothing of its own (Why?
 * 理由は？), is tied to the one before (its target years, And what's the real cost…?), or points
 * back with a pronoun and adds no more than a word (When was it released?).
 * A question that names its own subject — one the report discusses, or ramen, or the weather in
 * Tokyo — stands on its own, however short, and is read without the turns before it.
 */
export function needsConversation(question: string, lang: Lang, earlier: string): boolean {
  const own = ownWords(question, lang, earlier);
  if (own.length === 0) return isShort(question, lang) || (lang === 'ja' ? DEICTIC_JA : DEICTIC_EN).test(question);
  if ((lang === 'ja' ? TIED_JA : TIED_EN).test(question.normalize('NFKC').trim())) return true;
  return own.length <= MAX_OWN_WORDS_WITH_PRONOUN && pointsBack(question, lang);
}

/** A question naming no more than this many words of its own may lean on the conversation without saying so. */
const MAX_OWN_WORDS_UNSAID = 1;

/**
 * How a question stands to the conversation, read once: a follow-up; one that may lean on it
 * (`mayFollow`) — it stands on its own by its words but names at most one thing the conversation
 * did not (名前が変わったのはいつ？ after a question on a renamed plan): Japanese leaves out a subject
 * both sides know, so it may be about what was just cited, and is read both ways (answer-question.ts),
 * with the conversation only when that reading answers from what was cited; or neither.
 */
export function readTurn(question: string, lang: Lang, history: readonly Turn[], wantsSource: boolean): { followUp?: FollowUp; mayFollow?: FollowUp } {
  const followUp = readFollowUp(question, lang, history, wantsSource);
  if (followUp) return { followUp };
  const open = wantsSource ? undefined : unsaidSubject(question, lang, history);
  return open ? { mayFollow: open } : {};
}

/** A question that is no follow-up by its words, read as one that leaves the conversation's subject unsaid, if it names little enough of its own. */
function unsaidSubject(question: string, lang: Lang, history: readonly Turn[]): FollowUp | undefined {
  const { previous, answered, cited } = lastTurns(history);
  if (previous === undefined) return undefined;
  const q = question.normalize('NFKC').trim();
  if (!isShort(q, lang) || ownWords(q, lang, `${previous}\n${answered}`).length > MAX_OWN_WORDS_UNSAID) return undefined;
  return { previous: bounded(previous), cited, answered: shownText(answered), context: bounded(`${previous}\n${answered}`), kind: 'context', focus: q };
}

export function readFollowUp(question: string, lang: Lang, history: readonly Turn[], wantsSource: boolean): FollowUp | undefined {
  const { previous, answered, cited } = lastTurns(history);
  if (previous === undefined) return undefined;
  const q = question.normalize('NFKC').trim();
  const context = bounded(`${previous}\n${answered}`);
  const base = { previous: bounded(previous), cited, answered: shownText(answered), context };
  const more = (lang === 'ja' ? MORE_JA : MORE_EN).exec(q);
  if (more && more[0].length > 0) {
    const rest = q.slice(more[0].length).trim();
    return rest ? { ...base, kind: 'context', focus: rest } : { ...base, kind: 'more', focus: base.previous, earlier: earlierAnswers(history), ...withAsked(askedQuestion(history)) };
  }
  const subject = newSubject(q, lang);
  if (subject && !wantsSource) return { ...base, kind: 'subject', subject, focus: q };
  // Anything else is a follow-up only when it cannot be read without the conversation.
  if (!needsConversation(q, lang, `${base.previous}\n${bounded(answered)}`)) return undefined;
  return { ...base, kind: wantsSource ? 'source' : 'context', focus: q };
}
