/**
 * One assistant answer as it streams in: a typing indicator until the first sentence, then
 * whole sentences in short paragraphs with `[n]` markers as citation buttons and URLs as
 * links; the status notice, the sources (one row per passage) and suggested follow-ups.
 * Its labels are in the answer's language, whatever the panel's. Built with DOM calls only.
 */
import { displayText } from '../src/core/answer/display';
import type { ChatMeta, ChatResponse, Citation, FootnoteOut, Lang } from './api-types';
import { h } from './dom';
import { stringsFor, type Strings } from './i18n';
import { splitMarkers } from './markers';
import { appendLinkedText, scriptLang } from './rich-text';
import { SentenceStream, splitSentences } from './sentences';
import { sourceLabel } from './source-label';

export interface AnswerActions {
  cite(citation: Citation, footnotes: readonly FootnoteOut[], lang: Lang, button: HTMLButtonElement): void;
  ask(question: string): void;
}

/** A paragraph this long closes after its sentence, so long answers read as short blocks. */
const PARAGRAPH_CHARS = 120;

export class AnswerView {
  readonly el: HTMLDivElement;
  private readonly who: HTMLSpanElement;
  private readonly body: HTMLDivElement;
  private readonly typing: HTMLSpanElement;
  private meta: ChatMeta = { lang: 'ja', status: 'answered', grounded: true, citations: [], footnotes: [] };
  private s: Strings;
  private stream = new SentenceStream();
  /** The text already shown, to compare with the final answer. */
  private shown = '';
  private paragraph: HTMLParagraphElement | null = null;

  constructor(
    panelStrings: Strings,
    private readonly actions: AnswerActions,
  ) {
    this.s = panelStrings;
    this.typing = h('span', { class: 'rc-typing' }, [
      h('span', { class: 'rc-dot', attrs: { 'aria-hidden': 'true' } }),
      h('span', { class: 'rc-dot', attrs: { 'aria-hidden': 'true' } }),
      h('span', { class: 'rc-dot', attrs: { 'aria-hidden': 'true' } }),
      h('span', { class: 'rc-sr', text: panelStrings.thinking }),
    ]);
    this.who = h('span', { class: 'rc-who', text: `${panelStrings.assistant}: ` });
    this.body = h('div', { class: 'rc-body' }, [this.typing]);
    this.el = h('div', { class: 'rc-msg rc-answer', attrs: { 'data-rag': 'answer', 'aria-busy': 'true' } }, [this.who, this.body]);
  }

  setMeta(meta: ChatMeta): void {
    this.meta = meta;
    this.s = stringsFor(meta.lang);
    this.el.lang = meta.lang;
    this.who.textContent = `${this.s.assistant}: `;
    this.showNotice();
  }

  appendDelta(delta: string): void {
    for (const sentence of this.stream.push(delta)) this.showSentence(sentence);
  }

  finish(answer: ChatResponse): void {
    const sameRefs = answer.citations.map((c) => c.ref).join() === this.meta.citations.map((c) => c.ref).join();
    this.setMeta(answer);
    const rest = this.stream.flush();
    if (this.shown + rest.join('') === answer.answer && sameRefs) rest.forEach((s) => this.showSentence(s));
    else {
      // The final text is authoritative; redraw if the stream and it disagree.
      this.body.replaceChildren();
      this.paragraph = null;
      this.shown = '';
      splitSentences(answer.answer).forEach((s) => this.showSentence(s));
    }
    this.typing.remove();
    if (!answer.answer.trim() && answer.status !== 'answered') this.body.append(h('p', { text: this.s.notInReportBody }));
    this.renderProvenance(answer);
    this.renderSources(answer);
    this.renderSuggestions(answer.suggestions ?? []);
    this.el.setAttribute('aria-busy', 'false');
  }

  private showNotice(): void {
    this.el.querySelector('.rc-notice')?.remove();
    const label = this.meta.status === 'not_in_report' ? this.s.notInReport : this.meta.status === 'not_stated' ? this.s.notStated : '';
    if (label) this.body.before(h('div', { class: 'rc-notice', text: label }));
  }

  private showSentence(sentence: string): void {
    this.typing.remove();
    this.shown += sentence;
    const text = sentence.replace(/\n+$/, '');
    if (text) {
      this.paragraph ??= this.body.appendChild(h('p'));
      const span = h('span', { class: 'rc-s' });
      const lang = scriptLang(text);
      if (lang && lang !== this.meta.lang) span.lang = lang;
      this.fillSentence(span, text);
      this.paragraph.append(span);
    }
    // A blank line from a model, or a paragraph long enough, ends the paragraph.
    if (/\n\s*\n\s*$/.test(sentence) || (this.paragraph?.textContent?.length ?? 0) >= PARAGRAPH_CHARS) this.paragraph = null;
  }

  private fillSentence(span: HTMLSpanElement, text: string): void {
    const refs = new Set(this.meta.citations.map((c) => c.ref));
    const segments = splitMarkers(text, refs);
    let glue: HTMLSpanElement | null = null;
    segments.forEach((seg, i) => {
      if (seg.kind === 'ref') {
        glue ??= span.appendChild(h('span', { class: 'rc-nobr' }));
        glue.append(this.citationButton(seg.ref, [h('span', { text: `[${seg.ref}]` })], 'rc-cite', 'citation', this.s.sourceButton(seg.ref)));
        return;
      }
      glue = null;
      // The character before a marker goes on its line with it, so "[1]" never starts a line.
      const before = segments[i + 1]?.kind === 'ref' ? Array.from(seg.text).at(-1) ?? '' : '';
      appendLinkedText(span, seg.text.slice(0, seg.text.length - before.length));
      if (before && !/\s/.test(before)) glue = span.appendChild(h('span', { class: 'rc-nobr', text: before }));
    });
  }

  private citationButton(ref: number, content: Node[], cls: string, hook: string, label?: string): HTMLButtonElement {
    const button = h('button', { class: cls, attrs: { type: 'button', 'data-rag': hook, 'data-ref': String(ref), 'aria-expanded': 'false', 'aria-controls': 'rc-passage' } }, content);
    if (label) button.setAttribute('aria-label', label);
    button.addEventListener('click', () => {
      const citation = this.meta.citations.find((c) => c.ref === ref);
      if (citation) this.actions.cite(citation, this.meta.footnotes, this.meta.lang, button);
    });
    return button;
  }

  /** A generated answer says so, with the server's checks (e.g. a number no source holds). */
  private renderProvenance(answer: ChatResponse): void {
    const notes = [...(answer.generator && answer.generator !== 'extractive' ? [this.s.generated] : []), ...(answer.warnings ?? [])];
    for (const note of notes) this.el.append(h('div', { class: 'rc-note', text: note, attrs: { 'data-rag': 'note' } }));
    // English quotes come from a rendering made for this service: say so, not as the publisher's words.
    if (answer.lang === 'en' && answer.citations.some((c) => c.translation)) this.el.append(h('div', { class: 'rc-note rc-rendering-note', text: this.s.answerRendering }));
  }

  /** One row per cited passage: "[1] §3-2 · p.4" and the start of what it says. */
  private renderSources(answer: ChatResponse): void {
    const rows = new Map<string, Citation[]>();
    for (const c of answer.citations) rows.set(c.id || `ref-${c.ref}`, [...(rows.get(c.id || `ref-${c.ref}`) ?? []), c]);
    if (rows.size === 0) return;
    const list = h('ul');
    for (const cited of rows.values()) {
      const first = cited[0]!;
      const excerpt = (answer.lang === 'en' && first.translation) || displayText(first.quote || first.text);
      const excerptSpan = h('span', { class: 'rc-source-text', text: excerpt });
      const lang = scriptLang(excerpt);
      if (lang && lang !== answer.lang) excerptSpan.lang = lang;
      const button = this.citationButton(first.ref, [
        h('span', { class: 'rc-source-ref', text: cited.map((c) => `[${c.ref}]`).join('') }),
        h('span', { class: 'rc-source-where', text: sourceLabel(first, this.s) }),
        excerptSpan,
      ], 'rc-source', 'source');
      list.append(h('li', {}, [button]));
    }
    this.el.append(h('div', { class: 'rc-sources' }, [h('span', { class: 'rc-sources-title', text: this.s.sources }), list]));
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
