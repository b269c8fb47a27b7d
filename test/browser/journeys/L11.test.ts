import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, solutionJourney, trapJourney, url } from '../../support/browser/journey';

describe.runIf(url)('L11 Service auto scaling, as a learner takes it', () => {
  let browser: Browser;
  beforeAll(async () => void (browser = await launch()), 60_000);
  afterAll(async () => browser?.close());

  it("the solution: each step's goals shown live, then checked and passed", async () => {
    await solutionJourney(browser, 'L11', 600);
  }, 90_000);

  it('the trap "max-two": the live list names its diagnostic, and so does the check', async () => {
    await trapJourney(browser, 'L11', 'max-two', 600);
  }, 90_000);

  it('the trap "scale-everything": the live list names its diagnostic, and so does the check', async () => {
    await trapJourney(browser, 'L11', 'scale-everything', 600);
  }, 90_000);
});
