/** Read-only lookups over the indexed passages and footnotes. */
import type { Footnote, Passage } from './types';

export class Library {
  readonly passages: readonly Passage[];
  readonly footnotes: readonly Footnote[];
  private readonly byId = new Map<string, Passage>();
  private readonly byNumber = new Map<number, Footnote>();
  /** Body and figure passages in reading order, for neighbours. */
  private readonly reading: Passage[];

  constructor(passages: Passage[], footnotes: Footnote[]) {
    this.passages = passages;
    this.footnotes = [...footnotes].sort((a, b) => a.n - b.n);
    for (const p of passages) this.byId.set(p.id, p);
    for (const f of footnotes) this.byNumber.set(f.n, f);
    this.reading = passages.filter((p) => p.kind !== 'footnote').sort((a, b) => a.order - b.order);
  }

  passage(id: string): Passage | undefined {
    return this.byId.get(id);
  }

  footnote(n: number): Footnote | undefined {
    return this.byNumber.get(n);
  }

  footnotesOf(numbers: readonly number[]): Footnote[] {
    const seen = new Set<number>();
    const out: Footnote[] = [];
    for (const n of numbers) {
      const f = this.byNumber.get(n);
      if (f && !seen.has(n)) {
        seen.add(n);
        out.push(f);
      }
    }
    return out.sort((a, b) => a.n - b.n);
  }

  /** The passages just before and after `id` in reading order (footnote passages have none). */
  neighbours(id: string): { prev: string | null; next: string | null } {
    const i = this.reading.findIndex((p) => p.id === id);
    if (i < 0) return { prev: null, next: null };
    return { prev: this.reading[i - 1]?.id ?? null, next: this.reading[i + 1]?.id ?? null };
  }

  /** The first body passage citing footnote `n`, i.e. where the claim behind the source is made. */
  citingPassage(n: number): Passage | undefined {
    return this.reading.find((p) => p.footnotes.includes(n));
  }
}
