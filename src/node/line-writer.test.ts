import { describe, expect, it } from 'vitest';
import { clientHasher } from './client-hash';
import { createLineWriter } from './line-writer';

describe('createLineWriter', () => {
  it('gathers lines into one write, in order, once enough have come or a little time has passed', async () => {
    const writes: string[] = [];
    const writer = createLineWriter({ out: (text) => writes.push(text), maxPending: 20, maxDelayMs: 20 });
    writer.write('{"a":1}');
    writer.write('{"a":2}');
    expect(writes).toEqual([]);
    writer.write('{"a":3}'); // 24 characters gathered: written at once
    expect(writes).toEqual(['{"a":1}\n{"a":2}\n{"a":3}\n']);
    writer.write('{"a":4}');
    await new Promise((r) => setTimeout(r, 60));
    expect(writes).toEqual(['{"a":1}\n{"a":2}\n{"a":3}\n', '{"a":4}\n']);
    writer.write('{"a":5}');
    writer.flush();
    expect(writes.at(-1)).toBe('{"a":5}\n');
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
