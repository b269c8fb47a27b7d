import { keyTables } from '../store/selectors/palette';
import { useDialog } from './useDialog';
import { actionLabel, useT } from './i18n';

const TABLES = keyTables();

/** Every keyboard shortcut, from the action registry, by where it works. */
export function KeysDialog() {
  const { ref } = useDialog('keys');
  const t = useT();
  return (
    <dialog ref={ref} className="keys" aria-labelledby="keys-title">
      <h2 id="keys-title">{t('keys.title')}</h2>
      <p>{t('keys.intro')}</p>
      <div className="keys-tables">
        {TABLES.map((table) => (
          <table key={table.title}>
            <caption>{t(`keys.scope.${table.scope}`)}</caption>
            <thead>
              <tr>
                <th scope="col">{t('keys.key')}</th>
                <th scope="col">{t('keys.action')}</th>
              </tr>
            </thead>
            <tbody>
              {table.rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    {r.keys.map((k, i) => (
                      <span key={k}>
                        {i > 0 && ` ${t('keys.or')} `}
                        <kbd>{k}</kbd>
                      </span>
                    ))}
                  </td>
                  <td>{actionLabel(t, r.id, r.label)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
      <form method="dialog">
        <button type="submit">{t('dialog.close')}</button>
      </form>
    </dialog>
  );
}
