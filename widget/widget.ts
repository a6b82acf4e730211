/**
 * The chat widget: opens and closes the panel, sends questions with the conversation
 * as history, streams answers into the log, and recovers from failures with Retry.
 */
import type { Citation, FootnoteOut, Lang } from './api-types';
import { AnswerView } from './answer-view';
import { sendChat } from './chat-client';
import type { WidgetConfig } from './config';
import { h } from './dom';
import { errorMessage } from './error-text';
import { Conversation } from './history';
import type { Strings } from './i18n';
import { buildPanel, type PanelParts } from './panel';
import { PassageView } from './passage-view';
import { widgetCss } from './styles';

export class ChatWidget {
  readonly host: HTMLElement;
  private readonly parts: PanelParts;
  private readonly passage: PassageView;
  private readonly conversation = new Conversation();
  private busy = false;
  /** Questions asked while one is in flight wait their turn. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly config: WidgetConfig,
    private readonly s: Strings,
    lang: Lang,
  ) {
    this.host = h('div', { attrs: { 'data-report-chat': '' } });
    const shadow = this.host.attachShadow({ mode: 'open' });
    adoptStyles(shadow, widgetCss);
    this.parts = buildPanel(s, config.title ?? s.title, config.position);
    this.parts.root.lang = lang;
    if (config.accent && (typeof CSS === 'undefined' || CSS.supports('color', config.accent))) this.parts.root.style.setProperty('--rc-accent', config.accent);
    this.passage = new PassageView(s);
    this.parts.form.before(this.passage.el);
    shadow.append(this.parts.root);
    this.bindEvents();
  }

  get isOpen(): boolean {
    return !this.parts.panel.hidden;
  }

  open(): void {
    if (!this.isOpen) {
      this.parts.panel.hidden = false;
      this.parts.launcher.setAttribute('aria-expanded', 'true');
    }
    (this.busy ? this.parts.panel : this.parts.input).focus();
  }

  close(): void {
    if (!this.isOpen) return;
    this.passage.hide(false);
    this.parts.panel.hidden = true;
    this.parts.launcher.setAttribute('aria-expanded', 'false');
    this.parts.launcher.focus();
  }

  toggle(): void {
    if (this.isOpen) this.close();
    else this.open();
  }

  /** Open the panel and ask `question`; resolves when its answer (or error) is shown. */
  ask(question: string): Promise<void> {
    const q = question.trim();
    this.open();
    if (!q) return Promise.resolve();
    this.queue = this.queue.then(() => this.send(q));
    return this.queue;
  }

  private bindEvents(): void {
    const { root, launcher, closeButton, form, input } = this.parts;
    launcher.addEventListener('click', () => this.toggle());
    closeButton.addEventListener('click', () => this.close());
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.submitInput();
    });
    input.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter' || e.shiftKey) return;
      // An Enter that confirms an IME conversion (Japanese input) must not send.
      if (e.isComposing || e.keyCode === 229) return;
      e.preventDefault();
      this.submitInput();
    });
    root.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape' || e.isComposing || !this.isOpen) return;
      e.preventDefault();
      e.stopPropagation();
      if (this.passage.isOpen) this.passage.hide(this.passage.el.contains(this.activeElement()));
      else this.close();
    });
  }

  private submitInput(): void {
    if (this.busy) return;
    const q = this.parts.input.value.trim();
    if (!q) return;
    this.parts.input.value = '';
    void this.ask(q);
  }

  private activeElement(): Element | null {
    return this.host.shadowRoot?.activeElement ?? null;
  }

  private setBusy(busy: boolean): void {
    const { input, send, log, panel } = this.parts;
    this.busy = busy;
    // Focus would be lost when the input is disabled; park it on the panel meanwhile.
    if (busy && this.activeElement() === input) panel.focus();
    input.disabled = busy;
    send.disabled = busy;
    log.setAttribute('aria-busy', String(busy));
    if (!busy && this.isOpen && this.activeElement() === panel) input.focus();
  }

  private append(node: HTMLElement): void {
    const log = this.parts.log;
    log.querySelector('.rc-hint')?.remove();
    log.append(node);
    this.scrollToEnd();
  }

  private scrollToEnd(): void {
    const log = this.parts.log;
    log.scrollTop = log.scrollHeight;
  }

  private async send(question: string, retrying = false): Promise<void> {
    if (!retrying) this.append(h('div', { class: 'rc-msg rc-user' }, [h('span', { class: 'rc-who', text: `${this.s.you}: ` }), h('p', { text: question })]));
    const view = new AnswerView(this.s, {
      cite: (citation, footnotes, button) => this.showCitation(citation, footnotes, button),
      ask: (q) => void this.ask(q),
    });
    this.append(view.el);
    this.setBusy(true);
    try {
      const history = this.conversation.history();
      const answer = await sendChat(
        this.config.apiBase,
        { question, ...(history.length ? { history } : {}) },
        {
          onMeta: (meta) => view.setMeta(meta),
          onDelta: (text) => {
            const atEnd = this.isNearEnd();
            view.appendDelta(text);
            if (atEnd) this.scrollToEnd();
          },
        },
      );
      view.finish(answer);
      this.conversation.record(question, answer);
    } catch (err) {
      view.el.remove();
      this.showError(question, err);
    } finally {
      this.setBusy(false);
      this.scrollToEnd();
    }
  }

  private isNearEnd(): boolean {
    const log = this.parts.log;
    return log.scrollHeight - log.scrollTop - log.clientHeight < 48;
  }

  private showError(question: string, err: unknown): void {
    const retry = h('button', { text: this.s.retry, attrs: { type: 'button', 'data-rag': 'retry' } });
    const box = h('div', { class: 'rc-msg rc-error', attrs: { role: 'alert', 'data-rag': 'error' } }, [h('p', { text: errorMessage(err, this.s) }), retry]);
    retry.addEventListener('click', () => {
      if (this.busy) return;
      // The retry button disappears with its box; keep focus inside the panel.
      this.parts.panel.focus();
      box.remove();
      this.queue = this.queue.then(() => this.send(question, true));
    });
    this.append(box);
  }

  private showCitation(citation: Citation, footnotes: readonly FootnoteOut[], button: HTMLButtonElement): void {
    if (this.passage.isOpen && button.getAttribute('aria-expanded') === 'true') this.passage.hide(true);
    else this.passage.show(citation, footnotes, button);
  }
}

/** Constructable stylesheets are not subject to a page's style-src CSP; fall back to <style>. */
function adoptStyles(shadow: ShadowRoot, css: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
  } catch {
    shadow.append(h('style', { text: css }));
  }
}
