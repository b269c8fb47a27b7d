import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { parseScenario } from '../../src/content/scenario';
import { eventHash, reportOf, runScenario, type Report } from '../../src/content/runner';
import { checkLesson, parseDemo, parseIndex, parseLesson } from '../../src/content/lesson';
import type { Sim } from '../../src/sim';

/**
 * Recorded behaviour: for every scenario under test/scenarios and docs/examples, every lesson's solution and traps and
 * every demo, the hash of its event log and of the world it ends in (the Describe-shaped collections
 * of the runner's report, the local Docker host and the cost meter). The fixture is
 * test/fixtures/pins.json; `npm run pin` rewrites it, and a commit that changes it says why.
 */
export interface Pin {
  events: string;
  state: string;
  eventCount: number;
}

const root = resolve(import.meta.dirname, '../..');

function hashText(s: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0xcbf29ce4;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x01000197) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

/** The world at the end of a run, as the Describe APIs (and the Docker host) show it. */
function stateOf(r: Report, sim?: Sim): string {
  const { clusters, containerInstances, tasks, services, taskDefinitions, capacityProviders, scalableTargets, scalingPolicies, targetGroups, namespaces, cost, clock } = r;
  const docker = sim ? sim.world.docker : undefined;
  return hashText(JSON.stringify({ clock, clusters, containerInstances, tasks, services, taskDefinitions, capacityProviders, scalableTargets, scalingPolicies, targetGroups, namespaces, cost, docker }));
}

/** The scenarios under test/scenarios and the sandbox's start states in docs/examples. */
function scenarioFiles(): string[] {
  const out: string[] = [];
  for (const sub of ['test/scenarios', 'docs/examples']) {
    const dir = join(root, sub);
    for (const f of readdirSync(dir, { recursive: true }) as string[]) if (f.endsWith('.yaml')) out.push(join(dir, f));
  }
  return out.sort();
}

export function lessonFiles(): Record<string, string> {
  const dir = join(root, 'lessons');
  const files: Record<string, string> = {};
  for (const f of readdirSync(dir, { recursive: true }) as string[]) {
    const p = join(dir, f);
    if (statSync(p).isFile()) files[relative(dir, p).split(sep).join('/')] = readFileSync(p, 'utf8');
  }
  return files;
}

/** Every pinned run, by a stable name: `scenario:<path>`, `lesson:<id>:solution`, `lesson:<id>:trap:<name>`, `demo:<id>`, `demo:<id>:variant:<n>`. */
export function computePins(): Record<string, Pin> {
  const pins: Record<string, Pin> = {};
  for (const file of scenarioFiles()) {
    const name = relative(root, file).split(sep).join('/');
    let sim: Sim | undefined;
    const r = runScenario(parseScenario(readFileSync(file, 'utf8'), name), { after: (s) => (sim = s) });
    pins[`scenario:${name}`] = { events: r.eventHash, state: stateOf(r, sim), eventCount: r.events.length };
  }
  const files = lessonFiles();
  const index = parseIndex(files);
  for (const id of index.chapters.flatMap((c) => c.lessons)) {
    const lesson = parseLesson(files, id);
    const runs: [string, typeof lesson.solution][] = [['solution', lesson.solution], ...lesson.traps.map((t) => [`trap:${t.name}`, t.log] as [string, typeof lesson.solution])];
    for (const [what, log] of runs) {
      let state = '';
      let count = 0;
      const r = checkLesson(lesson, log, {
        after: (t) => {
          state = stateOf(reportOf(t.sim, id, lesson.start.seed, [], []), t.sim);
          count = t.sim.events.length;
        },
      });
      pins[`lesson:${id}:${what}`] = { events: r.eventHash, state, eventCount: count };
    }
  }
  for (const id of index.demos) {
    const d = parseDemo(files, id);
    let sim: Sim | undefined;
    const r = runScenario(d.scenario, { after: (s) => (sim = s) });
    pins[`demo:${id}`] = { events: eventHash(r.events), state: stateOf(r, sim), eventCount: r.events.length };
    // Each world of a demo's side by side is a run of its own.
    d.variants.forEach((v, i) => {
      let vs: Sim | undefined;
      const vr = runScenario(v.scenario, { seed: v.seed, after: (s) => (vs = s) });
      pins[`demo:${id}:variant:${i}`] = { events: eventHash(vr.events), state: stateOf(vr, vs), eventCount: vr.events.length };
    });
  }
  return pins;
}

export const PINS_FILE = join(root, 'test/fixtures/pins.json');
