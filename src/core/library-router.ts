/**
 * Which reports of a library a question is about: one BM25 index whose documents are the reports
 * (all their passages, and their English renderings where the report has an English edition;
 * section titles as boost text), so scores are comparable across reports — unlike each engine's
 * fused ranks. One document per report keeps a question's cost to the library's size in reports,
 * not in passages. Each report's term counts are worked out once, when it is ingested
 * (`reportTerms`), so a library's router is assembled from them without reading any report again:
 * in the Node server on the first library-wide question, by `deploy:library` for the Worker.
 * Web APIs only.
 */
import { Bm25Index, mergeTerms, type Bm25Data, type WeightedTerm } from './search/bm25';
import { tokenize } from './search/tokenize';

export interface RouterReport {
  id: string;
  /** The report's words: its passages, and its English renderings. */
  texts: string[];
  sections: string[];
}

/** One report as a router document: its term counts and length, as BM25 keeps them. */
export interface ReportTerms {
  length: number;
  terms: Record<string, number>;
}

export interface RoutedReport {
  id: string;
  score: number;
}

/** Length matters less than in passage search: a long report is not less about its topic. */
const REPORT_LENGTH_WEIGHT = 0.3;
const K1 = 1.2;
/** A section title's word counts this much of a word of the text (as in passage search). */
const SECTION_WEIGHT = 0.5;
/**
 * A query term in more than this share of the library's reports says nothing about which report
 * a question is about (見通し in a library of outlooks): it is left out, unless the query has
 * nothing rarer.
 */
const COMMON_SHARE = 0.5;

/** A report's term counts, as the router's document for it. */
export function reportTerms(report: Omit<RouterReport, 'id'>): ReportTerms {
  const terms: Record<string, number> = Object.create(null);
  let length = 0;
  for (const text of report.texts) {
    for (const t of tokenize(text)) {
      terms[t] = (terms[t] ?? 0) + 1;
      length++;
    }
  }
  for (const t of tokenize([...new Set(report.sections)].join('\n'))) terms[t] = (terms[t] ?? 0) + SECTION_WEIGHT;
  return { length, terms: { ...terms } };
}

export class LibraryRouter {
  private constructor(private readonly bm25: Bm25Index) {}

  /** The router over reports given by their term counts, in the order given. */
  static fromTerms(reports: readonly { id: string; terms: ReportTerms }[]): LibraryRouter {
    const perTerm = new Map<string, number[]>();
    reports.forEach(({ terms }, doc) => {
      for (const [term, count] of Object.entries(terms.terms)) {
        let list = perTerm.get(term);
        if (!list) perTerm.set(term, (list = []));
        list.push(doc, count);
      }
    });
    const postings: Record<string, number[]> = {};
    for (const term of [...perTerm.keys()].sort()) postings[term] = perTerm.get(term)!;
    const docLengths = reports.map((r) => r.terms.length);
    const data: Bm25Data = {
      version: 1,
      k1: K1,
      b: REPORT_LENGTH_WEIGHT,
      ids: reports.map((r) => r.id),
      docLengths,
      avgdl: reports.length ? docLengths.reduce((a, b) => a + b, 0) / reports.length : 0,
      postings,
    };
    return new LibraryRouter(Bm25Index.fromJSON(data));
  }

  static build(reports: readonly RouterReport[]): LibraryRouter {
    return LibraryRouter.fromTerms(reports.map((r) => ({ id: r.id, terms: reportTerms(r) })));
  }

  static fromJSON(json: unknown): LibraryRouter {
    return new LibraryRouter(Bm25Index.fromJSON(json));
  }

  toJSON(): unknown {
    return this.bm25.toJSON();
  }

  /** Reports by how well they match, best first; none when no report shares a word with the query. */
  rank(query: string, limit: number): RoutedReport[] {
    return this.bm25.search(this.distinctive(query), limit).map((m) => ({ id: m.id, score: m.score }));
  }

  /** The query's terms without those most reports share (see COMMON_SHARE). */
  private distinctive(query: string): WeightedTerm[] {
    const terms = mergeTerms(tokenize(query).map((term) => ({ term, weight: 1 })));
    const limit = this.bm25.size * COMMON_SHARE;
    const rare = terms.filter((t) => this.bm25.docFrequency(t.term) <= limit);
    return rare.length ? rare : terms;
  }
}
