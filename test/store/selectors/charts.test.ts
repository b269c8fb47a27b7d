import { describe, expect, it } from 'vitest';
import { runAction } from '../../../src/store/actions';
import { selectCharts } from '../../../src/store/selectors/charts';
import { sandbox } from '../../support/sandbox';

describe('the charts', () => {
  it('appear once a simulated minute has passed, and are recomputed at most once a minute', () => {
    const store = sandbox();
    expect(selectCharts(store.getState())).toEqual([]);
    runAction(store, 'clock.jump', '3m');
    const specs = selectCharts(store.getState());
    expect(specs.map((c) => c.id)).toContain('instances');
    runAction(store, 'clock.jump', '3m10s');
    expect(selectCharts(store.getState())).toBe(specs);
    runAction(store, 'clock.jump', '4m');
    expect(selectCharts(store.getState())).not.toBe(specs);
  });

  it('follow undo, which rebuilds the past', () => {
    const store = sandbox();
    runAction(store, 'console.run', 'aws ecs create-cluster --cluster-name x');
    runAction(store, 'clock.jump', '3m');
    const specs = selectCharts(store.getState());
    runAction(store, 'history.undo');
    expect(selectCharts(store.getState())).not.toBe(specs);
  });
});
