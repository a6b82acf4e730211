/** A readable API reference rendered on the server from the OpenAPI document (no scripts). */
import type { OpenApiDoc } from './openapi';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

export function renderDocsPage(doc: OpenApiDoc): string {
  const sections = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods as Record<string, { summary: string; parameters?: { name: string; in: string; required: boolean }[]; responses: Record<string, unknown> }>).map(
      ([method, op]) => {
        const params = (op.parameters ?? [])
          .map((p) => `<li><code>${escapeHtml(p.name)}</code> (${escapeHtml(p.in)}${p.required ? ', required' : ''})</li>`)
          .join('');
        const schemas = `<pre>${escapeHtml(JSON.stringify(op, null, 2))}</pre>`;
        return `<section><h2><span class="m">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h2><p>${escapeHtml(op.summary)}</p>${params ? `<ul>${params}</ul>` : ''}<details><summary>Schema</summary>${schemas}</details></section>`;
      },
    ),
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(doc.info.title)} — API</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1f2328}section{border-top:1px solid #ddd;padding:.5rem 0}.m{background:#0b57d0;color:#fff;border-radius:4px;padding:0 .4rem;font-size:.8em}pre{background:#f6f8fa;padding:.75rem;overflow:auto;font-size:12px}</style></head>
<body><h1>${escapeHtml(doc.info.title)}</h1><p>${escapeHtml(doc.info.description)}</p><p>Machine-readable: <a href="/openapi.json">/openapi.json</a>. Errors are always <code>{"error":{"code","message"}}</code>.</p>${sections.join('\n')}</body></html>`;
}
