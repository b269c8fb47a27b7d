import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, solutionJourney, trapJourney, url } from '../../support/browser/journey';

describe.runIf(url)('L16 Express Mode: the same application without a manifest, as a learner takes it', () => {
  let browser: Browser;
  beforeAll(async () => void (browser = await launch()), 60_000);
  afterAll(async () => browser?.close());

  it("the solution: each step's goals shown live, then checked and passed", async () => {
    await solutionJourney(browser, 'L16', 60);
  }, 120_000);

  it('the trap "default-health-check": the live list names its diagnostic, and so does the check', async () => {
    await trapJourney(browser, 'L16', 'default-health-check', 60);
  }, 120_000);
});
