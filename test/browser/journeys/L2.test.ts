import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, solutionJourney, trapJourney, url } from '../../support/browser/journey';

describe.runIf(url)('L2 Put it in a container, as a learner takes it', () => {
  let browser: Browser;
  beforeAll(async () => void (browser = await launch()), 60_000);
  afterAll(async () => browser?.close());

  it("the solution: each step's goals shown live, then checked and passed; its three commands run from the text's Run buttons", async () => {
    const me = await solutionJourney(browser, 'L2', 60);
    expect(me.fromText).toEqual(['docker build -t forum:1 .', 'docker run -d -p 80:3000 --name forum forum:1', 'traffic http://localhost:80/api/users 2']);
  }, 90_000);

  it('the trap "publish-80-80": the live list names its diagnostic, says what the traffic got, and so does the check', async () => {
    const me = await trapJourney(browser, 'L2', 'publish-80-80', 60);
    const line = me.pane().getByRole('listitem').filter({ hasText: 'At least 20 requests through localhost:80' });
    expect(await line.textContent()).toMatch(/[1-9]\d* requests failed in the last 30 s, 0 succeeded/);
  }, 90_000);
});
