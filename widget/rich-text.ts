/** Text with its http(s) URLs as links, built from DOM nodes (never parsed as HTML). */
import { h } from './dom';
import { linkifyText, type LinkedSegment } from './urls';

/** A link that opens outside the widget, with nothing handed to the opened page. */
export function externalLink(href: string, text: string, hook: string): HTMLAnchorElement {
  // break-all lets a long URL start right after the text before it and keeps the punctuation
  // after it on its line, rather than leaving 「。」 alone on the next one; its scheme and host
  // stay whole (never "htt" / "ps://"), so a line breaks before the URL or after its host.
  const a = h('a', { class: 'rc-link', attrs: { href, target: '_blank', rel: 'noopener noreferrer', 'data-rag': hook } });
  const head = /^https?:\/\/[^/?#\s]+/i.exec(text)?.[0];
  if (head) a.append(h('span', { class: 'rc-nobr', text: head }), document.createTextNode(text.slice(head.length)));
  else a.textContent = text;
  return a;
}

export function appendSegments(parent: Node, segments: readonly LinkedSegment[], hook = 'link'): void {
  for (const seg of segments) parent.appendChild(seg.kind === 'text' ? document.createTextNode(seg.text) : externalLink(seg.href, seg.text, hook));
}

export function appendLinkedText(parent: Node, text: string): void {
  appendSegments(parent, linkifyText(text));
}

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]/g;

/** The language a run of text is written in, for `lang` attributes (screen readers, fonts). */
export function scriptLang(text: string): 'ja' | 'en' | null {
  // A URL is in no language; a run that is only a URL takes its surroundings' language.
  text = text.replace(/https?:\/\/\S+/g, '');
  const letters = text.replace(/[\s\d\p{P}\p{S}]/gu, '').length;
  if (letters === 0) return null;
  const japanese = text.match(JAPANESE)?.length ?? 0;
  return japanese / letters > 0.3 ? 'ja' : japanese === 0 ? 'en' : null;
}
