/**
 * Honest answers when the report does not answer: `not_in_report` (the report does not discuss
 * it; the nearest sections are offered) and `not_stated` (it discusses the topic but not what was
 * asked: say what is missing, then what the report does say, cited). Web APIs only.
 */
import type { ChatAnswer } from '../types';
import type { Edition } from '../ingest/edition';
import type { Library } from '../library';
import type { Hit, Lang } from '../types';
import { missingWhat, type TypeEvidence } from './answer-types';
import { compose, sectionName } from './compose';
import type { Sentence } from './sentences';

export function notInReport(lang: Lang, hits: Hit[], edition?: Edition): ChatAnswer {
  const sections = [...new Set(hits.filter((h) => h.passage.kind !== 'footnote').map((h) => h.passage.section).filter(Boolean))].slice(0, 3);
  const suggestions = sections.map((s) => sectionName(s, lang, edition));
  const answer =
    lang === 'ja'
      ? 'このレポートには、この質問に答える記述が見当たりません。' + (suggestions.length ? `近い話題の節：${suggestions.join('、')}` : '')
      : 'The report does not discuss this.' + (suggestions.length ? ` Nearest sections: ${suggestions.join('; ')}` : '');
  return { answer, status: 'not_in_report', grounded: false, lang, citations: [], footnotes: [], suggestions, generator: 'extractive' };
}

/** What is missing: a kind of answer (a date, a count), a named thing the report never mentions, or the source asked for. */
export type Missing = { kind: 'type'; expected: TypeEvidence } | { kind: 'term'; term: string } | { kind: 'source' };

function missingSentence(missing: Missing, lang: Lang): string {
  if (missing.kind === 'source') return lang === 'ja' ? 'このレポートには、お尋ねの記述の出典は見当たりません。' : 'The report gives no source for what you ask about.';
  if (missing.kind === 'term') {
    return lang === 'ja' ? `このレポートには「${missing.term}」についての記述はありません。` : `The report says nothing about "${missing.term}".`;
  }
  return lang === 'ja' ? `このレポートには、お尋ねの${missingWhat(missing.expected, 'ja')}は書かれていません。` : `The report does not state ${missingWhat(missing.expected, 'en')}.`;
}

export function notStated(missing: Missing, related: Sentence[], options: { lang: Lang; library: Library; edition?: Edition }): ChatAnswer {
  const { lang } = options;
  const lead = `${missingSentence(missing, lang)}${related.length ? (lang === 'ja' ? '関連する記述：' : ' What it does say:') : ''}`;
  const answer = compose(related, { ...options, status: 'not_stated', lead });
  return { ...answer, status: 'not_stated', grounded: false };
}
