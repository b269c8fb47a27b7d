import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, solutionJourney, trapJourney, url } from '../../support/browser/journey';

describe.runIf(url)('L14 Game day, as a learner takes it', () => {
  let browser: Browser;
  beforeAll(async () => void (browser = await launch()), 60_000);
  afterAll(async () => browser?.close());

  it("the solution: each step's goals shown live, then checked and passed", async () => {
    await solutionJourney(browser, 'L14', 600);
  }, 90_000);

  it('the trap "no-preparation": the live list names its diagnostic, and so does the check', async () => {
    await trapJourney(browser, 'L14', 'no-preparation', 600);
  }, 90_000);
});
