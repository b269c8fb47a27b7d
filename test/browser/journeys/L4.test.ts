import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { finish, launch, Learner, lessonById, trapJourney, url } from '../../support/browser/journey';

describe.runIf(url)('L4 From Compose to ECS: cluster, instances, task definition, RunTask, as a learner takes it', () => {
  let browser: Browser;
  beforeAll(async () => void (browser = await launch()), 60_000);
  afterAll(async () => browser?.close());

  it('the solution, with the Compose file translated on the way: a symmetric port carries over, an asymmetric one is marked at its line', async () => {
    const lesson = lessonById('L4');
    const me = await Learner.open(browser, 'L4');
    await me.play(lesson.solution.actions.slice(0, 3));
    const supplied = lesson.files['compose.yaml']!;
    await me.translate(supplied);
    expect(await me.consoleOutput().textContent()).toContain('Does not carry over:');
    expect(await me.problemsIn('compose.yaml')).toEqual([]);
    // L3's mapping: the editor marks the ports line and says why.
    const asymmetric = supplied.replace('ports: ["3000:3000"]', 'ports: ["80:3000"]');
    const line = asymmetric.split('\n').findIndex((l) => l.includes('ports: ["80:3000"]')) + 1;
    await me.translate(asymmetric);
    await expect
      .poll(() => me.problemsIn('compose.yaml'))
      .toEqual([expect.stringMatching(new RegExp(`^compose\\.yaml:${line}:5: services\\.api\\.ports: api: published port 80 differs from target 3000; .*awsvpc \\(Fargate\\).*a load balancer listens there`))]);
    await me.translate(supplied);
    await expect.poll(() => me.problemsIn('compose.yaml')).toEqual([]);
    await me.showsTheMoment('after translating');
    await me.play(lesson.solution.actions.slice(3));
    await finish(me, 60);
    expect(await me.eventLog().textContent()).toMatch(/forum-api\) is RUNNING/);
  }, 90_000);

  it('the trap "image-only-local": the live list names its diagnostic, and so does the check', async () => {
    await trapJourney(browser, 'L4', 'image-only-local', 60);
  }, 90_000);
});
