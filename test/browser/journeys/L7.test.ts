import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { finish, launch, Learner, lessonById, trapJourney, url } from '../../support/browser/journey';

describe.runIf(url)('L7 Placement strategies and constraints, as a learner takes it', () => {
  let browser: Browser;
  beforeAll(async () => void (browser = await launch()), 60_000);
  afterAll(async () => browser?.close());

  it("the solution: legacy's service event says why it has no task; the prediction is answered once the tasks run", async () => {
    const lesson = lessonById('L7');
    const me = await Learner.open(browser, 'L7', lesson.solution.predictions);
    await me.jumpTo(6000);
    await me.showsTheMoment('legacy cannot place its task');
    expect(await me.eventLog().textContent()).toMatch(/service legacy was unable to place a task .*MemberOf placement constraint unsatisfied/);
    await me.play(lesson.solution);
    await finish(me, 60);
    expect(await me.pane().textContent()).toContain('It was “2”. You predicted it.');
  }, 90_000);

  it("the question is not given away: before it is answered the spread goals show no count, and no goal quotes legacy's failure", async () => {
    const lesson = lessonById('L7');
    const me = await Learner.open(browser, 'L7');
    await me.play(lesson.solution.actions.slice(0, 1));
    await me.jumpTo(15_000);
    await me.showsTheMoment('forum-api placed, the question not answered');
    const list = me.pane().getByRole('list', { name: /^Checklist/ });
    const text = (await list.textContent()) ?? '';
    expect(text).not.toContain('2 of its 6');
    expect(text).toContain('forum-api: its RUNNING tasks in us-east-1a');
    expect(text).toContain('answer the question above first');
    expect(text).not.toMatch(/legacy was unable|MemberOf/);
    expect(await me.pane().getByRole('button', { name: 'Show goal' }).getAttribute('title')).toMatch(/shows the answers to the questions above/);
    await me
      .pane()
      .getByRole('group', { name: /how many land in us-east-1a/ })
      .getByRole('radio', { name: '3' })
      .check();
    await expect.poll(async () => (await list.textContent()) ?? '').toContain('forum-api: 2 of its 6 RUNNING tasks in us-east-1a');
  }, 90_000);

  it('the trap "strategy-as-guarantee": the live list names its diagnostic, and so does the check', async () => {
    await trapJourney(browser, 'L7', 'strategy-as-guarantee', 60);
  }, 90_000);

  it('the trap "constraint-update-alone": a constraint added by update-service moves no task, and the live list says to force a new deployment', async () => {
    const me = await trapJourney(browser, 'L7', 'constraint-update-alone', 60);
    expect(await me.pane().getByRole('note').allTextContents()).toContainEqual(expect.stringContaining('--force-new-deployment'));
  }, 90_000);
});
