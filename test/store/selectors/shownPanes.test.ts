import { describe, expect, it } from 'vitest';
import { initialState } from '../../../src/store/store';
import { defaultWorkspace } from '../../../src/store/defaults';
import { selectPanes } from '../../../src/store/selectors/shownPanes';
import type { SandboxState } from '../../../src/store/store';

const state = () => initialState(defaultWorkspace());
const pane = (label: string) => ({ cluster: label.toLowerCase(), label });

describe('the panes shown side by side', () => {
  it('none without a demo, the open demo’s, and in the audience’s window the presenter’s before the demo’s', () => {
    const s = state();
    expect(selectPanes(s)).toEqual([]);
    expect(selectPanes(state())).toBe(selectPanes(s));
    const withDemo = { ...s, lesson: { ...s.lesson, demo: { panes: [pane('Spread')] } } } as unknown as SandboxState;
    expect(selectPanes(withDemo)).toEqual([pane('Spread')]);
    const shown = { ...withDemo, present: { ...s.present, show: { panes: [pane('Binpack')] } } } as unknown as SandboxState;
    expect(selectPanes(shown)).toEqual([pane('Binpack')]);
  });
});
