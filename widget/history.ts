/** The conversation sent back as `history` with follow-up questions. */
import type { HistoryMessage } from './api-types';

/** The API accepts at most this many history messages… */
export const HISTORY_LIMIT = 20;
/** …each at most this long. */
export const HISTORY_MESSAGE_CHARS = 8000;

/** Completed exchanges only: a question whose answer failed is not part of the history. */
export class Conversation {
  private readonly messages: HistoryMessage[] = [];

  record(question: string, answer: string): void {
    this.messages.push({ role: 'user', content: question.slice(0, HISTORY_MESSAGE_CHARS) });
    this.messages.push({ role: 'assistant', content: answer.slice(0, HISTORY_MESSAGE_CHARS) });
    // Older messages can never be sent again; drop them so a long session stays small.
    if (this.messages.length > HISTORY_LIMIT) this.messages.splice(0, this.messages.length - HISTORY_LIMIT);
  }

  /** The most recent messages, oldest first, as the API wants them. */
  history(): HistoryMessage[] {
    return this.messages.map((m) => ({ ...m }));
  }
}
