/** The OpenAPI 3.1 description, generated from the same zod schemas that validate requests. */
import { z } from 'zod';
import * as s from './schemas';

const json = (schema: z.ZodType) => ({ 'application/json': { schema: z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) } });
const errors = {
  '400': { description: 'Invalid request', content: json(s.errorOut) },
  '429': { description: 'Too many requests (see Retry-After)', content: json(s.errorOut) },
};

export function buildOpenApi(title: string) {
  return {
    openapi: '3.1.0',
    info: { title: `report-chat: ${title}`, version: '1.0.0', description: 'Ask the report in Japanese or English; answers cite its passages and footnotes.' },
    paths: {
      '/health': { get: { summary: 'Service status and index counts', responses: { '200': { description: 'OK', content: json(s.healthOut) } } } },
      '/api/search': {
        get: {
          summary: 'Passages that match a query (hybrid lexical + dense retrieval)',
          parameters: [
            { name: 'q', in: 'query', required: true, schema: { type: 'string', minLength: 1, maxLength: s.MAX_QUESTION_CHARS } },
            { name: 'k', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 20, default: 5 } },
          ],
          responses: { '200': { description: 'Ranked passages', content: json(s.searchOut) }, ...errors },
        },
      },
      '/api/chat': {
        post: {
          summary: 'A cited answer to a question; streams server-sent events with Accept: text/event-stream',
          requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(s.chatIn, { io: 'input' }) } } },
          responses: {
            '200': { description: 'Answer (JSON, or SSE events meta, delta…, done)', content: json(s.chatOut) },
            ...errors,
            '503': { description: 'overloaded: the server is writing as many generated answers as it may at once (LLM_MAX_CONCURRENT); see Retry-After', content: json(s.errorOut) },
          },
        },
      },
      '/api/footnotes': { get: { summary: 'All footnotes with their source URLs', responses: { '200': { description: 'OK', content: json(s.footnotesOut) } } } },
      '/api/footnotes/{n}': {
        get: {
          summary: 'One footnote',
          parameters: [{ name: 'n', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }],
          responses: { '200': { description: 'OK', content: json(s.footnoteOut) }, '404': { description: 'No such footnote', content: json(s.errorOut) } },
        },
      },
      '/api/passages/{id}': {
        get: {
          summary: 'One passage with its neighbours',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^[a-z0-9-]+$' } }],
          responses: { '200': { description: 'OK', content: json(s.passageOut) }, '404': { description: 'No such passage', content: json(s.errorOut) } },
        },
      },
    },
  };
}

export type OpenApiDoc = ReturnType<typeof buildOpenApi>;
