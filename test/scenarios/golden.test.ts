import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/content/scenario';
import { runScenario } from '../../src/content/runner';

// Every golden case of the spec is a scenario file here, run through the same runner a user runs.
const dir = join(import.meta.dirname, '.');
const files = readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f)).sort();
// More scenarios beyond the spec's golden cases, run the same way.
const more = readdirSync(join(dir, 'more')).filter((f) => /\.(ya?ml|json)$/.test(f)).sort().map((f) => `more/${f}`);

describe('golden scenarios', () => {
  it('covers the cases of sections A-D and I', () => {
    const ids = files.map((f) => f.split('-').slice(0, 2).join('-'));
    for (const id of ['P-01', 'P-04', 'P-12', 'P-23', 'R-01', 'V-01', 'V-10', 'L-01', 'L-05', 'AG-01', 'AG-02']) expect(ids).toContain(id);
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
