/**
 * Questions asked of the whole library (`report: "*"`): the router picks the reports a question
 * is about, each picked report's own engine searches or answers it, and every result names its
 * report. Web APIs only.
 */
import { answerDeltas, collectAnswer } from './engine';
import type { OpenedReport, ReportLibrary } from './reports';
import { detectLang } from './search/tokenize';
import type { ChatAnswer, ChatEvent, ChatInput, Hit } from './types';

/** Reports searched for a library-wide search; a report well behind the best is left out. */
const SEARCH_REPORTS = 5;
const SEARCH_MIN_SHARE = 0.3;
/** Reports a library-wide question is put to, best first, until one answers it. */
const CHAT_REPORTS = 3;
const CHAT_MIN_SHARE = 0.5;

export interface LibraryHit {
  report: OpenedReport;
  hit: Hit;
}

/** The reports a query is about, best first, with their share of the best score (1 for the best). */
async function routed(library: ReportLibrary, query: string, limit: number, minShare: number): Promise<{ report: OpenedReport; share: number }[]> {
  const ranked = (await library.router()).rank(query, limit);
  const best = ranked[0]?.score ?? 0;
  const picked = ranked.filter((r) => best > 0 && r.score >= best * minShare);
  const opened = await Promise.all(picked.map(async (r) => ({ report: await library.open(r.id), share: r.score / best })));
  return opened.filter((o): o is { report: OpenedReport; share: number } => o.report !== undefined);
}

/**
 * The best `k` passages across the library. Each report's engine ranks its own passages (fused
 * ranks are not comparable across reports), so a hit's score is its report's share of the best
 * report's router score times its share of its report's best hit.
 */
export async function searchLibrary(library: ReportLibrary, query: string, k: number): Promise<LibraryHit[]> {
  const router = await library.router();
  // Recent searches of this library (its router changes when the library is reloaded): a widget's
  // starter questions and a page's popular queries are asked again and again.
  let cache = searches.get(router);
  if (!cache) searches.set(router, (cache = new Map()));
  const key = JSON.stringify([query, k]);
  if (key.length > SEARCH_CACHE_KEY_CHARS) return searchUncached(library, query, k);
  let found = cache.get(key);
  if (found) cache.delete(key);
  else {
    found = searchUncached(library, query, k);
    const pending = found;
    found.catch(() => cache.get(key) === pending && cache.delete(key));
    if (cache.size >= SEARCH_CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
  }
  cache.set(key, found);
  return found;
}

/** Library-wide searches remembered per library, least recently used dropped. */
const SEARCH_CACHE_ENTRIES = 1024;
const SEARCH_CACHE_KEY_CHARS = 2100;
const searches = new WeakMap<object, Map<string, Promise<LibraryHit[]>>>();

async function searchUncached(library: ReportLibrary, query: string, k: number): Promise<LibraryHit[]> {
  const reports = await routed(library, query, SEARCH_REPORTS, SEARCH_MIN_SHARE);
  const lists = await Promise.all(
    reports.map(async ({ report, share }) => {
      const hits = await report.engine.search(query, k);
      const top = hits[0]?.score || 1;
      return hits.map((hit) => ({ report, hit: { passage: hit.passage, score: share * (hit.score / top) } }));
    }),
  );
  return lists.flat().sort((a, b) => b.hit.score - a.hit.score).slice(0, k);
}

/** A library-wide answer: the report it came from, and that report on each citation. */
export interface LibraryAnswer extends ChatAnswer {
  report?: string;
}

const tagged = (answer: ChatAnswer, report: string): LibraryAnswer => ({ ...answer, report, citations: answer.citations.map((c) => ({ ...c, report })) });

/**
 * Puts the question to the best-matching reports in turn and keeps the first answer that
 * answers it (else the first that finds the topic discussed, else "not in the library").
 */
export async function answerFromLibrary(library: ReportLibrary, input: ChatInput, signal?: AbortSignal): Promise<LibraryAnswer> {
  const reports = await routed(library, input.question, CHAT_REPORTS, CHAT_MIN_SHARE);
  let fallback: LibraryAnswer | undefined;
  for (const { report } of reports) {
    const answer = await collectAnswer(report.engine.chat(input, signal));
    if (answer.status === 'answered') return tagged(answer, report.id);
    if (answer.status === 'not_stated' && !fallback?.citations.length) fallback = tagged(answer, report.id);
    fallback ??= tagged(answer, report.id);
  }
  if (fallback) return fallback;
  const lang = input.lang ?? detectLang(input.question);
  const answer = lang === 'ja' ? 'ライブラリのどのレポートにも、この質問に関する記述は見当たりません。' : 'None of the reports in the library discusses this question.';
  return { answer, status: 'not_in_report', grounded: false, lang, citations: [], footnotes: [] };
}

/** The same answer as events, like an engine's chat stream: meta, deltas at citation markers, done. */
export async function* chatLibrary(library: ReportLibrary, input: ChatInput, signal?: AbortSignal): AsyncIterable<ChatEvent> {
  const result = await answerFromLibrary(library, input, signal);
  if (signal?.aborted) return;
  const { answer: text, ...meta } = result;
  yield { type: 'meta', answer: meta };
  for (const piece of answerDeltas(text)) yield { type: 'delta', text: piece };
  yield { type: 'done', answer: result };
}
