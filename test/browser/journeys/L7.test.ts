import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { finish, launch, Learner, lessonById, trapJourney, url } from './drive';

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
    expect(await me.pane().textContent()).toContain('It was 2. You predicted it.');
  }, 90_000);

  it('the trap "strategy-as-guarantee": the live list names its diagnostic, and so does the check', async () => {
    await trapJourney(browser, 'L7', 'strategy-as-guarantee', 60);
  }, 90_000);
});
