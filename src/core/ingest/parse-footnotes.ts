/**
 * Footnotes made whole: lines joined (URLs rejoined across breaks), URLs listed, and stray
 * repeated URL lines dropped.
 *
 * PDF extraction sometimes emits a footnote's link again as bare lines further down the
 * footnote area (e.g. after a later footnote). Such a line repeats a URL that an earlier
 * footnote (or the same one) already holds, so it is attributed to that footnote and dropped
 * rather than glued onto whichever footnote happens to precede it.
 */
import type { Footnote } from '../types';
import { joinLines, type LatinSpacing, type SourceLine } from './parse-join';
import type { RawFootnote } from './parse-lines';
import { cleanUrl, extractUrls, isBareUrl } from './urls';

function dropRepeatedUrlLines(lines: readonly SourceLine[], known: ReadonlySet<string>, spacing: LatinSpacing): SourceLine[] {
  const kept: SourceLine[] = [];
  for (const line of lines) {
    if (isBareUrl(line.text) && kept.length > 0) {
      const url = cleanUrl(line.text);
      const ownSoFar = extractUrls(joinLines(kept, spacing));
      if (known.has(url) || ownSoFar.includes(url)) continue;
    }
    kept.push(line);
  }
  return kept;
}

export function buildFootnotes(raw: readonly RawFootnote[], spacing: LatinSpacing): Footnote[] {
  const known = new Set<string>();
  return raw.map((r) => {
    const lines = dropRepeatedUrlLines(r.lines, known, spacing);
    const text = joinLines(lines, spacing);
    const urls = extractUrls(text);
    for (const u of urls) known.add(u);
    return { n: r.n, text, urls, page: r.page };
  });
}
