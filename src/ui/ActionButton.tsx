import type { ReactNode } from 'react';
import { actionDef } from '../store/actions';
import { useAction } from './context';

/** A button bound to a registered action: disabled with the reason as its description when it cannot run. */
export function ActionButton({ id, arg, children, className, title }: { id: string; arg?: unknown; children?: ReactNode; className?: string; title?: string }) {
  const { run, disabledReason } = useAction(id);
  const def = actionDef(id);
  const hint = disabledReason ? `${def.label}: ${disabledReason}` : `${title ?? def.label}${def.shortcut ? ` (${def.shortcut})` : ''}`;
  return (
    <button type="button" className={className} onClick={() => run(arg)} disabled={disabledReason !== null} title={hint} aria-keyshortcuts={def.shortcut?.replace('Ctrl', 'Control')}>
      {children ?? def.label}
    </button>
  );
}
