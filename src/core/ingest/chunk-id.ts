/** Stable, URL-safe passage ids derived from position and content. */

/** 32-bit FNV-1a over UTF-16 code units, as 8 lower-case hex digits. */
export function fnv1aHex(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** `p<page>-<order, 3 digits>-<6 hex of the text hash>`, e.g. `p3-012-a1b2c3`. */
export function passageId(page: number, order: number, text: string): string {
  return `p${page}-${String(order).padStart(3, '0')}-${fnv1aHex(text).slice(0, 6)}`;
}

export function footnotePassageId(n: number): string {
  return `fn-${n}`;
}
