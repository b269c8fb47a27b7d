import type { ReactNode, Ref } from 'react';
import { actionDef, type ActionId } from '../store/actions';
import { ariaKeys, keyText } from '../store/registry';
import { useAction } from './context';
import { actionLabel, reasonIn, useT } from './i18n';

/** A button bound to a registered action: disabled with the reason as its description when it cannot run. */
export function ActionButton({
  id,
  arg,
  children,
  className,
  title,
  ref,
  haspopup,
  label,
}: {
  id: ActionId;
  arg?: unknown;
  children?: ReactNode;
  className?: string;
  title?: string;
  ref?: Ref<HTMLButtonElement>;
  haspopup?: 'dialog';
  /** The button's accessible name, where its text alone does not say enough. */
  label?: string;
}) {
  const { run, disabledReason } = useAction(id, arg);
  const def = actionDef(id);
  const t = useT();
  const name = actionLabel(t, id, def.label);
  const key = def.keys?.[0];
  const hint = disabledReason ? `${name}: ${reasonIn(t, disabledReason)}` : `${title ?? name}${key ? ` (${keyText(key)})` : ''}`;
  return (
    <button ref={ref} type="button" className={className} onClick={() => run()} disabled={disabledReason !== null} title={hint} aria-keyshortcuts={def.keys?.map(ariaKeys).join(' ')} aria-haspopup={haspopup} aria-label={label}>
      {children ?? name}
    </button>
  );
}
