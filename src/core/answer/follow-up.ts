/**
 * Follow-ups: a question that only makes sense with the turn before it. Four kinds:
 * - `more`: もっと詳しく / tell me more — continue after what was cited;
 * - `subject`: 日本は？ / What about Germany? — the previous question, asked of a new subject;
 * - `source`: その出典は？ / Where's that from? — the footnotes of what was cited;
 * - `context`: Why? / 気をつけるべき点は？ — a new question about the previous topic.
 * The earlier turns are a hint, not a document: what they contribute is bounded.
 */
import type { Lang, Turn } from '../types';

export interface FollowUp {
  kind: 'more' | 'subject' | 'source' | 'context';
  /** The previous user question. */
  previous: string;
  /** Passage ids the previous answer cited, when the client sent them. */
  cited: string[];
  /** The previous answer's text. */
  answered: string;
  /** For `subject`: the new subject. */
  subject?: string;
  /** The question with its lead-in removed (`もう少し詳しく。規制は？` → `規制は？`), or the previous question for `more`. */
  focus: string;
  /** What retrieval reads the question with: the previous question and the start of its answer. */
  context: string;
}

/** Longest stretch of an earlier turn read as context, in characters. */
export const MAX_CONTEXT_CHARS = 400;

const MORE_JA = /^(?:もっと|もう少し|もうすこし|さらに|より)?\s*(?:詳しく|くわしく|具体的に|詳細に?)(?:教えて|説明して|お願い)?(?:ください|下さい)?[。．.!！？?、\s]*/;
const MORE_EN = /^(?:tell me more|more(?: details?| please| on that)?|go on|continue|elaborate|details?|can you elaborate|explain(?: that)?(?: more| further| in more detail)?)(?:[.!?,]+|\s*$)\s*/i;
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

export function readFollowUp(question: string, lang: Lang, history: readonly Turn[], wantsSource: boolean): FollowUp | undefined {
  const { previous, answered, cited } = lastTurns(history);
  if (previous === undefined) return undefined;
  const q = question.normalize('NFKC').trim();
  const context = bounded(`${previous}\n${answered}`);
  const base = { previous: bounded(previous), cited, answered: bounded(answered), context };
  const more = (lang === 'ja' ? MORE_JA : MORE_EN).exec(q);
  if (more && more[0].length > 0) {
    const rest = q.slice(more[0].length).trim();
    return rest ? { ...base, kind: 'context', focus: rest } : { ...base, kind: 'more', focus: base.previous };
  }
  if (wantsSource && (isShort(q, lang) || (lang === 'ja' ? DEICTIC_JA : DEICTIC_EN).test(q))) return { ...base, kind: 'source', focus: q };
  const subject = newSubject(q, lang);
  if (subject) return { ...base, kind: 'subject', subject, focus: q };
  if (isShort(q, lang) || (lang === 'ja' ? DEICTIC_JA : DEICTIC_EN).test(q)) return { ...base, kind: 'context', focus: q };
  return undefined;
}
