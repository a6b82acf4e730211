/**
 * Dev-set evaluation: retrieval (hit@1/3/5, MRR of the first passage holding a gold substring)
 * and answers (answer-key rate, grounded and abstention rates, footnotes, overview coverage,
 * English written in English, empty answers), per language, with the list of failures.
 */
import { z } from 'zod';
import { collectAnswer, type ChatAnswer, type QaEngine } from '../../src/core/engine';

export const evalItemSchema = z.object({
  id: z.string(),
  lang: z.enum(['ja', 'en']),
  question: z.string().min(1),
  history: z.array(z.object({ role: z.enum(['user', 'assistant']), content: z.string(), citations: z.array(z.string()).optional() })).optional(),
  gold: z.array(z.string()),
  answer_key: z.array(z.string()).optional(),
  footnotes: z.array(z.number().int()),
  kind: z.enum(['fact', 'overview', 'source', 'footnote', 'unanswerable']),
  unanswerable: z.boolean(),
});
export type EvalItem = z.infer<typeof evalItemSchema>;

export function parseEvalFile(text: string): EvalItem[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line, i) => {
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        throw new Error(`line ${i + 1}: not JSON`);
      }
      const r = evalItemSchema.safeParse(json);
      if (!r.success) throw new Error(`line ${i + 1}: ${r.error.issues[0]?.path.join('.')}: ${r.error.issues[0]?.message}`);
      return r.data;
    });
}

const squash = (s: string) => s.replace(/\s+/g, '');
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;

/** Share of CJK characters in a text (markers and whitespace aside). */
export function cjkShare(text: string): number {
  const t = text.replace(/\[\d+\]|\s+/g, '');
  return t.length === 0 ? 0 : (t.match(CJK)?.length ?? 0) / [...t].length;
}

/** What an answer shows a reader: its text and the original sentences its citations quote. */
export const shownText = (a: ChatAnswer) => squash([a.answer, ...a.citations.map((c) => c.quote)].join('\n'));

interface Rate {
  n: number;
  ok: number;
}
const rate = () => ({ n: 0, ok: 0 });
const count = (r: Rate, ok: boolean) => {
  r.n++;
  if (ok) r.ok++;
};

export interface LangReport {
  retrieval: { n: number; hit1: number; hit3: number; hit5: number; mrr: number };
  answerKey: Rate;
  grounded: Rate;
  abstained: Rate;
  /** How unanswerable questions were declined. */
  declinedAs: { not_stated: number; not_in_report: number };
  footnotes: Rate;
  overviewCoverage: { n: number; sum: number };
  english: Rate;
  empty: number;
}

export interface EvalReport {
  items: number;
  byLang: Record<'ja' | 'en', LangReport>;
  failures: string[];
}

const emptyLang = (): LangReport => ({
  retrieval: { n: 0, hit1: 0, hit3: 0, hit5: 0, mrr: 0 },
  answerKey: rate(),
  grounded: rate(),
  abstained: rate(),
  declinedAs: { not_stated: 0, not_in_report: 0 },
  footnotes: rate(),
  overviewCoverage: { n: 0, sum: 0 },
  english: rate(),
  empty: 0,
});

export async function evaluate(engine: QaEngine, items: EvalItem[]): Promise<EvalReport> {
  const byLang = { ja: emptyLang(), en: emptyLang() };
  const failures: string[] = [];
  const fail = (item: EvalItem, why: string) => failures.push(`${item.id} [${item.lang}] ${why} — ${item.question}`);
  for (const item of items) {
    const m = byLang[item.lang];
    const history = item.history ?? [];
    if (item.gold.length > 0) {
      const hits = await engine.search(item.question, 10, history);
      const gold = item.gold.map(squash);
      const rank = hits.findIndex((h) => gold.some((g) => squash(h.passage.text).includes(g))) + 1;
      const r = m.retrieval;
      r.n++;
      if (rank === 1) r.hit1++;
      if (rank >= 1 && rank <= 3) r.hit3++;
      if (rank >= 1 && rank <= 5) r.hit5++;
      if (rank >= 1) r.mrr += 1 / rank;
      if (rank < 1 || rank > 5) fail(item, `retrieval: gold not in top 5 (rank ${rank || '>10'})`);
    }
    const answer = await collectAnswer(engine.chat({ question: item.question, history }));
    if (answer.answer.trim() === '') {
      m.empty++;
      fail(item, 'empty answer');
    }
    if (item.unanswerable) {
      count(m.abstained, !answer.grounded);
      if (answer.grounded) fail(item, `answered (should be not_stated/not_in_report): ${answer.answer.slice(0, 80)}`);
      else if (answer.status !== 'answered') m.declinedAs[answer.status]++;
      continue;
    }
    count(m.grounded, answer.grounded);
    if (!answer.grounded) fail(item, `declined as ${answer.status}: ${answer.answer.slice(0, 80)}`);
    if (item.lang === 'en' && answer.grounded) {
      const english = cjkShare(answer.answer) < 0.2;
      count(m.english, english);
      if (!english) fail(item, `English answer written in Japanese: ${answer.answer.slice(0, 60)}`);
    }
    const shown = shownText(answer);
    const keys = item.answer_key ?? [];
    if (keys.length > 0) {
      const missing = keys.filter((k) => !shown.includes(squash(k)));
      count(m.answerKey, missing.length === 0);
      if (missing.length) fail(item, `answer lacks ${missing.join(', ')}: ${answer.answer.slice(0, 100)}`);
    }
    if (item.kind === 'overview') {
      const found = item.gold.filter((g) => shown.includes(squash(g))).length;
      m.overviewCoverage.n++;
      m.overviewCoverage.sum += found / item.gold.length;
      if (found < item.gold.length) fail(item, `overview covers ${found}/${item.gold.length} gold passages`);
    }
    if (item.footnotes.length > 0) {
      const got = new Set(answer.footnotes.map((f) => f.n));
      const ok = item.footnotes.every((n) => got.has(n));
      count(m.footnotes, ok);
      if (!ok) fail(item, `footnotes: want ${item.footnotes.join(',')} got ${[...got].join(',') || 'none'}`);
    }
  }
  for (const m of Object.values(byLang)) {
    const r = m.retrieval;
    if (r.n > 0) (r.hit1 /= r.n), (r.hit3 /= r.n), (r.hit5 /= r.n), (r.mrr /= r.n);
  }
  return { items: items.length, byLang, failures };
}

const share = (r: Rate) => (r.n === 0 ? '—' : `${(r.ok / r.n).toFixed(2)} (${r.ok}/${r.n})`);

/** One table per report: a row per metric, a column per language. */
export function formatReport(r: EvalReport): string {
  const f = (x: number) => x.toFixed(2);
  const rows: [string, (m: LangReport) => string][] = [
    ['retrieval hit@1', (m) => f(m.retrieval.hit1)],
    ['retrieval hit@5', (m) => f(m.retrieval.hit5)],
    ['retrieval MRR', (m) => f(m.retrieval.mrr)],
    ['answer carries the answer key', (m) => share(m.answerKey)],
    ['answerable answered (grounded)', (m) => share(m.grounded)],
    ['unanswerable declined (grounded:false)', (m) => `${share(m.abstained)} not_stated ${m.declinedAs.not_stated}, not_in_report ${m.declinedAs.not_in_report}`],
    ['footnote/source lists the footnotes', (m) => share(m.footnotes)],
    ['overview gold coverage', (m) => (m.overviewCoverage.n ? `${f(m.overviewCoverage.sum / m.overviewCoverage.n)} (${m.overviewCoverage.n})` : '—')],
    ['English answers written in English', (m) => share(m.english)],
    ['empty answers', (m) => String(m.empty)],
  ];
  const lines = ['| metric | JA | EN |', '|---|---|---|'];
  for (const [name, value] of rows) lines.push(`| ${name} | ${value(r.byLang.ja)} | ${value(r.byLang.en)} |`);
  return lines.join('\n');
}
