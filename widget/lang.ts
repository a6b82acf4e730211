/** Choosing the widget's interface language. */
import type { Lang } from './api-types';

export interface LangSignals {
  /** The script's `data-lang` attribute: 'ja', 'en', 'auto' or absent. */
  attribute?: string | null;
  /** The host page's `<html lang>`. */
  documentLang?: string | null;
  /** The browser's preferred language(s), most preferred first. */
  browserLangs?: readonly string[];
}

function primary(tag: string | null | undefined): string {
  return (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
}

/**
 * An explicit `data-lang` wins; otherwise the first of page language and browser
 * languages that is Japanese or English. A reader whose languages are neither gets
 * English, the more widely read of the two; with no signal at all, Japanese (the
 * report's own language).
 */
export function chooseLang(signals: LangSignals): Lang {
  const attr = primary(signals.attribute);
  if (attr === 'ja' || attr === 'en') return attr;
  const candidates = [signals.documentLang, ...(signals.browserLangs ?? [])].map(primary).filter((t) => t !== '');
  for (const tag of candidates) if (tag === 'ja' || tag === 'en') return tag;
  return candidates.length > 0 ? 'en' : 'ja';
}
