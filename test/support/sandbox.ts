import { initialState, makeStore, type SandboxStore } from '../../src/store/store';
import { runAction } from '../../src/store/actions';
import { defaultWorkspace } from '../../src/store/defaults';
import { fakePort } from './fakePort';

/** A store on the default scenario (three instances, one per AZ), in Node with a fake port. */
export function sandbox(): SandboxStore {
  return makeStore(initialState(defaultWorkspace()), fakePort());
}

/**
 * The default sandbox once its instances have registered, with a task definition `web` that wants
 * host port 80 and `count` tasks run from it: with four, three land and one cannot.
 */
export function withTasks(count: number): SandboxStore {
  const store = sandbox();
  runAction(store, 'clock.jump', '2m');
  runAction(store, 'editor.register');
  runAction(store, 'console.run', `aws ecs run-task --cluster demo --task-definition web --count ${count}`);
  runAction(store, 'clock.jump', '4m');
  return store;
}
