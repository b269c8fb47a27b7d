import { describe, expect, it } from 'vitest';
import { runAction } from '../../../src/store/actions';
import { EVENT_FILTERS, eventLogSelector, filterEvents, readable } from '../../../src/store/selectors/events';
import { EVENT_CATEGORIES, eventCategory } from '../../../src/sim';
import { sandbox, withTasks } from '../../support/sandbox';

describe('the event log', () => {
  it('filters by category and by text, newest last, and counts everything', () => {
    const store = withTasks(1);
    const all = eventLogSelector('all', '')(store.getState());
    expect(all.total).toBe(store.getState().world.timeline!.sim.events.length);
    const tasks = eventLogSelector('tasks', '')(store.getState()).shown;
    expect(tasks.length).toBeGreaterThan(0);
    expect(tasks.every(({ e }) => eventCategory(e.type) === 'tasks')).toBe(true);
    // Every category the engine has is offered, and each shows only its own events.
    expect(EVENT_FILTERS.map((f) => f.id)).toEqual(['all', ...EVENT_CATEGORIES]);
    const instances = eventLogSelector('instances', '')(store.getState()).shown;
    expect(instances.map(({ e }) => e.type)).toContain('ContainerInstanceRegistered');
    expect(instances.some(({ e }) => e.type.startsWith('Task'))).toBe(false);
    const running = eventLogSelector('all', 'is running on')(store.getState()).shown;
    expect(running.map(({ e }) => e.message)).toEqual([expect.stringMatching(/^Task [0-9a-f]{32} \(web\) is RUNNING on i-/)]);
    expect(tasks.map(({ i }) => i)).toEqual([...tasks.map(({ i }) => i)].sort((a, b) => a - b));
  });

  it("shows the engine's lists with spaces after their commas", () => {
    expect(readable('Requests to localhost:3000/api/users,/api/threads,/api/posts are failing: the process exited.')).toBe('Requests to localhost:3000/api/users, /api/threads, /api/posts are failing: the process exited.');
    expect(readable('CPU 2,048 and 1,5')).toBe('CPU 2,048 and 1,5');
  });

  it('keeps the newest `limit` events', () => {
    const events = Array.from({ length: 10 }, (_, i) => ({ t: i, type: 'TaskStateChange', message: `e${i}` }));
    expect(filterEvents(events as never, 'all', '', 3).map(({ e }) => e.message)).toEqual(['e7', 'e8', 'e9']);
  });

  it('gives the same listing back until the world changes', () => {
    const store = sandbox();
    const sel = eventLogSelector('all', '');
    const a = sel(store.getState());
    runAction(store, 'panel.show', 'editor');
    expect(sel(store.getState())).toBe(a);
    runAction(store, 'clock.step');
    expect(sel(store.getState()).total).toBeGreaterThan(a.total);
  });

  it("with worlds side by side it shows the chosen pane's world, named by the pane's label; a new world shows its own again", async () => {
    const store = sandbox();
    runAction(store, 'demo.open', 'placement-side-by-side');
    await expect.poll(() => store.getState().lesson.demo?.id).toBe('placement-side-by-side');
    runAction(store, 'clock.jump', '30s');
    const sel = eventLogSelector('all', '');
    const [a, b] = store.getState().world.variants;
    expect(sel(store.getState())).toMatchObject({ world: 'Binpack on memory', total: a!.timeline.sim.events.length });
    runAction(store, 'events.world', 1);
    const second = sel(store.getState());
    expect(second).toMatchObject({ world: 'Spread by AZ, then by instance', total: b!.timeline.sim.events.length });
    expect(second.shown.map(({ e }) => e.message)).toEqual(filterEvents(b!.timeline.sim.events, 'all', '', 200).map(({ e }) => e.message));
    expect(second.shown.map(({ e }) => e.message)).not.toEqual(filterEvents(a!.timeline.sim.events, 'all', '', 200).map(({ e }) => e.message));
    // A pane that is not there changes nothing.
    runAction(store, 'events.world', 7);
    expect(store.getState().ui.eventsWorld).toBe(1);
    runAction(store, 'scenario.open', 'empty-cluster');
    expect(store.getState().ui.eventsWorld).toBe(0);
    expect(sel(store.getState()).world).toBeNull();
  });
});
