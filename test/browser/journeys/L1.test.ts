import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, Learner, lessonById, solutionJourney, trapJourney, url } from '../../support/browser/journey';

describe.runIf(url)('L1 Meet the monolith, as a learner takes it', () => {
  let browser: Browser;
  beforeAll(async () => void (browser = await launch()), 60_000);
  afterAll(async () => browser?.close());

  it('the solution: each curl is counted as it answers, the crash and the restart as they happen, then passed', async () => {
    const me = await solutionJourney(browser, 'L1', 60);
    expect(await me.consoleOutput().textContent()).toContain('$ process restart forum');
    expect(await me.eventLog().textContent()).toContain('crashed handling GET /api/posts');
    expect(await me.pane().textContent()).toContain('It was “They fail too: the same program serves them”. You predicted it.');
    expect(
      await me
        .pane()
        .getByRole('group', { name: /^Predict, then run/ })
        .textContent(),
    ).toContain('They fail too: the same program serves them ✓ right');
  }, 90_000);

  it('Check my work at 0:00:01 marks nothing that has not happened, explains nothing and answers no prediction', async () => {
    const lesson = lessonById('L1');
    const me = await Learner.open(browser, 'L1', lesson.solution.predictions);
    await me.jumpTo(1000);
    await me.checkMyWork();
    const seen = await me.seen();
    // Nothing in the list tells the prediction's answer before the crash happens.
    expect([...seen.met, ...seen.notMet].filter((label) => /crash/i.test(label))).toEqual([]);
    expect(seen.notMet.length).toBe(lesson.goals.length);
    expect(seen.met).toEqual([]);
    expect(seen.why).toEqual([]);
    expect(await me.pane().textContent()).not.toContain('It was');
    // What to do next is said, though: the command a goal needs, and the time another waits for.
    await me.unfoldChecklist();
    const checklist = me.pane().getByRole('list', { name: /^Checklist/ });
    expect(await checklist.textContent()).toContain('send one: curl localhost:3000/api/users');
    expect(await checklist.textContent()).toContain('keep the clock running: the bug is hit at 2:00');
    // The command a goal names has its Run button there, as in the lesson text.
    await checklist.getByRole('button', { name: 'Run in console: curl localhost:3000/api/users' }).click();
    await expect.poll(() => me.page.getByLabel('Command').inputValue()).toBe('curl localhost:3000/api/users');
  }, 90_000);

  it('a wrong prediction: nothing marked before 2:00, then ✗ wrong on the pick and ✓ right on the answer once the process crashed', async () => {
    const me = await Learner.open(browser, 'L1', { 'blast-radius': 0 });
    const question = me.pane().getByRole('group', { name: /^Predict, then run/ });
    await me.jumpTo(60_000);
    expect(await question.textContent()).not.toMatch(/[✓✗]|It was/);
    await me.jumpTo(130_000);
    await expect.poll(() => question.textContent()).toContain('They keep working; only posts fails ✗ wrong');
    expect(await question.textContent()).toContain('They fail too: the same program serves them ✓ right');
    expect(await question.textContent()).toContain('It was “They fail too: the same program serves them”. You said “They keep working; only posts fails”.');
  }, 90_000);

  it('the trap "only posts breaks": the live list says the whole process went down', async () => {
    await trapJourney(browser, 'L1', 'only-posts-breaks', 60);
  }, 90_000);
});
