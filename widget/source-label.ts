/**
 * Short names for cited passages, so a list of sources reads "§3-2 · p.4" or "脚注11" instead
 * of repeating long section breadcrumbs.
 */

/** Footnote passages have ids like "fn-11". */
export function footnoteNumber(passageId: string): number | null {
  const m = /^fn-(\d{1,4})$/.exec(passageId);
  return m ? Number(m[1]) : null;
}

/**
 * "3――中国経済… › 2｜生成AI…" (or the English "3. … › 2. …") becomes "§3-2": the leading number
 * of each breadcrumb level. Empty when the section carries no numbers.
 */
export function sectionNumber(section: string): string {
  const numbers: string[] = [];
  for (const level of section.split('›')) {
    // Full-width digits as \u escapes: the bundle is ASCII, and regex literals are kept as written.
    const m = /^\s*([0-9\uff10-\uff19]{1,3})/.exec(level);
    if (!m) break;
    numbers.push(String(Number(m[1]!.replace(/[\uff10-\uff19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)))));
  }
  return numbers.length ? `§${numbers.join('-')}` : '';
}

export interface LabelWords {
  footnote: (n: number) => string;
}

/** "§3-2 · p.4", "脚注11 · p.4" / "Footnote 11 · p.4", or what of it is known. */
export function sourceLabel(source: { id: string; section: string; page: number }, words: LabelWords): string {
  const fn = footnoteNumber(source.id);
  const where = fn !== null ? words.footnote(fn) : sectionNumber(source.section);
  return [where, source.page > 0 ? `p.${source.page}` : ''].filter(Boolean).join(' · ');
}
