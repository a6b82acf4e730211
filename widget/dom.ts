/** Building elements from code. Text always goes in through textContent, never as HTML. */

export interface ElementProps {
  class?: string;
  text?: string;
  attrs?: Record<string, string>;
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: ElementProps = {}, children: Node[] = []): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.class) el.className = props.class;
  if (props.text !== undefined) el.textContent = props.text;
  for (const [name, value] of Object.entries(props.attrs ?? {})) el.setAttribute(name, value);
  for (const child of children) el.append(child);
  return el;
}

/** A one-path icon drawn with SVG DOM calls, hidden from screen readers (its button has the name). */
function icon(d: string): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', d);
  svg.append(path);
  return svg;
}

/** The speech bubble of the launcher. */
export const chatIcon = () => icon('M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm3 6v2h2V9H7zm4 0v2h2V9h-2zm4 0v2h2V9h-2z');

/** A pencil on a page: start a new conversation. */
export const newConversationIcon = () =>
  icon('M4 4h9v2H6v12h12v-7h2v9H4V4zm14.6-1.4 2.8 2.8-8.6 8.6H10v-2.8l8.6-8.6zm0 2.8-6.6 6.6v.6h.6l6.6-6.6-.6-.6z');
