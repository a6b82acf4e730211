/** The static structure: launcher, panel header (report title, publisher, controls), log, passage slot and form. */
import type { Position } from './config';
import { chatIcon, h, newConversationIcon } from './dom';
import type { Strings } from './i18n';

export interface PanelParts {
  root: HTMLDivElement;
  launcher: HTMLButtonElement;
  panel: HTMLElement;
  reportTitle: HTMLParagraphElement;
  publisher: HTMLParagraphElement;
  clearButton: HTMLButtonElement;
  closeButton: HTMLButtonElement;
  log: HTMLDivElement;
  form: HTMLFormElement;
  input: HTMLTextAreaElement;
  send: HTMLButtonElement;
}

export function buildPanel(s: Strings, title: string, position: Position): PanelParts {
  const launcher = h('button', {
    class: 'rc-launcher',
    attrs: { type: 'button', 'data-rag': 'launcher', 'aria-label': s.openLauncher, 'aria-expanded': 'false', 'aria-controls': 'rc-panel', title: s.openLauncher },
  });
  launcher.append(chatIcon());

  const clearButton = h('button', { class: 'rc-icon-btn', attrs: { type: 'button', 'data-rag': 'clear', 'aria-label': s.newConversation, title: s.newConversation } }, [newConversationIcon()]);
  clearButton.hidden = true;
  const closeButton = h('button', { class: 'rc-icon-btn', text: '×', attrs: { type: 'button', 'aria-label': s.close, title: s.close } });
  // Filled in from /api/report; empty until then, and hidden by CSS while empty.
  const reportTitle = h('p', { class: 'rc-report', attrs: { id: 'rc-report' } });
  const publisher = h('p', { class: 'rc-publisher' });
  const header = h('header', { class: 'rc-header' }, [
    h('div', { class: 'rc-heading' }, [h('h2', { text: title, attrs: { id: 'rc-title' } }), reportTitle, publisher]),
    clearButton,
    closeButton,
  ]);

  const log = h('div', {
    class: 'rc-log',
    attrs: { role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions', 'aria-busy': 'false', 'aria-labelledby': 'rc-title', tabindex: '0' },
  });

  const input = h('textarea', {
    attrs: { id: 'rc-input', 'data-rag': 'input', rows: '2', maxlength: '2000', placeholder: touchScreen() ? s.placeholderTouch : s.placeholder, enterkeyhint: 'send', autocomplete: 'off' },
  });
  const send = h('button', { class: 'rc-send', text: s.send, attrs: { type: 'submit', 'data-rag': 'send' } });
  const form = h('form', { class: 'rc-form', attrs: { novalidate: '' } }, [
    h('label', { class: 'rc-sr', text: s.inputLabel, attrs: { for: 'rc-input' } }),
    input,
    send,
  ]);

  // tabindex=-1: focus can rest on the panel itself while the input is disabled.
  const panel = h('section', { class: 'rc-panel', attrs: { id: 'rc-panel', role: 'dialog', 'aria-labelledby': 'rc-title rc-report', tabindex: '-1' } }, [header, log, form]);
  panel.hidden = true;

  const root = h('div', { class: position === 'bottom-left' ? 'rc-root rc-left' : 'rc-root' }, [panel, launcher]);
  return { root, launcher, panel, reportTitle, publisher, clearButton, closeButton, log, form, input, send };
}

/** A screen used with a finger first: its keyboard has no Shift+Enter to mention. */
function touchScreen(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;
}
