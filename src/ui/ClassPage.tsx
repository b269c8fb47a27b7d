import { useMemo, useState, type DragEvent } from 'react';
import { CLASS_COLUMNS, classCells, readClass, sortClass, type ClassColumn, type ClassFile } from '../store/classroom';
import { ActionButton } from './ActionButton';
import { ThemeButton } from './Header';
import './presenter.css';

/** What the class page says (plain English, in one place). */
const TEXT = {
  title: 'Class progress',
  back: 'Back to the sandbox',
  intro: 'Drop the progress files your learners exported (Lessons → Export progress) here, or choose them. Nothing leaves this browser: there is no server.',
  caution: 'Progress files are the learners\' own: each was made in a learner\'s browser and anyone can edit one, so this table shows what the files say. It is not proof against editing.',
  names: 'A learner is named by the file\'s name (ask them to rename the export to their name) or by a "learner" member in the file.',
  drop: 'Drop progress files here',
  choose: 'Choose files…',
  files: (n: number, rows: number) => `${n} file${n === 1 ? '' : 's'} read, ${rows} result${rows === 1 ? '' : 's'}.`,
  unread: 'These files could not be read:',
  sortBy: (label: string) => `Sort by ${label}`,
  empty: 'No files yet.',
  export: 'Export as CSV',
};

/** Reads dropped or chosen files as text. */
async function readFiles(list: FileList | null): Promise<ClassFile[]> {
  return Promise.all([...(list ?? [])].map(async (f) => ({ name: f.name, text: await f.text() })));
}

/**
 * The Class page (?class): a class at a glance, with no server. The instructor drops many learners'
 * progress files; a table says who passed which lesson, at what simulated time, which traps they hit
 * and which predictions they got right, sortable by any column and exportable as CSV.
 */
export function ClassPage() {
  const [files, setFiles] = useState<ClassFile[]>([]);
  const [sort, setSort] = useState<{ by: ClassColumn; descending: boolean }>({ by: 'learner', descending: false });
  const [over, setOver] = useState(false);
  const { rows, problems } = useMemo(() => readClass(files), [files]);
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
      <header className="bar" aria-label="Class">
        <h1 className="brand">{TEXT.title}</h1>
        <span className="spacer" />
        <ThemeButton />
        <a className="button-link" href="./">{TEXT.back}</a>
      </header>
      <main className="class-body">
        <p>{TEXT.intro}</p>
        <p className="note" role="note"><strong>{TEXT.caution}</strong></p>
        <p className="muted small">{TEXT.names}</p>
        <label
          className={`drop${over ? ' over' : ''}`} onDragOver={(e) => { e.preventDefault(); setOver(true); }} onDragLeave={() => setOver(false)} onDrop={onDrop}
        >
          <span>{TEXT.drop}</span>
          <span className="button-like">{TEXT.choose}</span>
          <input type="file" accept="application/json,.json" multiple className="sr-only" onChange={(e) => void add(e.currentTarget.files)} />
        </label>
        <p role="status" aria-label="Files read">{files.length ? TEXT.files(files.length, rows.length) : TEXT.empty}</p>
        {problems.length > 0 && <div className="notice error" role="alert">{TEXT.unread}<ul>{problems.map((p) => <li key={p}>{p}</li>)}</ul></div>}
        {rows.length > 0 && (
          <>
            <ActionButton id="class.export" arg={sorted}>{TEXT.export}</ActionButton>
            <table className="class-table">
              <caption className="sr-only">{TEXT.title}</caption>
              <thead>
                <tr>
                  {CLASS_COLUMNS.map((c) => (
                    <th key={c.id} scope="col" aria-sort={sort.by === c.id ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                      <button type="button" title={TEXT.sortBy(c.label)} onClick={() => setSort((s) => ({ by: c.id, descending: s.by === c.id ? !s.descending : false }))}>
                        {c.label}{sort.by === c.id ? (sort.descending ? ' ▼' : ' ▲') : ''}
                      </button>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {sorted.map((r) => {
                  const c = classCells(r);
                  return <tr key={`${r.learner}/${r.lesson}`}>{CLASS_COLUMNS.map((k) => <td key={k.id} className={k.id === 'passed' ? (r.passed ? 'ok' : 'bad') : undefined}>{c[k.id]}</td>)}</tr>;
                })}
              </tbody>
            </table>
          </>
        )}
      </main>
    </div>
  );
}
