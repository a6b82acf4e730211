/**
 * GET /api/report (title, publisher, starter questions) and GET /api/passages/:id (a passage's
 * English rendering and section name), read as untrusted data. Failures resolve to null: these
 * only enrich the panel, which works without them.
 */
import type { Lang } from './api-types';

export interface ReportIntro {
  title: string;
  publisher: string;
  suggestions: string[];
  /** The largest request body the server accepts, when it says. */
  maxBodyBytes?: number;
}

export interface PassageDetail {
  id: string;
  text: string;
  translation?: string;
  section: string;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;
const str = (x: unknown): string => (typeof x === 'string' ? x : '');

/** `?report=<id>` for a scoped widget, else nothing (the server's default report). */
export const reportQuery = (report: string | null | undefined, first = true) => (report ? `${first ? '?' : '&'}report=${encodeURIComponent(report)}` : '');

async function getJson(url: string, fetchImpl: typeof fetch): Promise<unknown> {
  try {
    const res = await fetchImpl(url, { headers: { Accept: 'application/json' } });
    return res.ok ? await res.json() : null;
  } catch {
    return null;
  }
}

/** The report as the panel introduces it, in the panel's language where the report has it. */
export async function fetchReportIntro(apiBase: string, lang: Lang, fetchImpl: typeof fetch = fetch, report: string | null = null): Promise<ReportIntro | null> {
  const r = await getJson(`${apiBase}/api/report${reportQuery(report)}`, fetchImpl);
  if (!isObject(r) || !str(r.title)) return null;
  const pick = (ja: unknown, en: unknown) => (lang === 'en' && str(en) ? str(en) : str(ja));
  const lists = isObject(r.suggestions) ? r.suggestions : {};
  const questions = lists[lang];
  const limit = isObject(r.limits) ? r.limits.maxBodyBytes : undefined;
  return {
    ...(typeof limit === 'number' && Number.isInteger(limit) && limit > 0 ? { maxBodyBytes: limit } : {}),
    title: pick(r.title, r.titleEn),
    publisher: pick(r.publisher, r.publisherEn),
    suggestions: Array.isArray(questions) ? questions.filter((q): q is string => typeof q === 'string' && q.trim() !== '').slice(0, 4) : [],
  };
}

/** A passage of `report` (the widget's, or the report a library-wide answer cited it from). */
export async function fetchPassage(apiBase: string, id: string, fetchImpl: typeof fetch = fetch, report: string | null = null): Promise<PassageDetail | null> {
  if (!/^[a-z0-9-]{1,64}$/.test(id)) return null;
  const p = await getJson(`${apiBase}/api/passages/${id}${reportQuery(report)}`, fetchImpl);
  if (!isObject(p) || p.id !== id || typeof p.text !== 'string') return null;
  return { id, text: p.text, section: str(p.section), ...(str(p.translation) ? { translation: str(p.translation) } : {}) };
}
