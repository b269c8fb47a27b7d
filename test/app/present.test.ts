// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { followPresenter, leadAudience } from '../../src/app/present';
import { runAction } from '../../src/store/actions';
import { PRESENT_CHANNEL, SILENT_MS, showMessage, type PresentMessage } from '../../src/store/present';
import { sandbox } from '../support/sandbox';

/** A BroadcastChannel that records what is posted and lets the test deliver what another window would. */
class FakeChannel {
  static opened: FakeChannel[] = [];
  readonly posted: PresentMessage[] = [];
  onmessage: ((e: MessageEvent<PresentMessage>) => void) | null = null;
  closed = false;
  constructor(readonly name: string) {
    FakeChannel.opened.push(this);
  }
  postMessage(m: PresentMessage): void {
    if (this.closed) throw new Error('posted on a closed channel');
    this.posted.push(m);
  }
  close(): void {
    this.closed = true;
  }
  /** A message from the other window. */
  hear(m: PresentMessage): void {
    this.onmessage?.({ data: m } as MessageEvent<PresentMessage>);
  }
}

const kinds = (ch: FakeChannel) => ch.posted.map((m) => `${m.kind}:${m.from}`);

beforeEach(() => {
  FakeChannel.opened = [];
  vi.stubGlobal('BroadcastChannel', FakeChannel);
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'performance'] });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("the audience's window", () => {
  it("asks the presenter's window for the world on the windows' channel, says it is there each second, and follows what it hears", () => {
    const presenter = sandbox();
    runAction(presenter, 'present.toggle');
    runAction(presenter, 'console.run', 'aws ecs create-cluster --cluster-name room');
    const audience = sandbox();
    const stop = followPresenter(audience);
    const [ch] = FakeChannel.opened;
    expect(ch!.name).toBe(PRESENT_CHANNEL);
    expect(kinds(ch!)).toEqual(['hello:audience']);
    vi.advanceTimersByTime(2000);
    expect(kinds(ch!)).toEqual(['hello:audience', 'beat:audience', 'beat:audience']);
    ch!.hear(showMessage(presenter.getState(), true));
    expect(audience.getState().present.presenter).toBe('connected');
    expect(Object.values(audience.getState().world.timeline!.sim.world.clusters).map((c) => c.clusterName)).toContain('room');
    ch!.hear({ kind: 'bye', from: 'presenter' });
    expect(audience.getState().present.presenter).toBe('gone');
    stop();
  });

  it('says goodbye as the page goes away, and once stopped closes the channel and says nothing more', () => {
    const stop = followPresenter(sandbox());
    const [ch] = FakeChannel.opened;
    window.dispatchEvent(new Event('pagehide'));
    expect(kinds(ch!)).toEqual(['hello:audience', 'bye:audience']);
    stop();
    expect(ch!.closed).toBe(true);
    vi.advanceTimersByTime(5000);
    window.dispatchEvent(new Event('pagehide'));
    expect(ch!.posted).toHaveLength(2);
  });
});

describe("the presenter's window", () => {
  it('answers an audience window that says hello with the whole world, and notices when it goes quiet', () => {
    const store = sandbox();
    runAction(store, 'present.toggle');
    const stop = leadAudience(store);
    const [ch] = FakeChannel.opened;
    expect(ch!.posted).toEqual([]);
    ch!.hear({ kind: 'hello', from: 'audience' });
    expect(store.getState().present.audience).toBe(true);
    const shown = ch!.posted.find((m) => m.kind === 'show');
    expect(shown).toMatchObject({ from: 'presenter', now: 0 });
    expect(shown!.kind === 'show' && shown!.world).toBeTruthy();
    vi.advanceTimersByTime(1000);
    expect(kinds(ch!).at(-1)).toBe('beat:presenter');
    expect(store.getState().present.audience).toBe(true);
    // Nothing heard from it for longer than SILENT_MS: the audience's window is taken to be gone.
    vi.advanceTimersByTime(SILENT_MS + 1000);
    expect(store.getState().present.audience).toBe(false);
    window.dispatchEvent(new Event('pagehide'));
    expect(kinds(ch!).at(-1)).toBe('bye:presenter');
    stop();
    expect(ch!.closed).toBe(true);
  });

  it('leaves an audience window unanswered outside presenter view', () => {
    const store = sandbox();
    const stop = leadAudience(store);
    const [ch] = FakeChannel.opened;
    ch!.hear({ kind: 'hello', from: 'audience' });
    vi.advanceTimersByTime(3000);
    expect(ch!.posted).toEqual([]);
    expect(store.getState().present.audience).toBe(false);
    stop();
  });
});

describe('a browser without BroadcastChannel', () => {
  it('opens no link between the windows and has nothing to stop', () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    const store = sandbox();
    const stops = [leadAudience(store), followPresenter(store)];
    vi.advanceTimersByTime(3000);
    window.dispatchEvent(new Event('pagehide'));
    expect(FakeChannel.opened).toEqual([]);
    for (const stop of stops) expect(stop()).toBeUndefined();
  });
});
