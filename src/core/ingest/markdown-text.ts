/**
 * Running text from Markdown's inline nodes: emphasis and links reduced to their words, images
 * dropped, footnote references removed with the offset where each stood (as the .txt parser
 * records its markers). A soft line break joins Japanese without a space and Latin text with one.
 */
import type { PhrasingContent } from 'mdast';
import type { Marker } from './parse-markers';

const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303F\uFF00-\uFFEF]/u;
/** What may follow a removed reference with no space before it (`claim [^1].` → `claim.`). */
const CLOSING = /[.,;:!?)\]。、，．：；！？）」』〕]/u;

/** Builds one block's text: whitespace collapsed as it comes, markers at their offsets. */
export class TextBuilder {
  private out = '';
  private pending: '' | ' ' | '\n' = '';
  private spaceBeforeMarker = false;
  readonly markers: Marker[] = [];

  text(value: string): void {
    for (const ch of value) {
      if (/\s/.test(ch)) {
        if (this.pending !== ' ') this.pending = ch === '\n' ? '\n' : ' ';
        continue;
      }
      this.out += this.separator(ch) + ch;
      this.pending = '';
      this.spaceBeforeMarker = false;
    }
  }

  /** A footnote reference: it leaves no text, only where it stood. */
  marker(n: number): void {
    if (this.pending) this.spaceBeforeMarker = true;
    this.pending = '';
    this.markers.push({ n, at: this.out.length });
  }

  private separator(next: string): string {
    if (this.out === '') return '';
    const pending = this.pending || (this.spaceBeforeMarker && !CLOSING.test(next) ? ' ' : '');
    if (pending === '\n') return WIDE.test(this.out.at(-1) ?? '') || WIDE.test(next) ? '' : ' ';
    return pending;
  }

  /** A separator written as is (between table cells and rows). */
  raw(separator: string): void {
    if (this.out !== '') this.out += separator;
    this.pending = '';
    this.spaceBeforeMarker = false;
  }

  get value(): string {
    return this.out;
  }
}

export interface InlineOptions {
  /** The footnote number a reference's identifier stands for. */
  footnote: (identifier: string) => number;
  /** Keep a link's address after its words (footnote definitions, where the link is the source). */
  keepLinkUrls?: boolean;
  /** A `[^label]` left as text because no definition has that label; it is dropped from the text. */
  undefinedReference?: (label: string) => void;
}

/** What the GFM footnote extension leaves as text when `[^label]` has no definition. */
const UNDEFINED_REFERENCE = /\[\^([^\]\s]+)\]/g;

function appendText(b: TextBuilder, value: string, options: InlineOptions): void {
  let from = 0;
  for (const m of value.matchAll(UNDEFINED_REFERENCE)) {
    b.text(value.slice(from, m.index));
    options.undefinedReference?.(m[1]!);
    from = m.index + m[0].length;
  }
  b.text(value.slice(from));
}

/** Appends inline nodes to `b`. */
export function appendInline(b: TextBuilder, nodes: readonly PhrasingContent[], options: InlineOptions): void {
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        appendText(b, node.value, options);
        break;
      case 'inlineCode':
        b.text(node.value);
        break;
      case 'break':
        b.text('\n');
        break;
      case 'footnoteReference':
        b.marker(options.footnote(node.identifier));
        break;
      case 'link': {
        const before = b.value.length;
        appendInline(b, node.children, options);
        if (options.keepLinkUrls && !b.value.slice(before).includes(node.url)) b.text(` ${node.url}`);
        break;
      }
      case 'emphasis':
      case 'strong':
      case 'delete':
      case 'linkReference':
        appendInline(b, node.children, options);
        break;
      default:
        // image, imageReference (alt text is not the report's prose), html
        break;
    }
  }
}
