import { describe, expect, it } from 'vitest';
import { runAction } from '../../../src/store/actions';
import { niceScale, selectCharts } from '../../../src/store/selectors/charts';
import { sandbox } from '../../support/sandbox';
import { loadCatalog, openLesson } from '../../../src/store/lessons';

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

  it('put what moves first: in L12 (cluster auto scaling, a service that does not scale) the capacity provider before the service', async () => {
    const lesson = (await loadCatalog()).lessons.L12!;
    const store = sandbox();
    openLesson(store, lesson, { actions: lesson.solution.actions, time: lesson.until });
    const ids = selectCharts(store.getState()).map((c) => c.id);
    const reservation = ids.findIndex((id) => id.startsWith('cpr:'));
    expect(reservation, ids.join(', ')).toBe(0);
    // Its target capacity (managedScaling.targetCapacity=100 in the lesson's solution) is drawn as a line.
    expect(selectCharts(store.getState())[0]!.thresholds.map((t) => t.value)).toEqual([100]);
    expect(ids.length).toBeGreaterThan(1);
  });

  it('end their axes at round numbers: 1, 2, 2.5 or 5 times a power of ten, never 6.6 or 8.59', () => {
    expect(niceScale(6)).toEqual({ top: 6, step: 2 });
    expect(niceScale(8.59)).toEqual({ top: 10, step: 2.5 });
    expect(niceScale(73)).toEqual({ top: 80, step: 20 });
    expect(niceScale(0.031).top).toBeCloseTo(0.04);
    expect(niceScale(0)).toEqual({ top: 1, step: 0.25 });
    for (const v of [1, 3, 7.7, 13, 99, 100, 101, 2048, 0.5]) {
      const { top, step } = niceScale(v);
      expect(top).toBeGreaterThanOrEqual(v);
      expect(top / step).toBeLessThanOrEqual(5);
      expect(Number.isInteger(+(top / step).toFixed(9))).toBe(true);
    }
  });
});

describe('the charts in Spanish', () => {
  it("carry their titles and series names as messages: English as before, Spanish in the page's language", async () => {
    const { loadLocale, translate } = await import('../../../src/i18n');
    await loadLocale('es');
    const store = sandbox();
    runAction(store, 'clock.jump', '3m');
    const instances = selectCharts(store.getState()).find((c) => c.id === 'instances')!;
    expect(instances.title).toBe('Container instances and tasks');
    expect(translate('es', instances.said!.key, instances.said!.params)).toBe('Instancias de contenedor y tareas');
    expect(instances.series.map((s) => translate('es', s.said!.key))).toEqual(['instancias', 'tareas en ejecución', 'tareas en espera']);
    expect(instances.series.map((s) => s.label)).toEqual(['instances', 'running tasks', 'waiting tasks']);
  });
});
