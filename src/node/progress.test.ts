import { describe, expect, it } from 'vitest';
import { createProgress, formatAmount, modelProgressDisplay, renderProgressLine } from './progress';

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, write: (text: string) => writes.push(text) } };
}

function fakeClock(start = 1_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('renderProgressLine', () => {
  it('draws a bar with percentage, counts and elapsed time', () => {
    expect(renderProgressLine('embedding', 50, 200, false, 1500)).toBe(
      'embedding [######------------------]  25% 50/200 (1.5s)',
    );
  });

  it('shows a plain count when the total is unknown', () => {
    expect(renderProgressLine('loading', 7, undefined, false, 0)).toBe('loading: 7 (0.0s)');
  });

  it('clamps overshoot to a full bar', () => {
    expect(renderProgressLine('x', 12, 10, false, 0)).toContain(`[${'#'.repeat(24)}] 100%`);
  });
});

describe('formatAmount', () => {
  it('formats bytes in human units and counts as is', () => {
    expect(formatAmount(512, true)).toBe('512 B');
    expect(formatAmount(2048, true)).toBe('2 KB');
    expect(formatAmount(118 * 1024 * 1024, true)).toBe('118.0 MB');
    expect(formatAmount(118 * 1024 * 1024, false)).toBe(String(118 * 1024 * 1024));
  });
});

describe('createProgress', () => {
  it('prints occasional plain lines when not on a terminal', () => {
    const { writes, stream } = fakeStream(false);
    const clock = fakeClock();
    const progress = createProgress('embedding', 100, { stream, now: clock.now, lineIntervalMs: 5_000 });
    progress.update(10);
    clock.advance(1_000);
    progress.update(20); // too soon: skipped
    clock.advance(5_000);
    progress.update(60);
    progress.done();
    expect(writes).toHaveLength(3);
    expect(writes.every((w) => w.endsWith('\n') && !w.includes('\r'))).toBe(true);
    expect(writes[0]).toContain(' 10/100 ');
    expect(writes[1]).toContain(' 60/100 ');
    expect(writes[2]).toContain('100% 100/100');
  });

  it('redraws one line on a terminal and ends it on done', () => {
    const { writes, stream } = fakeStream(true);
    const clock = fakeClock();
    const progress = createProgress('downloading', undefined, { stream, now: clock.now, bytes: true });
    progress.update(1024, 4096);
    clock.advance(200);
    progress.update(4096);
    progress.done();
    expect(writes).toHaveLength(3);
    expect(writes.every((w) => w.startsWith('\r'))).toBe(true);
    expect(writes[0]).toContain('1 KB/4 KB');
    expect(writes[1]!.endsWith('\n')).toBe(false);
    expect(writes[2]!.endsWith('\n')).toBe(true);
  });

  it('ignores updates after done and finishes only once', () => {
    const { writes, stream } = fakeStream(false);
    const progress = createProgress('x', 3, { stream });
    progress.done();
    progress.update(1);
    progress.done();
    expect(writes).toHaveLength(1);
  });
});

describe('modelProgressDisplay', () => {
  it('shows aggregate model bytes and finishes when the pipeline is ready', () => {
    const { writes, stream } = fakeStream(false);
    const show = modelProgressDisplay('model Xenova/multilingual-e5-small', { stream });
    show({ status: 'initiate', name: 'm', file: 'config.json' });
    expect(writes).toEqual([]);
    const mb = 1024 * 1024;
    show({ status: 'progress_total', name: 'm', progress: 50, loaded: 59 * mb, total: 118 * mb, files: {} });
    show({ status: 'ready', task: 'feature-extraction', model: 'm' });
    expect(writes).toHaveLength(2);
    expect(writes[0]).toContain('59.0 MB/118.0 MB');
    expect(writes[1]).toContain('100% 118.0 MB/118.0 MB');
  });
});
