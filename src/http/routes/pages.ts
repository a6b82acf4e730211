/** What a browser opens: the API description, its docs page, the widget bundle and the demo page. */
import { Hono } from 'hono';
import { renderDocsPage } from '../docs-page';
import { buildOpenApi } from '../openapi';
import { sendError } from '../respond';

export interface PageAssets {
  /** The report's title, shown in the docs. */
  title: string;
  /** The widget bundle served at /widget.js. */
  widgetJs?: string;
  /** The demo page served at /: fixed, or rendered for the report `?report=` picks (undefined: not found). */
  demoPage?: string | ((report: string | undefined) => Promise<string | undefined>);
}

export function pageRoutes(assets: PageAssets): Hono {
  const openapi = buildOpenApi(assets.title);
  const docs = renderDocsPage(openapi);
  const app = new Hono().get('/openapi.json', (c) => c.json(openapi)).get('/docs', (c) => c.html(docs));
  const { widgetJs, demoPage } = assets;
  if (widgetJs !== undefined) {
    const headers = { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=300', 'Access-Control-Allow-Origin': '*' };
    app.get('/widget.js', (c) => c.body(widgetJs, 200, headers));
  }
  if (typeof demoPage === 'string') app.get('/', (c) => c.html(demoPage));
  else if (demoPage) {
    app.get('/', async (c) => {
      const page = await demoPage(c.req.query('report'));
      return page === undefined ? sendError(c, 'unknown_report', 'no such report in this library; the demo page at / lists them') : c.html(page);
    });
  }
  return app;
}
