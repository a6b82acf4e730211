/**
 * The cited-passage view, like a citation popover: it opens at the cited sentence, highlighted,
 * with the rest of the passage folded away (or dimmed when unfolded), and the footnotes' source
 * links right under its heading, visible without scrolling. For an English answer it shows the
 * English rendering, labelled as such, with a control that reveals the Japanese original.
 */
import { displayText } from '../src/core/answer/display';
import type { Citation, FootnoteOut, Lang } from './api-types';
import { h } from './dom';
import { stringsFor, type Strings } from './i18n';
import type { PassageDetail } from './lookups';
import { markQuote } from './quote-match';
import { appendLinkedText, appendSegments, externalLink, scriptLang } from './rich-text';
import { sourceLabel } from './source-label';
import { linkifyFootnote, safeLinkHref } from './urls';

/** Looks a passage up for its English rendering; null when it has none or the lookup fails. */
export type PassageLookup = (id: string) => Promise<PassageDetail | null>;

interface Shown {
  citation: Citation;
  footnotes: readonly FootnoteOut[];
  lang: Lang;
  detail: PassageDetail | null;
  /** English renderings of the cited footnotes, by number, as the server has them. */
  notes: Map<number, string>;
}

export class PassageView {
  readonly el: HTMLElement;
  private readonly heading: HTMLHeadingElement;
  private readonly closeButton: HTMLButtonElement;
  private readonly section: HTMLParagraphElement;
  private readonly links: HTMLDivElement;
  private readonly body: HTMLDivElement;
  private opener: HTMLElement | null = null;
  private shown: Shown | null = null;
  private expanded = false;
  private originalOpen = false;

  constructor(private readonly lookup: PassageLookup) {
    this.heading = h('h3', { attrs: { id: 'rc-passage-title' } });
    this.closeButton = h('button', { class: 'rc-icon-btn', text: '×', attrs: { type: 'button' } });
    this.closeButton.addEventListener('click', () => this.hide(true));
    this.section = h('p', { class: 'rc-meta' });
    this.links = h('div', { class: 'rc-links' });
    this.body = h('div', { class: 'rc-passage-body' });
    this.el = h('section', { class: 'rc-passage', attrs: { id: 'rc-passage', 'data-rag': 'passage', 'aria-labelledby': 'rc-passage-title', tabindex: '-1' } }, [
      h('div', { class: 'rc-passage-head' }, [this.heading, this.closeButton]),
      this.section,
      this.links,
      this.body,
    ]);
    this.el.hidden = true;
  }

  get isOpen(): boolean {
    return !this.el.hidden;
  }

  /** Show one citation of an answer in `lang`; `footnotes` are the answer's, filtered here to the cited ones. */
  show(citation: Citation, footnotes: readonly FootnoteOut[], lang: Lang, opener: HTMLElement): void {
    this.setOpener(opener);
    this.shown = { citation, footnotes, lang, detail: null, notes: new Map() };
    this.expanded = false;
    this.originalOpen = false;
    this.render();
    this.el.hidden = false;
    // The view takes room from the log; keep the citation that opened it in sight.
    opener.scrollIntoView({ block: 'nearest' });
    this.el.focus({ preventScroll: true });
    if (lang === 'en' && citation.id) {
      const shown = this.shown;
      void this.lookup(citation.id).then((detail) => {
        if (detail && this.shown === shown) {
          shown.detail = detail;
          this.render();
        }
      });
      // A footnote is a passage of its own on the server, with its own English rendering.
      for (const n of citation.footnotes) {
        if (`fn-${n}` === citation.id) continue;
        void this.lookup(`fn-${n}`).then((note) => {
          if (note?.translation && this.shown === shown) {
            shown.notes.set(n, note.translation);
            this.render();
          }
        });
      }
    }
  }

  /** Close; with `restoreFocus`, focus goes back to the citation that opened the view. */
  hide(restoreFocus: boolean): void {
    if (this.el.hidden) return;
    this.el.hidden = true;
    this.shown = null;
    const opener = this.opener;
    this.setOpener(null);
    if (restoreFocus && opener?.isConnected) opener.focus();
  }

  private setOpener(opener: HTMLElement | null): void {
    this.opener?.setAttribute('aria-expanded', 'false');
    this.opener = opener;
    opener?.setAttribute('aria-expanded', 'true');
  }

  private render(): void {
    if (!this.shown) return;
    const { citation, footnotes, lang, detail, notes: englishNotes } = this.shown;
    const s = stringsFor(lang);
    this.el.lang = lang;
    this.heading.textContent = `${s.passageHeading(citation.ref)} · ${sourceLabel(citation, s)}`;
    this.closeButton.setAttribute('aria-label', s.closePassage);
    this.closeButton.title = s.closePassage;
    this.renderSection(citation, lang, detail);
    const cited = citation.footnotes.flatMap((n) => footnotes.filter((f) => f.n === n));
    this.renderLinks(cited, s);

    const rendering = lang === 'en' ? englishRendering(citation, detail) : null;
    // A footnote cited as a passage of its own is already shown above: its links suffice.
    const notes = cited.filter((f) => !sameText(f.text, citation.text));
    const notesInEnglish = lang === 'en' && notes.some((f) => englishNotes.has(f.n));
    const parts: Node[] = [];
    const toggle = () => {
      const button = h('button', { class: 'rc-text-btn', text: this.originalOpen ? s.hideOriginal : s.showOriginal, attrs: { type: 'button', 'data-rag': 'original', 'aria-expanded': String(this.originalOpen), 'aria-controls': rendering ? 'rc-original' : 'rc-footnotes' } });
      button.addEventListener('click', () => this.toggleOriginal());
      return button;
    };
    if (lang === 'en' && rendering) {
      parts.push(h('div', { class: 'rc-rendering' }, [h('span', { class: 'rc-rendering-label', text: s.rendering }), h('span', { class: 'rc-rendering-note', text: s.renderingNote }), toggle()]));
      parts.push(this.excerpt(rendering.text, rendering.quote, 'en'));
      const original = h('div', { class: 'rc-original', attrs: { id: 'rc-original', lang: 'ja' } }, [h('p', { class: 'rc-original-label', text: s.originalLabel, attrs: { lang } }), this.excerpt(citation.text, citation.quote, 'ja')]);
      original.hidden = !this.originalOpen;
      parts.push(original);
    } else {
      if (lang === 'en') parts.push(h('p', { class: 'rc-rendering-note', text: s.noRendering }));
      parts.push(this.excerpt(citation.text, citation.quote, 'ja'));
      if (notesInEnglish) parts.push(toggle());
    }
    if (this.hasContext(citation, rendering)) {
      const more = h('button', { class: 'rc-text-btn rc-context-btn', text: this.expanded ? s.hideContext : s.showContext, attrs: { type: 'button', 'aria-expanded': String(this.expanded) } });
      more.addEventListener('click', () => {
        this.expanded = !this.expanded;
        this.render();
        this.body.querySelector<HTMLButtonElement>('.rc-context-btn')?.focus();
      });
      parts.push(more);
    }
    if (notes.length) parts.push(this.footnoteList(notes, s, lang === 'en' ? englishNotes : new Map()));
    this.body.replaceChildren(...parts);
    this.scrollToQuote();
  }

  /** Section name in the view's language when the server has it in that language. */
  private renderSection(citation: Citation, lang: Lang, detail: PassageDetail | null): void {
    const candidates = [citation.section, detail?.section ?? ''].filter(Boolean);
    const name = candidates.find((c) => scriptLang(c) === lang) ?? candidates[0] ?? '';
    this.section.textContent = name;
    const nameLang = scriptLang(name);
    if (nameLang && nameLang !== lang) this.section.lang = nameLang;
    else this.section.removeAttribute('lang');
    this.section.hidden = !name;
  }

  /** The sources named by the cited footnotes, as short links under the heading. */
  private renderLinks(cited: readonly FootnoteOut[], s: Strings): void {
    this.links.replaceChildren();
    for (const note of cited) {
      const hrefs = [...new Set(note.urls.map(safeLinkHref).filter((u): u is string => u !== null))];
      if (hrefs.length === 0) continue;
      const row = h('p', { class: 'rc-link-row' }, [h('span', { class: 'rc-link-label', text: s.footnote(note.n) })]);
      for (const href of hrefs) {
        const link = externalLink(href, '', 'footnote-link');
        link.className = 'rc-source-link';
        link.title = href;
        link.append(h('span', { text: new URL(href).hostname.replace(/^www\./, '') }), h('span', { class: 'rc-sr', text: s.newTab }));
        row.append(link);
      }
      this.links.append(row);
    }
    this.links.hidden = this.links.childElementCount === 0;
  }

  /** The passage with its quoted sentences marked; the rest folded to "…" until unfolded. */
  private excerpt(raw: string, quote: string, lang: Lang): HTMLParagraphElement {
    // The report's text as answers show it (2024年3月, not the PDF's 2024年 3月); the quote is found whatever its spacing.
    const text = lang === 'ja' ? displayText(raw) : raw;
    const p = h('p', { class: 'rc-excerpt', attrs: { lang } });
    const segments = markQuote(text, quote) ?? [{ text, quoted: false }];
    const anyQuoted = segments.some((x) => x.quoted);
    segments.forEach((seg, i) => {
      if (seg.quoted) {
        const mark = h('mark', { class: 'rc-mark', attrs: { 'data-rag': 'quote' } });
        appendLinkedText(mark, seg.text);
        p.append(mark);
        return;
      }
      const outer = i === 0 || i === segments.length - 1;
      if (anyQuoted && outer && !this.expanded) {
        p.append(h('span', { class: 'rc-dim', text: '…', attrs: { 'aria-hidden': 'true' } }));
        return;
      }
      const span = h('span', { class: anyQuoted ? 'rc-dim' : '' });
      appendLinkedText(span, seg.text);
      p.append(span);
    });
    return p;
  }

  private hasContext(citation: Citation, rendering: { text: string; quote: string } | null): boolean {
    const folded = (text: string, quote: string) => {
      const segs = markQuote(text, quote);
      return !!segs && segs.some((x) => x.quoted) && (!segs[0]!.quoted || !segs.at(-1)!.quoted);
    };
    return rendering ? folded(rendering.text, rendering.quote) || (this.originalOpen && folded(citation.text, citation.quote)) : folded(citation.text, citation.quote);
  }

  /**
   * The cited footnotes: in English from the edition in an English view, the Japanese original
   * beside each while the original is shown, as for the passage itself.
   */
  private footnoteList(notes: readonly FootnoteOut[], s: Strings, english: ReadonlyMap<number, string>): HTMLOListElement {
    const list = h('ol', { class: 'rc-footnotes', attrs: { id: 'rc-footnotes', lang: this.shown?.lang ?? 'ja' } });
    for (const note of notes) {
      const li = h('li', {}, [h('span', { text: `${s.footnote(note.n)}: ` })]);
      const rendered = english.get(note.n);
      const text = h('span', { attrs: { lang: rendered ? 'en' : 'ja' } });
      appendSegments(text, linkifyFootnote(rendered ?? displayText(note.text), note.urls));
      li.append(text);
      if (rendered && this.originalOpen) {
        const original = h('span', { class: 'rc-footnote-original', attrs: { lang: 'ja', 'data-rag': 'footnote-original' } });
        appendSegments(original, linkifyFootnote(displayText(note.text), note.urls));
        li.append(original);
      }
      list.append(li);
    }
    return list;
  }

  private toggleOriginal(): void {
    this.originalOpen = !this.originalOpen;
    this.render();
    this.body.querySelector<HTMLButtonElement>('[data-rag="original"]')?.focus();
  }

  /** Open at the cited sentence: scroll the passage body, not the page. */
  private scrollToQuote(): void {
    const mark = this.body.querySelector<HTMLElement>('.rc-mark');
    // Labels above a quote near the top stay in view; a quote further down is brought up.
    this.body.scrollTop = mark && mark.offsetTop > this.body.clientHeight / 3 ? mark.offsetTop - 8 : 0;
  }
}

/** The English rendering to show: the whole passage's when known, else just the cited sentences'. */
function englishRendering(citation: Citation, detail: PassageDetail | null): { text: string; quote: string } | null {
  const quote = citation.translation ?? '';
  if (detail?.translation) return { text: detail.translation, quote };
  return quote ? { text: quote, quote } : null;
}

const sameText = (a: string, b: string) => a.replace(/\s+/g, '') === b.replace(/\s+/g, '');
