import { describe, expect, it } from 'vitest';
import { GenerationSlots, OverloadedError } from './generation-slots';

describe('GenerationSlots', () => {
  it('hands out up to max slots, refuses the next with 503 overloaded and a wait, and frees a slot once per release', () => {
    const slots = new GenerationSlots(2);
    const a = slots.acquire();
    slots.acquire();
    let refused: unknown;
    try {
      slots.acquire();
    } catch (err) {
      refused = err;
    }
    expect(refused).toBeInstanceOf(OverloadedError);
    expect(refused).toMatchObject({ code: 'overloaded', status: 503, retryAfterSeconds: 2 });
    a();
    a();
    expect(slots.inUse).toBe(1);
    expect(() => slots.acquire()).not.toThrow();
    expect(() => slots.acquire()).toThrow(OverloadedError);
  });

  it('needs at least one slot', () => {
    expect(() => new GenerationSlots(0)).toThrow();
  });
});
