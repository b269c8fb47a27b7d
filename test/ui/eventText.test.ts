import { describe, expect, it } from 'vitest';
import { checkLesson, parseIndex, parseLesson } from '../../src/content/lesson';
import { loadLocale, translate } from '../../src/i18n';
import { eventMessage, eventText } from '../../src/ui/eventText';
import type { SimEvent } from '../../src/sim';
import { lessonFiles } from '../support/pins';

/** Every event of every lesson's reference solution: the runs a learner's event log is most often made of. */
function lessonEvents(): SimEvent[] {
  const files = lessonFiles();
  const out: SimEvent[] = [];
  for (const id of parseIndex(files).chapters.flatMap((c) => c.lessons)) {
    const lesson = parseLesson(files, id);
    checkLesson(lesson, lesson.solution, { after: (t) => void out.push(...t.sim.events) });
  }
  return out;
}

describe("the event log's own words", () => {
  const events = lessonEvents();

  it("read back the engine's English exactly: each message a pattern reads is its key's English text with the pattern's values", () => {
    let read = 0;
    for (const e of events) {
      const m = eventMessage(e.type, e.message);
      if (!m) continue;
      read++;
      expect(translate('en', m.key, m.params), `${e.type}: ${e.message}`).toBe(e.message);
    }
    expect(read).toBeGreaterThan(800);
  });

  it("are said in Spanish for nearly every event but ECS's own service events, which stay as ECS writes them", async () => {
    await loadLocale('es');
    const own = events.filter((e) => e.type !== 'ServiceEvent');
    const english = own.filter((e) => eventText('es', e.type, e.message) === e.message);
    // Those left in English: types no pattern reads yet (alarms, scaling policies, traffic shapes and the like).
    expect(english.length / own.length, [...new Set(english.map((e) => e.type))].join(', ')).toBeLessThan(0.05);
    const launched = own.find((e) => e.type === 'InstanceLaunched')!;
    expect(eventText('es', launched.type, launched.message)).toMatch(/^La instancia EC2 i-\S+ \([\w.]+\) se está lanzando en us-east-1[a-c]\.$/);
    const steady = events.find((e) => e.type === 'ServiceEvent')!;
    expect(eventText('es', steady.type, steady.message)).toBe(steady.message);
    // A task's stopped reason is ECS's: it stays in English inside the Spanish sentence.
    expect(eventText('es', 'TaskStateChange', 'Task abc (web) is asked to stop: Essential container in task exited')).toBe('Se pide a la tarea abc (web) que se detenga: Essential container in task exited');
  });
});
