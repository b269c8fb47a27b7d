import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, solutionJourney, trapJourney, url } from '../../support/browser/journey';

describe.runIf(url)('L10 Fargate: no instances to manage, as a learner takes it', () => {
  let browser: Browser;
  beforeAll(async () => void (browser = await launch()), 60_000);
  afterAll(async () => browser?.close());

  it("the solution: each step's goals shown live, then checked and passed", async () => {
    await solutionJourney(browser, 'L10', 60);
  }, 90_000);

  it('the trap "any-size-works": the live list names its diagnostic, and so does the check', async () => {
    await trapJourney(browser, 'L10', 'any-size-works', 60);
  }, 90_000);
});
