import { describe, expect, it } from 'vitest';
import { selectFocus } from '../../../src/store/selectors/canvas';
import { loadCatalog, openLesson } from '../../../src/store/lessons';
import type { SandboxState } from '../../../src/store/store';
import { sandbox } from '../../support/sandbox';

describe('what the canvas frames', () => {
  it('the whole world when no lesson or demo is taken', () => {
    expect(selectFocus(sandbox().getState())).toBeNull();
  });

  it("the lesson's focus while it is taken", async () => {
    const store = sandbox();
    const l7 = (await loadCatalog()).lessons.L7!;
    openLesson(store, l7);
    expect(selectFocus(store.getState())).toEqual(l7.focus);
    expect(l7.focus).not.toBeNull();
  });

  it("in the audience's window, the presenter's framing over anything of its own", async () => {
    const store = sandbox();
    openLesson(store, (await loadCatalog()).lessons.L7!);
    const s = store.getState();
    const shown = { ...s, present: { ...s.present, show: { ...(s.present.show ?? {}), focus: { kind: 'cluster' } } } } as unknown as SandboxState;
    expect(selectFocus(shown)).toEqual({ kind: 'cluster' });
  });
});
