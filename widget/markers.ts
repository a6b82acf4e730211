/** Splitting answer text on its `[n]` citation markers, so markers can become buttons. */

export type AnswerSegment = { kind: 'text'; text: string } | { kind: 'ref'; ref: number };

const MARKER = /\[(\d{1,3})\]/g;

/**
 * Cut `text` into plain runs and citation references. When `knownRefs` is given, only
 * markers naming one of them become references; others (e.g. "[2025]") stay text.
 */
export function splitMarkers(text: string, knownRefs?: ReadonlySet<number>): AnswerSegment[] {
  const segments: AnswerSegment[] = [];
  let plain = '';
  let last = 0;
  for (const m of text.matchAll(MARKER)) {
    const ref = Number(m[1]);
    if (knownRefs && !knownRefs.has(ref)) continue;
    plain += text.slice(last, m.index);
    if (plain) segments.push({ kind: 'text', text: plain });
    plain = '';
    segments.push({ kind: 'ref', ref });
    last = m.index + m[0].length;
  }
  plain += text.slice(last);
  if (plain) segments.push({ kind: 'text', text: plain });
  return segments;
}
