import { pressKey, type KeyPlace } from '../store/actions';
import { pressOf } from '../store/registry';
import type { SandboxStore } from '../store/store';

/** Where the focus is, as the registry's key scopes see it. */
function placeOf(el: EventTarget | null): KeyPlace {
  const e = el as HTMLElement | null;
  if (!e || !e.tagName) return { where: 'page' };
  if (e.closest?.('.monaco-editor')) return { where: 'editor' };
  const field = e.tagName === 'INPUT' || e.tagName === 'TEXTAREA' || e.tagName === 'SELECT' || e.isContentEditable;
  // A modal dialog owns the keyboard: the page's keys wait until it is closed.
  if (field || e.closest?.('dialog[open]')) return { where: 'field' };
  return { where: 'page', onButton: e.tagName === 'BUTTON' };
}

/**
 * The page's keys: each press is looked up in the registry for where the focus is; the code editor
 * and the console's command line run their own scopes.
 */
export function listenForKeys(store: SandboxStore): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented) return;
    const place = placeOf(e.target);
    // The code editor's keys are its own (and its commands run the editor scope).
    if (place.where === 'editor') return;
    if (pressKey(store, pressOf(e), place)) e.preventDefault();
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}
