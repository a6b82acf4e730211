/** Which URLs may become links: only absolute http(s), never javascript:, data: etc. */

export function safeLinkHref(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
}

export type LinkedSegment = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

/**
 * Cut footnote text around its URLs so each URL can be shown as a link where it stands.
 * Only http(s) URLs become links; a URL not found in the text is appended at the end.
 */
export function linkifyFootnote(text: string, urls: readonly string[]): LinkedSegment[] {
  const found: { at: number; url: string; href: string }[] = [];
  const missing: { url: string; href: string }[] = [];
  const unique = [...new Set(urls)];
  // Longest first, so a URL that is a prefix of another cannot claim the longer one's place.
  for (const url of [...unique].sort((a, b) => b.length - a.length)) {
    const href = safeLinkHref(url);
    if (!href) continue;
    let at = text.indexOf(url);
    // Skip occurrences already claimed by a longer URL that contains this one.
    while (at !== -1 && found.some((f) => at < f.at + f.url.length && f.at < at + url.length)) at = text.indexOf(url, at + 1);
    if (at === -1) missing.push({ url, href });
    else found.push({ at, url, href });
  }
  found.sort((a, b) => a.at - b.at);
  missing.sort((a, b) => unique.indexOf(a.url) - unique.indexOf(b.url));
  const segments: LinkedSegment[] = [];
  let last = 0;
  for (const f of found) {
    if (f.at > last) segments.push({ kind: 'text', text: text.slice(last, f.at) });
    segments.push({ kind: 'link', text: f.url, href: f.href });
    last = f.at + f.url.length;
  }
  if (last < text.length) segments.push({ kind: 'text', text: text.slice(last) });
  for (const m of missing) {
    if (segments.length > 0) segments.push({ kind: 'text', text: ' ' });
    segments.push({ kind: 'link', text: m.url, href: m.href });
  }
  return segments;
}

/** A URL runs until whitespace or Japanese text and punctuation (the report writes URLs inline: "…、https://36kr.jp/328412/）。"). */
const URL_IN_TEXT = /https?:\/\/[^\s<>"'`\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]+/gi;

/** Sentence punctuation after a URL ("…/vol3/." or "(see https://a.example/x)") is not part of it. */
function trimUrl(url: string): string {
  let end = url.length;
  for (;;) {
    const ch = url[end - 1];
    if (ch && '.,;:!?\'"'.includes(ch)) end--;
    else if (ch === ')' && count(url.slice(0, end), '(') < count(url.slice(0, end), ')')) end--;
    else if (ch === ']' && count(url.slice(0, end), '[') < count(url.slice(0, end), ']')) end--;
    else return url.slice(0, end);
  }
}

const count = (s: string, ch: string) => s.split(ch).length - 1;

/** Cut free text (an answer, a passage) around the http(s) URLs it contains. */
export function linkifyText(text: string): LinkedSegment[] {
  const segments: LinkedSegment[] = [];
  let last = 0;
  for (const m of text.matchAll(URL_IN_TEXT)) {
    const url = trimUrl(m[0]);
    const href = safeLinkHref(url);
    if (!href || url.length <= 'https://'.length) continue;
    if (m.index > last) segments.push({ kind: 'text', text: text.slice(last, m.index) });
    segments.push({ kind: 'link', text: url, href });
    last = m.index + url.length;
  }
  if (last < text.length) segments.push({ kind: 'text', text: text.slice(last) });
  return segments;
}
