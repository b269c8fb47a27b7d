import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/content/scenario';
import { runScenario } from '../../src/content/runner';

// Every golden case of the spec is a scenario file here, run through the same runner a user runs.
const dir = join(import.meta.dirname, '.');
const files = readdirSync(dir)
  .filter((f) => /\.(ya?ml|json)$/.test(f))
  .sort();
// More scenarios beyond the spec's golden cases, run the same way.
const more = readdirSync(join(dir, 'more'))
  .filter((f) => /\.(ya?ml|json)$/.test(f))
  .sort()
  .map((f) => `more/${f}`);

describe('golden scenarios', () => {
  it('covers every golden case of sections A-K, and the 2026 rules of spec §13.1 and §13.5', () => {
    const ids = new Set(files.map((f) => f.split('-').slice(0, 2).join('-')));
    const golden = [
      'P-01',
      'P-02',
      'P-03',
      'P-04',
      'P-06',
      'P-07',
      'P-08',
      'P-11',
      'P-12',
      'P-13',
      'P-15',
      'P-16',
      'P-17',
      'P-18',
      'P-21',
      'P-22',
      'P-23',
      'R-01',
      'R-04',
      'R-05',
      'V-01',
      'V-02',
      'V-03',
      'V-05',
      'V-07',
      'V-09',
      'V-10',
      'V-12',
      'V-13',
      'L-01',
      'L-02',
      'L-03',
      'L-05',
      'L-07',
      'L-08',
      'D-01',
      'D-03',
      'D-06',
      'D-07',
      'D-09',
      'D-11',
      'D-12',
      'D-13',
      'A-01',
      'A-02',
      'A-04',
      'A-06',
      'A-07',
      'A-09',
      'A-10',
      'S-01',
      'S-03',
      'S-04',
      'S-06',
      'S-07',
      'C-01',
      'C-02',
      'C-04',
      'C-06',
      'C-07',
      'C-08',
      'C-10',
      'SD-01',
      'SD-03',
      'SD-04',
      'AG-01',
      'AG-02',
      'CO-01',
      'CO-02',
      'CO-04',
      'CO-05',
      'CO-06',
      'CO-07',
      'CM-02',
      'CM-03',
      'CM-04',
      'CM-05',
      // §13.5: the rolling update's documented order
      'RU-01',
      'RU-02',
      'RU-03',
      'RU-04',
      // §13.1: blue/green, linear and canary deployments, hooks, alarms and rollback, and the load balancer parts
      'BG-01',
      'BG-02',
      'BG-03',
      'BG-04',
      'BG-05',
      'BG-06',
      'BG-07',
      'BG-08',
      'BG-09',
      'BG-10',
      'BG-11',
      'BG-12',
    ];
    expect(golden.filter((id) => !ids.has(id))).toEqual([]);
  });
  for (const f of [...files, ...more]) {
    it(f.replace(/\.ya?ml$/, ''), () => {
      const sc = parseScenario(readFileSync(join(dir, f), 'utf8'), f);
      const report = runScenario(sc);
      const failed = report.expect.filter((x) => !x.passed).map((x) => `${x.label}: seen ${JSON.stringify(x.seen)}`);
      expect(failed).toEqual([]);
      expect(report.expect.length).toBeGreaterThan(0);
    });
  }
});
