import { performance } from 'node:perf_hooks';

/** One figure: `name value unit`, the value to four significant digits. */
export const line = (name: string, value: number, unit: string) => console.log(`${name} ${Number(value.toPrecision(4))} ${unit}`);

/** The fastest of `runs` runs of f, and its result. */
export function best<T>(runs: number, f: () => T): { ms: number; result: T } {
  let ms = Infinity;
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = f();
    ms = Math.min(ms, performance.now() - t0);
  }
  return { ms, result };
}
