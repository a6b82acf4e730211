/** The cited-passage view: the passage text, its section and page, and its footnotes as links. */
import type { Citation, FootnoteOut } from './api-types';
import { h } from './dom';
import type { Strings } from './i18n';
import { linkifyFootnote } from './urls';

export class PassageView {
  readonly el: HTMLElement;
  private readonly heading: HTMLHeadingElement;
  private readonly meta: HTMLParagraphElement;
  private readonly quote: HTMLQuoteElement;
  private readonly notes: HTMLOListElement;
  private readonly body: HTMLDivElement;
  private opener: HTMLElement | null = null;

  constructor(private readonly s: Strings) {
    this.heading = h('h3', { attrs: { id: 'rc-passage-title' } });
    const close = h('button', { class: 'rc-icon-btn', text: '×', attrs: { type: 'button', 'aria-label': s.closePassage, title: s.closePassage } });
    close.addEventListener('click', () => this.hide(true));
    this.meta = h('p', { class: 'rc-meta' });
    this.quote = h('blockquote', { class: 'rc-quote' });
    this.notes = h('ol', { class: 'rc-footnotes' });
    this.body = h('div', { class: 'rc-passage-body' }, [this.quote, this.notes]);
    // Heading and section/page stay in view while a long passage scrolls.
    this.el = h('section', { class: 'rc-passage', attrs: { id: 'rc-passage', 'data-rag': 'passage', 'aria-labelledby': 'rc-passage-title', tabindex: '-1' } }, [
      h('div', { class: 'rc-passage-head' }, [this.heading, close]),
      this.meta,
      this.body,
    ]);
    this.el.hidden = true;
  }

  get isOpen(): boolean {
    return !this.el.hidden;
  }

  /** Show one citation; `footnotes` are the answer's footnotes, filtered here to the cited ones. */
  show(citation: Citation, footnotes: readonly FootnoteOut[], opener: HTMLElement): void {
    this.setOpener(opener);
    this.heading.textContent = this.s.passageHeading(citation.ref);
    const where = [citation.section ? `${this.s.section}: ${citation.section}` : '', citation.page > 0 ? this.s.page(citation.page) : ''];
    this.meta.textContent = where.filter(Boolean).join(' · ');
    this.quote.textContent = citation.text;
    this.notes.replaceChildren();
    for (const n of citation.footnotes) {
      const note = footnotes.find((f) => f.n === n);
      if (!note) continue;
      const li = h('li', { text: `${this.s.footnote(n)}: ` });
      // A footnote cited as a passage of its own is already shown above: add only its links.
      const text = sameText(note.text, citation.text) ? '' : note.text;
      for (const seg of linkifyFootnote(text, note.urls)) {
        if (seg.kind === 'text') li.append(seg.text);
        else li.append(h('a', { text: seg.text, attrs: { href: seg.href, target: '_blank', rel: 'noopener noreferrer', 'data-rag': 'footnote-link' } }));
      }
      this.notes.append(li);
    }
    this.notes.hidden = this.notes.childElementCount === 0;
    this.el.hidden = false;
    this.body.scrollTop = 0;
    // The view takes room from the log; keep the citation that opened it in sight.
    opener.scrollIntoView({ block: 'nearest' });
    this.el.focus({ preventScroll: true });
  }

  /** Close; with `restoreFocus`, focus goes back to the citation that opened the view. */
  hide(restoreFocus: boolean): void {
    if (this.el.hidden) return;
    this.el.hidden = true;
    const opener = this.opener;
    this.setOpener(null);
    if (restoreFocus && opener?.isConnected) opener.focus();
  }

  private setOpener(opener: HTMLElement | null): void {
    this.opener?.setAttribute('aria-expanded', 'false');
    this.opener = opener;
    opener?.setAttribute('aria-expanded', 'true');
  }
}

const sameText = (a: string, b: string) => a.replace(/\s+/g, '') === b.replace(/\s+/g, '');
