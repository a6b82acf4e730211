/**
 * A Markdown report → Report, the same structure the publisher's .txt becomes.
 *
 * `# title` names the report; `##` opens a chapter (section level 1) and `###` or deeper a
 * subsection (level 2). Paragraphs, block quotes and list items are paragraphs — one per list
 * item, because items are separate statements that often end without a full stop, and joined
 * they would read as one run-on sentence. Tables are figures holding their cells' text; code and
 * raw HTML are not prose and are left out. GFM footnotes (`[^1]`, `[^note]`) are numbered 1..N
 * in order of first reference, as a Markdown preview numbers them, then unreferenced
 * definitions in the order written; a reference is removed from the text and its offset kept.
 * Markdown has no pages: every page is 1. Parsed by micromark (mdast) with the GFM footnote
 * and table extensions.
 */
import type { BlockContent, DefinitionContent, FootnoteDefinition, Nodes, PhrasingContent, RootContent, Table } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmTable } from 'micromark-extension-gfm-table';
import { AppError } from '../errors';
import type { Block, BlockKind, Footnote, Section } from '../types';
import type { ReportProblem } from './diagnose';
import { appendInline, TextBuilder, type InlineOptions } from './markdown-text';
import type { ParsedReport } from './parse';
import { detectReportLang } from './report-lang';
import { extractUrls } from './urls';

type Flow = RootContent | BlockContent | DefinitionContent;

class MarkdownReader {
  title: string | undefined;
  readonly blocks: Block[] = [];
  readonly sections: Section[] = [];
  readonly problems: ReportProblem[] = [];
  private path: string[] = [];
  private readonly numbers = new Map<string, number>();
  private readonly undefinedLabels = new Set<string>();

  constructor(private readonly definitions: ReadonlyMap<string, FootnoteDefinition>) {}

  /** The footnote number of a defined identifier: the next free one at its first reference. */
  number = (identifier: string): number => {
    let n = this.numbers.get(identifier);
    if (n === undefined) this.numbers.set(identifier, (n = this.numbers.size + 1));
    return n;
  };

  private readonly inline: InlineOptions = { footnote: this.number, undefinedReference: (label) => this.undefinedLabels.add(label) };

  flow(nodes: readonly Flow[]): void {
    for (const node of nodes) {
      if (node.type === 'heading') this.heading(node.depth, node.children);
      else if (node.type === 'paragraph') this.block('paragraph', node.children);
      else if (node.type === 'blockquote' || node.type === 'listItem') this.flow(node.children);
      else if (node.type === 'list') this.flow(node.children);
      else if (node.type === 'table') this.table(node);
      // code, html, thematic breaks, link definitions: not prose. Footnote definitions: see footnotes().
    }
  }

  private text(children: readonly PhrasingContent[]): TextBuilder {
    const b = new TextBuilder();
    appendInline(b, children, this.inline);
    return b;
  }

  private heading(depth: number, children: readonly PhrasingContent[]): void {
    const b = this.text(children);
    const title = b.value;
    if (title === '') return;
    if (depth === 1 && this.title === undefined) {
      this.title = title;
      return;
    }
    const level: 1 | 2 = depth <= 2 ? 1 : 2;
    this.path = level === 1 ? [title] : [...this.path.slice(0, 1), title];
    this.sections.push({ title, level, page: 1 });
    this.push('heading', b);
  }

  private block(kind: BlockKind, children: readonly PhrasingContent[]): void {
    this.push(kind, this.text(children));
  }

  private table(node: Table): void {
    const b = new TextBuilder();
    node.children.forEach((row, r) => {
      if (r > 0) b.raw('\n');
      row.children.forEach((cell, c) => {
        if (c > 0) b.raw(' | ');
        appendInline(b, cell.children, this.inline);
      });
    });
    this.push('figure', b);
  }

  private push(kind: BlockKind, b: TextBuilder): void {
    if (b.value === '') return;
    const footnoteRefs = [...new Set(b.markers.map((m) => m.n))];
    this.blocks.push({ kind, text: b.value, page: 1, section: [...this.path], footnoteRefs, markers: b.markers });
  }

  /** Every definition as a footnote: referenced ones by first reference, then the rest as written. */
  footnotes(): Footnote[] {
    const quiet: InlineOptions = { footnote: () => 0, keepLinkUrls: true };
    const unreferenced: string[] = [];
    for (const id of this.definitions.keys()) if (!this.numbers.has(id)) unreferenced.push(id);
    for (const id of unreferenced) this.number(id);
    if (unreferenced.length > 0) {
      const labels = unreferenced.map((id) => `[^${this.definitions.get(id)!.label ?? id}]`).join(', ');
      this.problems.push({ code: 'unreferenced_footnotes', fatal: false, message: `footnote(s) ${labels} are defined but never referenced; they are kept as footnotes` });
    }
    if (this.undefinedLabels.size > 0) {
      const labels = [...this.undefinedLabels].map((l) => `[^${l}]`).join(', ');
      this.problems.push({ code: 'undefined_footnotes', fatal: false, message: `footnote reference(s) ${labels} have no definition ([^label]: text); they were removed from the text` });
    }
    return [...this.numbers].map(([id, n]) => {
      const b = new TextBuilder();
      for (const child of this.definitions.get(id)!.children) {
        if (child.type === 'paragraph') appendInline(b, child.children, quiet);
        b.text(' ');
      }
      return { n, text: b.value, urls: extractUrls(b.value), page: 1 };
    });
  }
}

function collectDefinitions(node: Nodes, into: Map<string, FootnoteDefinition>): void {
  if (node.type === 'footnoteDefinition') {
    if (!into.has(node.identifier)) into.set(node.identifier, node);
    return;
  }
  if ('children' in node) for (const child of node.children) collectDefinitions(child, into);
}

/**
 * Parses a Markdown report. Throws AppError `empty_input` for blank text and
 * `unreadable_report` when there is no `# title` or no paragraph; a reference without a
 * definition or a definition never referenced is a warning.
 */
export function parseMarkdownReport(text: string): ParsedReport {
  if (text.trim() === '') throw new AppError('empty_input', 'The report text is empty: there is nothing to parse.');
  const tree = fromMarkdown(text, { extensions: [gfmFootnote(), gfmTable()], mdastExtensions: [gfmFootnoteFromMarkdown(), gfmTableFromMarkdown()] });
  const definitions = new Map<string, FootnoteDefinition>();
  collectDefinitions(tree, definitions);
  const reader = new MarkdownReader(definitions);
  reader.flow(tree.children);
  const footnotes = reader.footnotes();
  if (reader.title === undefined) {
    throw new AppError('unreadable_report', 'The Markdown report has no title: it must have a `# title` heading (one # and a space) naming the report.');
  }
  const body = reader.blocks.filter((b) => b.kind === 'paragraph');
  if (body.length === 0) throw new AppError('unreadable_report', `The Markdown report "${reader.title}" has no paragraphs: write its text under the title.`);
  const report: ParsedReport = {
    title: reader.title,
    lang: detectReportLang(body.map((b) => b.text)),
    pages: 1,
    sections: reader.sections,
    blocks: reader.blocks,
    footnotes,
  };
  if (reader.problems.length > 0) report.warnings = reader.problems;
  return report;
}
