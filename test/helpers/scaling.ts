/**
 * Complexity guards that hold on a busy machine: instead of a wall-clock bound, how much longer
 * work takes when its input grows. Time is this process's CPU time, which other processes on the
 * machine do not inflate; each size runs several times and keeps its fastest run, so a pause
 * (a collection, a page fault) inflates neither side of the ratio.
 */

/** CPU time this process has used, in ms. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** Fastest of `runs` timings of synchronous `work`, in ms of CPU time. */
export function fastest(work: () => unknown, runs = 5): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const started = cpuMs();
    work();
    best = Math.min(best, cpuMs() - started);
  }
  return best;
}

/**
 * How many times longer `work(size × factor)` takes than `work(size)`. Linear work gives about
 * `factor`; quadratic work about `factor²`. The small size runs first, which also warms the code.
 */
export function growth(work: (size: number) => unknown, size: number, factor = 4, runs = 5): number {
  const small = fastest(() => work(size), runs);
  const large = fastest(() => work(size * factor), runs);
  return large / Math.max(small, 0.05);
}

/**
 * At most this many times the time for 4× the input. Linear code measures 4–6.5× here (larger
 * strings cost a little more per character to build and collect); quadratic code 16×.
 */
export const LINEAR_AT_4X = 10;
