import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, solutionJourney, trapJourney, url } from '../../support/browser/journey';

describe.runIf(url)('L5 Services: desired state, self-healing, rolling deploys, as a learner takes it', () => {
  let browser: Browser;
  beforeAll(async () => void (browser = await launch()), 60_000);
  afterAll(async () => browser?.close());

  it("the solution: each step's goals shown live, then checked and passed", async () => {
    await solutionJourney(browser, 'L5', 60);
  }, 90_000);

  it('the trap "min-healthy-zero": the live list names its diagnostic, and so does the check', async () => {
    await trapJourney(browser, 'L5', 'min-healthy-zero', 60);
  }, 90_000);

  it('the trap "two-run-tasks": the live list names its diagnostic, and so does the check', async () => {
    await trapJourney(browser, 'L5', 'two-run-tasks', 60);
  }, 90_000);
});
