import { useCallback, useEffect, useRef } from 'react';
import type { UiSlice } from '../store/store';
import { useRun, useSandbox } from './context';

/**
 * A modal <dialog> that follows the store: open while ui.dialog names it. Closing it (Escape, a
 * Close button, `close`) tells the store at once, and the focus goes back where it was before.
 */
export function useDialog(name: NonNullable<UiSlice['dialog']>) {
  const ref = useRef<HTMLDialogElement>(null);
  const run = useRun();
  const open = useSandbox((s) => s.ui.dialog === name);
  const before = useRef<Element | null>(null);
  // Set while this hook closes the dialog itself, so the late "close" event is not taken for the learner's.
  const ours = useRef(false);
  const restore = useCallback(() => {
    const back = before.current;
    before.current = null;
    const d = ref.current;
    if (back instanceof HTMLElement && back.isConnected && (document.activeElement === document.body || d?.contains(document.activeElement))) back.focus();
  }, []);
  /** Closes it now, the focus back first, so an action run next can open another dialog from there. */
  const close = useCallback(() => {
    const d = ref.current;
    if (d?.open) {
      ours.current = true;
      d.close();
    }
    restore();
    run('dialog.close', name);
  }, [run, name, restore]);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      before.current = document.activeElement;
      d.showModal();
      // The browser focuses the dialog's first control; where it does not, so does this.
      if (!d.contains(document.activeElement)) d.querySelector<HTMLElement>('input, button, [tabindex]')?.focus();
    } else if (!open && d.open) {
      ours.current = true;
      d.close();
      restore();
    }
  }, [open, restore]);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    // Escape: closed here and now (the "close" event comes a moment later, after keys typed since).
    const onCancel = (e: Event) => {
      e.preventDefault();
      close();
    };
    // A form's Close button.
    const onClose = () => {
      if (ours.current) ours.current = false;
      else close();
    };
    d.addEventListener('cancel', onCancel);
    d.addEventListener('close', onClose);
    return () => {
      d.removeEventListener('cancel', onCancel);
      d.removeEventListener('close', onClose);
    };
  }, [close]);
  return { ref, open, close };
}
