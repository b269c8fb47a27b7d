import { describe, expect, it } from 'vitest';
import { CHAR_W, INST_CHIPS_W, INST_MAX_CHIPS, INST_MAX_ROWS, chipFit, chipText, instanceChips } from '../../../src/ui/canvas/chips';
import type { TaskView } from '../../../src/store/selectors/world';

const task = (over: Partial<TaskView> = {}): TaskView => ({ arn: 'a', id: 'a', cluster: 'demo', family: 'web', service: null, lastStatus: 'RUNNING', desiredStatus: 'RUNNING', health: 'UNKNOWN', launch: 'EC2', ...over });

describe("a task's chip", () => {
  it('says the revision while its service runs two, else its service, else its family', () => {
    expect(chipText(task())).toBe('web');
    expect(chipText(task({ service: 'api' }))).toBe('api');
    expect(chipText(task({ service: 'api', revision: 'api:3' }))).toBe('api:3');
  });
});

describe('how chips fill the rows of a node', () => {
  it('short chips share a row; wider ones wrap to the next', () => {
    // "web" is 12 + 3×7 = 33 px, 36 with the gap: five fit in 198 px.
    expect(
      chipFit(
        Array.from({ length: 5 }, () => task()),
        INST_CHIPS_W,
        4,
        12,
      ),
    ).toEqual({ rows: 1, shown: 5 });
    expect(
      chipFit(
        Array.from({ length: 6 }, () => task()),
        INST_CHIPS_W,
        4,
        12,
      ),
    ).toEqual({ rows: 2, shown: 6 });
    // A long name is cut at 96 px: two a row.
    const long = task({ family: 'a-very-long-family-name' });
    expect(chipFit([long, long, long], INST_CHIPS_W, 4, 12)).toEqual({ rows: 2, shown: 3 });
  });

  it('past the rows allowed, it shows fewer and keeps room for "+N more"', () => {
    const many = Array.from({ length: 30 }, () => task({ family: 'a-very-long-family-name' }));
    const fit = chipFit(many, INST_CHIPS_W, INST_MAX_ROWS, INST_MAX_CHIPS);
    expect(fit.rows).toBeLessThanOrEqual(INST_MAX_ROWS);
    expect(fit.shown).toBe(7);
    // A row narrower than a chip still holds one; with another after it, neither is shown, only "+2 more".
    expect(chipFit([task()], 10, 1, 12)).toEqual({ rows: 1, shown: 1 });
    expect(chipFit([task(), task()], 10, 1, 12)).toEqual({ rows: 1, shown: 0 });
  });

  it('never shows more than the most allowed, and wider characters fit fewer', () => {
    const many = Array.from({ length: 40 }, () => task({ family: 'w' }));
    expect(chipFit(many, 10_000, 1, 12).shown).toBe(12);
    // One row of 12 chips "w" (19 px at 7 px a character, 20 at 8) with "+N more" after them.
    const names = Array.from({ length: 12 }, () => task({ family: 'w' }));
    expect(chipFit(names, INST_CHIPS_W, 1, 12, CHAR_W)).toEqual({ rows: 1, shown: 6 });
    expect(chipFit(names, INST_CHIPS_W, 1, 12, 8)).toEqual({ rows: 1, shown: 5 });
  });

  it('an instance node works its fit out once for each list of tasks', () => {
    const list = [task(), task()];
    const a = instanceChips(list);
    expect(instanceChips(list)).toBe(a);
    expect(instanceChips([...list])).not.toBe(a);
    expect(instanceChips([...list])).toEqual(a);
  });
});
