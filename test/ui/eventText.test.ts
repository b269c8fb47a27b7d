import { describe, expect, it } from 'vitest';
import { checkLesson, parseDemo, parseIndex, parseLesson } from '../../src/content/lesson';
import { runScenario } from '../../src/content/runner';
import { loadLocale } from '../../src/i18n';
import { eventText } from '../../src/ui/eventText';
import type { SimEvent } from '../../src/sim';
import { FREE_TEXT } from '../../src/sim/model/narration';
import { lessonFiles } from '../support/pins';

/** Every event of every lesson's reference solution and traps, and of every demo and its variants: what a learner's event log is made of. */
function learnerEvents(): SimEvent[] {
  const files = lessonFiles();
  const index = parseIndex(files);
  const out: SimEvent[] = [];
  for (const id of index.chapters.flatMap((c) => c.lessons)) {
    const lesson = parseLesson(files, id);
    for (const log of [lesson.solution, ...lesson.traps.map((t) => t.log)]) checkLesson(lesson, log, { after: (t) => void out.push(...t.sim.events) });
  }
  for (const id of index.demos) {
    const d = parseDemo(files, id);
    out.push(...runScenario(d.scenario).events);
    for (const v of d.variants) out.push(...runScenario(v.scenario, { seed: v.seed }).events);
  }
  return out;
}

const freeText = new Set<string>(FREE_TEXT);

describe("the event log's own words", () => {
  const events = learnerEvents();

  it("has every event said from a form of the narration table, but for ECS's own words", () => {
    expect(events.length).toBeGreaterThan(4000);
    const unsaid = events.filter((e) => e.form === undefined && !freeText.has(e.type));
    expect(unsaid.map((e) => `${e.type}: ${e.message}`).slice(0, 5)).toEqual([]);
    for (const e of events.filter((x) => x.form !== undefined)) expect(e.form!.startsWith(`${e.type}.`), `${e.type} said as ${e.form!}`).toBe(true);
  });

  it('says them in English as the engine wrote them', () => {
    for (const e of events) expect(eventText('en', e)).toBe(e.message);
  });

  it("says the sandbox's own events in Spanish from their forms, and ECS's service events as ECS writes them", async () => {
    await loadLocale('es');
    const own = events.filter((e) => !freeText.has(e.type));
    const english = own.filter((e) => eventText('es', e) === e.message);
    // Those that stay English are sentences made only of values (a Docker error after a container's name).
    expect(english.length / own.length, [...new Set(english.map((e) => e.form))].join(', ')).toBeLessThan(0.01);
    const launched = own.find((e) => e.type === 'InstanceLaunched' && e.form === 'InstanceLaunched.zone')!;
    expect(eventText('es', launched)).toMatch(/^La instancia EC2 i-\S+ \([\w.]+\) se está lanzando en us-east-1[a-c]\.$/);
    const steady = events.find((e) => e.type === 'ServiceEvent')!;
    expect(eventText('es', steady)).toBe(steady.message);
  });

  it("keeps ECS's words inside a Spanish sentence: a task's stopped reason is one of its values", async () => {
    await loadLocale('es');
    const stopping = { message: 'Task abc (web) is asked to stop: Essential container in task exited', form: 'TaskStateChange.stopping', values: { id: 'abc', family: 'web', reason: 'Essential container in task exited' } };
    expect(eventText('es', stopping)).toBe('Se pide a la tarea abc (web) que se detenga: Essential container in task exited');
    // A message without a form (a service event, or an event saved before events carried forms) stays as written.
    expect(eventText('es', { message: '(service web) has reached a steady state.' })).toBe('(service web) has reached a steady state.');
  });
});
