import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, solutionJourney, trapJourney, url } from '../../support/browser/journey';

describe.runIf(url)('L8 Break the monolith (strangler fig), as a learner takes it', () => {
  let browser: Browser;
  beforeAll(async () => void (browser = await launch()), 60_000);
  afterAll(async () => browser?.close());

  it("the solution: each step's goals shown live, then checked and passed", async () => {
    await solutionJourney(browser, 'L8', 60);
  }, 90_000);

  it('the trap "monolith-first": the live list names its diagnostic, and so does the check', async () => {
    await trapJourney(browser, 'L8', 'monolith-first', 60);
  }, 90_000);

  it('the trap "priority-100": the live list names its diagnostic, and so does the check', async () => {
    await trapJourney(browser, 'L8', 'priority-100', 60);
  }, 90_000);
});
