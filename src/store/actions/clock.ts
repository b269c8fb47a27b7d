import { parseDuration } from '../../sim';
import { actionText } from '../../content/timeline';
import { notify, patch, touched, type SandboxState } from '../store';
import { needsWorld, reason, type ActionTable } from '../registry';
import { message } from '../../i18n';

/** The speeds the clock offers: simulated seconds per real second. */
export const SPEEDS = [1, 10, 60, 600, 3600];

/** "1:30" or "1:30:00" as a duration the parser reads ("5400s"). */
function clockToDuration(s: string): string {
  const parts = s.split(':').map(Number);
  if (parts.some((n) => !Number.isFinite(n))) return s;
  const [h, m, sec] = parts.length === 3 ? parts : [0, parts[0]!, parts[1] ?? 0];
  return `${h! * 3600 + m! * 60 + sec!}s`;
}

const step = (speed: number, by: number): number => SPEEDS[Math.min(SPEEDS.length - 1, Math.max(0, SPEEDS.indexOf(speed) + by))] ?? 60;

const undoable = (s: SandboxState): true | string => (!s.world.timeline ? reason('reason.cannotRun') : s.world.timeline.actions.length ? true : reason('reason.nothingToUndo'));
const redoable = (s: SandboxState): true | string => (!s.world.timeline ? reason('reason.cannotRun') : s.world.timeline.redoStack.length ? true : reason('reason.nothingToRedo'));

/** The clock and the learner's history: play, step, speed, jump, scrub, undo and redo. */
export const CLOCK_ACTIONS = {
  'clock.toggle': {
    label: 'Play / pause',
    group: 'Clock',
    keys: ['Space'],
    enabled: needsWorld,
    run: (st) =>
      patch(st, (s) => {
        // Play while a demo's question is shown is Continue: the question is behind, and the clock plays on to the next one.
        const d = s.lesson.demo;
        if (d?.pause) return { lesson: { demo: { ...d, pause: null, passed: d.passed + 1 } }, world: { playing: true } };
        return { world: { playing: !s.world.playing } };
      }),
  },
  'clock.step': {
    label: 'Step to the next event',
    group: 'Clock',
    keys: ['.'],
    enabled: needsWorld,
    run: (st) => {
      const t = st.getState().world.timeline!;
      patch(st, { world: { playing: false } });
      if (!t.stepEvent()) notify(st, message('notice.atRest'));
      touched(st);
    },
  },
  'clock.speed': {
    label: 'Set the speed',
    group: 'Clock',
    enabled: needsWorld,
    palette: { choices: () => SPEEDS.map((v) => ({ label: `${v}×`, arg: v })) },
    run: (st, arg: number) => {
      const v = Number(arg);
      if (SPEEDS.includes(v)) patch(st, { world: { speed: v } });
    },
  },
  'clock.faster': { label: 'Faster', group: 'Clock', keys: [']'], enabled: needsWorld, run: (st) => patch(st, (s) => ({ world: { speed: step(s.world.speed, 1) } })) },
  'clock.slower': { label: 'Slower', group: 'Clock', keys: ['['], enabled: needsWorld, run: (st) => patch(st, (s) => ({ world: { speed: step(s.world.speed, -1) } })) },
  'clock.jump': {
    label: 'Jump to a time',
    group: 'Clock',
    enabled: needsWorld,
    palette: { input: '5m, 1h30m, 2:00:00' },
    run: (st, arg: string) => {
      const raw = String(arg ?? '').trim();
      const ms = parseDuration(raw.includes(':') ? clockToDuration(raw) : raw);
      if (ms === undefined) {
        notify(st, message('notice.notATime', { raw }), 'error');
        return;
      }
      patch(st, { world: { playing: false } });
      st.getState().world.timeline!.seek(ms);
      touched(st);
    },
  },
  'clock.seek': {
    label: 'Scrub the timeline',
    group: 'Clock',
    enabled: needsWorld,
    palette: false,
    run: (st, arg: number) => {
      patch(st, { world: { playing: false } });
      st.getState().world.timeline!.seek(Number(arg));
      touched(st);
    },
  },
  'clock.latest': {
    label: 'Back to the latest moment',
    group: 'Clock',
    enabled: (s) => (!s.world.timeline ? reason('reason.cannotRun') : s.world.now < s.world.timeline.head ? true : reason('reason.latest')),
    run: (st) => {
      const t = st.getState().world.timeline!;
      patch(st, { world: { playing: false } });
      t.seek(t.head);
      touched(st);
    },
  },
  'history.undo': {
    label: 'Undo the last action',
    group: 'History',
    keys: ['Mod+Z'],
    enabled: undoable,
    run: (st) => {
      const a = st.getState().world.timeline!.undo();
      if (a) notify(st, message('notice.undone', { action: actionText(a) }));
      touched(st);
    },
  },
  'history.redo': {
    label: 'Redo',
    group: 'History',
    keys: ['Mod+Shift+Z'],
    enabled: redoable,
    run: (st) => {
      const a = st.getState().world.timeline!.redo();
      if (a) notify(st, message('notice.redone', { action: actionText(a) }));
      touched(st);
    },
  },
} satisfies ActionTable;
