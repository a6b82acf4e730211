/**
 * The shapes the widget exchanges with the API. Types only, taken from the server's
 * schemas so the two cannot drift; `import type` keeps zod out of the bundle.
 */
import type { ChatRequest, ChatResponse, Citation, FootnoteOut } from '../src/http/schemas';

export type { ChatRequest, ChatResponse, Citation, FootnoteOut };

export type Lang = ChatResponse['lang'];

export type HistoryMessage = NonNullable<ChatRequest['history']>[number];

/** The first streamed event: everything about the answer except its text. */
export type ChatMeta = Pick<ChatResponse, 'lang' | 'status' | 'grounded' | 'citations' | 'footnotes'>;
