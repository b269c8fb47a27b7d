import type { Focus } from '../../content/lesson';
import type { SandboxState } from '../store';

export type { Focus };

/** What the canvas frames: the focus the lesson or demo being taken names, or none (the whole world). */
export const selectFocus = (s: SandboxState): Focus | null => s.lesson.current?.def.focus ?? s.lesson.demo?.def.focus ?? null;
