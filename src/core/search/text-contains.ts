/**
 * `text.includes(needle)` for many needles against one text: every substring up to `maxLength`
 * characters is put in a set once, so each short needle costs one lookup instead of a scan of
 * the text (reducing a dictionary of many thousands of terms to one report's words). Longer
 * needles fall back to a scan. Same answers as `includes`. Web APIs only.
 */
export function substringTest(text: string, maxLength = 8): (needle: string) => boolean {
  const seen = new Set<string>();
  for (let i = 0; i < text.length; i++) {
    const end = Math.min(text.length, i + maxLength);
    for (let j = i + 1; j <= end; j++) seen.add(text.slice(i, j));
  }
  return (needle) => (needle.length === 0 ? true : needle.length <= maxLength ? seen.has(needle) : text.includes(needle));
}
