import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Engine, FAULT_EVENT, type Pending, type SimEvent } from '../../../src/sim/core/engine';

/** An engine whose `tick` handler writes what it was given to the timeline, as `tick` events. */
function ticking(seed = 'e'): { e: Engine; seen: Pending[] } {
  const e = new Engine(seed);
  const seen: Pending[] = [];
  e.on('tick', (ev) => {
    seen.push(ev);
    e.emit('tick', `tick ${String(ev.n)}`, { n: ev.n });
  });
  return { e, seen };
}

const ticks = (e: Engine) => e.log.filter((x) => x.type === 'tick').map((x) => [x.t, x.n]);

describe('scheduling and the clock', () => {
  it('runs pending events by time, then in the order they were scheduled, and leaves the clock at the time asked for', () => {
    const { e } = ticking();
    e.at(500, { k: 'tick', n: 1 });
    e.at(200, { k: 'tick', n: 2 });
    e.at(500, { k: 'tick', n: 3 });
    e.after(200, { k: 'tick', n: 4 });
    e.runUntil(1000);
    expect(ticks(e)).toEqual([
      [200, 2],
      [200, 4],
      [500, 1],
      [500, 3],
    ]);
    expect(e.now).toBe(1000);
    expect(e.processed).toBe(4);
    expect(e.pending).toBe(0);
  });

  it('runs an event due exactly at the time asked for, and keeps later ones pending with their time', () => {
    const { e } = ticking();
    e.at(1000, { k: 'tick', n: 1 });
    e.at(1001, { k: 'tick', n: 2 });
    e.runUntil(1000);
    expect(ticks(e)).toEqual([[1000, 1]]);
    expect(e.pending).toBe(1);
    expect(e.nextTime()).toBe(1001);
  });

  it('runs an event scheduled in the past now, rounds times to the millisecond, and refuses a time that is not a number', () => {
    const { e } = ticking();
    e.runUntil(5000);
    e.at(10, { k: 'tick', n: 1 });
    e.at(6000.4, { k: 'tick', n: 2 });
    e.after(1000.6, { k: 'tick', n: 3 });
    e.runUntil(7000);
    expect(ticks(e)).toEqual([
      [5000, 1],
      [6000, 2],
      [6001, 3],
    ]);
    for (const bad of [NaN, Infinity, -Infinity]) expect(() => e.at(bad, { k: 'tick' })).toThrow(`Cannot schedule 'tick' at ${String(bad)} ms: the time is not a finite number.`);
    expect(e.pending).toBe(0);
  });

  it('never moves the clock back when asked to run until an earlier time', () => {
    const { e } = ticking();
    e.runUntil(3000);
    e.runUntil(1000);
    expect(e.now).toBe(3000);
  });

  it('steps one event at a time, moving the clock to it, and says when nothing is left', () => {
    const { e } = ticking();
    expect(e.nextTime()).toBe(Infinity);
    expect(e.step()).toBe(false);
    e.at(300, { k: 'tick', n: 1 });
    e.at(100, { k: 'tick', n: 2 });
    expect(e.step()).toBe(true);
    expect(e.now).toBe(100);
    expect(e.step()).toBe(true);
    expect(e.now).toBe(300);
    expect(e.step()).toBe(false);
    expect(ticks(e)).toEqual([
      [100, 2],
      [300, 1],
    ]);
  });

  it('lets a handler schedule more work, at this instant or later, which runs in the same call', () => {
    const e = new Engine('chain');
    e.on('a', (ev) => {
      e.emit('a', `a${String(ev.i)}`);
      if ((ev.i as number) < 3) e.after(ev.i === 1 ? 0 : 10, { k: 'a', i: (ev.i as number) + 1 });
    });
    e.at(5, { k: 'a', i: 1 });
    e.runUntil(100);
    expect(e.log.map((x) => [x.t, x.message])).toEqual([
      [5, 'a1'],
      [5, 'a2'],
      [15, 'a3'],
    ]);
  });

  it('dispatches any schedule in (time, order of scheduling) order, with a clock that never goes back (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 60 }), (plan) => {
        const e = new Engine('p');
        const got: [number, number][] = [];
        e.on('x', (ev) => got.push([e.now, ev.i as number]));
        plan.forEach((t, i) => e.at(t, { k: 'x', i }));
        e.runUntil(1000);
        expect(got).toEqual(plan.map((t, i) => [t, i] as [number, number]).sort((a, b) => a[0] - b[0] || a[1] - b[1]));
      }),
      { numRuns: 100 },
    );
  });
});

describe('handlers', () => {
  it('refuses a second handler for a kind, and says which kinds have one', () => {
    const e = new Engine('h');
    e.on('a', () => undefined);
    expect(() => e.on('a', () => undefined)).toThrow("The pending kind 'a' already has a handler.");
    expect(e.handles('a')).toBe(true);
    expect(e.handles('b')).toBe(false);
    expect(e.handles('constructor')).toBe(false);
  });

  it('a strict engine refuses a pending kind without a handler; otherwise it is counted and the clock goes on', () => {
    const strict = new Engine('s');
    strict.at(7, { k: 'lost' });
    expect(() => strict.runUntil(10)).toThrow("No handler for the pending kind 'lost' (at 7 ms).");
    Engine.strict = false;
    const lenient = ticking().e;
    lenient.at(1, { k: 'lost' });
    lenient.at(2, { k: 'lost' });
    lenient.at(3, { k: 'toString' });
    lenient.at(4, { k: 'tick', n: 9 });
    lenient.runUntil(10);
    expect({ ...lenient.unhandled }).toEqual({ lost: 2, toString: 1 });
    expect(ticks(lenient)).toEqual([[4, 9]]);
    expect(lenient.faults).toBe(0);
  });

  it('turns an exception in a handler into a fault event, stops only that activity, and goes on with the rest', () => {
    const { e } = ticking();
    e.on('boom', (ev) => {
      if (ev.how === 'string') throw 'plain text';
      throw new Error('a defect');
    });
    e.at(100, { k: 'boom', id: 'x' });
    e.at(100, { k: 'tick', n: 1 });
    e.at(200, { k: 'boom', how: 'string' });
    e.runUntil(300);
    expect(e.faults).toBe(2);
    expect(e.log.map((x) => x.type)).toEqual([FAULT_EVENT, 'tick', FAULT_EVENT]);
    expect(e.log[0]).toEqual({
      t: 100,
      type: FAULT_EVENT,
      message: "The simulator stopped 'boom' at 100 ms: a defect. The clock goes on.",
      form: 'sim.fault.stopped',
      values: { kind: 'boom', at: '100', error: 'a defect' },
      pendingKind: 'boom',
      error: 'a defect',
      pending: { k: 'boom', id: 'x' },
    });
    expect(e.log[2]!.error).toBe('plain text');
    expect(e.now).toBe(300);
  });

  it('drops the events of an instant past its limit, with one fault per kind, and starts counting again at the next instant', () => {
    const e = new Engine('loop');
    e.maxEventsPerInstant = 5;
    let runs = 0;
    e.on('spin', () => {
      runs++;
      e.after(0, { k: 'spin' });
    });
    e.on('other', () => undefined);
    e.at(10, { k: 'spin' });
    e.at(10, { k: 'other' });
    e.at(20, { k: 'other' });
    e.runUntil(10);
    // At 10 ms: spin, other, then spin three times more (5 events); the sixth, a spin, is dropped with a fault, which ends the loop.
    expect(runs).toBe(4);
    const faults = e.log.filter((x) => x.type === FAULT_EVENT);
    expect(faults.map((x) => [x.t, x.pendingKind])).toEqual([[10, 'spin']]);
    expect(faults[0]!.error).toBe('more than 5 events at one instant: the activity schedules itself without letting time pass');
    expect(e.pending).toBe(1);
    e.runUntil(30);
    expect(e.faults).toBe(1);
    expect(e.pending).toBe(0);
    // A later instant that overflows again has a fault of its own.
    e.at(40, { k: 'spin' });
    e.runUntil(40);
    expect(runs).toBe(9);
    expect(e.log.filter((x) => x.type === FAULT_EVENT).map((x) => [x.t, x.pendingKind])).toEqual([
      [10, 'spin'],
      [40, 'spin'],
    ]);
  });
});

describe('the timeline', () => {
  it('appends events at the current time, with the form and values they were said from, and tells listeners until they unsubscribe', () => {
    const e = new Engine('t');
    const heard: SimEvent[] = [];
    const stop = e.subscribe((x) => heard.push(x));
    e.runUntil(42);
    const first = e.emit('A', 'one', { extra: 1 });
    const said = e.emit('B', 'two', undefined, { form: 'B.form', values: { v: '2' } });
    stop();
    e.emit('C', 'three');
    expect(first).toEqual({ t: 42, type: 'A', message: 'one', extra: 1 });
    expect(said).toEqual({ t: 42, type: 'B', message: 'two', form: 'B.form', values: { v: '2' } });
    expect(heard.map((x) => x.type)).toEqual(['A', 'B']);
    expect(e.log.map((x) => x.type)).toEqual(['A', 'B', 'C']);
  });
});

describe('snapshot and restore', () => {
  it('gives the same future after a restore: the same events at the same times, the same random draws', () => {
    const make = () => {
      const e = new Engine('same');
      e.on('roll', (ev) => {
        const r = e.rng.stream('dice').int(6);
        e.emit('roll', `rolled ${r}`, { r, who: ev.who });
        if (e.now < 5000) e.after(500 + e.rng.stream('gap').int(1000), { k: 'roll', who: ev.who });
      });
      e.at(0, { k: 'roll', who: 'a' });
      e.at(250, { k: 'roll', who: 'b' });
      return e;
    };
    const straight = make();
    straight.runUntil(10_000);

    const e = make();
    e.runUntil(2000);
    const snap = e.snapshot();
    const at2000 = e.log.length;
    e.runUntil(4000);
    e.emit('detour', 'a branch the restore forgets');
    const log = e.log;
    const before = [...log];
    e.restore(snap, log, at2000);
    expect(e.now).toBe(2000);
    expect(e.log.length).toBe(at2000);
    expect(log).toEqual(before); // the array a snapshot shares is never cut
    e.runUntil(10_000);
    expect(e.log).toEqual(straight.log);
    expect(e.rng.state()).toEqual(straight.rng.state());
  });

  it('gives the same future from a snapshot taken at any moment of any run, restored into a fresh engine (property)', () => {
    const make = (seed: string, fanout: number) => {
      const e = new Engine(seed);
      e.on('work', (ev) => {
        const r = e.rng.stream('work').int(100);
        e.emit('work', `w${String(ev.n)}:${r}`, { r });
        if ((ev.n as number) < 12) for (let i = 0; i < 1 + (r % fanout); i++) e.after(r * 10 + i, { k: 'work', n: (ev.n as number) + 1 });
      });
      e.at(0, { k: 'work', n: 0 });
      return e;
    };
    fc.assert(
      fc.property(fc.string({ maxLength: 5 }), fc.integer({ min: 1, max: 2 }), fc.integer({ min: 0, max: 3000 }), (seed, fanout, cut) => {
        const straight = make(seed, fanout);
        straight.runUntil(6000);
        const first = make(seed, fanout);
        first.runUntil(cut);
        const snap = JSON.parse(JSON.stringify(first.snapshot())) as ReturnType<Engine['snapshot']>;
        const again = make(seed, fanout);
        again.restore(snap, first.log);
        again.runUntil(6000);
        expect(again.log).toEqual(straight.log);
        expect(again.now).toBe(6000);
      }),
      { numRuns: 60 },
    );
  });

  it('keeps the queue in a snapshot as data in (time, order) order, which later changes to the live events do not reach', () => {
    const e = new Engine('q');
    e.on('x', () => undefined);
    const ev = { k: 'x', box: { n: 1 } };
    e.at(30, ev);
    e.at(10, { k: 'x', i: 1 });
    e.at(10, { k: 'x', i: 2 });
    const snap = e.snapshot();
    ev.box.n = 99;
    expect(snap.queue).toEqual([
      [10, 1, { k: 'x', i: 1 }],
      [10, 2, { k: 'x', i: 2 }],
      [30, 0, { k: 'x', box: { n: 1 } }],
    ]);
    expect(snap).toMatchObject({ now: 0, seq: 3, seed: 'q' });
    const other = new Engine('q');
    const got: Pending[] = [];
    other.on('x', (p) => got.push(p));
    other.restore(snap, []);
    other.runUntil(100);
    expect(got).toEqual([
      { k: 'x', i: 1 },
      { k: 'x', i: 2 },
      { k: 'x', box: { n: 1 } },
    ]);
    (got[2]!.box as { n: number }).n = 5;
    expect(snap.queue[2]![2]).toEqual({ k: 'x', box: { n: 1 } }); // a restore hands out copies
  });

  it('starts counting an instant afresh after a restore', () => {
    const e = new Engine('i');
    e.maxEventsPerInstant = 2;
    e.on('x', () => undefined);
    e.at(0, { k: 'x' });
    e.at(0, { k: 'x' });
    e.runUntil(0);
    const snap = e.snapshot();
    e.restore(snap, e.log);
    e.at(0, { k: 'x' });
    e.at(0, { k: 'x' });
    e.runUntil(0);
    expect(e.faults).toBe(0);
  });
});
