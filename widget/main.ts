/**
 * Entry point of widget.js. Embedding:
 *
 *   <script src="https://HOST/widget.js" data-api="https://HOST" defer></script>
 *
 * Options on that tag: data-api, data-lang (ja|en|auto), data-title, data-accent, data-position
 * (bottom-right|bottom-left). The host page can drive the widget without any script of its own:
 * any element with `data-rag-ask="question"` asks that question when clicked. From script:
 *
 *   window.ReportChat.open(); window.ReportChat.close(); window.ReportChat.toggle();
 *   window.ReportChat.ask('DeepSeekの開発費は？');   // returns a Promise settled when answered
 *   document.dispatchEvent(new CustomEvent('report-chat:ask', { detail: { question: '…' } }));
 */
import { readConfig } from './config';
import { stringsFor } from './i18n';
import { chooseLang } from './lang';
import { ChatWidget } from './widget';

export interface ReportChatApi {
  open(): void;
  close(): void;
  toggle(): void;
  ask(question: string): Promise<void>;
}

declare global {
  interface Window {
    ReportChat?: ReportChatApi;
  }
}

// Captured now: document.currentScript is only set while this script first runs. Loaders
// that evaluate the code some other way leave it null; then the tag is found by its src.
const script =
  document.currentScript instanceof HTMLScriptElement
    ? document.currentScript
    : document.querySelector<HTMLScriptElement>('script[src$="/widget.js"], script[src*="/widget.js?"]');

function mount(): void {
  // A page that includes the tag twice still gets one widget.
  if (window.ReportChat) return;
  const config = readConfig((name) => script?.getAttribute(name) ?? null, script?.src ?? null, location.href);
  const lang = chooseLang({ attribute: config.lang, documentLang: document.documentElement.lang, browserLangs: navigator.languages ?? [navigator.language] });
  const widget = new ChatWidget(config, stringsFor(lang), lang);
  document.body.append(widget.host);

  window.ReportChat = {
    open: () => widget.open(),
    close: () => widget.close(),
    toggle: () => widget.toggle(),
    ask: (question) => widget.ask(String(question)),
  };

  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest('[data-rag-ask]') : null;
    const question = target?.getAttribute('data-rag-ask');
    if (!question) return;
    event.preventDefault();
    void widget.ask(question);
  });
  document.addEventListener('report-chat:ask', (event) => {
    const detail: unknown = (event as CustomEvent).detail;
    const question = typeof detail === 'string' ? detail : (detail as { question?: unknown } | null)?.question;
    if (typeof question === 'string') void widget.ask(question);
  });
}

if (document.body) mount();
else document.addEventListener('DOMContentLoaded', mount, { once: true });
