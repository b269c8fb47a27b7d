import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseIndex, parseLesson } from '../../src/content/lesson';
import { loadScripts, type Script, type Step } from './differential';

const LESSONS = resolve(import.meta.dirname, '../../lessons');

function lessonFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const f of readdirSync(LESSONS, { recursive: true }) as string[]) {
    const p = join(LESSONS, f);
    if (statSync(p).isFile()) files[relative(LESSONS, p).split('\\').join('/')] = readFileSync(p, 'utf8');
  }
  return files;
}

/**
 * Each lesson's solution as a differential script: its start state, the scenario's later actions and the
 * solution's actions at their times, as the lesson checker's timeline applies them (scenario actions first at
 * the same time). The solution's `aws` commands are compared; its other commands (sim, docker, copilot, …)
 * are the sandbox's own and act on the served world through the console.
 */
export function lessonScripts(): Script[] {
  const files = lessonFiles();
  const ids = parseIndex(files).chapters.flatMap((c) => c.lessons);
  const out: Script[] = [];
  for (const id of ids) {
    const lesson = parseLesson(files, id);
    const commands = lesson.solution.actions.filter((a) => a.kind === 'command' && a.line.trim().startsWith('aws '));
    if (!commands.length) continue;
    const timed: { at: number; order: number; step: Step }[] = lesson.start.actions.filter((a) => a.at > 0).map((a, i) => ({ at: a.at, order: i, step: { sim: a.call, input: a.input, at: a.at } }));
    lesson.solution.actions.forEach((a, i) => {
      const order = 1e6 + i;
      if (a.kind === 'call') timed.push({ at: a.at, order, step: { sim: a.call, input: a.input, at: a.at } });
      // The checker lets time pass between actions, never inside one: a sleep in a log does nothing.
      else if (/^\s*sleep(\s|$)/.test(a.line)) return;
      else if (a.line.trim().startsWith('aws ')) timed.push({ at: a.at, order, step: { run: a.line.trim(), at: a.at, ...(a.files ? { files: a.files } : {}) } });
      else timed.push({ at: a.at, order, step: { console: a.line, at: a.at, ...(a.files ? { files: a.files } : {}) } });
    });
    timed.sort((x, y) => x.at - y.at || x.order - y.order);
    out.push({
      id: `lesson-${id}`,
      source: `lesson ${id}`,
      origin: 'lesson',
      scenario: {},
      start: { ...lesson.start, actions: lesson.start.actions.filter((a) => a.at === 0), until: 0 },
      files: lesson.files,
      steps: timed.map((t) => t.step),
    });
  }
  return out;
}

/** The whole corpus: the scripts in test/cli/differential/scripts/ and the lessons' solutions. */
export function allScripts(): Script[] {
  return [...loadScripts(), ...lessonScripts()];
}
