import { describe, expect, it } from 'vitest';
import { initialState, makeStore, notify } from '../../../src/store/store';
import { canRun, runAction } from '../../../src/store/actions';
import { defaultWorkspace } from '../../../src/store/defaults';
import { fakePort } from '../../support/fakePort';

const fresh = () => makeStore(initialState(defaultWorkspace()), fakePort());

describe('how the window shows things', () => {
  it('opens one dialog at a time; a named close shuts only that one', () => {
    const store = fresh();
    runAction(store, 'palette.toggle');
    expect(store.getState().ui.dialog).toBe('palette');
    runAction(store, 'palette.toggle');
    expect(store.getState().ui.dialog).toBeNull();
    runAction(store, 'keys.show');
    runAction(store, 'dialog.close', 'palette');
    expect(store.getState().ui.dialog).toBe('keys');
    runAction(store, 'dialog.close', 'keys');
    expect(store.getState().ui.dialog).toBeNull();
  });

  it('selects something for the inspector, on its Describe tab, and the tabs need a selection', () => {
    const store = fresh();
    expect(canRun(store, 'inspector.tab', 'history')).toBe('nothing is selected; click something on the canvas or in the tables');
    runAction(store, 'select', { kind: 'control', id: 'scheduler' });
    runAction(store, 'inspector.tab', 'history');
    expect(store.getState().ui.inspectorTab).toBe('history');
    runAction(store, 'select', { kind: 'control', id: 'api' });
    expect(store.getState().ui.inspectorTab).toBe('json');
    runAction(store, 'inspector.tab', 'nonsense');
    expect(store.getState().ui.inspectorTab).toBe('json');
    runAction(store, 'select.clear');
    expect(store.getState().ui.selected).toBeNull();
  });

  it('switches panels, views and the presenter view, and dismisses a message', () => {
    const store = fresh();
    runAction(store, 'panel.show', 'charts');
    expect(store.getState().ui.panel).toBe('charts');
    runAction(store, 'panel.show', 'somewhere');
    expect(store.getState().ui.panel).toBe('charts');
    runAction(store, 'view.toggle');
    expect(store.getState().ui.view).toBe('table');
    runAction(store, 'present.toggle');
    expect(store.getState().ui.presenting).toBe(true);
    runAction(store, 'clock.step');
    const [n] = store.getState().ui.notices;
    runAction(store, 'notice.dismiss', n?.id);
    expect(store.getState().ui.notices).toHaveLength(0);
  });
});

describe('the presenter view', () => {
  it("takes a first visit's welcome away, for an audience, and leaves other notices", () => {
    const store = fresh();
    notify(store, 'New here?', 'info', { cause: 'lesson:welcome' });
    notify(store, 'Something else', 'warning');
    runAction(store, 'present.toggle');
    expect(store.getState().ui.notices.map((n) => n.text)).toEqual(['Something else']);
  });
});

describe('the palette', () => {
  it('loads the lessons when it opens, so they can be chosen in it', async () => {
    const store = fresh();
    runAction(store, 'palette.toggle');
    await expect.poll(() => store.getState().lesson.catalog !== null).toBe(true);
  });
});
