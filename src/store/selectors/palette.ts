import { ACTIONS, enabledIn, type ActionEntry, type ActionId } from '../actions';
import { keyText, type ActionGroup, type KeyScope } from '../registry';
import type { SandboxState } from '../store';
import { memoSelector } from './memo';

/** One line of the command palette: an action (with the argument of one of its choices), and whether it can run. */
export interface PaletteEntry {
  /** Unique within the palette. */
  key: string;
  id: ActionId;
  arg?: unknown;
  label: string;
  group: ActionGroup;
  /** The first key that runs it, as shown ("Ctrl+Z"). */
  shortcut: string | null;
  /** Why it cannot run now, or null. */
  disabled: string | null;
  /** For an action that takes a line of text: what to type. */
  input?: string;
  /** For one of an action's choices: the choice's own label (the rest of `label` is the action's). */
  choice?: string;
}

function entries(s: SandboxState, a: ActionEntry): PaletteEntry[] {
  const p = a.palette;
  if (p === false) return [];
  const shortcut = a.keys?.[0] && !a.keyArg ? keyText(a.keys[0]) : null;
  // An action whose keys give it an argument shows, beside each choice, the key that gives that one.
  const keyOf = (arg: unknown) => {
    const k = a.keyArg && a.keys?.find((key) => a.keyArg!(key) === arg);
    return k ? keyText(k) : shortcut;
  };
  const why = (arg?: unknown) => {
    const r = enabledIn(s, a.id, arg);
    return r === true ? null : r;
  };
  if (p && 'choices' in p) {
    return p.choices(s).map((c) => ({ key: `${a.id}:${String(c.arg)}`, id: a.id, arg: c.arg, label: `${a.label}: ${c.label}`, choice: c.label, group: a.group, shortcut: keyOf(c.arg), disabled: why(c.arg) }));
  }
  return [{ key: a.id, id: a.id, label: p && 'input' in p ? `${a.label}…` : a.label, group: a.group, shortcut, disabled: why(), ...(p && 'input' in p ? { input: p.input } : {}) }];
}

/** Every action the palette offers, in registry order, with whether each can run now (and why not). */
export const selectPalette: (s: SandboxState) => PaletteEntry[] = memoSelector(
  // The enabled rules read the world's contents, the files, the lesson and the window, never the clock's hand.
  (s: SandboxState) => [s.world.timeline, s.world.version, s.world.problem, s.editor, s.lesson, s.ui] as const,
  (_, s) => ACTIONS.flatMap((a) => entries(s, a)),
);

/** Whether an entry is what the learner typed: every word of the filter appears in its label, group or key. */
export function paletteMatches(e: PaletteEntry, filter: string): boolean {
  const hay = `${e.label} ${e.group} ${e.shortcut ?? ''}`.toLowerCase();
  return filter
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => hay.includes(w));
}

/** A row of the Keys dialog: the keys of one action and what it does. */
export interface KeyRow {
  id: ActionId;
  keys: string[];
  label: string;
}

const PLACES: { scope: KeyScope; title: string }[] = [
  { scope: 'page', title: 'On the page (not in a text field or the editor)' },
  { scope: 'anywhere', title: 'Anywhere, in text fields too' },
  { scope: 'console', title: "In the console's command line" },
  { scope: 'editor', title: 'In the code editor' },
];

/** The Keys dialog's tables: every action that has keys, by where its keys work. */
export function keyTables(): { scope: KeyScope; title: string; rows: KeyRow[] }[] {
  return PLACES.map((p) => ({
    scope: p.scope,
    title: p.title,
    rows: ACTIONS.filter((a) => a.keys?.length && (a.scope ?? 'page') === p.scope).map((a) => ({ id: a.id, keys: a.keys!.map(keyText), label: a.label })),
  })).filter((t) => t.rows.length);
}
