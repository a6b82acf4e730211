/**
 * The conversation kept in the tab's sessionStorage, so a reload (or the next page of the
 * same site) shows it again until the reader starts a new one. Storage may be disabled or
 * full, and what is stored is read back as untrusted data.
 */
import { toChatResponse } from './chat-client';
import type { Turn } from './history';

export interface SavedSession {
  turns: Turn[];
  open: boolean;
}

const VERSION = 1;

export class SessionStore {
  private readonly key: string;

  /** One conversation per API and report, so widgets of two reports (or one report and the library) do not mix. */
  constructor(
    apiBase: string,
    private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null = safeSessionStorage(),
    report: string | null = null,
  ) {
    this.key = report ? `report-chat:${apiBase}#${report}` : `report-chat:${apiBase}`;
  }

  load(): SavedSession {
    try {
      const raw: unknown = JSON.parse(this.storage?.getItem(this.key) ?? 'null');
      if (!isObject(raw) || raw.v !== VERSION || !Array.isArray(raw.turns)) return { turns: [], open: false };
      const turns = raw.turns.flatMap((t: unknown): Turn[] => {
        if (!isObject(t) || typeof t.question !== 'string') return [];
        try {
          return [{ question: t.question, answer: toChatResponse(t.answer) }];
        } catch {
          return [];
        }
      });
      return { turns, open: raw.open === true };
    } catch {
      return { turns: [], open: false };
    }
  }

  save(session: SavedSession): void {
    try {
      if (session.turns.length === 0 && !session.open) this.storage?.removeItem(this.key);
      else this.storage?.setItem(this.key, JSON.stringify({ v: VERSION, ...session }));
    } catch {
      // Full or forbidden: the conversation still works, it just will not survive a reload.
    }
  }
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

/** Reading window.sessionStorage throws in some sandboxed frames. */
function safeSessionStorage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}
