import type { SandboxState } from '../store';
import type { Pane } from '../types';

/**
 * The panes shown: in the audience's window the presenter's, otherwise the open demo's. Apart from the
 * panes' views and figures (./panes.ts), which only the side-by-side view, loaded on demand, reads.
 */
export const selectPanes = (s: SandboxState): Pane[] => s.present.show?.panes ?? s.lesson.demo?.panes ?? NONE;
const NONE: Pane[] = [];
