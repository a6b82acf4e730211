/**
 * Fills a report's English edition through a language model: the units (sentences, headings,
 * figure captions, footnote sentences) the edition lacks are sent in batches, each rendering is
 * checked (not empty, not left in Japanese, every number kept), and the file is written after
 * every batch, so an interrupted run resumes where it stopped. Existing renderings are kept
 * unless `force` is set.
 */
import { EDITION_FORMAT, editionSchema, renderingProblems, reportUnits, type EditionFile, type EditionUnit } from '../../src/core/ingest/edition';
import { parseReportText, type ReportFormat } from '../../src/core/ingest/parse-report-text';

export interface ChatMessage {
  role: 'system' | 'user';
  content: string;
}

export interface TranslateOptions {
  reportText: string;
  /** How the report is written (default: the publisher's .txt layout). */
  reportFormat?: ReportFormat;
  reportFile: string;
  /** The edition as it stands, when there is one. */
  existing?: EditionFile;
  /** English title and publisher to use when the edition has none yet. */
  titleEn?: string;
  publisherEn?: string;
  publisher?: string;
  force?: boolean;
  batchSize?: number;
  /** One chat completion: the model's whole reply. */
  complete(messages: ChatMessage[]): Promise<string>;
  /** Called after each batch with the edition so far (write it to disk here). */
  save(edition: EditionFile): Promise<void>;
  onProgress?(done: number, total: number, failed: number): void;
}

export interface TranslateResult {
  edition: EditionFile;
  translated: number;
  /** Units whose rendering failed its checks twice: still missing. */
  failed: { key: string; ja: string; problems: string[] }[];
}

export const NOTICE = "English rendering made for report-chat, sentence by sentence, to help readers of the Japanese original. It is not the publisher's text; the Japanese original is authoritative.";

const SYSTEM = [
  'You translate units of a Japanese economics research note into English for readers who do not read Japanese.',
  'Render each unit completely and faithfully in plain English: no summarising, no omissions, no additions, no comments.',
  'Write every number with digits, exactly as in the original (600万ドル → $6 million, 56.3％ → 56.3%, 2025年1月20日 → January 20, 2025; a two-digit year such as 24年 means 2024).',
  'Keep names as the report writes them in their usual English form; keep URLs and English titles exactly as written.',
  'Reply with one JSON object mapping each unit id to its English rendering, and nothing else.',
].join('\n');

/** The model's reply → id → rendering; tolerates a fenced code block around the JSON. */
export function parseRenderings(reply: string): Map<string, string> {
  const body = /```(?:json)?\s*([\s\S]*?)```/.exec(reply)?.[1] ?? reply;
  const start = body.indexOf('{');
  const end = body.lastIndexOf('}');
  if (start < 0 || end < start) throw new Error('the model did not reply with a JSON object');
  const json = JSON.parse(body.slice(start, end + 1)) as unknown;
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new Error('the model did not reply with a JSON object');
  return new Map(Object.entries(json).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

const messagesFor = (units: EditionUnit[]): ChatMessage[] => [
  { role: 'system', content: SYSTEM },
  { role: 'user', content: JSON.stringify(units.map((u) => ({ id: u.key, kind: u.kind, ja: u.ja }))) },
];

export async function translateEdition(options: TranslateOptions): Promise<TranslateResult> {
  const units = reportUnits(parseReportText(options.reportText, options.reportFormat));
  const have = new Map((options.existing?.units ?? []).map((u) => [u.key, u]));
  const todo = options.force ? units : units.filter((u) => !have.has(u.key));
  const rendered = new Map<string, string>(options.force ? [] : [...have].map(([k, u]) => [k, u.en]));
  const failed: TranslateResult['failed'] = [];
  const batchSize = Math.max(1, options.batchSize ?? 12);
  const edition = (): EditionFile =>
    editionSchema.parse({
      format: EDITION_FORMAT,
      lang: 'en',
      report: options.reportFile,
      title: options.existing?.title ?? options.titleEn ?? rendered.get(units.find((u) => u.kind === 'heading')?.key ?? '') ?? options.reportFile,
      publisher: options.existing?.publisher ?? options.publisherEn ?? options.publisher ?? 'the publisher',
      notice: options.existing?.notice ?? NOTICE,
      units: units.filter((u) => rendered.has(u.key)).map((u) => ({ ...u, en: rendered.get(u.key)! })),
    });

  /** One batch; a unit whose rendering fails its checks (or comes back unreadable) is tried once more on its own. */
  const run = async (batch: EditionUnit[], retry: boolean): Promise<void> => {
    const reply = await options.complete(messagesFor(batch)); // an endpoint that fails stops the run
    let replies = new Map<string, string>();
    try {
      replies = parseRenderings(reply);
    } catch {
      // unreadable reply: every unit of the batch counts as not rendered
    }
    for (const unit of batch) {
      const en = replies.get(unit.key)?.trim() ?? '';
      const problems = en ? renderingProblems(unit.ja, en) : ['no usable rendering came back'];
      if (problems.length === 0) rendered.set(unit.key, en);
      else if (retry) await run([unit], false);
      else failed.push({ key: unit.key, ja: unit.ja, problems });
    }
  };

  let done = 0;
  for (let i = 0; i < todo.length; i += batchSize) {
    const batch = todo.slice(i, i + batchSize);
    await run(batch, true);
    done += batch.length;
    await options.save(edition());
    options.onProgress?.(done, todo.length, failed.length);
  }
  return { edition: edition(), translated: todo.length - failed.length, failed };
}
