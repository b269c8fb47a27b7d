import type { Focus } from '../../content/lesson';
import type { SandboxState } from '../store';

export type { Focus };

/**
 * What the canvas frames: in the audience's window, what the presenter's frames; otherwise the focus
 * the lesson or demo being taken names, or none (the whole world).
 */
export const selectFocus = (s: SandboxState): Focus | null => s.present.show?.focus ?? s.lesson.current?.def.focus ?? s.lesson.demo?.def.focus ?? null;
