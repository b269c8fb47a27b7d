import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Engine, Sim } from '../../src/sim';
import { FAULT_EVENT } from '../../src/sim/core/engine';
import { eventCategory } from '../../src/sim/model/events';
import { requestArb } from '../../scripts/fuzz/engine';

describe('an exception inside an event handler never leaves the clock', () => {
  it('becomes a sim.fault event naming the pending kind, the message and the activity, and the clock goes on', () => {
    const e = new Engine('x');
    const seen: number[] = [];
    e.on('boom', () => {
      throw new Error('a defect');
    });
    e.on('tick', () => {
      seen.push(e.now);
      if (e.now < 5000) e.after(1000, { k: 'tick' });
    });
    e.after(500, { k: 'boom', detail: 7 });
    e.after(1000, { k: 'tick' });
    expect(() => e.runUntil(10_000)).not.toThrow();
    expect(seen).toEqual([1000, 2000, 3000, 4000, 5000]);
    expect(e.now).toBe(10_000);
    expect(e.faults).toBe(1);
    expect(e.log).toEqual([
      {
        t: 500,
        type: FAULT_EVENT,
        message: "The simulator stopped 'boom' at 500 ms: a defect. The clock goes on.",
        form: 'sim.fault.stopped',
        values: { kind: 'boom', at: '500', error: 'a defect' },
        pendingKind: 'boom',
        error: 'a defect',
        pending: { k: 'boom', detail: 7 },
      },
    ]);
  });

  it('in a Sim: a handler that throws is reported in the timeline as an account event, and later work still runs', () => {
    const sim = new Sim();
    sim.call('ecs.CreateCluster', { clusterName: 'demo' });
    sim.call('sim.LaunchInstances', { cluster: 'demo', count: 1 });
    // Inject a defect: the next agent connection throws.
    const handlers = (sim.engine as unknown as { handlers: Record<string, (ev: unknown) => void> }).handlers;
    const real = handlers['inst.boot']!;
    handlers['inst.boot'] = () => {
      throw new TypeError("Cannot read properties of undefined (reading 'x')");
    };
    sim.runUntil(60_000);
    handlers['inst.boot'] = real;
    const faults = sim.events.filter((e) => e.type === FAULT_EVENT);
    expect(faults).toHaveLength(1);
    expect(faults[0]).toMatchObject({ pendingKind: 'inst.boot', error: "Cannot read properties of undefined (reading 'x')" });
    expect(eventCategory(FAULT_EVENT)).toBe('account');
    // The clock went on: the minute ticks ran, and new work runs.
    expect(sim.now).toBe(60_000);
    sim.call('sim.LaunchInstances', { cluster: 'demo', count: 1 });
    sim.runUntil(120_000);
    expect(sim.events.some((e) => e.type === 'ContainerInstanceRegistered')).toBe(true);
  });

  it('stops an activity that schedules itself at the same instant, once the instant holds too many events', () => {
    const e = new Engine('x');
    e.maxEventsPerInstant = 1000;
    let runs = 0;
    e.on('loop', () => {
      runs++;
      e.after(0, { k: 'loop' });
    });
    e.on('later', () => {
      runs += 1000;
    });
    e.after(10, { k: 'loop' });
    e.after(20, { k: 'later' });
    e.runUntil(100);
    expect(runs).toBe(1000 + 1000);
    expect(e.log.map((x) => [x.type, x.pendingKind])).toEqual([[FAULT_EVENT, 'loop']]);
    expect(e.pending).toBe(0);
  });

  it('refuses to schedule at a time that is not a finite number', () => {
    const e = new Engine('x');
    expect(() => e.after(NaN, { k: 'x' })).toThrow(/not a finite number/);
    expect(() => e.at(Infinity, { k: 'x' })).toThrow(/not a finite number/);
    expect(e.pending).toBe(0);
  });
});

describe('no scenario of random calls schedules an unbounded number of events at one instant', () => {
  it('holds for random requests to every operation, each followed by the clock', () => {
    const ops = Sim.operations();
    const arb = fc.array(
      fc.constantFrom(...ops).chain((call) => requestArb(call).map((input) => ({ call, input }))),
      { minLength: 1, maxLength: 25 },
    );
    fc.assert(
      fc.property(arb, (calls) => {
        const sim = new Sim();
        sim.engine.maxEventsPerInstant = 50_000;
        sim.call('ecs.CreateCluster', { clusterName: 'demo' });
        for (const { call, input } of calls) {
          sim.call(call, input);
          sim.runUntil(sim.now + 30_000);
        }
        sim.runUntil(sim.now + 600_000);
        return sim.engine.faults === 0;
      }),
      { numRuns: 40, seed: 11 },
    );
  });
});
