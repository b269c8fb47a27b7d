import { useRun, useSandbox, useSandboxStore } from './context';
import { useDialog } from './useDialog';
import { UNKEPT, listDamaged, unkeptCopy } from '../store/workspace';
import { useT } from './i18n';
import { formatDateTime, type Translator } from '../i18n';

const when = (t: Translator, ms: number) => (ms > 0 ? t('damaged.keptAt', { when: formatDateTime(t.locale, ms) }) : t('damaged.keptEarlier'));
const size = (t: Translator, n: number) => (n < 1024 ? t('damaged.chars', { count: n }) : t('damaged.kchars', { count: Math.round(n / 1024) }));

/** The damaged copies of the saved workspace, newest first, each with Restore, Download and Delete. */
export function DamagedCopies() {
  const { ref, open } = useDialog('damaged');
  const run = useRun();
  const t = useT();
  const port = useSandboxStore().port;
  // Every action here leaves a notice, so the list is read again after each.
  useSandbox((s) => s.ui.notices);
  const unkept = open ? unkeptCopy(port) : undefined;
  const copies = open ? [...(unkept ? [{ slot: UNKEPT, savedAt: unkept.savedAt, why: unkept.why, size: unkept.raw.length }] : []), ...listDamaged(port.storage)] : [];
  return (
    <dialog ref={ref} className="damaged" aria-labelledby="damaged-title">
      <h2 id="damaged-title">{t('damaged.title')}</h2>
      <p>{t('damaged.intro')}</p>
      {copies.length === 0 ? (
        <p>{t('damaged.none')}</p>
      ) : (
        <ul>
          {copies.map((c) => (
            <li key={c.slot}>
              <p>
                <strong>{c.slot === UNKEPT ? t('damaged.unkept') : when(t, c.savedAt)}</strong>, {size(t, c.size)}: {c.why}
              </p>
              <button type="button" onClick={() => run('damaged.restore', c.slot)}>
                {t('damaged.restore')}
              </button>
              <button type="button" onClick={() => run('damaged.download', c.slot)}>
                {t('damaged.download')}
              </button>
              <button type="button" onClick={() => run('damaged.delete', c.slot)}>
                {t(c.slot === UNKEPT ? 'damaged.letGo' : 'damaged.delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form method="dialog">
        <button type="submit">{t('dialog.close')}</button>
      </form>
    </dialog>
  );
}
