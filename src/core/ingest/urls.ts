/** Finding web addresses in footnote text. */

// ASCII URL characters only: a URL in Japanese text ends at the first full-width character.
const urlPattern = /https?:\/\/[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+/g;
const trailingPunctuation = /[.,;:!?'"]+$/;

/** Strips sentence punctuation and an unbalanced closing parenthesis from a URL's end. */
export function cleanUrl(url: string): string {
  let u = url;
  for (;;) {
    const before = u;
    u = u.replace(trailingPunctuation, '');
    if (u.endsWith(')') && countOf(u, '(') < countOf(u, ')')) u = u.slice(0, -1);
    if (u.endsWith(']') && countOf(u, '[') < countOf(u, ']')) u = u.slice(0, -1);
    if (u === before) return u;
  }
}

function countOf(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}

/** Every http(s) URL in `text`, cleaned, without duplicates, in order of appearance. */
export function extractUrls(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const match of text.matchAll(urlPattern)) {
    const url = cleanUrl(match[0]);
    if (url.length <= 'https://'.length || seen.has(url)) continue;
    seen.add(url);
    out.push(url);
  }
  return out;
}

/** True when a whole line is nothing but one URL (possibly with closing punctuation). */
export function isBareUrl(line: string): boolean {
  return /^https?:\/\/\S+$/.test(line.trim());
}
