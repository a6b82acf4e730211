/**
 * The demo page served at `/`: the report's title, what the chat does (in Japanese and
 * English), suggested questions, and the embed snippet — with the widget embedded exactly
 * as a third party would embed it. The page carries no inline script and no inline event
 * handlers, so it runs under `script-src 'self'`; suggestion buttons work through the
 * widget's `data-rag-ask` hook. In a library of several reports the page lists them, and a
 * visitor picks one (or the whole library) by link (`/?report=<id>`, `/?report=*`): the page is
 * rendered for that pick, the widget scoped to it with `data-report`. Web APIs only.
 */
import { ALL_REPORTS, isReportId, type ReportLibrary } from '../core/reports';
import { libraryInfo } from './present';

export interface DemoPageOptions {
  title: string;
  publisher?: string;
  suggestions: { ja: string[]; en: string[] };
  /** Where the page loads the widget from; relative by default, like a same-site embed. */
  scriptSrc?: string;
  /** The widget's data-api; empty means "the origin the script came from". */
  apiBase?: string;
  /** Public origin shown in the copy-paste snippet (e.g. "https://chat.example.org"). */
  origin?: string;
  /** The report the widget is scoped to (`data-report`); `*` for the whole library. */
  report?: string;
  /** The library's reports, listed for the visitor to pick from (shown when there are several). */
  reports?: { id: string; title: string; published?: string }[];
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

const isAbsolute = (url: string) => /^https?:\/\//i.test(url);

/** The tag a third party pastes: absolute URLs, so it works from any site. */
export function embedSnippet(options: Pick<DemoPageOptions, 'scriptSrc' | 'apiBase' | 'origin' | 'report'>): string {
  const origin = (options.origin ?? 'https://HOST').replace(/\/+$/, '');
  const src = options.scriptSrc ?? '/widget.js';
  const api = options.apiBase ?? '';
  const absoluteSrc = isAbsolute(src) ? src : `${origin}/${src.replace(/^\/+/, '')}`;
  const absoluteApi = isAbsolute(api) ? api : `${origin}${api ? `/${api.replace(/^\/+/, '')}` : ''}`;
  const report = options.report ? ` data-report="${options.report}"` : '';
  return `<script src="${absoluteSrc}" data-api="${absoluteApi}"${report} defer></script>`;
}

function suggestionList(questions: string[], lang: 'ja' | 'en'): string {
  const items = questions.map((q) => `<li><button type="button" class="ask" data-rag-ask="${escapeHtml(q)}">${escapeHtml(q)}</button></li>`);
  return `<ul class="asks" lang="${lang}">${items.join('')}</ul>`;
}

const pageCss = `
:root{color-scheme:light dark;--accent:#1f5fbf;--fg:#1b1f24;--muted:#5b6470;--line:#d9dee5;--bg:#fbfcfd;--card:#fff}
@media (prefers-color-scheme:dark){:root{--fg:#e8ebef;--muted:#a4adb8;--line:#3a414b;--bg:#15181d;--card:#1d2127}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.7 system-ui,-apple-system,"Segoe UI","Hiragino Sans","Noto Sans JP","Yu Gothic UI",Meiryo,sans-serif}
main{max-width:860px;margin:0 auto;padding:40px max(20px,env(safe-area-inset-right)) 120px max(20px,env(safe-area-inset-left))}
.kicker{margin:0;color:var(--accent);font-weight:600;font-size:14px;letter-spacing:.04em}
h1{margin:4px 0 4px;font-size:clamp(22px,4vw,32px);line-height:1.35}
.publisher{margin:0 0 24px;color:var(--muted)}
h2{font-size:19px;margin:36px 0 12px}
h2 span{color:var(--muted);font-weight:400;font-size:15px;margin-left:8px}
h3{font-size:15px;margin:0 0 8px;color:var(--muted)}
.about p{margin:0 0 10px}
.cols{display:grid;grid-template-columns:repeat(auto-fit,minmax(280px,1fr));gap:20px}
.asks{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:8px}
.ask{width:100%;text-align:left;font:inherit;font-size:15px;color:inherit;background:var(--card);border:1px solid var(--line);border-radius:10px;padding:10px 14px;cursor:pointer}
.ask:hover{border-color:var(--accent)}
.ask:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.note{color:var(--muted);font-size:14px}
pre{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:14px;overflow-x:auto;font-size:13px;line-height:1.5}
dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;font-size:14px}
dt{font-family:ui-monospace,monospace}
dd{margin:0;color:var(--muted)}
.library{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:8px}
.library a{display:inline-block;padding:6px 12px;border:1px solid var(--line);border-radius:999px;background:var(--card);text-decoration:none;font-size:14px}
.library a[aria-current="page"]{border-color:var(--accent);font-weight:600}
footer{margin-top:40px;color:var(--muted);font-size:14px}
a{color:var(--accent)}
`;

export function renderDemoPage(options: DemoPageOptions): string {
  const title = escapeHtml(options.title);
  const scriptSrc = escapeHtml(options.scriptSrc ?? '/widget.js');
  const apiBase = escapeHtml(options.apiBase ?? '');
  const publisher = options.publisher ? `<p class="publisher">${escapeHtml(options.publisher)}</p>` : '';
  const report = options.report ? ` data-report="${escapeHtml(options.report)}"` : '';
  return `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<title>${title} — レポートに質問 / Ask the report</title>
<meta name="description" content="レポート「${title}」について日本語・英語で質問し、出典付きの回答を得られます。 Ask this report questions in Japanese or English and get answers with cited passages.">
<style>${pageCss}</style>
</head>
<body>
<main>
<header>
<p class="kicker">レポートに質問 <span lang="en">· Ask the report</span></p>
<h1>${title}</h1>
${publisher}
</header>
${libraryNav(options)}
<section class="about" aria-label="概要 / About">
<p>このページでは、レポート「${title}」の内容について日本語または英語で質問できます。回答には根拠となる本文の箇所と、脚注に挙げられた出典へのリンクが付きます。レポートに書かれていないことには、書かれていないと答えます。</p>
<p lang="en">Ask this report questions in Japanese or English. Every answer cites the passages it comes from and links to the sources named in the footnotes; when the report does not say, the answer says so.</p>
</section>
<section aria-labelledby="examples">
<h2 id="examples">質問の例 <span lang="en">Example questions</span></h2>
<div class="cols">
<div><h3>日本語</h3>${suggestionList(options.suggestions.ja, 'ja')}</div>
<div><h3 lang="en">English</h3>${suggestionList(options.suggestions.en, 'en')}</div>
</div>
<p class="note">画面右下のボタンからも質問できます。<span lang="en">You can also open the chat with the button at the bottom right.</span></p>
</section>
<section aria-labelledby="embed">
<h2 id="embed">サイトへの埋め込み <span lang="en">Embed it on your site</span></h2>
<p>次の1行をページに貼り付けてください。<span lang="en">Paste this one line into your page:</span></p>
<pre><code>${escapeHtml(embedSnippet(options))}</code></pre>
<dl>
<dt>data-api</dt><dd>API のURL（省略時はスクリプトの配信元） / API URL (defaults to the script's origin)</dd>
<dt>data-report</dt><dd>レポートのID（<a href="/api/reports">/api/reports</a>）、* でライブラリ全体 / the report's id, or * for the whole library</dd>
<dt>data-lang</dt><dd>ja | en | auto</dd>
<dt>data-title</dt><dd>パネルの見出し / panel title</dd>
<dt>data-accent</dt><dd>アクセント色（CSSの色） / accent colour (any CSS colour)</dd>
<dt>data-position</dt><dd>bottom-right | bottom-left</dd>
<dt>data-rag-ask</dt><dd>任意の要素に付けると、クリックでその質問を送ります / on any element: clicking it asks that question</dd>
</dl>
</section>
<footer><a href="/docs">API</a> · <a href="/openapi.json">OpenAPI</a></footer>
</main>
<script src="${scriptSrc}" data-api="${apiBase}"${report} defer></script>
</body>
</html>
`;
}

/** The library's reports as links, the current pick marked; nothing for a library of one. */
function libraryNav(options: DemoPageOptions): string {
  const reports = options.reports ?? [];
  if (reports.length < 2) return '';
  const link = (id: string, label: string) => `<li><a href="/?report=${encodeURIComponent(id)}"${options.report === id ? ' aria-current="page"' : ''}>${escapeHtml(label)}</a></li>`;
  const items = [link(ALL_REPORTS, `ライブラリ全体 / Whole library (${reports.length})`), ...reports.map((r) => link(r.id, r.published ? `${r.title}（${r.published}）` : r.title))];
  return `<nav aria-labelledby="library"><h2 id="library">レポートを選ぶ <span lang="en">Pick a report</span></h2><ul class="library">${items.join('')}</ul></nav>`;
}

/** The demo page of a library, rendered for the report `?report=` picks (default: the default report, else the whole library); undefined for an unknown id. */
export function libraryDemoPage(library: ReportLibrary): (requested: string | undefined) => Promise<string | undefined> {
  return async (requested) => {
    const entries = await library.entries();
    const wanted = requested?.trim() || (await library.defaultId()) || ALL_REPORTS;
    const reports = entries.map((e) => ({ id: e.id, title: e.title, ...(e.published ? { published: e.published } : {}) }));
    if (wanted === ALL_REPORTS) {
      const info = libraryInfo(entries);
      return renderDemoPage({ title: info.title, publisher: info.publisher, suggestions: info.suggestions, report: ALL_REPORTS, reports });
    }
    const entry = isReportId(wanted) ? entries.find((e) => e.id === wanted) : undefined;
    if (!entry) return undefined;
    const { metadata } = entry;
    return renderDemoPage({ title: metadata.title, publisher: metadata.publisher, suggestions: metadata.suggestions, ...(entries.length > 1 ? { report: entry.id } : {}), reports });
  };
}
