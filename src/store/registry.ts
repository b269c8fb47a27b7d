import { message, type Message, type MessageKey, type Params } from '../i18n';
import type { SandboxState, SandboxStore } from './store';

/**
 * What an action is: everything a learner can do is one entry of the registry (src/store/actions.ts
 * assembles the tables of src/store/actions/), and every surface reads it: buttons, keyboard
 * shortcuts, the command palette, the Keys dialog and lesson steps.
 */
// A table holds actions of every argument type, so its entries' argument is left open here; each
// action's own table types it (src/store/actions/).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface ActionDef<A = any> {
  /** What it does, as a button or the palette says it. */
  label: string;
  /** Where the palette and the Keys dialog list it. */
  group: ActionGroup;
  /**
   * The keys that run it: a key name as KeyboardEvent.key gives it ("Space" for " ", letters in
   * capitals), after "Mod+" (Ctrl, or Cmd on a Mac), "Shift+" or "Alt+" where a modifier is needed.
   */
  keys?: readonly string[];
  /** The argument the pressed key gives it (keys 1 to 5 pick the first to fifth choice); without it a key runs it with none. */
  keyArg?: (key: string) => A;
  /** Where its keys work (default: the page). */
  scope?: KeyScope;
  /** While it cannot run, its keys do nothing and are left to the page (no "not now" message). */
  quiet?: boolean;
  /** True when it can run now, or why not, in words a learner reads. */
  enabled?: (s: SandboxState, arg?: A) => true | string;
  run: (store: SandboxStore, arg: A) => void | Promise<void>;
  /** Says that it was refused and why, where the learner looks (default: a notice naming the action). */
  refused?: (store: SandboxStore, arg: A, why: string) => void;
  /**
   * How the palette offers it: as it is (the default), once per choice, asking for a line of text,
   * or not at all (actions whose argument only a gesture supplies: a click, a drag, typing).
   */
  palette?: false | { choices: (s: SandboxState) => { label: string; arg: A }[] } | { input: string };
}

/** A table of actions by id; the ids are the registry's typed action ids. */
export type ActionTable = Record<string, ActionDef>;

export type ActionGroup = 'Clock' | 'History' | 'Sandbox' | 'Workspace' | 'Lesson' | 'Demo' | 'View' | 'Editor' | 'Console';

/**
 * - page: when the focus is not in a text field, a list, the code editor or a dialog; Space and
 *   Enter on a focused button press the button, as usual.
 * - anywhere: also in text fields and dialogs (not in the code editor, whose own keys come first).
 * - console: in the console's command line.
 * - editor: in the code editor.
 */
export type KeyScope = 'page' | 'anywhere' | 'console' | 'editor';

const REASONS = new Map<string, Message>();

/**
 * Why an action cannot run now, as its `enabled` rule says it: the English words the registry passes
 * around (buttons, the palette, the refusal notice, lesson steps), remembered with the message key and
 * values they came from, so the page says them in the learner's language (`reasonMessage`).
 */
export function reason(key: MessageKey, params?: Params): string {
  const m = message(key, params);
  if (!REASONS.has(m.text)) REASONS.set(m.text, m);
  return m.text;
}

/** The message a reason's English words came from, when `reason` made them. */
export function reasonMessage(text: string): Message | undefined {
  return REASONS.get(text);
}

export const needsWorld = (s: SandboxState): true | string => (s.world.timeline ? true : reason('reason.noWorld'));

export const needsLesson = (s: SandboxState): true | string => (s.lesson.current ? true : reason('reason.noLesson'));

/** A key press, as the page saw it. */
export interface KeyPress {
  key: string;
  ctrl: boolean;
  meta: boolean;
  shift: boolean;
  alt: boolean;
}

/** A DOM key event (or anything shaped like one) as a key press. */
export function pressOf(e: { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }): KeyPress {
  return { key: e.key, ctrl: e.ctrlKey, meta: e.metaKey, shift: e.shiftKey, alt: e.altKey };
}

const NAMES: Record<string, string> = { ' ': 'Space' };

/** Whether a key press is one of the spellings above ("Mod+Shift+Z", "Space", "."). */
export function keyMatches(binding: string, press: KeyPress): boolean {
  const parts = binding.split('+');
  const key = parts.pop()!;
  const mods = new Set(parts);
  if (mods.has('Mod') !== (press.ctrl || press.meta)) return false;
  if (mods.has('Alt') !== press.alt) return false;
  const name = NAMES[press.key] ?? press.key;
  // A letter is its capital with Shift held and its small letter without.
  if (/^[A-Z]$/.test(key)) {
    if (mods.has('Mod')) return name.toUpperCase() === key && mods.has('Shift') === press.shift;
    return name === (mods.has('Shift') ? key : key.toLowerCase());
  }
  // A printed character comes out of Shift already shifted ("]" vs "}"), so Shift is not asked of it;
  // a named key (Tab, Enter, Escape, the arrows) means something else with Shift (Shift+Tab goes back).
  if (press.key.length > 1 && mods.has('Shift') !== press.shift) return false;
  if (press.key.length === 1 && mods.has('Shift') && !press.shift) return false;
  return name === key;
}

/** A binding as the Keys dialog and the palette show it ("Ctrl+Shift+Z"). */
export function keyText(binding: string): string {
  return binding
    .replace(/^Mod\+/, 'Ctrl+')
    .replace(/^ArrowUp$/, 'Up')
    .replace(/^ArrowDown$/, 'Down');
}

/** A binding as aria-keyshortcuts spells it ("Control+Z Meta+Z"). */
export function ariaKeys(binding: string): string {
  return binding.startsWith('Mod+') ? `Control+${binding.slice(4)} Meta+${binding.slice(4)}` : binding;
}
