import { describe, expect, it } from 'vitest';
import { initialState, makeStore } from '../../src/store/store';
import { defaultWorkspace } from '../../src/store/defaults';
import { loadCatalog, openLesson } from '../../src/store/lessons';
import { runAction } from '../../src/store/actions';
import { fakePort } from '../support/fakePort';

const lastOutput = (store: ReturnType<typeof makeStore>) => store.getState().world.timeline!.transcript.at(-1)!.output;

describe('help in the console of a lesson', () => {
  it("L4's help lists L4's commands, with sleep and help, not copilot, process, curl or traffic; outside a lesson it lists them all", async () => {
    const store = makeStore(initialState(defaultWorkspace()), fakePort());
    runAction(store, 'console.run', 'help');
    const everything = lastOutput(store);
    for (const c of ['copilot', 'process', 'curl', 'traffic']) expect(everything).toMatch(new RegExp(`^ {2}${c} `, 'm'));
    openLesson(store, (await loadCatalog()).lessons.L4!);
    runAction(store, 'console.run', 'help');
    const l4 = lastOutput(store);
    expect(l4.split('\n')[0]).toBe('This lesson’s commands (help <command> for more):');
    for (const c of ['docker push', 'docker tag', 'aws ecr', 'aws ecs', 'translate', 'sleep', 'help']) expect(l4).toMatch(new RegExp(`^ {2}${c} `, 'm'));
    for (const c of ['copilot', 'process', 'curl', 'traffic']) expect(l4).not.toMatch(new RegExp(`^ {2}${c} `, 'm'));
    expect(l4.split('\n').at(-1)).toBe('The other commands are off in this lesson.');
  });
});
