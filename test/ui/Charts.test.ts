// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { Charts } from '../../src/ui/Charts';
import { runAction } from '../../src/store/actions';
import { loadCatalog, openLesson } from '../../src/store/lessons';
import { sandbox } from '../support/sandbox';
import { render, settle } from '../support/render';

let done: (() => Promise<void>) | undefined;
afterEach(async () => void (await done?.()));

describe('the charts', () => {
  it('say why there are none before a simulated minute has passed', async () => {
    const { root, unmount } = await render(sandbox(), createElement(Charts));
    done = unmount;
    expect(root.textContent).toBe('No metrics yet: charts appear once services run and a simulated minute has passed.');
  });

  it('draw each chart with its title, a legend, an axis to now, and its latest values for a screen reader', async () => {
    const store = sandbox();
    const { root, unmount } = await render(store, createElement(Charts));
    done = unmount;
    await settle(() => runAction(store, 'clock.jump', '3m'));
    const fig = [...root.querySelectorAll('figure')].find((f) => f.querySelector('figcaption')!.textContent === 'Container instances and tasks')!;
    expect(fig).toBeDefined();
    expect([...fig.querySelectorAll('.legend li')].map((li) => li.textContent)).toEqual(['instances', 'running tasks', 'waiting tasks']);
    const svg = fig.querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe('Container instances and tasks. Latest values: instances: 3, running tasks: 0, waiting tasks: 0.');
    const ticks = [...svg.querySelectorAll('text.tick')].map((x) => x.textContent);
    expect(ticks).toContain('0:00:00');
    expect(ticks).toContain('0:03:00');
    expect(fig.querySelectorAll('polyline')).toHaveLength(3);
  });

  it('mark scaling activities and draw the target of a policy as a line, and say both', async () => {
    const lesson = (await loadCatalog()).lessons.L12!;
    const store = sandbox();
    openLesson(store, lesson, { actions: lesson.solution.actions, time: lesson.until });
    const { root, unmount } = await render(store, createElement(Charts));
    done = unmount;
    const fig = root.querySelector('figure')!;
    expect(fig.querySelector('figcaption')!.textContent).toMatch(/: capacity provider reservation$/);
    const label = fig.querySelector('svg')!.getAttribute('aria-label')!;
    expect(label).toBe('forum-cp: capacity provider reservation. Latest values: CapacityProviderReservation %: 100. Lines at target capacity 100 %. 3 scaling activities.');
    expect(label).toMatch(/\d+ scaling activit(y|ies)\.$/);
    expect(fig.querySelectorAll('line.mark').length).toBeGreaterThan(0);
    expect(fig.querySelectorAll('line.threshold')).toHaveLength(1);
  });
});
