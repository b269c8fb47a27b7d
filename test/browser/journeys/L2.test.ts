import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, solutionJourney, trapJourney, url } from './drive';

describe.runIf(url)('L2 Put it in a container, as a learner takes it', () => {
  let browser: Browser;
  beforeAll(async () => void (browser = await launch()), 60_000);
  afterAll(async () => browser?.close());

  it("the solution: each step's goals shown live, then checked and passed; its three commands run from the text's Run buttons", async () => {
    const me = await solutionJourney(browser, 'L2', 60);
    expect(me.fromText).toEqual(['docker build -t forum:1 .', 'docker run -d -p 80:3000 --name forum forum:1', 'traffic http://localhost:80/api/users 2']);
  }, 90_000);

  it('the trap "publish-80-80": the live list names its diagnostic, and so does the check', async () => {
    await trapJourney(browser, 'L2', 'publish-80-80', 60);
  }, 90_000);
});
