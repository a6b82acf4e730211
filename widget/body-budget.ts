/**
 * Keeping a chat request under the server's body limit. The limit counts bytes of the UTF-8
 * body, and Japanese takes three bytes a character: ten long questions with their answers
 * pass 64 KiB long before they pass the 20-message history limit.
 */
import type { ChatRequest, HistoryMessage } from './api-types';

/** The server's default MAX_BODY_BYTES. */
export const DEFAULT_MAX_BODY_BYTES = 65_536;

const encoder = new TextEncoder();

export function bodyBytes(request: ChatRequest): number {
  return encoder.encode(JSON.stringify(request)).length;
}

/**
 * The request for `question` with as much of `history` as fits in `maxBytes`: the oldest
 * exchanges are left out first, and history always starts with a question.
 */
export function fitRequest(question: string, history: readonly HistoryMessage[], maxBytes: number): ChatRequest {
  let kept = history.slice();
  for (;;) {
    while (kept[0] && kept[0].role !== 'user') kept = kept.slice(1);
    const request: ChatRequest = kept.length ? { question, history: kept } : { question };
    if (kept.length === 0 || bodyBytes(request) <= maxBytes) return request;
    // Drop the oldest exchange: its question and the answer to it.
    kept = kept.slice(kept[1]?.role === 'assistant' ? 2 : 1);
  }
}

/**
 * After a 413 the server's limit is lower than we thought. Its message names the limit
 * ("request body is larger than 20000 bytes"); without that, aim at half of what was refused.
 */
export function limitAfterRejection(message: string, refusedBytes: number, current: number): number {
  const named = /larger than (\d+) bytes/.exec(message);
  const limit = named ? Number(named[1]) : Math.floor(refusedBytes / 2);
  return Math.max(0, Math.min(current, limit, refusedBytes - 1));
}
