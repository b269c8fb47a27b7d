import type { LearnerAction } from '../content/timeline';
import { loadScenario, patch, touched, type AudienceShow, type DemoState, type SandboxState, type SandboxStore, type Selection, type ShownChoice } from './store';
import type { Callout } from '../content/lesson';
import { selectFocus } from './selectors/canvas';
import type { VariantDoc } from './variants';
import { yamlLoaded } from './yaml';

/**
 * Two windows, one world: the presenter's window (the page, in presenter view) drives; the
 * audience's window (the same page opened with ?audience) follows it over a BroadcastChannel of
 * this name. Same origin, no server: it works offline. The world crosses as its document (the
 * scenario, the seed and the actions) and the clock as a time, so the audience's window replays
 * the same deterministic world; the presenter's notes never cross.
 */
export const PRESENT_CHANNEL = 'ecs-sandbox-present';

/** How long a window may be silent (ms) before the other takes it as gone (a busy machine delays the beats); each says it is there every second, and a closing window says so at once. */
export const SILENT_MS = 8000;

/** The world as it crosses to the audience's window. */
export interface WorldDoc {
  scenarioText: string;
  seed: string;
  scenarioId: string | null;
  actions: LearnerAction[];
  /** The worlds side by side, each its own scenario text and seed (none: one world). */
  variants?: VariantDoc[];
}

export type PresentMessage =
  /** An audience window opened (or lost track): it asks for everything. */
  | { kind: 'hello'; from: 'audience' }
  | { kind: 'beat'; from: 'audience' | 'presenter' }
  | { kind: 'bye'; from: 'audience' | 'presenter' }
  /** What the audience shows now; `world` only when the world changed (or was asked for), `sig` naming it. */
  | { kind: 'show'; from: 'presenter'; sig: string; world?: WorldDoc; now: number; show: AudienceShow; spotlight: Selection | null };

/** Whether this window was opened as the audience's (?audience). */
export function isAudienceWindow(search: string): boolean {
  return new URLSearchParams(search).has('audience');
}

/** What this window is: the sandbox, the audience's window (?audience) or the class page (?class). */
export function windowMode(search: string): 'page' | 'audience' | 'class' {
  const q = new URLSearchParams(search);
  return q.has('audience') ? 'audience' : q.has('class') ? 'class' : 'page';
}

/** The address of the audience's window for a page at `pathname`. */
export function audienceUrl(pathname: string): string {
  return `${pathname}?audience`;
}

/** Names the world's document cheaply: a new world, or a change to its actions (one more, one undone, a branch), changes it. */
export function worldSig(s: SandboxState): string {
  const t = s.world.timeline;
  if (!t) return `none:${s.world.worldId}`;
  return `${s.world.worldId}|${t.actions.length}|${JSON.stringify(t.actions.at(-1) ?? null)}`;
}

/** What the audience's window shows: the demo's (or lesson's) title, the question while the clock waits at one, what the canvas frames. */
export function audienceShow(s: SandboxState): AudienceShow {
  const demo = s.lesson.demo;
  const lesson = s.lesson.current;
  const p = demo?.pause;
  return {
    title: demo?.def.title ?? (lesson ? `${lesson.id}: ${lesson.def.title}` : 'ECS Sandbox'),
    ...(lesson && !demo ? { lesson: lesson.id } : {}),
    question: p ? { prompt: p.prompt, reveal: p.revealed ? p.reveal : null, ...(p.choices ? { choices: shownChoices(p) } : {}) } : null,
    focus: selectFocus(s),
    panes: demo?.panes ?? [],
    callouts: activeCallouts(demo?.def.callouts, s.world.now),
  };
}

/** A question's choices as the room sees them: the room's pick, and whether each was right only once revealed. */
export function shownChoices(p: NonNullable<DemoState['pause']>): ShownChoice[] {
  return (p.choices ?? []).map((c, i) => ({ label: c.label, picked: p.picked === i, right: p.revealed && p.judged ? (p.judged[i] ?? false) : null }));
}

/** The callouts shown at `now`: those with at ≤ now < until (no until: to the end). */
export function activeCallouts(callouts: readonly Callout[] | undefined, now: number): { node?: string; text: string }[] {
  return (callouts ?? []).filter((c) => c.at <= now && now < (c.until ?? Infinity)).map((c) => (c.node ? { node: c.node, text: c.text } : { text: c.text }));
}

/**
 * A scenario's text without its `presenter` member (a demo's notes, questions and answers live
 * there): the world it makes is the same, as the engine never reads that member.
 */
export function withoutPresenter(text: string): string {
  if (!/^presenter\s*:/m.test(text)) return text;
  // A text with a presenter block came from a demo, which was read with the parser: YAML has loaded.
  const doc = yamlLoaded().parseDocument(text);
  if (doc.errors.length || !doc.has('presenter')) return text;
  doc.delete('presenter');
  return doc.toString();
}

/** The presenter's message for the state now; with `world`, the world's document goes along (never the notes). */
export function showMessage(s: SandboxState, world: boolean): Extract<PresentMessage, { kind: 'show' }> {
  const t = s.world.timeline;
  return {
    kind: 'show',
    from: 'presenter',
    sig: worldSig(s),
    now: s.world.now,
    show: audienceShow(s),
    spotlight: s.present.spotlight,
    ...(world
      ? {
          world: {
            scenarioText: withoutPresenter(s.world.scenarioText),
            seed: s.world.seed,
            scenarioId: s.world.scenarioId,
            actions: t ? t.actions.slice() : [],
            ...(s.world.variants.length ? { variants: s.world.variants.map((v) => ({ label: v.label, seed: v.seed, text: withoutPresenter(v.text) })) } : {}),
          },
        }
      : {}),
  };
}

/** The world document each audience store last loaded, by its signature. */
const followed = new WeakMap<SandboxStore, string>();

/**
 * The audience's window takes in what the presenter's says: the world (rebuilt when its document
 * changed, at the presenter's time), the clock (moved to the presenter's time), the question and the
 * spotlight. False when the message names a world this window does not have: it must ask again.
 */
export function followShow(store: SandboxStore, m: Extract<PresentMessage, { kind: 'show' }>): boolean {
  if (m.world) {
    loadScenario(store, m.world.scenarioText, m.world.seed, m.world.scenarioId, m.world.actions, m.now, m.world.variants ?? []);
    followed.set(store, m.sig);
  } else if (followed.get(store) !== m.sig) return false;
  else {
    const t = store.getState().world.timeline;
    if (t && t.now !== m.now) {
      t.seek(m.now);
      touched(store);
    }
  }
  patch(store, { present: { show: m.show, spotlight: m.spotlight, presenter: 'connected' } });
  return true;
}

/** The presenter's window hears that an audience window follows it, or no longer does. */
function setAudience(store: SandboxStore, on: boolean): void {
  patch(store, (s) => (s.present.audience === on ? {} : { present: { audience: on } }));
}

/** The audience's window hears that the presenter's window left (or stopped presenting). */
function presenterGone(store: SandboxStore): void {
  patch(store, (s) => (s.present.presenter === 'connected' ? { present: { presenter: 'gone' } } : {}));
}

/** One side of the link between the windows: what it does with a message heard, each second, and when it stops. */
export interface Link {
  hear(m: PresentMessage): void;
  /** Every second: says it is there, and notices the other side gone quiet. */
  beat(): void;
  /** The window closes. */
  bye(): void;
  stop(): void;
}

/**
 * The presenter's side: while this window is in presenter view it answers an audience window's
 * hello with the whole world, then sends what changes (the clock each frame it moves, the question,
 * the spotlight; the world's document only when it changed). `post` carries a message to the other
 * windows, `now` is a wall clock in ms.
 */
export function presenterLink(store: SandboxStore, post: (m: PresentMessage) => void, now: () => number): Link {
  let heard = 0;
  let sentSig = '';
  let sent = '';
  const send = (whole: boolean) => {
    const s = store.getState();
    if (!s.ui.presenting || (!whole && !s.present.audience)) return;
    const m = showMessage(s, whole || worldSig(s) !== sentSig);
    const same = JSON.stringify([m.sig, m.now, m.show, m.spotlight]);
    if (!m.world && same === sent) return;
    sentSig = m.sig;
    sent = same;
    post(m);
  };
  let presenting = store.getState().ui.presenting;
  const unsubscribe = store.subscribe((s) => {
    if (s.ui.presenting !== presenting) {
      presenting = s.ui.presenting;
      // Leaving presenter view lets the audience's window know at once; coming back, it asks again.
      post({ kind: presenting ? 'beat' : 'bye', from: 'presenter' });
      if (!presenting) setAudience(store, false);
    }
    send(false);
  });
  return {
    hear: (m) => {
      if (m.from !== 'audience' || !store.getState().ui.presenting) return;
      if (m.kind === 'bye') return setAudience(store, false);
      heard = now();
      setAudience(store, true);
      if (m.kind === 'hello') send(true);
    },
    beat: () => {
      if (!store.getState().ui.presenting) return;
      post({ kind: 'beat', from: 'presenter' });
      if (store.getState().present.audience && now() - heard > SILENT_MS) setAudience(store, false);
    },
    bye: () => post({ kind: 'bye', from: 'presenter' }),
    stop: unsubscribe,
  };
}

/**
 * The audience's side: asks for the world on opening (and whenever it lost track), follows what the
 * presenter's window sends, and notices when the presenter's window goes quiet; the world it shows stays.
 */
export function audienceLink(store: SandboxStore, post: (m: PresentMessage) => void, now: () => number): Link {
  let heard = 0;
  post({ kind: 'hello', from: 'audience' });
  return {
    hear: (m) => {
      if (m.from !== 'presenter') return;
      if (m.kind === 'bye') return presenterGone(store);
      heard = now();
      if (m.kind === 'show') {
        if (!followShow(store, m)) post({ kind: 'hello', from: 'audience' });
      } else if (store.getState().present.presenter !== 'connected') post({ kind: 'hello', from: 'audience' });
    },
    beat: () => {
      post({ kind: 'beat', from: 'audience' });
      if (store.getState().present.presenter === 'connected' && now() - heard > SILENT_MS) presenterGone(store);
    },
    bye: () => post({ kind: 'bye', from: 'audience' }),
    stop: () => undefined,
  };
}
