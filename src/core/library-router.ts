/**
 * Which reports of a library a question is about: one BM25 index over every passage of every
 * report (its text, and its English rendering where the report has an English edition), so
 * scores are comparable across reports — unlike each engine's fused ranks. A report scores by
 * its best passage. Built from the opened reports (Node) or shipped prebuilt (the Worker loads
 * it from KV). Web APIs only.
 */
import { Bm25Index } from './search/bm25';

export interface RouterReport {
  id: string;
  passages: { text: string; section: string; english?: string }[];
}

export interface RoutedReport {
  id: string;
  score: number;
}

/** Passages looked at to rank reports: enough that several reports show up. */
const ROUTE_POOL = 60;

export class LibraryRouter {
  private constructor(private readonly bm25: Bm25Index) {}

  static build(reports: readonly RouterReport[]): LibraryRouter {
    const docs = reports.flatMap((r) => r.passages.map((p, i) => ({ id: `${r.id}/${i}`, text: p.english ? `${p.text}\n${p.english}` : p.text, boostText: p.section })));
    return new LibraryRouter(Bm25Index.build(docs));
  }

  static fromJSON(json: unknown): LibraryRouter {
    return new LibraryRouter(Bm25Index.fromJSON(json));
  }

  toJSON(): unknown {
    return this.bm25.toJSON();
  }

  /** Reports by their best-matching passage, best first; none when no passage shares a word with the query. */
  rank(query: string, limit: number): RoutedReport[] {
    const best = new Map<string, number>();
    for (const m of this.bm25.search(query, ROUTE_POOL)) {
      const id = m.id.slice(0, m.id.lastIndexOf('/'));
      if (!best.has(id)) best.set(id, m.score);
    }
    return [...best].map(([id, score]) => ({ id, score })).slice(0, limit);
  }
}
