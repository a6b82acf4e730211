import { describe, expect, it } from 'vitest';
import { buildOpenApi } from './openapi';

describe('the OpenAPI description', () => {
  const doc = buildOpenApi('test') as unknown as { paths: Record<string, { post?: { responses: Record<string, { content: { 'application/json': { schema: { properties?: Record<string, { description?: string }> } } } }> } }> };
  const chat = doc.paths['/api/chat']!.post!.responses;

  it('says exactly what grounded promises', () => {
    const grounded = chat['200']!.content['application/json'].schema.properties!.grounded!;
    expect(grounded.description).toMatch(/every sentence of `answer` is backed by the passages it cites/);
    expect(grounded.description).toMatch(/removed from `answer`/);
  });

  it('lists the 503 a chat request gets past the bound of generated answers', () => {
    expect(chat['503']).toBeDefined();
  });
});
