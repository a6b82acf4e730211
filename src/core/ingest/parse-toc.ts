/**
 * A table of contents (`■目次` followed by the chapter and sub-section lines) repeats the
 * headings before the body does. Read as headings, it would open empty sections and put the
 * summary under the last one; it is dropped instead.
 */
import type { ScanEvent } from './parse-lines';

const contentsLabel = /^[■□◆●]?\s*目\s*次$/;
/** A contents line may end in leader dots and a page number. */
const leaderAndPage = /[\s・･.…‥]*\d*$/;

const key = (title: string) => title.replace(leaderAndPage, '').replace(/\s+/g, '');

/** The events without a table of contents; unchanged when there is none. */
export function withoutTableOfContents(events: readonly ScanEvent[]): ScanEvent[] {
  const first = events.findIndex((e) => e.kind === 'heading');
  const head = events[first];
  if (head?.kind !== 'heading') return [...events];
  // Headings (and breaks) only, up to where the first of them comes again.
  let end = first + 1;
  let chapters = head.level === 1 ? 1 : 0;
  for (; end < events.length; end++) {
    const e = events[end];
    if (e?.kind === 'break') continue;
    if (e?.kind !== 'heading') break;
    if (key(e.title) === key(head.title)) break;
    if (e.level === 1) chapters++;
  }
  const repeated = events.slice(end).some((e) => e.kind === 'heading' && key(e.title) === key(head.title));
  if (chapters < 2 || !repeated) return [...events];
  let start = first;
  while (events[start - 1]?.kind === 'break') start--;
  const label = events[start - 1];
  if (label?.kind === 'line' && contentsLabel.test(label.line.text)) start--;
  else start = first;
  return [...events.slice(0, start), ...events.slice(end)];
}
