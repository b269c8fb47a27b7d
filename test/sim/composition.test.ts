import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine, Sim, eventCategory } from '../../src/sim';
import { Notices } from '../../src/sim/core/notices';
import { PENDING_HANDLERS } from '../../src/sim/model/pending';
import { NOTICE_KINDS } from '../../src/sim/model/notices';
import { parseScenario } from '../../src/content/scenario';
import { runScenario } from '../../src/content/runner';

afterEach(() => {
  Engine.strict = true; // the suite's default (test/support/strict.ts)
});

describe('the engine refuses wiring mistakes', () => {
  it('refuses a second handler for a pending kind, naming the kind', () => {
    const e = new Engine('x');
    e.on('tick', () => {});
    expect(() => e.on('tick', () => {})).toThrow(/'tick' already has a handler/);
  });

  it('counts pending work nobody handles, and in strict mode throws naming its kind', () => {
    Engine.strict = false;
    const e = new Engine('x');
    e.after(5, { k: 'lost' });
    e.runUntil(10);
    expect(e.unhandled).toEqual({ lost: 1 });
    Engine.strict = true;
    e.after(5, { k: 'lost' });
    expect(() => e.runUntil(20)).toThrow(/No handler for the pending kind 'lost'/);
  });

  it('gives every declared pending kind its handler and every notice its listeners', () => {
    const sim = new Sim();
    expect(Object.keys(PENDING_HANDLERS).filter((k) => !sim.engine.handles(k))).toEqual([]);
    expect(NOTICE_KINDS.filter((k) => sim.notices.count(k) === 0)).toEqual([]);
  });
});

describe('notices', () => {
  it('reach their listeners at once, in the order they were subscribed', () => {
    const n = new Notices<{ ping: number }>();
    const heard: string[] = [];
    n.on(
      'ping',
      (v) => heard.push(`a${v}`),
      (v) => heard.push(`b${v}`),
    );
    n.on('ping', (v) => heard.push(`c${v}`));
    n.emit('ping', 1);
    heard.push('after');
    expect(heard).toEqual(['a1', 'b1', 'c1', 'after']);
  });
});

describe('every golden scenario in strict mode', () => {
  const dir = resolve(import.meta.dirname, '../scenarios');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  it('finds the scenarios', () => expect(files.length).toBeGreaterThan(40));
  it('leaves no pending work unhandled and emits only events that have a category', () => {
    Engine.strict = true;
    const uncategorized = new Set<string>();
    for (const f of files) {
      const report = runScenario(parseScenario(readFileSync(join(dir, f), 'utf8'), f));
      for (const e of report.events) if (eventCategory(e.type) === undefined) uncategorized.add(e.type);
    }
    expect([...uncategorized]).toEqual([]);
  });
});
