import type { Outcome } from '../../content/timeline';
import type { SandboxState } from '../store';
import { memoSelector } from './memo';

/** What the learner's commands printed, oldest first; a new list only when the world changed. */
export const selectTranscript: (s: SandboxState) => readonly Outcome[] = memoSelector(
  (s: SandboxState) => [s.world.timeline, s.world.version] as const,
  ([t]) => (t ? [...t.transcript] : []),
);
