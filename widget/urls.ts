/** Which footnote URLs may become links: only absolute http(s), never javascript:, data: etc. */

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
