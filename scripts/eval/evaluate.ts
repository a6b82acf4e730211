/** Dev-set evaluation: retrieval hit@k and MRR per language, footnote and abstention accuracy. */
import { z } from 'zod';
import { collectAnswer, type QaEngine } from '../../src/core/engine';

export const evalItemSchema = z.object({
  id: z.string(),
  lang: z.enum(['ja', 'en']),
  question: z.string().min(1),
  gold: z.array(z.string()),
  footnotes: z.array(z.number().int()),
  kind: z.enum(['fact', 'source', 'footnote', 'unanswerable']),
  unanswerable: z.boolean(),
});
export type EvalItem = z.infer<typeof evalItemSchema>;

export function parseEvalFile(text: string): EvalItem[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line, i) => {
      const r = evalItemSchema.safeParse(JSON.parse(line));
      if (!r.success) throw new Error(`line ${i + 1}: ${r.error.issues[0]?.path.join('.')}: ${r.error.issues[0]?.message}`);
      return r.data;
    });
}

const squash = (s: string) => s.replace(/\s+/g, '');

export interface LangMetrics { n: number; hit1: number; hit3: number; hit5: number; mrr: number }
export interface EvalReport {
  byLang: Record<'ja' | 'en', LangMetrics>;
  footnoteAccuracy: { n: number; rate: number };
  abstention: { n: number; rate: number };
  grounded: { n: number; rate: number };
  meanPassageChars: number;
  failures: string[];
}

export async function evaluate(engine: QaEngine, items: EvalItem[]): Promise<EvalReport> {
  const byLang = { ja: { n: 0, hit1: 0, hit3: 0, hit5: 0, mrr: 0 }, en: { n: 0, hit1: 0, hit3: 0, hit5: 0, mrr: 0 } };
  let fnN = 0, fnOk = 0, unN = 0, unOk = 0, anN = 0, anOk = 0, chars = 0, returned = 0;
  const failures: string[] = [];
  for (const item of items) {
    const hits = await engine.search(item.question, 10);
    for (const h of hits.slice(0, 5)) (chars += h.passage.text.length), returned++;
    if (item.gold.length > 0) {
      const gold = item.gold.map(squash);
      const rank = hits.findIndex((h) => gold.some((g) => squash(h.passage.text).includes(g))) + 1;
      const m = byLang[item.lang];
      m.n++;
      if (rank === 1) m.hit1++;
      if (rank >= 1 && rank <= 3) m.hit3++;
      if (rank >= 1 && rank <= 5) m.hit5++;
      if (rank >= 1) m.mrr += 1 / rank;
      if (rank < 1 || rank > 5) failures.push(`${item.id} retrieval: gold not in top 5 (rank ${rank || '>10'})`);
    }
    const answer = await collectAnswer(engine.chat({ question: item.question, history: [] }));
    if (item.unanswerable) {
      unN++;
      if (!answer.grounded) unOk++;
      else failures.push(`${item.id} should abstain`);
      continue;
    }
    anN++;
    if (answer.grounded) anOk++;
    else failures.push(`${item.id} abstained but is answerable`);
    if (item.footnotes.length > 0) {
      fnN++;
      const got = new Set(answer.footnotes.map((f) => f.n));
      if (item.footnotes.every((n) => got.has(n))) fnOk++;
      else failures.push(`${item.id} footnotes: want ${item.footnotes} got ${[...got]}`);
    }
  }
  for (const m of Object.values(byLang)) {
    if (m.n === 0) continue;
    m.hit1 /= m.n; m.hit3 /= m.n; m.hit5 /= m.n; m.mrr /= m.n;
  }
  const rate = (ok: number, n: number) => ({ n, rate: n === 0 ? 1 : ok / n });
  return { byLang, footnoteAccuracy: rate(fnOk, fnN), abstention: rate(unOk, unN), grounded: rate(anOk, anN), meanPassageChars: returned ? Math.round(chars / returned) : 0, failures };
}

export function formatReport(r: EvalReport): string {
  const f = (x: number) => x.toFixed(3);
  const lines = (['ja', 'en'] as const).map((l) => `${l}: n=${r.byLang[l].n} hit@1=${f(r.byLang[l].hit1)} hit@3=${f(r.byLang[l].hit3)} hit@5=${f(r.byLang[l].hit5)} MRR=${f(r.byLang[l].mrr)}`);
  lines.push(`footnotes: ${f(r.footnoteAccuracy.rate)} of ${r.footnoteAccuracy.n} source/footnote questions list the expected footnotes`);
  lines.push(`abstention: ${f(r.abstention.rate)} of ${r.abstention.n} unanswerable questions answered grounded:false`);
  lines.push(`grounded: ${f(r.grounded.rate)} of ${r.grounded.n} answerable questions answered grounded:true`);
  lines.push(`mean returned passage: ${r.meanPassageChars} characters`);
  return lines.join('\n');
}
