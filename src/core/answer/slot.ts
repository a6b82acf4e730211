/**
 * The place in a Japanese question where the asked-for thing stands (its interrogative, or the end
 * of 「…は？」), and the wording on either side of it. A sentence that answers usually keeps that
 * wording around the value it gives: 「…はいつ初めて目撃されたか」 → 「…は2005年に初めて目撃された」.
 * Web APIs only.
 */

/** Japanese interrogatives: the asked-for thing's place in the question. */
const INTERROGATIVE = /何|なに|なん|誰|だれ|どなた|いつ|どこ|どれ|どの|どちら|どう|いくつ|いくら|幾/;
/** Characters of wording kept on each side of the slot: about a phrase. */
const WINDOW = 6;
/** Particles and endings that frame the slot rather than say anything about it. */
const LEADING = /^[はがをにでとのもへや]+/;
const TRAILING = /(?:です|でしょう|ます|だろう|ですか|か|でしょうか)?[?？。．!！\s]*$/;

export interface Slot {
  before: string;
  after: string;
}

export const squash = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');

/** The wording on either side of what a Japanese question asks for; undefined for English or no slot. */
export function questionSlot(question: string): Slot | undefined {
  const q = squash(question).replace(TRAILING, '');
  if (!/[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u.test(q) || q.length < 3) return undefined;
  const m = INTERROGATIVE.exec(q);
  // 「…の州都は？」: no interrogative, the slot is the end of the question.
  const at = m ? m.index : q.length;
  const end = m ? m.index + m[0].length : q.length;
  const before = q.slice(Math.max(0, at - WINDOW), at);
  const after = q.slice(end).replace(LEADING, '').slice(0, WINDOW);
  return before || after ? { before, after } : undefined;
}

/** Length of the longest run of `window` found in `text`, as a share of the window; one shared character (a particle) is none. */
function longestShared(window: string, text: string): number {
  if (!window) return 0;
  let best = 0;
  for (let i = 0; i < window.length; i++) {
    for (let j = window.length; j > i + best; j--) {
      if (text.includes(window.slice(i, j))) {
        best = j - i;
        break;
      }
    }
  }
  return best < 2 ? 0 : best / window.length;
}

/** How much of the wording on each side of the slot a sentence keeps: [before, after], 0–1 each. `text` is squashed (see `squash`). */
export function slotFit(slot: Slot | undefined, text: string): [number, number] {
  if (!slot) return [0, 0];
  return [longestShared(slot.before, text), longestShared(slot.after, text)];
}
