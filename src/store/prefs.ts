/**
 * How this browser likes the page: the theme, the sizes of the panes and the language. Kept in local storage as
 * versioned JSON beside the workspace, read member by member (a damaged value falls back to its
 * default, never to a blank page), and never part of a share link.
 */

import { isLocale, type Locale } from '../i18n';

export const PREFS_KEY = 'ecs-sandbox.prefs';

/** The theme chosen: light, dark, or whatever the system prefers (prefers-color-scheme). */
export type ThemeChoice = 'system' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

/** The resizable panes, in CSS pixels: the lesson's and the event log's widths, the tools' height, the inspector's width. */
export interface Panes {
  lesson: number;
  side: number;
  bottom: number;
  inspector: number;
}

export type PaneId = keyof Panes;

/**
 * Each pane's bounds and default. The page narrows these further to what the window holds (a pane
 * never takes more than its share of the viewport), so the stored size is what the learner asked for.
 */
export const PANE_LIMITS: Record<PaneId, { min: number; max: number; initial: number; label: string }> = {
  lesson: { min: 240, max: 720, initial: 380, label: 'Resize the lesson pane' },
  side: { min: 220, max: 720, initial: 340, label: 'Resize the event log' },
  bottom: { min: 120, max: 900, initial: 260, label: 'Resize the tools below the canvas' },
  inspector: { min: 280, max: 1200, initial: 560, label: 'Resize the inspector' },
};

export const PANE_IDS = Object.keys(PANE_LIMITS) as PaneId[];

export function defaultPanes(): Panes {
  return { lesson: PANE_LIMITS.lesson.initial, side: PANE_LIMITS.side.initial, bottom: PANE_LIMITS.bottom.initial, inspector: PANE_LIMITS.inspector.initial };
}

/** A size within a pane's bounds, in whole pixels. */
export function clampPane(pane: PaneId, size: number): number {
  const l = PANE_LIMITS[pane];
  return Math.round(Math.min(l.max, Math.max(l.min, Number.isFinite(size) ? size : l.initial)));
}

export interface Prefs {
  theme: ThemeChoice;
  panes: Panes;
  /** The panes the learner resized: the others take the page's size for what they show (the editor's height, say). */
  sized: PaneId[];
  /** The language the learner chose, or null to follow the browser's. */
  language: Locale | null;
}

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'> | undefined;

const THEMES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

/** Reads stored preferences as untrusted data: each member that is not what it should be takes its default. */
export function parsePrefs(raw: string | null): Prefs {
  const out: Prefs = { theme: 'system', panes: defaultPanes(), sized: [], language: null };
  if (raw === null) return out;
  let d: unknown;
  try {
    d = JSON.parse(raw);
  } catch {
    return out;
  }
  if (!d || typeof d !== 'object' || (d as { version?: unknown }).version !== 1) return out;
  const p = d as { theme?: unknown; panes?: unknown; sized?: unknown; language?: unknown };
  if (THEMES.includes(p.theme as ThemeChoice)) out.theme = p.theme as ThemeChoice;
  if (isLocale(p.language)) out.language = p.language;
  if (p.panes && typeof p.panes === 'object') {
    for (const id of PANE_IDS) {
      const v = (p.panes as Record<string, unknown>)[id];
      if (typeof v === 'number' && Number.isFinite(v)) out.panes[id] = clampPane(id, v);
    }
  }
  // Kept before the list was: a pane not at its default was resized.
  out.sized = Array.isArray(p.sized) ? PANE_IDS.filter((id) => (p.sized as unknown[]).includes(id)) : PANE_IDS.filter((id) => out.panes[id] !== PANE_LIMITS[id].initial);
  return out;
}

export function loadPrefs(storage: Storage): Prefs {
  try {
    return parsePrefs(storage?.getItem(PREFS_KEY) ?? null);
  } catch {
    return parsePrefs(null);
  }
}

export function savePrefs(storage: Storage, p: Prefs): void {
  try {
    storage?.setItem(PREFS_KEY, JSON.stringify({ version: 1, theme: p.theme, panes: p.panes, sized: p.sized, ...(p.language ? { language: p.language } : {}) }));
  } catch {
    // The preferences stay for this visit; nothing else is lost.
  }
}

/** The theme in effect: the one chosen, or the system's. */
export function effectiveTheme(choice: ThemeChoice, system: Theme): Theme {
  return choice === 'system' ? system : choice;
}
