/** What a browser opens: the API description, its docs page, the widget bundle and the demo page. */
import { Hono } from 'hono';
import { renderDocsPage } from '../docs-page';
import { buildOpenApi } from '../openapi';

export interface PageAssets {
  /** The report's title, shown in the docs. */
  title: string;
  /** The widget bundle served at /widget.js. */
  widgetJs?: string;
  /** The demo page served at /. */
  demoPage?: string;
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
  if (demoPage !== undefined) app.get('/', (c) => c.html(demoPage));
  return app;
}
