/**
 * The conversation: each finished exchange with the answer as the server sent it, so the log
 * can be redrawn after a reload and follow-ups can send what the reader saw as `history`.
 */
import type { ChatResponse, HistoryMessage } from './api-types';

/** The API accepts at most this many history messages… */
export const HISTORY_LIMIT = 20;
/** …each at most this long (characters), each citing at most this many passages. */
export const HISTORY_MESSAGE_CHARS = 8000;
export const HISTORY_CITATIONS = 20;
/** Older exchanges are neither shown after a reload nor sent; a long session stays small. */
export const KEPT_TURNS = 30;

export interface Turn {
  question: string;
  answer: ChatResponse;
}

/** Cut at a character limit without splitting a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\ud800-\udbff]/.test(text[max - 1] ?? '') ? max - 1 : max;
  return text.slice(0, end);
}

/** Completed exchanges only: a question whose answer failed is not part of the conversation. */
export class Conversation {
  private list: Turn[];

  constructor(turns: readonly Turn[] = []) {
    this.list = turns.slice(-KEPT_TURNS);
  }

  get turns(): readonly Turn[] {
    return this.list;
  }

  record(question: string, answer: ChatResponse): void {
    this.list.push({ question, answer });
    if (this.list.length > KEPT_TURNS) this.list = this.list.slice(-KEPT_TURNS);
  }

  clear(): void {
    this.list = [];
  }

  /** The most recent messages, oldest first, as the API wants them; assistant turns carry the passage ids they cited. */
  history(): HistoryMessage[] {
    const messages = this.list.flatMap(({ question, answer }): HistoryMessage[] => {
      const cited = [...new Set(answer.citations.map((c) => c.id).filter(Boolean))].slice(0, HISTORY_CITATIONS);
      return [
        { role: 'user', content: cut(question, HISTORY_MESSAGE_CHARS) },
        { role: 'assistant', content: cut(answer.answer, HISTORY_MESSAGE_CHARS), ...(cited.length ? { citations: cited } : {}) },
      ];
    });
    return messages.slice(-HISTORY_LIMIT);
  }
}
