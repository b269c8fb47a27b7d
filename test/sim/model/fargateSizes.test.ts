import { describe, expect, it } from 'vitest';
import { FARGATE_SIZES, isFargateSize, needsPlatform140 } from '../../../src/sim/model/fargateSizes';

describe('Fargate task sizes', () => {
  it('pair each CPU size with the memory sizes Fargate allows', () => {
    expect(FARGATE_SIZES[256]).toEqual([512, 1024, 2048]);
    expect(FARGATE_SIZES[512]).toEqual([1024, 2048, 3072, 4096]);
    expect(FARGATE_SIZES[1024]).toEqual([2048, 3072, 4096, 5120, 6144, 7168, 8192]);
    expect([FARGATE_SIZES[2048]![0], FARGATE_SIZES[2048]!.at(-1), FARGATE_SIZES[2048]!.length]).toEqual([4096, 16384, 13]);
    expect([FARGATE_SIZES[4096]![0], FARGATE_SIZES[4096]!.at(-1), FARGATE_SIZES[4096]!.length]).toEqual([8192, 30720, 23]);
    expect([FARGATE_SIZES[8192]![0], FARGATE_SIZES[8192]!.at(-1), FARGATE_SIZES[8192]![1]]).toEqual([16384, 61440, 20480]);
    expect([FARGATE_SIZES[16384]![0], FARGATE_SIZES[16384]!.at(-1), FARGATE_SIZES[16384]![1]]).toEqual([32768, 122880, 40960]);
  });

  it('accept only those pairs, and for Windows only 1 to 4 vCPU', () => {
    expect(isFargateSize(256, 512)).toBe(true);
    expect(isFargateSize(256, 4096)).toBe(false);
    expect(isFargateSize(8192, 20480)).toBe(true);
    expect(isFargateSize(8192, 18432)).toBe(false);
    expect(isFargateSize(300, 512)).toBe(false);
    expect(isFargateSize(512, 1024, true)).toBe(false);
    expect(isFargateSize(1024, 2048, true)).toBe(true);
    expect(isFargateSize(4096, 8192, true)).toBe(true);
    expect(isFargateSize(8192, 16384, true)).toBe(false);
  });

  it('need platform version 1.4.0 from 8 vCPU', () => {
    expect([4096, 8192, 16384].map(needsPlatform140)).toEqual([false, true, true]);
  });
});
