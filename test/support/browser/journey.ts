import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, inject } from 'vitest';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { checkLesson, parseLesson, type ActionLog, type Lesson } from '../../../src/content/lesson';
import type { LearnerAction } from '../../../src/content/timeline';
import { lessonFiles } from '../pins';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium';

/**
 * A learner's journey through a lesson, in the page only: the Lessons dialog, the console, the editor and its
 * buttons, the prediction, the clock's controls and Check my work; read back from what a person sees (the
 * checklist, the explanations under it, the console and the event log) by role and accessible name.
 */

export const url = inject('journeyUrl');
const SHOTS = resolve(import.meta.dirname, '../../../test-output/journeys');
const files = lessonFiles();

export const lessonById = (id: string): Lesson => parseLesson(files, id);

/** The page each browser has a lesson open in. */
const opened = new WeakMap<Browser, Page>();

export async function launch(): Promise<Browser> {
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const clockText = (ms: number) => {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 3600)}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
};

/** What the lesson pane shows at a moment: each goal's label with whether it is met, and the explanations. */
export interface Seen {
  met: string[];
  notMet: string[];
  why: string[];
}

export class Learner {
  /** The moment the learner has brought the clock to (ms), as the page's clock shows it. */
  now = 0;
  /** What the learner has done so far, at the times it was done. */
  readonly done: LearnerAction[] = [];
  private readonly written: Record<string, string>;
  /** The commands run with a Run button of the lesson text. */
  readonly fromText: string[] = [];

  constructor(
    readonly page: Page,
    readonly lesson: Lesson,
    readonly predictions: Record<string, number> = {},
  ) {
    this.written = { ...lesson.files };
  }

  /**
   * Opens the lesson from the Lessons dialog; a journey after the first in the same browser takes the lesson
   * up again with Restart, in the page it was left in (a learner's second try).
   */
  static async open(browser: Browser, id: string, predictions: Record<string, number> = {}): Promise<Learner> {
    const lesson = lessonById(id);
    let page = opened.get(browser);
    if (page) {
      await page
        .getByRole('region', { name: `Lesson ${id}` })
        .getByRole('button', { name: 'Restart', exact: true })
        .click();
      await expect.poll(() => page!.getByLabel('Simulated time').textContent()).toBe('0:00:00');
      await page.getByRole('tab', { name: 'Console' }).click();
      await expect.poll(() => page!.getByRole('log', { name: 'Console output' }).textContent()).not.toContain('$ ');
    } else {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
      page = await context.newPage();
      await page.goto(url);
      await page.locator('html[data-ready="true"]').waitFor();
      await page.getByRole('button', { name: 'Lessons', exact: true }).click();
      await page
        .getByRole('dialog')
        .getByRole('button', { name: new RegExp(`${id}: ${escape(lesson.title)}`) })
        .click();
      await expect.poll(() => page!.getByRole('region', { name: `Lesson ${id}` }).count()).toBe(1);
      opened.set(browser, page);
    }
    const me = new Learner(page, lesson, predictions);
    for (const p of lesson.predictions) {
      const choice = predictions[p.id];
      if (choice === undefined) continue;
      await me
        .pane()
        .getByRole('group', { name: new RegExp(escape(p.prompt)) })
        .getByRole('radio', { name: p.choices[choice]!.label })
        .check();
    }
    return me;
  }

  pane(): Locator {
    return this.page.getByRole('region', { name: `Lesson ${this.lesson.id}` });
  }

  consoleOutput(): Locator {
    return this.page.getByRole('log', { name: 'Console output' });
  }

  eventLog(): Locator {
    return this.page.getByRole('log', { name: /^Events/ });
  }

  /** Unfolds the checklist (on a short window it starts folded to its summary line), as a learner would. */
  async unfoldChecklist(): Promise<void> {
    const toggle = this.pane().locator('.lesson-checks-head button');
    if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
  }

  /** The checklist and the explanations, as the pane shows them. */
  async seen(): Promise<Seen> {
    await this.unfoldChecklist();
    const items = await this.pane()
      .getByRole('list', { name: /^Checklist/ })
      .getByRole('listitem')
      .allTextContents();
    // A goal that would give a prediction's answer away reads as its labelBefore until the question is answered.
    const labelOf = (text: string) => {
      const g = this.lesson.goals.find((x) => text.slice(2).startsWith(x.label) || (x.labelBefore !== undefined && text.slice(2).startsWith(x.labelBefore)));
      return g ? (text.slice(2).startsWith(g.label) ? g.label : g.labelBefore!) : `? ${text}`;
    };
    const why = await this.pane().getByRole('note').allTextContents();
    return {
      met: items.filter((t) => t.includes(' (done)')).map(labelOf),
      notMet: items.filter((t) => !t.includes(' (done)')).map(labelOf),
      why: why.filter((t) => t.startsWith('Why:')).map((t) => t.slice(4).trim()),
    };
  }

  /** What Check my work would say at this moment: the checker's replay of what was done, to now. */
  expected(): Seen {
    const r = checkLesson(this.lesson, this.log(), { to: this.now });
    return {
      met: r.checklist.filter((c) => c.passed).map((c) => c.label),
      notMet: r.checklist.filter((c) => !c.passed).map((c) => c.label),
      why: r.diagnostics.map((d) => d.message),
    };
  }

  log(): ActionLog {
    return { actions: this.done.slice(), predictions: this.predictions };
  }

  /** The live checklist shows what has been met by now (and explains what went wrong), within a few seconds. */
  async showsTheMoment(note: string): Promise<Seen> {
    const want = this.expected();
    await this.shows(want, note);
    return want;
  }

  async shows(want: Seen, note: string): Promise<void> {
    try {
      await expect.poll(() => this.seen(), { timeout: 5000, interval: 100 }).toEqual(want);
    } catch (e) {
      await this.shot(`failed-${note}`);
      throw new Error(`${this.lesson.id} at ${clockText(this.now)} (${note}): ${(e as Error).message}`);
    }
  }

  async shot(name: string): Promise<void> {
    await this.page.screenshot({ path: resolve(SHOTS, `${this.lesson.id}-${name.replace(/[^a-z0-9-]+/gi, '-')}.png`) });
  }

  /** Brings the clock to `ms` with the Jump to field (the clock never goes back here). */
  async jumpTo(ms: number): Promise<void> {
    if (ms <= this.now) return;
    await this.page.getByLabel('Jump to').fill(`${ms / 1000}s`);
    await this.page.getByLabel('Jump to').press('Enter');
    await expect.poll(() => this.page.getByLabel('Simulated time').textContent()).toBe(clockText(ms));
    this.now = ms;
  }

  /**
   * Runs a command and waits until it has run (its line is in the console's output). A command the lesson text
   * shows is brought in with its Run button, which types it into the console; any other is typed. Enter runs it.
   */
  async type(line: string): Promise<void> {
    await this.page.getByRole('tab', { name: 'Console' }).click();
    const echo = `$ ${line}`;
    const before = await this.count(echo);
    const run = this.pane().getByRole('button', { name: `Run in console: ${line}`, exact: true });
    const command = this.page.getByLabel('Command');
    if (await run.count()) {
      await run.first().click();
      await expect.poll(() => command.inputValue()).toBe(line);
      this.fromText.push(line);
    } else await command.fill(line);
    await command.press('Enter');
    await expect.poll(() => this.count(echo)).toBe(before + 1);
  }

  private async count(echo: string): Promise<number> {
    await this.page.getByRole('tab', { name: 'Console' }).click();
    const text = (await this.consoleOutput().textContent()) ?? '';
    return text.split(echo).length - 1;
  }

  /** Opens a file in the editor and replaces its text, pasted as a learner brings a file in. */
  async write(file: string, text: string): Promise<void> {
    await this.openFile(file);
    const box = this.page.getByRole('textbox', { name: new RegExp(`\\(${escape(file)}\\)$`) });
    // Monaco's own text box, which it keeps out of sight (it draws the text itself).
    await box.waitFor({ state: 'attached', timeout: 30_000 });
    await box.focus();
    await this.page.keyboard.press('Control+A');
    await this.page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await this.page.keyboard.press('Control+V');
    // The editor checks a file 300 ms after typing stops, as a learner's next click comes after that.
    await this.page.waitForTimeout(400);
    this.written[file] = text;
  }

  /** Opens a file's tab in the editor. */
  async openFile(file: string): Promise<void> {
    await this.page.getByRole('tab', { name: 'Editor' }).click();
    await this.page
      .getByRole('tablist', { name: 'Files' })
      .getByRole('tab', { name: new RegExp(`(^|\\s)${escape(file)}$`) })
      .click();
  }

  /** Presses one of a file's buttons in the editor (Register task definition, Translate to ECS, …). */
  async press(button: string, file: string): Promise<void> {
    await this.openFile(file);
    await this.page.getByRole('button', { name: button, exact: true }).click();
  }

  /** Does one action of a log through the page: editor files first, then the command typed, or the editor's button. */
  async act(a: LearnerAction): Promise<void> {
    await this.jumpTo(a.at);
    if (a.kind === 'command') {
      for (const [file, text] of Object.entries(a.files ?? {})) if (this.written[file] !== text) await this.write(file, text);
      await this.type(a.line);
    } else if (a.call === 'ecs.RegisterTaskDefinition') {
      // The editor's button runs it as this command, which the console shows.
      const echo = '$ aws ecs register-task-definition --cli-input-json file://taskdef.json';
      const before = await this.count(echo);
      await this.write('taskdef.json', `${JSON.stringify(a.input, null, 2)}\n`);
      await this.press('Register task definition', 'taskdef.json');
      await expect.poll(() => this.count(echo)).toBe(before + 1);
    } else throw new Error(`${this.lesson.id}: no button makes ${a.call}`);
    this.done.push({ ...a, at: this.now });
  }

  /** Translates compose.yaml with the editor's button (after writing `text` into it), as the console records it. */
  async translate(text: string): Promise<void> {
    if (this.written['compose.yaml'] !== text) await this.write('compose.yaml', text);
    const echo = '$ translate compose.yaml';
    const before = await this.count(echo);
    await this.press('Translate to ECS', 'compose.yaml');
    await expect.poll(() => this.count(echo)).toBe(before + 1);
    this.done.push({ at: this.now, kind: 'command', line: 'translate compose.yaml', files: { 'compose.yaml': text } });
  }

  /** What the editor lists under a file: its problems, each with its line. */
  async problemsIn(file: string): Promise<string[]> {
    await this.page.getByRole('tab', { name: 'Editor' }).click();
    return this.page
      .getByRole('list', { name: `Problems in ${file}` })
      .getByRole('listitem')
      .allTextContents();
  }

  /** Plays actions in order, checking the live checklist after each instant's actions. */
  async play(log: ActionLog | LearnerAction[]): Promise<void> {
    const actions = Array.isArray(log) ? log : log.actions;
    for (let i = 0; i < actions.length; i++) {
      await this.act(actions[i]!);
      if (actions[i + 1]?.at !== actions[i]!.at) await this.showsTheMoment(`after ${actionName(actions[i]!)}`);
    }
  }

  /**
   * Runs the clock with Play at `speed` until the pane shows `until` holds, then pauses. What the pane shows is
   * then compared with the checker's replay to the moment the clock stopped at.
   */
  async runClock(speed: number, until: (s: Seen) => boolean, note: string, timeout = 15_000): Promise<void> {
    await this.page.getByLabel('Speed').selectOption(String(speed));
    await this.page.getByRole('button', { name: 'Play', exact: true }).click();
    try {
      await expect.poll(async () => until(await this.seen()), { timeout, interval: 50 }).toBe(true);
    } catch (e) {
      await this.shot(`failed-${note}`);
      throw new Error(`${this.lesson.id} (${note}): the pane never showed it while the clock ran; it shows ${JSON.stringify(await this.seen())}`, { cause: e });
    } finally {
      await this.page.getByRole('button', { name: 'Pause', exact: true }).click();
    }
    // The clock stopped between two seconds: bring it to the next whole second, a moment the checker can name.
    const [h, m, s] = ((await this.page.getByLabel('Simulated time').textContent()) ?? '').split(':').map(Number);
    this.now = Math.min(this.now, ((h! * 60 + m!) * 60 + s!) * 1000);
    await this.jumpTo(((h! * 60 + m!) * 60 + s! + 1) * 1000);
    await this.showsTheMoment(note);
  }

  /** Check my work: the verdict is the live list's, with the debrief when passed. */
  async checkMyWork(): Promise<void> {
    const want = this.expected();
    await this.pane().getByRole('button', { name: 'Check my work' }).click();
    await expect
      .poll(() =>
        this.pane()
          .getByRole('heading', { name: /^Checklist \(checked by replaying/ })
          .count(),
      )
      .toBe(1);
    await this.shows(want, 'checked');
    const passed = want.notMet.length === 0;
    await expect.poll(() => this.pane().getByRole('heading', { name: 'Debrief' }).count()).toBe(passed ? 1 : 0);
    // After the debrief, the way on: the next lesson, or the word that this was the last.
    const onward = this.pane()
      .getByRole('button', { name: /^Next lesson: L/ })
      .or(this.pane().getByText('That was the last lesson.'));
    await expect.poll(() => onward.count()).toBe(passed ? 1 : 0);
  }
}

function actionName(a: LearnerAction): string {
  return a.kind === 'command' ? a.line.split(' ').slice(0, 3).join(' ') : a.call;
}

/** The solution's journey: every step's goals shown live, the clock run to the end, then checked and passed. */
export async function solutionJourney(browser: Browser, id: string, speed: number): Promise<Learner> {
  const lesson = lessonById(id);
  const me = await Learner.open(browser, id, lesson.solution.predictions);
  await me.showsTheMoment('opened');
  await me.play(lesson.solution);
  await finish(me, speed);
  return me;
}

/** Runs the clock until every goal is shown met, then Check my work passes and the debrief follows. */
export async function finish(me: Learner, speed: number): Promise<void> {
  if ((await me.seen()).notMet.length) await me.runClock(speed, (s) => s.notMet.length === 0, 'every goal met');
  await me.checkMyWork();
  expect((await me.seen()).notMet).toEqual([]);
}

/** A trap's journey: its actions through the page, the clock run until the live list names its diagnostic, then checked. */
export async function trapJourney(browser: Browser, id: string, trap: string, speed: number): Promise<Learner> {
  const lesson = lessonById(id);
  const t = lesson.traps.find((x) => x.name === trap)!;
  const message = lesson.diagnostics.find((d) => d.id === t.diagnostic)!.message;
  const me = await Learner.open(browser, id, t.log.predictions);
  await me.play(t.log);
  if (!(await me.seen()).why.includes(message)) await me.runClock(speed, (s) => s.why.includes(message), `names ${t.diagnostic}`);
  await me.checkMyWork();
  expect((await me.seen()).why).toContain(message);
  return me;
}
