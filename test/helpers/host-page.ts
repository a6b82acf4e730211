/**
 * A third-party site that embeds the widget: its own pages (Japanese at `/`, English at `/en/`)
 * and stylesheet on a loopback origin of its own, under a Content-Security-Policy that trusts
 * only the API's origin for scripts and requests.
 */
import { createServer, type Server } from 'node:http';

export interface HostSite {
  url: string;
  enUrl: string;
  close(): Promise<void>;
}

const pages = {
  ja: {
    site: 'アジア経済ウォッチ',
    heading: 'DeepSeekショックは中国経済に何をもたらすか',
    body: [
      '中国発の生成AI「DeepSeek-R1」は、低コストで高い性能を示したとして世界に衝撃を与えました。本ページでは、このテーマを分析したレポートについて、右下のチャットから直接質問できます。',
      '回答には根拠となる本文の箇所が [1] のような番号で示され、番号を押すと該当箇所と脚注の出典を確認できます。',
    ],
    top: 'ページの先頭へ',
  },
  en: {
    site: 'Asia Economy Watch',
    heading: 'What does the DeepSeek shock mean for China?',
    body: [
      'The Chinese generative AI model DeepSeek-R1 shook the world by matching leading models at a fraction of the cost. Ask the Japanese report behind this page questions in the chat at the bottom right.',
      'Every answer cites the passages it comes from; open a citation to read the passage and the sources its footnotes name.',
    ],
    top: 'Back to top',
  },
};

export function hostPage(api: string, lang: 'ja' | 'en'): string {
  const p = pages[lang];
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover"><title>${p.site}</title><link rel="stylesheet" href="/site.css"></head>
<body>
<header><p>${p.site}</p></header>
<main>
<h1>${p.heading}</h1>
${p.body.map((t) => `<p>${t}</p>`).join('\n')}
<p><a href="#top">${p.top}</a></p>
</main>
<script src="${api}/widget.js" data-api="${api}" defer></script>
</body></html>`;
}

const hostCss = `body{margin:0;font:16px/1.8 system-ui,"Noto Sans CJK JP",sans-serif;color:#222;background:#f6f4ef}
header{background:#2b2b2b;color:#fff;padding:14px 32px;font-weight:700}
main{max-width:520px;padding:24px 32px}h1{font-size:26px;line-height:1.4}a{color:#8a4b08}`;

export function serveHostSite(api: string): Promise<HostSite> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://host.invalid');
    // `?api=` embeds the widget from another loopback API (a test's stand-in server).
    const other = url.searchParams.get('api') ?? '';
    const from = /^http:\/\/127\.0\.0\.1:\d{1,5}$/.test(other) ? other : api;
    const csp = `default-src 'none'; script-src ${from}; connect-src ${from}; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'`;
    const css = url.pathname === '/site.css';
    res.writeHead(200, { 'Content-Type': css ? 'text/css' : 'text/html; charset=utf-8', 'Content-Security-Policy': csp });
    res.end(css ? hostCss : hostPage(from, url.pathname.startsWith('/en/') ? 'en' : 'ja'));
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
      ok({
        url,
        enUrl: `${url}en/`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    }),
  );
}
