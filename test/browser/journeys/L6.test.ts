import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { finish, launch, Learner, lessonById, trapJourney, url } from '../../support/browser/journey';

describe.runIf(url)('L6 Ports, network modes and the load balancer, as a learner takes it', () => {
  let browser: Browser;
  beforeAll(async () => void (browser = await launch()), 60_000);
  afterAll(async () => browser?.close());

  it("the solution: the static port's failure is in the event log and the placement decisions, then passed", async () => {
    const lesson = lessonById('L6');
    const me = await Learner.open(browser, 'L6');
    await me.play(lesson.solution.actions.slice(0, 1));
    await me.jumpTo(30_000);
    const seen = await me.showsTheMoment('two tasks run');
    // The Why line names the symptom and where to look, not the fix: that is the last hint's, on request.
    expect(seen.why.join(' ')).toContain('RESOURCE:PORTS');
    expect(seen.why.join(' ')).not.toContain('hostPort 0');
    expect(await me.pane().textContent()).not.toContain('"hostPort": 0');
    for (let i = 0; i < lesson.text.hints.length; i++) await me.pane().getByRole('button', { name: 'Hint', exact: true }).click();
    await expect.poll(() => me.pane().textContent()).toContain('"hostPort": 0 asks for a dynamic host port');
    // What the text points at: the service event, and the decisions of the Task placement node.
    expect(await me.eventLog().textContent()).toMatch(/service forum-api was unable to place a task .* is already using a port/);
    await me.page.getByRole('button', { name: /^Task placement/ }).click();
    await expect.poll(() => me.page.getByRole('region', { name: 'Inspector' }).textContent()).toMatch(/RESOURCE:PORTS[\s\S]*host port 80\/tcp is already in use/);
    // The task on i-0b1, Why here?: i-0a1 was rejected for its port 80.
    await me.page.locator('.canvas .react-flow__node').filter({ hasText: 'i-0b1' }).locator('.chip').first().click();
    await me.page.getByRole('tab', { name: 'Why here?' }).click();
    const i0a1 = me.page.getByRole('region', { name: 'Inspector' }).locator('tbody').filter({ hasText: 'i-0a1' });
    await expect.poll(() => i0a1.textContent()).toMatch(/rejected\s*port filter\s*Why: Host port 80\/tcp is already in use/);
    await me.play(lesson.solution.actions.slice(1));
    await finish(me, 60);
  }, 90_000);

  it('the trap "more-instances": the live list names its diagnostic, and so does the check', async () => {
    await trapJourney(browser, 'L6', 'more-instances', 60);
  }, 90_000);
});
