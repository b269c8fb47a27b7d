/** Valid Fargate task sizes (ecs-spec §3.2): CPU units → allowed memory in MiB. */
const range = (from: number, to: number, step: number) => {
  const out: number[] = [];
  for (let m = from; m <= to; m += step) out.push(m);
  return out;
};

export const FARGATE_SIZES: Record<number, number[]> = {
  256: [512, 1024, 2048],
  512: [1024, 2048, 3072, 4096],
  1024: range(2048, 8192, 1024),
  2048: range(4096, 16384, 1024),
  4096: range(8192, 30720, 1024),
  8192: range(16384, 61440, 4096),
  16384: range(32768, 122880, 8192),
};

/** True when cpu/memory is a valid Fargate size for the OS family (Windows needs ≥1 vCPU, ≤4 vCPU). */
export function isFargateSize(cpu: number, memory: number, windows = false): boolean {
  if (windows && (cpu < 1024 || cpu > 4096)) return false;
  return FARGATE_SIZES[cpu]?.includes(memory) ?? false;
}

/** 8 and 16 vCPU sizes need Linux platform version 1.4.0 or later. */
export function needsPlatform140(cpu: number): boolean {
  return cpu >= 8192;
}
