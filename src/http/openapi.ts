/** The OpenAPI 3.1 description, generated from the same zod schemas that validate requests. */
import { z } from 'zod';
import * as s from './schemas';

const json = (schema: z.ZodType) => ({ 'application/json': { schema: z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) } });
const errors = {
  '400': { description: 'Invalid request; report_required when the library holds several reports, has no default and none is named', content: json(s.errorOut) },
  '404': { description: 'unknown_report: no report of the library has that id', content: json(s.errorOut) },
  '429': { description: 'Too many requests (see Retry-After)', content: json(s.errorOut) },
};
const reportErrors = { '400': errors['400'], '404': errors['404'] };

/** `report`: which report of the library a request asks; `*` (search only) the whole library. */
const reportParameter = (all: boolean) => ({
  name: 'report',
  in: 'query',
  required: false,
  description: all
    ? 'A report id (GET /api/reports), or * to search the whole library (results name their report). Omitted: the default report.'
    : 'A report id (GET /api/reports). Omitted: the default report.',
  schema: { type: 'string', maxLength: 256 },
});

export function buildOpenApi(title: string) {
  return {
    openapi: '3.1.0',
    info: { title: `report-chat: ${title}`, version: '1.0.0', description: 'Ask a report of the library, or the whole library, in Japanese or English; answers cite their passages (and, across the library, their report) and footnotes.' },
    paths: {
      '/health': { get: { summary: 'Service status, index counts, the number of reports and the editions of each', responses: { '200': { description: 'OK', content: json(s.healthOut) } } } },
      '/api/reports': { get: { summary: 'The reports of the library: ids, titles, editions and counts', responses: { '200': { description: 'OK', content: json(s.reportsOut) } } } },
      '/api/report': {
        get: {
          summary: "A report's title, publisher and starter questions (report=* introduces the whole library)",
          parameters: [reportParameter(true)],
          responses: { '200': { description: 'OK', content: json(s.reportOut) }, ...reportErrors },
        },
      },
      '/api/search': {
        get: {
          summary: 'Passages that match a query (hybrid lexical + dense retrieval)',
          parameters: [
            { name: 'q', in: 'query', required: true, schema: { type: 'string', minLength: 1, maxLength: s.MAX_QUESTION_CHARS } },
            { name: 'k', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 20, default: 5 } },
            reportParameter(true),
          ],
          responses: { '200': { description: 'Ranked passages', content: json(s.searchOut) }, ...errors },
        },
      },
      '/api/chat': {
        post: {
          summary: 'A cited answer to a question (`report` in the body: a report id, or * to ask the whole library); streams server-sent events with Accept: text/event-stream',
          requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(s.chatIn, { io: 'input' }) } } },
          responses: {
            '200': { description: 'Answer (JSON, or SSE events meta, delta…, done)', content: json(s.chatOut) },
            ...errors,
            '503': { description: 'overloaded: the server is writing as many generated answers as it may at once (LLM_MAX_CONCURRENT); see Retry-After', content: json(s.errorOut) },
          },
        },
      },
      '/api/footnotes': { get: { summary: 'All footnotes with their source URLs', parameters: [reportParameter(false)], responses: { '200': { description: 'OK', content: json(s.footnotesOut) }, ...reportErrors } } },
      '/api/footnotes/{n}': {
        get: {
          summary: 'One footnote',
          parameters: [{ name: 'n', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }, reportParameter(false)],
          responses: { '200': { description: 'OK', content: json(s.footnoteOut) }, '400': errors['400'], '404': { description: 'No such footnote (not_found) or report (unknown_report)', content: json(s.errorOut) } },
        },
      },
      '/api/passages/{id}': {
        get: {
          summary: 'One passage with its neighbours',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^[a-z0-9-]+$' } }, reportParameter(false)],
          responses: { '200': { description: 'OK', content: json(s.passageOut) }, '400': errors['400'], '404': { description: 'No such passage (not_found) or report (unknown_report)', content: json(s.errorOut) } },
        },
      },
    },
  };
}

export type OpenApiDoc = ReturnType<typeof buildOpenApi>;
