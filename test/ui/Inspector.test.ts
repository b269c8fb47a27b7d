// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { Inspector } from '../../src/ui/Inspector';
import { runAction } from '../../src/store/actions';
import { loadLocale } from '../../src/i18n';
import { withTasks } from '../support/sandbox';
import { click, render, settle } from '../support/render';

let done: (() => Promise<void>) | undefined;
afterEach(async () => void (await done?.()));

/** The inspector on one of four `web` tasks run with RunTask (three placed, one not: host port 80). */
async function inspecting(kind: 'task' | 'cluster' = 'task') {
  const store = withTasks(4);
  const { root, unmount } = await render(store, createElement(Inspector));
  done = unmount;
  const task = Object.values(store.getState().world.timeline!.sim.world.tasks).find((t) => t.lastStatus === 'RUNNING')!;
  await settle(() => runAction(store, 'select', kind === 'task' ? { kind: 'task', id: task.taskArn } : { kind: 'cluster', id: task.clusterArn }));
  const tab = (name: string) => [...root.querySelectorAll<HTMLButtonElement>('[role="tab"]')].find((b) => b.textContent === name)!;
  return { store, root, task, tab };
}

describe('the inspector', () => {
  it('draws nothing while nothing is selected', async () => {
    const store = withTasks(1);
    const { root, unmount } = await render(store, createElement(Inspector));
    done = unmount;
    expect(root.innerHTML).toBe('');
  });

  it('titles what is selected and shows it as Describe answers it, with its history a tab away', async () => {
    const { root, task, tab } = await inspecting();
    expect(root.querySelector('h2')!.textContent).toBe(`Task ${task.taskArn.split('/').pop()} (web)`);
    expect([...root.querySelectorAll('[role="tab"]')].map((b) => b.textContent)).toEqual(['Describe', 'History', 'Why here?']);
    expect(JSON.parse(root.querySelector('pre.json')!.textContent!)).toMatchObject({ taskArn: task.taskArn, lastStatus: 'RUNNING' });
    await click(tab('History'));
    expect(tab('History').getAttribute('aria-selected')).toBe('true');
    expect(root.querySelectorAll('ol.history li').length).toBeGreaterThan(0);
    expect(root.querySelector('ol.history li time')!.textContent).toMatch(/^\d:\d\d:\d\d$/);
  });

  it('"Why here?" names every candidate, the rule that decided it and why, and RunTask’s default said from its form', async () => {
    const { root, tab } = await inspecting();
    await click(tab('Why here?'));
    // The table is a chunk of its own, fetched once a task is selected.
    await expect.poll(() => root.querySelector('table.placement caption')?.textContent).toBe('Each candidate: what became of it, the rule that decided it, and why');
    expect(root.querySelectorAll('table.placement tbody')).toHaveLength(3);
    expect(root.textContent).toContain('No placement strategy: RunTask places tasks randomly.');
    expect([...root.querySelectorAll('tr.candidate td:nth-child(3)')].map((td) => td.textContent)).toContain('chosen');
  });

  it('in Spanish, the note and the words come from the locale', async () => {
    const { store, root, tab } = await inspecting();
    await loadLocale('es');
    await settle(() => runAction(store, 'language.set', 'es'));
    await click(tab('¿Por qué aquí?'));
    await expect.poll(() => root.querySelector('table.placement')).not.toBeNull();
    expect(root.textContent).not.toContain('RunTask places tasks randomly');
    expect(root.textContent).toContain('Sin estrategia de ubicación: RunTask coloca las tareas al azar.');
  });

  it('a cluster has no "Why here?", and Close clears the selection', async () => {
    const { store, root } = await inspecting('cluster');
    expect([...root.querySelectorAll('[role="tab"]')].map((b) => b.textContent)).toEqual(['Describe', 'History']);
    expect(root.querySelector('h2')!.textContent).toBe('Cluster demo');
    await click([...root.querySelectorAll('button')].find((b) => b.textContent === 'Close')!);
    expect(store.getState().ui.selected).toBeNull();
  });
});
