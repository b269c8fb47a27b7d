import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/content/scenario';
import { runScenario } from '../../src/content/runner';

describe('cost meter in the report', () => {
  it('shares EC2 cost over services by reserved CPU and reports the unused rest', () => {
    const file = resolve(import.meta.dirname, '../scenarios/more/cost-meter.yaml');
    const { cost } = runScenario(parseScenario(readFileSync(file, 'utf8'), file));
    const ec2 = cost.byCapacityType.EC2!;
    expect(ec2).toBeCloseTo(0.096, 4);
    // web reserves 1024 of the m5.large's 2048 CPU units from its placement on, all hour.
    expect(cost.byService.web! / ec2).toBeCloseTo(0.5, 9);
    expect(cost.unusedEc2USD + cost.byService.web!).toBeCloseTo(ec2, 9);
    expect(cost.byService.api).toBeCloseTo(cost.byCapacityType.FARGATE!, 9);
    expect(cost.byService.batch).toBeCloseTo(cost.byCapacityType.FARGATE_SPOT!, 9);
    expect(cost.totalUSD).toBeCloseTo(ec2 + cost.byCapacityType.FARGATE! + cost.byCapacityType.FARGATE_SPOT!, 9);
  });
});
