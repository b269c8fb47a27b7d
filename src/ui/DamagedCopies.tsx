import { useRun, useSandbox, useSandboxStore } from './context';
import { useDialog } from './useDialog';
import { UNKEPT, listDamaged, unkeptCopy } from '../store/workspace';

const when = (ms: number) => (ms > 0 ? new Date(ms).toLocaleString() : 'at an earlier visit');
const size = (n: number) => (n < 1024 ? `${n} characters` : `${Math.round(n / 1024)} K characters`);

/** The damaged copies of the saved workspace, newest first, each with Restore, Download and Delete. */
export function DamagedCopies() {
  const { ref, open } = useDialog('damaged');
  const run = useRun();
  const port = useSandboxStore().port;
  // Every action here leaves a notice, so the list is read again after each.
  useSandbox((s) => s.ui.notices);
  const unkept = open ? unkeptCopy(port) : undefined;
  const copies = open ? [...(unkept ? [{ slot: UNKEPT, savedAt: unkept.savedAt, why: unkept.why, size: unkept.raw.length }] : []), ...listDamaged(port.storage)] : [];
  return (
    <dialog ref={ref} className="damaged" aria-labelledby="damaged-title">
      <h2 id="damaged-title">Damaged copies of the saved workspace</h2>
      <p>When the saved workspace cannot be read whole, what can be read is opened and the text as it was is kept here, before anything is saved over it.</p>
      {copies.length === 0 ? <p>There are none.</p> : (
        <ul>
          {copies.map((c) => (
            <li key={c.slot}>
              <p><strong>{c.slot === UNKEPT ? 'Not kept in this browser (only in this page)' : `Kept ${when(c.savedAt)}`}</strong>, {size(c.size)}: {c.why}</p>
              <button type="button" onClick={() => run('damaged.restore', c.slot)}>Restore</button>
              <button type="button" onClick={() => run('damaged.download', c.slot)}>Download</button>
              <button type="button" onClick={() => run('damaged.delete', c.slot)}>{c.slot === UNKEPT ? 'Let it go' : 'Delete'}</button>
            </li>
          ))}
        </ul>
      )}
      <form method="dialog"><button type="submit">Close</button></form>
    </dialog>
  );
}
