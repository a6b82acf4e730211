/**
 * The block an NLI report's first page opens with, before the first chapter:
 *
 *   2025-06-10                          publication date
 *   基礎研究レポート                     series
 *   スマホの次は半導体、インドの誘致策は   title, one or more lines
 *   実を結ぶか
 *   ～補助金競争のなかで問われる…～       subtitle
 *   経済研究部 主任研究員 山田 太郎       author(s)
 *   (03)5555-0123 t-yamada@example.jp   contact
 *
 * Lines are recognised by their shape, not their order, except that title lines come before
 * the subtitle and the byline.
 */
import type { ReportHeader } from '../types';
import { joinLines, sourceLine, type LatinSpacing, type SourceLine } from './parse-join';
import { asciiDigits, headingLevel, pageStart } from './parse-layout';

/**
 * The header as read: the fields of the report model's header (date as ISO `2025-06-10` when it
 * is printed as a date; subtitle without its wave dashes; several authors joined with `、`),
 * plus the contact line(s).
 */
export interface ParsedHeader extends ReportHeader {
  /** Phone and e-mail lines as printed, joined with ` ` when there are several. */
  contact?: string;
}

export interface HeaderRead {
  header: ParsedHeader;
  /** Index of the first raw line after the header. */
  end: number;
  /** The header's first line begins page 1 (it carries the page-start space). */
  startsPage: boolean;
}

type Role = 'date' | 'series' | 'subtitle' | 'author' | 'contact' | 'publisher' | 'other';

const datePattern = /^(\d{4})\s*[-－/.年]\s*(\d{1,2})\s*[-－/.月]\s*(\d{1,2})\s*日?$/;
const seriesPattern = /^(?:Weekly\s*)?[^\s。、]{0,16}(?:レポート|リポート|レター|の眼|フラッシュ|フォーカス|ストラテジー|ジャーナル|所報|コラム)$/;
const publisherPattern = /^(?:ニッセイ基礎研究所|NLI Research Institute)$/i;
const subtitlePattern = /^[～〜~－](.+)[～〜~－]$/;
const authorPattern = /^\S*(?:部|所|室|センター)[ \u3000]+\S*(?:研究員|エコノミスト|理事|部長|室長|フェロー|アナリスト|ストラテジスト|所長|研究主幹)/;
const phonePattern = /(?:\(0\d{1,4}\)|0\d{1,4}-)\s?\d{2,4}-\d{3,4}/;
const mailPattern = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
/** `■要旨`, `■目次`: the body has begun. */
const sectionMark = /^[■□◆●]/;
/** The header sits in the first lines of the text. */
const maxHeaderLines = 14;
const maxTitleLines = 4;

function roleOf(text: string): Role {
  const t = asciiDigits(text);
  if (datePattern.test(t)) return 'date';
  if (publisherPattern.test(t)) return 'publisher';
  if (subtitlePattern.test(t)) return 'subtitle';
  if (t.includes('。')) return 'other';
  if ((phonePattern.test(t) || mailPattern.test(t)) && t.length <= 80) return 'contact';
  if (authorPattern.test(t) && t.length <= 60) return 'author';
  if (seriesPattern.test(t)) return 'series';
  return 'other';
}

function isoDate(text: string): string {
  const m = datePattern.exec(asciiDigits(text));
  if (!m) return text;
  const [, y, mo, d] = m;
  return `${y}-${(mo ?? '').padStart(2, '0')}-${(d ?? '').padStart(2, '0')}`;
}

/** Roles of a line holding several short header items, e.g. `2025-06-10 研究員の眼`; else undefined. */
function rolesOfParts(text: string): { role: Role; text: string }[] | undefined {
  const parts = text.split(/[ \u3000]+/);
  if (parts.length < 2) return undefined;
  const roles = parts.map((part) => ({ role: roleOf(part), text: part }));
  return roles.every((r) => r.role === 'date' || r.role === 'series' || r.role === 'publisher') ? roles : undefined;
}

/**
 * Reads the header at the top of `raw`, or returns undefined when the text has none. Without a
 * date or an author line, a few title lines (no sentence in them) right before the first
 * chapter still make a header.
 */
export function readHeader(raw: readonly string[], spacing: LatinSpacing): HeaderRead | undefined {
  const header: ParsedHeader = {};
  const titles: { line: SourceLine; index: number }[] = [];
  const authors: string[] = [];
  const contacts: string[] = [];
  let first = -1;
  let end = -1;
  let chapterAt = -1;
  let bylineSeen = false;
  let examined = 0;
  const record = (role: Role, text: string) => {
    if (role === 'date') header.date ??= isoDate(text);
    else if (role === 'publisher') header.publisher ??= text;
    else if (role === 'series') header.series ??= text;
    else if (role === 'subtitle') header.subtitle ??= (subtitlePattern.exec(text)?.[1] ?? text).trim();
    else if (role === 'author') authors.push(text);
    else if (role === 'contact') contacts.push(text);
    if (role === 'subtitle' || role === 'author' || role === 'contact') bylineSeen = true;
  };
  for (let i = 0; i < raw.length && examined < maxHeaderLines; i++) {
    const text = (raw[i] ?? '').trim();
    if (text === '') continue;
    if (first < 0) first = i;
    examined++;
    if (headingLevel(text) !== 0) {
      chapterAt = i;
      break;
    }
    let role = roleOf(text);
    // A series name precedes the title; a later line of that shape is part of the title.
    if (role === 'series' && (header.series !== undefined || titles.length > 0)) role = 'other';
    const parts = role === 'other' ? rolesOfParts(text) : undefined;
    if (parts) for (const p of parts) record(p.role, p.text);
    else if (role !== 'other') record(role, text);
    else if (bylineSeen || titles.length >= maxTitleLines || text.includes('。') || sectionMark.test(text)) break;
    else {
      titles.push({ line: sourceLine(raw[i] ?? '', 1), index: i });
      continue;
    }
    end = i + 1;
  }
  if (header.date === undefined && authors.length === 0) {
    if (chapterAt < 0 || titles.length === 0) return undefined;
    end = chapterAt;
  }
  // Unrecognised lines after the last header line are the start of the body, not a title.
  const titleLines = titles.filter((t) => t.index < end).map((t) => t.line);
  if (titleLines.length > 0) header.title = joinLines(titleLines, spacing);
  if (authors.length > 0) header.author = authors.join('、');
  if (contacts.length > 0) header.contact = contacts.join(' ');
  return { header, end, startsPage: pageStart.test(raw[first] ?? '') };
}
