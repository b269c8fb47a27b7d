import { keyTables } from '../store/selectors/palette';
import { useDialog } from './useDialog';

const TABLES = keyTables();

/** Every keyboard shortcut, from the action registry, by where it works. */
export function KeysDialog() {
  const { ref } = useDialog('keys');
  return (
    <dialog ref={ref} className="keys" aria-labelledby="keys-title">
      <h2 id="keys-title">Keyboard</h2>
      <p>Tab moves through every control; Enter or Space presses it. On a Mac, Cmd works wherever Ctrl is shown.</p>
      <div className="keys-tables">
        {TABLES.map((t) => (
          <table key={t.title}>
            <caption>{t.title}</caption>
            <thead><tr><th scope="col">Key</th><th scope="col">Action</th></tr></thead>
            <tbody>
              {t.rows.map((r) => <tr key={r.id}><td>{r.keys.map((k, i) => <span key={k}>{i > 0 && ' or '}<kbd>{k}</kbd></span>)}</td><td>{r.label}</td></tr>)}
            </tbody>
          </table>
        ))}
      </div>
      <form method="dialog"><button type="submit">Close</button></form>
    </dialog>
  );
}
