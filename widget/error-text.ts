/** Turning a failed request into one sentence a reader can act on. */
import { ChatError } from './chat-client';
import type { Strings } from './i18n';

/** `historySent`: whether the refused request carried history that a retry can leave out. */
export function errorMessage(err: unknown, s: Strings, historySent = true): string {
  if (!(err instanceof ChatError)) return s.errorServer;
  if (err.kind === 'network') return s.errorNetwork;
  if (err.kind === 'stream') return err.code ? s.errorServer : s.errorInterrupted;
  if (err.status === 429) return s.errorRateLimited(err.retryAfter);
  if (err.status === 413 && historySent) return s.errorTooLarge;
  // A 4xx carries the server's own explanation (e.g. a too-long question); show it as text.
  if (err.status !== undefined && err.status < 500) return `${s.errorRequest} (${err.message})`;
  return s.errorServer;
}
