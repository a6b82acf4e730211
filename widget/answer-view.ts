/**
 * One assistant answer as it streams in: the text with `[n]` markers made into citation
 * buttons, a neutral notice when the report does not answer, the list of sources and
 * any suggested follow-ups. Built with DOM calls only.
 */
import type { ChatMeta, ChatResponse, Citation, FootnoteOut } from './api-types';
import { h } from './dom';
import type { Strings } from './i18n';
import { splitMarkers } from './markers';

export interface AnswerActions {
  cite(citation: Citation, footnotes: readonly FootnoteOut[], button: HTMLButtonElement): void;
  ask(question: string): void;
}

/** A trailing "[" or "[12" may still become a marker when the next delta arrives. */
const OPEN_MARKER_AT_END = /\[\d{0,3}$/;

export class AnswerView {
  readonly el: HTMLDivElement;
  private readonly body: HTMLParagraphElement;
  private readonly thinking: HTMLSpanElement;
  private meta: ChatMeta = { lang: 'ja', status: 'answered', grounded: true, citations: [], footnotes: [] };
  private text = '';
  /** How much of `text` is already in the DOM. */
  private rendered = 0;

  constructor(
    private readonly s: Strings,
    private readonly actions: AnswerActions,
  ) {
    this.thinking = h('span', { class: 'rc-thinking', text: s.thinking });
    this.body = h('p', {}, [this.thinking]);
    this.el = h('div', { class: 'rc-msg rc-answer', attrs: { 'data-rag': 'answer', 'aria-busy': 'true' } }, [
      h('span', { class: 'rc-who', text: `${s.assistant}: ` }),
      this.body,
    ]);
  }

  setMeta(meta: ChatMeta): void {
    this.meta = meta;
    this.el.lang = meta.lang;
    this.showNotice(meta.grounded);
  }

  appendDelta(delta: string): void {
    this.text += delta;
    const open = OPEN_MARKER_AT_END.exec(this.text);
    this.renderUpTo(open ? open.index : this.text.length);
  }

  finish(answer: ChatResponse): void {
    const sameRefs = answer.citations.map((c) => c.ref).join() === this.meta.citations.map((c) => c.ref).join();
    this.setMeta(answer);
    if (answer.answer !== this.text || !sameRefs) {
      // The final text is authoritative; redraw if the stream and it disagree.
      this.text = answer.answer;
      this.rendered = 0;
      this.body.replaceChildren();
    }
    this.renderUpTo(this.text.length);
    this.thinking.remove();
    this.renderProvenance(answer);
    this.renderSources(answer);
    this.renderSuggestions(answer.suggestions ?? []);
    this.el.setAttribute('aria-busy', 'false');
  }

  private showNotice(grounded: boolean): void {
    const existing = this.el.querySelector('.rc-notice');
    if (grounded) existing?.remove();
    else if (!existing) this.body.before(h('div', { class: 'rc-notice', text: this.s.notInReport }));
  }

  private renderUpTo(end: number): void {
    if (end <= this.rendered) return;
    if (this.thinking.isConnected && end > 0) this.thinking.remove();
    const refs = new Set(this.meta.citations.map((c) => c.ref));
    for (const seg of splitMarkers(this.text.slice(this.rendered, end), refs)) {
      if (seg.kind === 'text') this.body.append(seg.text);
      else this.body.append(this.citationButton(seg.ref, `[${seg.ref}]`, 'rc-cite', 'citation'));
    }
    this.rendered = end;
  }

  private citationButton(ref: number, label: string, cls: string, hook: string): HTMLButtonElement {
    const button = h('button', {
      class: cls,
      text: label,
      attrs: { type: 'button', 'data-rag': hook, 'data-ref': String(ref), 'aria-label': this.s.sourceButton(ref), 'aria-expanded': 'false', 'aria-controls': 'rc-passage' },
    });
    button.addEventListener('click', () => {
      const citation = this.meta.citations.find((c) => c.ref === ref);
      if (citation) this.actions.cite(citation, this.meta.footnotes, button);
    });
    return button;
  }

  /** A generated answer says so, with the server's checks (e.g. a number no source holds). */
  private renderProvenance(answer: ChatResponse): void {
    const notes = [...(answer.generator && answer.generator !== 'extractive' ? [this.s.generated] : []), ...(answer.warnings ?? [])];
    for (const note of notes) this.el.append(h('div', { class: 'rc-note', text: note, attrs: { 'data-rag': 'note' } }));
  }

  private renderSources(answer: ChatResponse): void {
    if (answer.citations.length === 0) return;
    const list = h('ul');
    for (const c of answer.citations) {
      const where = [c.section, c.page > 0 ? this.s.page(c.page) : ''].filter(Boolean).join(' · ');
      const button = this.citationButton(c.ref, `[${c.ref}] ${where}`, 'rc-source', 'source');
      // The visible text names the section; keep it, rather than the short aria-label.
      button.removeAttribute('aria-label');
      list.append(h('li', {}, [button]));
    }
    this.el.append(h('div', { class: 'rc-sources' }, [h('span', { text: this.s.sources }), list]));
  }

  private renderSuggestions(suggestions: readonly string[]): void {
    if (suggestions.length === 0) return;
    const list = h('ul');
    for (const q of suggestions.slice(0, 3)) {
      const chip = h('button', { class: 'rc-chip', text: q, attrs: { type: 'button' } });
      chip.addEventListener('click', () => this.actions.ask(q));
      list.append(h('li', {}, [chip]));
    }
    this.el.append(h('div', { class: 'rc-suggest' }, [h('span', { text: this.s.suggestionsLabel }), list]));
  }
}
