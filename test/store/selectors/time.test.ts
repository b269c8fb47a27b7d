import { describe, expect, it } from 'vitest';
import { runAction } from '../../../src/store/actions';
import { clock, selectActionCount, selectHead } from '../../../src/store/selectors/time';
import { sandbox } from '../../support/sandbox';

describe('time as the page shows it', () => {
  it('writes the clock as hours, minutes and seconds, with the day past the first', () => {
    expect(clock(0)).toBe('0:00:00');
    expect(clock(3_723_000)).toBe('1:02:03');
    expect(clock(86_400_000 + 60_000)).toBe('day 2, 0:01:00');
  });

  it('the scrubber reaches as far as the timeline has been, and counts the learner’s actions', () => {
    const store = sandbox();
    runAction(store, 'console.run', 'aws ecs list-clusters');
    runAction(store, 'clock.jump', '5m');
    runAction(store, 'clock.seek', 60_000);
    expect(selectHead(store.getState())).toBe(300_000);
    expect(selectActionCount(store.getState())).toBe(1);
  });
});
