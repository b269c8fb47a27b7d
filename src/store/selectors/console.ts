import type { Outcome } from '../../content/timeline';
import type { Piece } from '../../content/console/said';
import type { SandboxState } from '../store';
import { memoSelector } from './memo';

/** What the learner's commands printed, oldest first; a new list only when the world changed. */
export const selectTranscript: (s: SandboxState) => readonly Outcome[] = memoSelector(
  (s: SandboxState) => [s.world.timeline, s.world.version] as const,
  ([t]) => (t ? [...t.transcript] : []),
);

/** A line of the console: a command and what came back, or a command it refused and why. */
export interface ConsoleLine {
  command: string;
  output: string;
  /** The output in parts where some are the console's own words, which the page shows in the learner's language. */
  pieces?: Piece[];
  failed: boolean;
}

/** A refused line's reason as the console's own words, when the store kept its message key. */
const echoPieces = (e: SandboxState['ui']['console']['echoes'][number]): { pieces?: Piece[] } => (e.message ? { pieces: [e.message] } : {});

/** The console's lines: the transcript, with each refused command where it was typed. */
export const selectConsoleLines: (s: SandboxState) => ConsoleLine[] = memoSelector(
  (s: SandboxState) => [selectTranscript(s), s.ui.console.echoes] as const,
  ([transcript, echoes]) => {
    const out: ConsoleLine[] = [];
    let e = 0;
    transcript.forEach((o, i) => {
      for (; e < echoes.length && echoes[e]!.after <= i; e++) out.push({ command: echoes[e]!.command, output: echoes[e]!.text, ...echoPieces(echoes[e]!), failed: true });
      out.push({ command: o.command, output: o.output, ...(o.pieces ? { pieces: o.pieces } : {}), failed: o.exitCode !== 0 });
    });
    for (; e < echoes.length; e++) out.push({ command: echoes[e]!.command, output: echoes[e]!.text, ...echoPieces(echoes[e]!), failed: true });
    return out;
  },
);
