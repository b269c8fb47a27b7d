import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, solutionJourney, trapJourney, url } from '../../support/browser/journey';

describe.runIf(url)('L15 Blue/green and canary deployments: test traffic, bake time, alarm rollback, as a learner takes it', () => {
  let browser: Browser;
  beforeAll(async () => void (browser = await launch()), 60_000);
  afterAll(async () => browser?.close());

  it("the solution: each step's goals shown live, then checked and passed", async () => {
    await solutionJourney(browser, 'L15', 60);
  }, 120_000);

  it('the trap "alarm-without-rollback": the live list names its diagnostic, and so does the check', async () => {
    await trapJourney(browser, 'L15', 'alarm-without-rollback', 60);
  }, 120_000);

  it('the trap "canary-without-alarm": the live list names its diagnostic, and so does the check', async () => {
    await trapJourney(browser, 'L15', 'canary-without-alarm', 60);
  }, 120_000);
});
