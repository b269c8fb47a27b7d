import { useMemo, useState, type DragEvent } from 'react';
import { CLASS_COLUMNS, classCells, readClass, sortClass, type ClassColumn, type ClassFile, type ClassRow } from '../store/classroom';
import { ActionButton } from './ActionButton';
import { LanguagePicker, ThemeButton } from './Header';
import { useT } from './i18n';
import { LOCALES, type MessageKey } from '../i18n';
import './presenter.css';

/** Reads dropped or chosen files as text. */
async function readFiles(list: FileList | null): Promise<ClassFile[]> {
  return Promise.all([...(list ?? [])].map(async (f) => ({ name: f.name, text: await f.text() })));
}

/**
 * The Class page (?class): a class at a glance, with no server. The instructor drops many learners'
 * progress files; a table says who passed which lesson, how long they were at it, at what simulated time,
 * which traps they hit and which predictions they got right, sortable by any column and exportable as CSV.
 */
export function ClassPage() {
  const [files, setFiles] = useState<ClassFile[]>([]);
  const [sort, setSort] = useState<ClassSort>({ by: 'learner', descending: false });
  const [over, setOver] = useState(false);
  const t = useT();
  const { rows, problems, refused } = useMemo(() => readClass(files), [files]);
  const sorted = useMemo(() => sortClass(rows, sort.by, sort.descending), [rows, sort]);
  const add = async (list: FileList | null) => {
    const more = await readFiles(list);
    setFiles((f) => [...f, ...more]);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void add(e.dataTransfer.files);
  };
  return (
    <div className="class-page">
      <header className="bar" aria-label={t('class.label')}>
        <h1 className="brand">{t('class.title')}</h1>
        <span className="spacer" />
        <LanguagePicker />
        <ThemeButton />
        <a className="button-link" href="./">
          {t('class.back')}
        </a>
      </header>
      <main className="class-body">
        <p>{t('class.intro')}</p>
        <p className="note" role="note">
          <strong>{t('class.caution')}</strong> {t('class.timeNote')}
        </p>
        <p className="muted small">{t('class.names')}</p>
        <label
          className={`drop${over ? ' over' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={onDrop}
        >
          <span>{t('class.drop')}</span>
          <span className="button-like">{t('class.choose')}</span>
          <input type="file" accept="application/json,.json" multiple className="sr-only" onChange={(e) => void add(e.currentTarget.files)} />
        </label>
        <p role="status" aria-label={t('class.filesRead')}>
          {files.length ? t('class.read', { files: t('class.files', { count: files.length }), results: t('class.results', { count: rows.length }) }) : t('class.empty')}
        </p>
        {problems.length > 0 && (
          <div className="notice error" role="alert">
            {t('class.unread')}
            <ul>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        )}
        {refused.length > 0 && (
          <div className="notice warning" role="alert">
            {t('class.refused')}
            <ul>
              {refused.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        )}
        {rows.length > 0 && (
          <>
            <ClassExport sorted={sorted} />
            <ClassTable sorted={sorted} sort={sort} setSort={setSort} />
          </>
        )}
      </main>
    </div>
  );
}

/** Export as CSV, and the note that the CSV is in the page's language. */
function ClassExport({ sorted }: { sorted: ClassRow[] }) {
  const t = useT();
  return (
    <p className="class-export">
      <ActionButton id="class.export" arg={sorted}>
        {t('class.export')}
      </ActionButton>{' '}
      <span className="muted small">{t('class.csvNote', { language: LOCALES.find((l) => l.id === t.locale)?.name ?? t.locale })}</span>
    </p>
  );
}

type ClassSort = { by: ClassColumn; descending: boolean };

/** The class's results, one row per learner and lesson; a column's heading sorts by it, again the other way. */
function ClassTable({ sorted, sort, setSort }: { sorted: ClassRow[]; sort: ClassSort; setSort: (f: (s: ClassSort) => ClassSort) => void }) {
  const t = useT();
  return (
    <table className="class-table">
      <caption className="sr-only">{t('class.title')}</caption>
      <thead>
        <tr>
          {CLASS_COLUMNS.map((c) => (
            <th key={c.id} scope="col" aria-sort={sort.by === c.id ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
              <button type="button" title={t('class.sortBy', { column: t(`class.column.${c.id}` as MessageKey) })} onClick={() => setSort((s) => ({ by: c.id, descending: s.by === c.id ? !s.descending : false }))}>
                {t(`class.column.${c.id}` as MessageKey)}
                {sort.by === c.id ? (sort.descending ? ' ▼' : ' ▲') : ''}
              </button>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {sorted.map((r) => {
          const c = classCells(r, t.locale);
          return (
            <tr key={`${r.learner}/${r.lesson}`}>
              {CLASS_COLUMNS.map((k) => (
                <td key={k.id} className={k.id === 'passed' ? (r.passed ? 'ok' : 'bad') : undefined}>
                  {c[k.id]}
                </td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
