/**
 * Complexity guards that hold on a busy machine: instead of a wall-clock bound, how much longer
 * work takes when its input grows. Each size runs several times and keeps its fastest run, so a
 * pause of the machine (another process, a collection) inflates neither side of the ratio.
 */

/** Fastest of `runs` timings of `work`, in ms. */
export async function fastest(work: () => unknown, runs = 5): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

/**
 * How many times longer `work(size × factor)` takes than `work(size)`. Linear work gives about
 * `factor`; quadratic work about `factor²`. The small size runs first, which also warms the code.
 */
export async function growth(work: (size: number) => unknown, size: number, factor = 4, runs = 5): Promise<number> {
  const small = await fastest(() => work(size), runs);
  const large = await fastest(() => work(size * factor), runs);
  return large / Math.max(small, 0.05);
}

/**
 * At most this many times the time for 4× the input. Linear code measures 4–6.5× here (larger
 * strings cost a little more per character to build and collect); quadratic code 16×.
 */
export const LINEAR_AT_4X = 10;
