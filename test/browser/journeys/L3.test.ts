import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, Learner, lessonById, solutionJourney, trapJourney, url } from '../../support/browser/journey';

describe.runIf(url)('L3 Compose: more than one container, as a learner takes it', () => {
  let browser: Browser;
  beforeAll(async () => void (browser = await launch()), 60_000);
  afterAll(async () => browser?.close());

  it("the solution: each step's goals shown live, then checked and passed", async () => {
    await solutionJourney(browser, 'L3', 60);
  }, 90_000);

  it('"never failed to connect" is not ticked before the API has connected and served (Compose up on the unchanged file, DB_HOST: localhost)', async () => {
    const lesson = lessonById('L3');
    const label = lesson.goals.find((g) => g.id === 'no-refused')!.label;
    const me = await Learner.open(browser, 'L3');
    await me.act({ at: 0, kind: 'command', line: 'docker compose up -d', files: { 'compose.yaml': lesson.files['compose.yaml']! } });
    for (const at of [0, 1000, 5000, 20_000]) {
      await me.jumpTo(at);
      const seen = await me.showsTheMoment(`at ${at / 1000} s`);
      expect(seen.met).not.toContain(label);
    }
    const line = me.pane().getByRole('listitem').filter({ hasText: label });
    expect(await line.textContent()).toMatch(/counts once “(The api and db services are both running|At least 20 requests)/);
  }, 90_000);

  it('the trap "bare-depends-on": the live list names its diagnostic, and so does the check', async () => {
    await trapJourney(browser, 'L3', 'bare-depends-on', 60);
  }, 90_000);

  it('the trap "db-host-localhost": the live list names its diagnostic, and so does the check', async () => {
    await trapJourney(browser, 'L3', 'db-host-localhost', 60);
  }, 90_000);
});
