import { describe, expect, it } from 'vitest';
import { runAction } from '../../../src/store/actions';
import { selectTranscript } from '../../../src/store/selectors/console';
import { sandbox } from '../../support/sandbox';

describe('the console transcript', () => {
  it('lists what each command printed, and is a new list only when the world changed', () => {
    const store = sandbox();
    const empty = selectTranscript(store.getState());
    expect(empty).toEqual([]);
    runAction(store, 'console.type', 'aws');
    expect(selectTranscript(store.getState())).toBe(empty);
    runAction(store, 'console.run', 'aws ecs describe-services --cluster nope --services web');
    const [o] = selectTranscript(store.getState());
    expect(o).toMatchObject({ command: 'aws ecs describe-services --cluster nope --services web', exitCode: 254 });
    expect(o!.output).toContain('ClusterNotFoundException');
  });
});
