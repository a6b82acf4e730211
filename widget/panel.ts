/** The static structure: launcher, panel, conversation log, passage view slot and the form. */
import type { Position } from './config';
import { chatIcon, h } from './dom';
import type { Strings } from './i18n';

export interface PanelParts {
  root: HTMLDivElement;
  launcher: HTMLButtonElement;
  panel: HTMLElement;
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

  const closeButton = h('button', { class: 'rc-icon-btn', text: '×', attrs: { type: 'button', 'aria-label': s.close, title: s.close } });
  const header = h('header', { class: 'rc-header' }, [h('h2', { text: title, attrs: { id: 'rc-title' } }), closeButton]);

  const log = h('div', {
    class: 'rc-log',
    attrs: { role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions', 'aria-busy': 'false', 'aria-labelledby': 'rc-title' },
  });
  log.append(h('p', { class: 'rc-hint', text: s.emptyHint }));

  const input = h('textarea', {
    attrs: { id: 'rc-input', 'data-rag': 'input', rows: '2', maxlength: '2000', placeholder: s.placeholder, enterkeyhint: 'send', autocomplete: 'off' },
  });
  const send = h('button', { class: 'rc-send', text: s.send, attrs: { type: 'submit', 'data-rag': 'send' } });
  const form = h('form', { class: 'rc-form', attrs: { novalidate: '' } }, [
    h('label', { class: 'rc-sr', text: s.inputLabel, attrs: { for: 'rc-input' } }),
    input,
    send,
  ]);

  // tabindex=-1: focus can rest on the panel itself while the input is disabled.
  const panel = h('section', { class: 'rc-panel', attrs: { id: 'rc-panel', role: 'dialog', 'aria-labelledby': 'rc-title', tabindex: '-1' } }, [header, log, form]);
  panel.hidden = true;

  const root = h('div', { class: position === 'bottom-left' ? 'rc-root rc-left' : 'rc-root' }, [panel, launcher]);
  return { root, launcher, panel, closeButton, log, form, input, send };
}
