import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, solutionJourney, trapJourney, url } from './drive';

describe.runIf(url)('L3 Compose: more than one container, as a learner takes it', () => {
  let browser: Browser;
  beforeAll(async () => void (browser = await launch()), 60_000);
  afterAll(async () => browser?.close());

  it("the solution: each step's goals shown live, then checked and passed", async () => {
    await solutionJourney(browser, 'L3', 60);
  }, 90_000);

  it('the trap "bare-depends-on": the live list names its diagnostic, and so does the check', async () => {
    await trapJourney(browser, 'L3', 'bare-depends-on', 60);
  }, 90_000);

  it('the trap "db-host-localhost": the live list names its diagnostic, and so does the check', async () => {
    await trapJourney(browser, 'L3', 'db-host-localhost', 60);
  }, 90_000);
});
