import { formatClock } from '../../sim';
import type { SandboxState } from '../store';

export function clock(ms: number): string {
  const days = Math.floor(ms / 86_400_000);
  const rest = formatClock(ms % 86_400_000);
  return days ? `day ${days + 1}, ${rest}` : rest;
}

/** The furthest this timeline has reached (ms): the scrubber's end. */
export const selectHead = (s: SandboxState): number => s.world.timeline?.head ?? 0;

/** How many learner actions this timeline holds. */
export const selectActionCount = (s: SandboxState): number => (void s.world.version, s.world.timeline?.actions.length ?? 0);
