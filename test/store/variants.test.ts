import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/content/scenario';
import { eventHash } from '../../src/content/runner';
import { Timeline, type NewAction } from '../../src/content/timeline';
import { keepInStep, variantWorlds, type VariantWorld } from '../../src/store/variants';

const text = readFileSync(resolve(import.meta.dirname, '../../docs/examples/empty-cluster.yaml'), 'utf8');
const scenario = parseScenario(text, 'empty-cluster.yaml');
const register: NewAction = { kind: 'call', call: 'ecs.RegisterTaskDefinition', input: { family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx', memory: 512 }] } };
const run: NewAction = { kind: 'command', line: 'aws ecs run-task --cluster demo --task-definition web --count 3' };

/** A main world and a second one of the same scenario with another seed, side by side. */
function pair(): { main: Timeline; variants: VariantWorld[] } {
  const main = new Timeline(scenario, '1');
  const variants = variantWorlds(
    [
      { label: 'seed 1', seed: '1', text },
      { label: 'seed 2', seed: '2', text },
    ],
    main,
    (_text, seed) => new Timeline(scenario, seed),
  )!;
  return { main, variants };
}

describe('worlds side by side', () => {
  it('the first variant is the main world itself; the others are built by the builder given', () => {
    const { main, variants } = pair();
    expect(variants.map((v) => v.label)).toEqual(['seed 1', 'seed 2']);
    expect(variants[0]!.timeline).toBe(main);
    expect(variants[1]!.timeline).not.toBe(main);
    expect(variants[1]!.seed).toBe('2');
  });

  it('one variant that cannot be built makes none', () => {
    const main = new Timeline(scenario, '1');
    expect(
      variantWorlds(
        [
          { label: 'a', seed: '1', text },
          { label: 'b', seed: '2', text: 'broken' },
        ],
        main,
        () => null,
      ),
    ).toBeNull();
  });

  it('the others follow the main world: to its time and through the same learner actions, and the count covers every world', () => {
    const { main, variants } = pair();
    const other = () => variants[1]!.timeline;
    main.advanceTo(90_000);
    expect(keepInStep(main, variants)).toBe(main.sim.events.length + other().sim.events.length);
    expect(other().now).toBe(90_000);
    // One action more is done in it at once, in the same world.
    main.act(register);
    const same = other();
    keepInStep(main, variants);
    expect(other()).toBe(same);
    expect(other().actions).toHaveLength(1);
    main.act(run);
    main.advanceTo(180_000);
    keepInStep(main, variants);
    expect(other().now).toBe(180_000);
    expect(other().actions.map((a) => a.at)).toEqual(main.actions.map((a) => a.at));
    expect(Object.keys(other().sim.world.tasks)).toHaveLength(3);
    // Each is a world of its own: the same requests, its own seed.
    expect(eventHash(other().sim.events)).not.toBe(eventHash(main.sim.events));
    // A second pass with nothing new changes nothing.
    const before = eventHash(other().sim.events);
    keepInStep(main, variants);
    expect(eventHash(other().sim.events)).toBe(before);
  });

  it('going back and undoing in the main world is done in the others too: the variant is rebuilt without the action', () => {
    const { main, variants } = pair();
    main.advanceTo(90_000);
    main.act(register);
    keepInStep(main, variants);
    main.act(run);
    main.advanceTo(150_000);
    keepInStep(main, variants);
    const first = variants[1]!.timeline;
    expect(Object.keys(first.sim.world.tasks)).toHaveLength(3);
    main.undo();
    keepInStep(main, variants);
    const rebuilt = variants[1]!.timeline;
    expect(rebuilt).not.toBe(first);
    expect(rebuilt.actions).toHaveLength(1);
    expect(rebuilt.now).toBe(150_000);
    expect(rebuilt.sim.world.tasks).toEqual({});
    // Scrubbing back moves it back.
    main.seek(60_000);
    keepInStep(main, variants);
    expect(variants[1]!.timeline.now).toBe(60_000);
  });

  it('without a main world there is nothing to keep in step', () => {
    expect(keepInStep(null, [])).toBe(0);
  });
});
