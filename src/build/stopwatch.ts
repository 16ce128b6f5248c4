/** Milliseconds per stage (`lap`) and in all (`total`), to a tenth. */
export function stopwatch() {
  const start = performance.now();
  let last = start;
  const timings: Record<string, number> = {};
  const ms = (a: number, b: number) => Math.round((b - a) * 10) / 10;
  return {
    timings,
    lap(stage: string) {
      const now = performance.now();
      timings[stage] = ms(last, now);
      last = now;
    },
    total() {
      timings.total = ms(start, performance.now());
    },
  };
}

export type Stopwatch = ReturnType<typeof stopwatch>;
