/**
 * Chosen sentences → the answer a reader sees: the report's sentences (readable spacing) in
 * reading order, one [n] after each run of sentences from one passage; in English, the English
 * edition's renderings under an honest lead-in. Each citation quotes exactly the original
 * sentences used, with their rendering for English answers. Web APIs only.
 */
import type { ChatAnswer } from '../types';
import { renderingOf, type Edition } from '../ingest/edition';
import type { Library } from '../library';
import type { AnswerStatus, Citation, Lang } from '../types';
import { withoutBibliography } from './display';
import type { Sentence } from './sentences';

export const ENGLISH_LEAD = 'From the report (English rendering):';

export interface ComposeOptions {
  lang: Lang;
  library: Library;
  edition?: Edition;
  status?: AnswerStatus;
  /** Said before the sentences (e.g. what the report does not state). */
  lead?: string;
  /** Sentences in the order given rather than reading order (a footnote before its claim). */
  keepOrder?: boolean;
  /** The language the report is written in (default Japanese): quotes in another language are labelled. */
  reportLang?: Lang;
  /**
   * Where a footnote's bibliography (author, title, outlet, date, URL) goes: `cited` (the
   * default) leaves it to the citation and the answer's footnotes, so a fact from a footnote
   * reads as a sentence; `inline` keeps it, under the footnote's number (what a question about
   * that footnote asks for); `first` also puts the footnotes before the claims (a source question
   * is answered by its source).
   */
  sources?: 'cited' | 'inline' | 'first';
  /** Text said before a sentence (a numbered point's title); it starts a new run of its passage. */
  labels?: ReadonlyMap<Sentence, string>;
}

const SECTION_SEPARATOR = ' › ';

/** A section path in the answer's language, part by part, where the edition renders the headings. */
export function sectionName(section: string, lang: Lang, edition?: Edition): string {
  if (lang !== 'en' || !edition) return section;
  return section
    .split(SECTION_SEPARATOR)
    .map((part) => renderingOf(edition, part) ?? part)
    .join(SECTION_SEPARATOR);
}

const footnoteLabel = (n: number, lang: Lang) => (lang === 'ja' ? `脚注${n}：` : `Footnote ${n}: `);

/** A sentence in the answer's language: its rendering in English (when there is one), else its readable original. */
function said(s: Sentence, lang: Lang, sources: ComposeOptions['sources']): string {
  const text = lang === 'en' && s.en ? s.en : s.display;
  return s.passage.kind === 'footnote' && sources === 'cited' ? withoutBibliography(text) : text;
}

/** Said before quotes in the report's own language when the question was asked in the other one. */
const QUOTED_IN: Record<Lang, string> = { en: 'From the report (quoted in Japanese):', ja: 'レポートの原文（英語）より：' };
/** Japanese sentences run on; English ones are spaced. */
const joiner = (lang: Lang) => (lang === 'ja' ? '' : ' ');
const allRendered = (run: Sentence[]) => run.every((s) => s.en);

export function compose(sentences: Sentence[], options: ComposeOptions): ChatAnswer {
  const { lang, library } = options;
  const reportLang = options.reportLang ?? 'ja';
  const sources = options.sources ?? 'cited';
  const picked = sentences.filter((s, i) => sentences.indexOf(s) === i);
  if (!options.keepOrder) picked.sort((a, b) => a.order - b.order);
  // A caller that keeps its own order has put the sources where they belong.
  if (sources === 'first' && !options.keepOrder) picked.sort((a, b) => Number(b.passage.kind === 'footnote') - Number(a.passage.kind === 'footnote'));
  const citations: Citation[] = [];
  const refs = new Map<string, Citation>();
  const runs: { citation: Citation; sentences: Sentence[] }[] = [];
  for (const s of picked) {
    const p = s.passage;
    let citation = refs.get(p.id);
    if (!citation) {
      citation = { ref: citations.length + 1, id: p.id, text: p.text, section: sectionName(p.section, lang, options.edition), page: p.page, footnotes: [], quote: '' };
      refs.set(p.id, citation);
      citations.push(citation);
    }
    const last = runs.at(-1);
    if (last && last.citation === citation && !options.labels?.has(s)) last.sentences.push(s);
    else runs.push({ citation, sentences: [s] });
  }
  for (const c of citations) {
    const own = picked.filter((s) => s.passage.id === c.id);
    c.quote = own.map((s) => s.ja).join(joiner(reportLang));
    c.footnotes = [...new Set(own.flatMap((s) => s.footnotes))].sort((a, b) => a - b);
    if (lang === 'en' && own.every((s) => s.en)) c.translation = own.map((s) => s.en).join(' ');
  }
  const parts = runs.map(({ citation, sentences: run }) => {
    const p = run[0]!.passage;
    const label = (options.labels?.get(run[0]!) ?? '') + (p.kind === 'footnote' && sources !== 'cited' ? footnoteLabel(p.footnotes[0] ?? 0, lang) : '');
    const text = run.map((s) => said(s, lang, sources)).join(joiner(lang === 'en' && allRendered(run) ? 'en' : reportLang));
    return `${label}${text}[${citation.ref}]`;
  });
  const englishBody = lang === 'en' && picked.some((s) => s.en);
  const body = parts.join(lang === 'ja' ? '' : ' ').replace(/ +\n/g, '\n');
  const quotedIn = lang !== reportLang && picked.length > 0 && !englishBody ? QUOTED_IN[lang] : '';
  const lead = [options.lead, englishBody ? ENGLISH_LEAD : quotedIn].filter(Boolean).join(' ');
  const answer = [lead, body].filter(Boolean).join(lang === 'ja' ? '' : ' ');
  const status = options.status ?? (citations.length > 0 ? 'answered' : 'not_in_report');
  return {
    answer,
    status,
    grounded: status === 'answered' && citations.length > 0,
    lang,
    citations,
    footnotes: library.footnotesOf(citations.flatMap((c) => c.footnotes)),
    generator: 'extractive',
  };
}
