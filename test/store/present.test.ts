import { describe, expect, it } from 'vitest';
import { initialState, makeStore } from '../../src/store/store';
import { runAction, tick } from '../../src/store/actions';
import { defaultWorkspace } from '../../src/store/defaults';
import { audienceLink, audienceUrl, followShow, isAudienceWindow, presenterLink, showMessage, worldSig, SILENT_MS, type PresentMessage } from '../../src/store/present';
import { fakePort } from '../support/fakePort';

const fresh = (port = fakePort()) => makeStore(initialState(defaultWorkspace()), port);

describe('two windows, one world', () => {
  it('the audience follows the presenter: the same world at the same time, the question, never the notes', async () => {
    const presenter = fresh();
    runAction(presenter, 'demo.open', 'game-day');
    await expect.poll(() => presenter.getState().lesson.demo?.id).toBe('game-day');
    const audience = fresh();
    const first = showMessage(presenter.getState(), true);
    expect(followShow(audience, first)).toBe(true);
    expect(audience.getState().present).toMatchObject({ presenter: 'connected', show: { title: presenter.getState().lesson.demo!.def.title, question: null } });
    // The clock runs in the presenter's window; the audience's moves to its time without the world again.
    runAction(presenter, 'clock.speed', 600);
    runAction(presenter, 'clock.toggle');
    for (let i = 0; i < 200 && !presenter.getState().lesson.demo!.pause; i++) tick(presenter, 100, 1_000);
    const asked = showMessage(presenter.getState(), false);
    expect(asked.world).toBeUndefined();
    expect(followShow(audience, asked)).toBe(true);
    const [p, a] = [presenter.getState().world.timeline!, audience.getState().world.timeline!];
    expect(a.now).toBe(p.now);
    expect(a.sim.events.map((e) => e.message)).toEqual(p.sim.events.map((e) => e.message));
    expect(audience.getState().present.show!.question).toEqual({ prompt: presenter.getState().lesson.demo!.pause!.prompt, reveal: null });
    runAction(presenter, 'demo.reveal');
    followShow(audience, showMessage(presenter.getState(), false));
    expect(audience.getState().present.show!.question!.reveal).toBe(presenter.getState().lesson.demo!.pause!.reveal);
    // The notes stay in the presenter's window.
    const notes = presenter.getState().lesson.demo!.def.text.trim().split('\n')[0]!;
    expect(notes.length).toBeGreaterThan(20);
    const whole = showMessage(presenter.getState(), true);
    expect(JSON.stringify(whole)).not.toContain(notes);
    expect(JSON.stringify(whole)).not.toContain(presenter.getState().lesson.demo!.def.pauses[1]!.reveal);
  });

  it("an action changes the world's signature: the audience that missed it asks again, and then has it", () => {
    const presenter = fresh();
    const audience = fresh();
    followShow(audience, showMessage(presenter.getState(), true));
    const before = worldSig(presenter.getState());
    runAction(presenter, 'console.run', 'aws ecs create-cluster --cluster-name room');
    expect(worldSig(presenter.getState())).not.toBe(before);
    expect(followShow(audience, showMessage(presenter.getState(), false))).toBe(false);
    expect(followShow(audience, showMessage(presenter.getState(), true))).toBe(true);
    expect(Object.values(audience.getState().world.timeline!.sim.world.clusters).map((c) => c.clusterName)).toContain('room');
  });

  it('the audience window is the page opened with ?audience', () => {
    expect(isAudienceWindow('?audience')).toBe(true);
    expect(isAudienceWindow('?demo=game-day&t=8m&present&audience')).toBe(true);
    expect(isAudienceWindow('?demo=game-day&present')).toBe(false);
    expect(audienceUrl('/app/')).toBe('/app/?audience');
    const port = fakePort();
    const store = fresh(port);
    runAction(store, 'present.audience');
    // Without a window to open (the browser blocked it), the page says where to open it by hand.
    expect(store.getState().ui.presenting).toBe(true);
    expect(store.getState().ui.notices.at(-1)!.text).toContain('https://sandbox.example/app/?audience');
  });

  it('the link: hello gets the whole world, changes follow, leaving presenter view or going quiet is noticed on both sides', () => {
    const presenter = fresh();
    const audience = fresh();
    let clockMs = 0;
    const toAudience: PresentMessage[] = [];
    const toPresenter: PresentMessage[] = [];
    const lead = presenterLink(
      presenter,
      (m) => toAudience.push(m),
      () => clockMs,
    );
    const follow = audienceLink(
      audience,
      (m) => toPresenter.push(m),
      () => clockMs,
    );
    const deliver = () => {
      while (toAudience.length || toPresenter.length) {
        for (const m of toPresenter.splice(0)) lead.hear(m);
        for (const m of toAudience.splice(0)) follow.hear(m);
      }
    };
    // Not presenting: the page does not answer.
    deliver();
    expect(audience.getState().present.presenter).toBe('waiting');
    runAction(presenter, 'present.toggle');
    deliver();
    expect(presenter.getState().present.audience).toBe(true);
    expect(audience.getState().present.presenter).toBe('connected');
    runAction(presenter, 'console.run', 'aws ecs create-cluster --cluster-name room');
    runAction(presenter, 'clock.jump', '2m');
    deliver();
    expect(audience.getState().world.now).toBe(120_000);
    expect(Object.values(audience.getState().world.timeline!.sim.world.clusters).map((c) => c.clusterName)).toContain('room');
    runAction(presenter, 'spotlight.set', { kind: 'control', id: 'api' });
    deliver();
    expect(audience.getState().present.spotlight).toEqual({ kind: 'control', id: 'api' });
    // Leaving presenter view: the audience hears it at once and keeps the world.
    runAction(presenter, 'present.toggle');
    deliver();
    expect(audience.getState().present.presenter).toBe('gone');
    expect(presenter.getState().present.audience).toBe(false);
    expect(audience.getState().world.now).toBe(120_000);
    // Back in presenter view, then the audience's window goes quiet: the presenter's notices.
    runAction(presenter, 'present.toggle');
    lead.beat();
    deliver();
    expect(audience.getState().present.presenter).toBe('connected');
    clockMs += SILENT_MS + 1;
    lead.beat();
    expect(presenter.getState().present.audience).toBe(false);
    lead.stop();
    follow.stop();
  });
});
