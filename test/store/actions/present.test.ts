import { describe, expect, it, vi } from 'vitest';
import { enabledIn, runAction } from '../../../src/store/actions';
import { classCsv, type ClassRow } from '../../../src/store/classroom';
import { sandbox } from '../../support/sandbox';
import type { FakePort } from '../../support/fakePort';

const row: ClassRow = { learner: 'Ana', lesson: 'L1', passed: true, checkedAt: 90_000, traps: [], right: 1, asked: 2, rightIds: ['p1'], missedIds: ['p2'], activeMs: 300_000, checks: 2, startedAt: null, passedAt: null };

describe("the instructor's actions", () => {
  it('opening the audience window makes this one the presenter’s; a blocked window is said with the address to open', () => {
    const store = sandbox();
    const port = store.port as FakePort;
    const opened: [string, string][] = [];
    port.openWindow = (url, name) => (opened.push([url, name]), true);
    runAction(store, 'present.audience');
    expect(store.getState().ui.presenting).toBe(true);
    expect(opened).toEqual([['/app/?audience', 'ecs-sandbox-audience']]);
    expect(store.getState().ui.notices).toEqual([]);
    port.openWindow = () => false;
    runAction(store, 'present.audience');
    expect(store.getState().ui.notices.at(-1)).toMatchObject({
      text: 'The browser did not open the audience window: open https://sandbox.example/app/?audience in a second window of this browser.',
      tone: 'warning',
      sticky: true,
    });
  });

  it('the spotlight is set on what the presenter points at and cleared, and clearing nothing says why', () => {
    const store = sandbox();
    expect(enabledIn(store.getState(), 'spotlight.clear')).toBe('nothing is in the spotlight');
    runAction(store, 'spotlight.set', { kind: 'cluster', id: 'demo' });
    expect(store.getState().present.spotlight).toEqual({ kind: 'cluster', id: 'demo' });
    expect(enabledIn(store.getState(), 'spotlight.clear')).toBe(true);
    runAction(store, 'spotlight.clear');
    expect(store.getState().present.spotlight).toBeNull();
  });

  it('exports the class table as CSV in the page’s language', async () => {
    const store = sandbox();
    const port = store.port as FakePort;
    runAction(store, 'class.export', [row]);
    await vi.waitFor(() => expect(port.downloads).toHaveLength(1));
    expect(port.downloads).toEqual([{ name: 'class-progress.csv', text: classCsv([row], 'en'), type: 'text/csv' }]);
    expect(port.downloads[0]!.text.split('\n')[1]).toMatch(/^Ana,L1,/);
  });
});
