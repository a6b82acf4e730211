import { describe, expect, it } from 'vitest';
import { clientHasher } from './client-hash';
import { createLineWriter } from './line-writer';

describe('createLineWriter', () => {
  it('gathers the lines of one turn of the event loop into one write, in order', async () => {
    const writes: string[] = [];
    const writer = createLineWriter((text) => writes.push(text));
    writer.write('{"a":1}');
    writer.write('{"a":2}');
    expect(writes).toEqual([]);
    await new Promise((r) => setImmediate(r));
    writer.write('{"a":3}');
    writer.flush();
    expect(writes).toEqual(['{"a":1}\n{"a":2}\n', '{"a":3}\n']);
  });
});

describe('clientHasher', () => {
  it('gives one short hash per key, the same each time, that does not show the key', () => {
    const hash = clientHasher(new Uint8Array(32).fill(7), 2);
    const a = hash('203.0.113.9');
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(hash('203.0.113.9')).toBe(a);
    expect(hash('203.0.113.10')).not.toBe(a);
    hash('x');
    hash('y'); // past the remembered keys: forgotten and computed again, identically
    expect(hash('203.0.113.9')).toBe(a);
    expect(clientHasher(new Uint8Array(32).fill(8))('203.0.113.9')).not.toBe(a);
  });
});
