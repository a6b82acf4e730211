/**
 * The chat widget: opens and closes the panel, introduces the report, sends questions with
 * the conversation as history (trimmed to the server's body limit), streams answers into the
 * log, keeps the conversation for the tab, and recovers from failures with Retry.
 */
import type { Citation, FootnoteOut, Lang } from './api-types';
import { AnswerView } from './answer-view';
import { bodyBytes, DEFAULT_MAX_BODY_BYTES, fitRequest, limitAfterRejection } from './body-budget';
import { ChatError, sendChat } from './chat-client';
import type { WidgetConfig } from './config';
import { h } from './dom';
import { errorMessage } from './error-text';
import { Conversation, type Turn } from './history';
import type { Strings } from './i18n';
import { fetchPassage, fetchReportIntro, type PassageDetail } from './lookups';
import { buildPanel, type PanelParts } from './panel';
import { PassageView } from './passage-view';
import { SessionStore } from './session-store';
import { widgetCss } from './styles';
import { followVisualViewport } from './viewport';
import { Welcome } from './welcome';

export class ChatWidget {
  readonly host: HTMLElement;
  private readonly parts: PanelParts;
  private readonly passage: PassageView;
  private readonly welcome: Welcome;
  private readonly store: SessionStore;
  private readonly conversation: Conversation;
  private readonly passages = new Map<string, Promise<PassageDetail | null>>();
  private busy = false;
  /** Questions asked while one is in flight wait their turn. */
  private queue: Promise<void> = Promise.resolve();
  /** Bumped by "new conversation": answers and queued questions of an older one are dropped. */
  private generation = 0;
  private inFlight: AbortController | null = null;
  /** The largest body the server takes; lowered if it answers 413. */
  private maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
  private introRequested = false;
  /** Where the log was last scrolled to show an answer from its question; a reader who scrolls elsewhere is left there. */
  private shownAt: number | null = null;
  private stopFollowingViewport: (() => void) | null = null;

  constructor(
    private readonly config: WidgetConfig,
    private readonly s: Strings,
    private readonly lang: Lang,
  ) {
    this.host = h('div', { attrs: { 'data-report-chat': '' } });
    const shadow = this.host.attachShadow({ mode: 'open' });
    adoptStyles(shadow, widgetCss);
    this.parts = buildPanel(s, config.title ?? s.title, config.position);
    this.parts.root.lang = lang;
    if (config.accent && (typeof CSS === 'undefined' || CSS.supports('color', config.accent))) this.parts.root.style.setProperty('--rc-accent', config.accent);
    this.passage = new PassageView((id) => this.lookupPassage(id));
    this.parts.form.before(this.passage.el);
    this.welcome = new Welcome(s, (q) => void this.ask(q));
    shadow.append(this.parts.root);
    this.store = new SessionStore(config.apiBase, undefined, config.report);
    const saved = this.store.load();
    this.conversation = new Conversation(saved.turns);
    this.renderConversation();
    this.bindEvents();
    if (saved.open) this.open({ focus: false });
  }

  get isOpen(): boolean {
    return !this.parts.panel.hidden;
  }

  open(options: { focus?: boolean } = {}): void {
    if (!this.isOpen) {
      this.parts.panel.hidden = false;
      this.parts.root.classList.add('rc-open');
      this.parts.launcher.setAttribute('aria-expanded', 'true');
      this.stopFollowingViewport = followVisualViewport(this.parts.root, () => this.scrollToEnd());
      this.loadIntro();
      this.save();
      // After layout: a panel restored open is built before the page has placed it.
      requestAnimationFrame(() => this.scrollToEnd());
    }
    if (options.focus !== false) (this.busy ? this.parts.panel : this.parts.input).focus();
  }

  close(): void {
    if (!this.isOpen) return;
    this.passage.hide(false);
    this.parts.panel.hidden = true;
    this.parts.root.classList.remove('rc-open');
    this.parts.launcher.setAttribute('aria-expanded', 'false');
    this.stopFollowingViewport?.();
    this.stopFollowingViewport = null;
    this.save();
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
    const generation = this.generation;
    this.queue = this.queue.then(() => (generation === this.generation ? this.send(q) : undefined));
    return this.queue;
  }

  /** Start over: stop the answer in flight, forget the conversation, show the starter questions. */
  clear(): void {
    this.generation++;
    this.inFlight?.abort();
    this.conversation.clear();
    this.passage.hide(false);
    this.renderConversation();
    this.save();
    this.parts.input.focus();
  }

  private bindEvents(): void {
    const { root, launcher, closeButton, clearButton, form, input } = this.parts;
    launcher.addEventListener('click', () => this.toggle());
    closeButton.addEventListener('click', () => this.close());
    clearButton.addEventListener('click', () => this.clear());
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

  /** Title, publisher and starter questions come from the API, so every embed shows them. */
  private loadIntro(): void {
    if (this.introRequested) return;
    this.introRequested = true;
    void fetchReportIntro(this.config.apiBase, this.lang, undefined, this.config.report).then((intro) => {
      if (!intro) return;
      if (intro.maxBodyBytes) this.maxBodyBytes = intro.maxBodyBytes;
      const { reportTitle, publisher } = this.parts;
      // The header grows by a line or two: a log read to its end stays at its end.
      const atEnd = this.isNearEnd();
      reportTitle.textContent = intro.title;
      publisher.textContent = intro.publisher;
      this.welcome.setSuggestions(intro.suggestions);
      if (atEnd) this.scrollToEnd();
    });
  }

  /** A cited passage, from the report the answer cited it from (library-wide answers name it), else the widget's. */
  private lookupPassage(id: string): Promise<PassageDetail | null> {
    const report = this.citedFrom(id) ?? (this.config.report === '*' ? null : this.config.report);
    const key = `${report ?? ''}/${id}`;
    let found = this.passages.get(key);
    if (!found) {
      found = fetchPassage(this.config.apiBase, id, undefined, report);
      this.passages.set(key, found);
    }
    return found;
  }

  /** The report the latest answer citing passage `id` cited it from. */
  private citedFrom(id: string): string | undefined {
    for (const turn of [...this.conversation.turns].reverse()) {
      const c = turn.answer.citations.find((x) => x.id === id && x.report);
      if (c) return c.report;
    }
    return undefined;
  }

  private save(): void {
    this.store.save({ turns: [...this.conversation.turns], open: this.isOpen });
  }

  /** The log as the conversation stands: the welcome when empty, else every finished exchange. */
  private renderConversation(): void {
    const { log, clearButton } = this.parts;
    log.replaceChildren();
    const turns = this.conversation.turns;
    if (turns.length === 0) log.append(this.welcome.el);
    for (const turn of turns) this.renderTurn(turn);
    clearButton.hidden = turns.length === 0;
  }

  private renderTurn(turn: Turn): void {
    this.append(this.userMessage(turn.question));
    const view = this.answerView();
    view.finish(turn.answer);
    this.append(view.el);
  }

  private userMessage(question: string): HTMLElement {
    return h('div', { class: 'rc-msg rc-user' }, [h('span', { class: 'rc-who', text: `${this.s.you}: ` }), h('p', { text: question })]);
  }

  private answerView(): AnswerView {
    return new AnswerView(this.s, {
      cite: (citation, footnotes, lang, button) => this.showCitation(citation, footnotes, lang, button),
      ask: (q) => void this.ask(q),
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
    const { log, clearButton } = this.parts;
    this.welcome.el.remove();
    clearButton.hidden = false;
    log.append(node);
    this.scrollToEnd();
  }

  private scrollToEnd(): void {
    const log = this.parts.log;
    log.scrollTop = log.scrollHeight;
  }

  private async send(question: string, retrying = false): Promise<void> {
    const generation = this.generation;
    const asked = retrying ? this.lastQuestion() : this.userMessage(question);
    if (!retrying && asked) this.append(asked);
    const view = this.answerView();
    this.append(view.el);
    this.shownAt = null;
    this.showFrom(asked);
    this.setBusy(true);
    const abort = new AbortController();
    this.inFlight = abort;
    // Built now, from the conversation and the limit as they are: a Retry after a 413 sends less.
    const fitted = fitRequest(question, this.conversation.history(), this.maxBodyBytes);
    const request = this.config.report ? { ...fitted, report: this.config.report } : fitted;
    try {
      const answer = await sendChat(
        this.config.apiBase,
        request,
        {
          onMeta: (meta) => view.setMeta(meta),
          onDelta: (text) => {
            view.appendDelta(text);
            this.showFrom(asked);
          },
        },
        { signal: abort.signal },
      );
      if (generation !== this.generation) return;
      view.finish(answer);
      this.conversation.record(question, answer);
      this.save();
    } catch (err) {
      view.el.remove();
      if (generation !== this.generation) return;
      if (err instanceof ChatError && err.status === 413) this.maxBodyBytes = limitAfterRejection(err.message, bodyBytes(request), this.maxBodyBytes);
      // Retrying a 413 helps only if there was history to leave out.
      const canRetry = !(err instanceof ChatError && err.status === 413 && !request.history);
      this.showError(question, errorMessage(err, this.s, request.history !== undefined), canRetry);
    } finally {
      if (this.inFlight === abort) this.inFlight = null;
      this.setBusy(false);
      if (view.el.isConnected) this.showFrom(asked);
      else this.scrollToEnd();
    }
  }

  /**
   * A new answer is read from its start: the log shows the question and as much of the answer
   * below it as fits, and follows the answer as it grows only until it fills the view. A reader
   * who scrolls meanwhile is not pulled back.
   */
  private showFrom(question: HTMLElement | undefined): void {
    const log = this.parts.log;
    if (!question?.isConnected) return this.scrollToEnd();
    if (this.shownAt !== null && Math.abs(log.scrollTop - this.shownAt) > 2) return;
    const top = question.getBoundingClientRect().top - log.getBoundingClientRect().top + log.scrollTop - parseFloat(getComputedStyle(log).paddingTop || '0');
    log.scrollTop = Math.min(Math.max(0, top), log.scrollHeight - log.clientHeight);
    this.shownAt = log.scrollTop;
  }

  /** The latest question in the log (a retry answers it again). */
  private lastQuestion(): HTMLElement | undefined {
    const all = this.parts.log.querySelectorAll<HTMLElement>('.rc-user');
    return all[all.length - 1];
  }

  private isNearEnd(): boolean {
    const log = this.parts.log;
    return log.scrollHeight - log.scrollTop - log.clientHeight < 48;
  }

  private showError(question: string, message: string, canRetry: boolean): void {
    const box = h('div', { class: 'rc-msg rc-error', attrs: { role: 'alert', 'data-rag': 'error' } }, [h('p', { text: message })]);
    if (canRetry) {
      const retry = h('button', { text: this.s.retry, attrs: { type: 'button', 'data-rag': 'retry' } });
      retry.addEventListener('click', () => {
        if (this.busy) return;
        // The retry button disappears with its box; keep focus inside the panel.
        this.parts.panel.focus();
        box.remove();
        const generation = this.generation;
        this.queue = this.queue.then(() => (generation === this.generation ? this.send(question, true) : undefined));
      });
      box.append(retry);
    }
    this.append(box);
  }

  private showCitation(citation: Citation, footnotes: readonly FootnoteOut[], lang: Lang, button: HTMLButtonElement): void {
    if (this.passage.isOpen && button.getAttribute('aria-expanded') === 'true') this.passage.hide(true);
    else this.passage.show(citation, footnotes, lang, button);
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
