/** Reading the embed options from the `<script>` tag that loaded the widget. */

export type Position = 'bottom-right' | 'bottom-left';

export interface WidgetConfig {
  /** API base URL without a trailing slash, e.g. "https://host" or "https://host/report". */
  apiBase: string;
  /** Raw `data-lang`; resolved later together with the page and browser languages. */
  lang: string | null;
  /** Panel title; null means the UI language's default. */
  title: string | null;
  /** A CSS colour for buttons and highlights, or null for the default. */
  accent: string | null;
  position: Position;
  /** `data-report`: the report the chat asks (an id; `*` for the whole library), or null for the server's default. */
  report: string | null;
}

/**
 * `data-api` resolves against the page (so a relative value works); when empty or
 * absent the API is the script's own origin, which is how a third party embeds it.
 */
export function readConfig(attr: (name: string) => string | null, scriptSrc: string | null, pageUrl: string): WidgetConfig {
  const api = attr('data-api')?.trim();
  const fallback = () => new URL(scriptSrc || pageUrl, pageUrl).origin;
  let apiBase: string;
  try {
    const url = api ? new URL(api, pageUrl) : null;
    // Only http(s) can carry the API; anything else is a typo, not a choice.
    apiBase = url && (url.protocol === 'http:' || url.protocol === 'https:') ? url.href : fallback();
  } catch {
    apiBase = fallback();
  }
  const title = attr('data-title')?.trim();
  const report = attr('data-report')?.trim();
  const accent = attr('data-accent')?.trim();
  return {
    apiBase: apiBase.replace(/\/+$/, ''),
    lang: attr('data-lang'),
    title: title ? title : null,
    accent: accent ? accent : null,
    position: attr('data-position')?.trim().toLowerCase() === 'bottom-left' ? 'bottom-left' : 'bottom-right',
    report: report && /^(?:\*|[a-z0-9](?:[a-z0-9_-]{0,62}[a-z0-9])?)$/.test(report) ? report : null,
  };
}
