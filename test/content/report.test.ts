import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/content/scenario';
import { runScenario } from '../../src/content/runner';
import { FULL_RESOLUTION_MS, sampledPoints, writeReport } from '../../src/content/report';

const busy = readFileSync(resolve(import.meta.dirname, '../../docs/examples/busy-cluster.yaml'), 'utf8');

describe('the report', () => {
  it('is written in pieces that join to exactly JSON.stringify(report, null, 2)', () => {
    const r = runScenario(parseScenario(busy, 'busy.yaml'));
    const chunks: string[] = [];
    writeReport(r, (c) => chunks.push(c));
    expect(chunks.length).toBeGreaterThan(1);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(200_000);
    expect(chunks.join('')).toBe(JSON.stringify(r, null, 2));
    const odd = { ...r, calls: [], extra: undefined, list: [undefined, { a: [1, { b: 'x\ny' }] }] } as unknown as typeof r;
    const out: string[] = [];
    writeReport(odd, (c) => out.push(c));
    expect(out.join('')).toBe(JSON.stringify(odd, null, 2));
  });

  it('a run of a day or less carries every minute', () => {
    const r = runScenario(parseScenario(busy, 'busy.yaml'));
    const cpu = r.metrics.find((m) => m.metricName === 'CPUReservation')!;
    expect(cpu.datapoints.length).toBe(60);
    expect(cpu.datapoints[1]!.timestamp - cpu.datapoints[0]!.timestamp).toBe(60);
  });

  it('before the last day of a run, datapoints are hourly averages at the start of each hour', () => {
    const points: number[] = [];
    const now = 3 * FULL_RESOLUTION_MS;
    for (let t = 0; t < now; t += 60_000) points.push(t, (t / 60_000) % 60);
    const s = sampledPoints(points, now);
    const cutoff = now - FULL_RESOLUTION_MS;
    const before = s.filter(([t]) => t < cutoff);
    expect(before.length).toBe(48);
    expect(before[0]).toEqual([0, 29.5]);
    expect(before[1]![0]).toBe(3_600_000);
    expect(s.filter(([t]) => t >= cutoff).length).toBe(1440);
    expect(sampledPoints(points, now, 'all').length).toBe(points.length / 2);
    // Timestamps stay in order across the seam.
    for (let i = 1; i < s.length; i++) expect(s[i]![0]).toBeGreaterThan(s[i - 1]![0]);
  });
});

describe('a long run', () => {
  it('reports a bounded number of datapoints a series: ten days of a cluster, not 14,400 minutes each', () => {
    const text = 'name: idle\nactions:\n  - { call: ecs.CreateCluster, input: { clusterName: demo } }\n  - { call: sim.LaunchInstances, input: { cluster: demo, count: 1 } }\nuntil: 10d\n';
    const r = runScenario(parseScenario(text, 'idle.yaml'));
    expect(r.clock).toBe(864_000);
    for (const m of r.metrics) expect(m.datapoints.length).toBeLessThanOrEqual(1440 + 9 * 24 + 60);
    expect(runScenario(parseScenario(text, 'idle.yaml'), { metrics: 'all' }).metrics[0]!.datapoints.length).toBe(14_400);
  });
});
