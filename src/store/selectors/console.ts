import type { Outcome } from '../../content/timeline';
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
  failed: boolean;
}

/** The console's lines: the transcript, with each refused command where it was typed. */
export const selectConsoleLines: (s: SandboxState) => ConsoleLine[] = memoSelector(
  (s: SandboxState) => [selectTranscript(s), s.ui.console.echoes] as const,
  ([transcript, echoes]) => {
    const out: ConsoleLine[] = [];
    let e = 0;
    transcript.forEach((o, i) => {
      for (; e < echoes.length && echoes[e]!.after <= i; e++) out.push({ command: echoes[e]!.command, output: echoes[e]!.text, failed: true });
      out.push({ command: o.command, output: o.output, failed: o.exitCode !== 0 });
    });
    for (; e < echoes.length; e++) out.push({ command: echoes[e]!.command, output: echoes[e]!.text, failed: true });
    return out;
  },
);
