import { useEffect, useRef, useState } from 'react';
import type { Catalog } from '../store/lessons';
import { parseProgress, saveProgress } from '../store/progress';
import { notify } from '../store/store';
import { useSandbox, useSandboxStore } from './context';

/** The lesson list by chapter with progress, the demos, and progress export / import. */
export function LessonsButton() {
  const store = useSandboxStore();
  const progress = useSandbox((s) => s.progress);
  const dialog = useRef<HTMLDialogElement>(null);
  const file = useRef<HTMLInputElement>(null);
  const [catalog, setCatalog] = useState<Catalog | null>(null);
  const open = async () => {
    dialog.current?.showModal();
    setCatalog(await (await import('../store/lessons')).loadCatalog());
  };
  useEffect(() => {
    const onOpen = () => void open();
    window.addEventListener('sandbox:lessons', onOpen);
    return () => window.removeEventListener('sandbox:lessons', onOpen);
  });
  const done = catalog ? Object.keys(catalog.lessons).filter((id) => progress.lessons[id]?.passed).length : 0;
  return (
    <>
      <button type="button" onClick={() => void open()} aria-haspopup="dialog">Lessons</button>
      <dialog ref={dialog} className="lessons-dialog" aria-labelledby="lessons-title">
        <h2 id="lessons-title">Lessons {catalog && <span className="small muted">({done} of {Object.keys(catalog.lessons).length} passed)</span>}</h2>
        {!catalog ? <p>Loading…</p> : (
          <>
            {catalog.problems.length > 0 && <div className="notice error lesson-problems" role="alert">Some lessons could not be loaded and are skipped:<pre>{catalog.problems.join('\n')}</pre></div>}
            {catalog.index.chapters.map((ch) => (
              <section key={ch.title}>
                <h3>{ch.title}</h3>
                <ul className="lesson-list">
                  {ch.lessons.filter((id) => catalog.lessons[id]).map((id) => {
                    const l = catalog.lessons[id]!;
                    const p = progress.lessons[id];
                    return (
                      <li key={id}>
                        <button type="button" onClick={async () => { (await import('../store/lessons')).openLesson(store, l); dialog.current?.close(); }}>
                          <span aria-hidden="true">{p?.passed ? '✓' : '○'}</span> {id}: {l.title}
                          <span className="sr-only">{p?.passed ? ' (passed)' : ''}</span>
                        </button>
                        <span className="small muted"> {l.summary}</span>
                      </li>
                    );
                  })}
                </ul>
              </section>
            ))}
            <h3>Demos (instructor)</h3>
            <ul className="lesson-list">
              {catalog.index.demos.filter((id) => catalog.demos[id]).map((id) => {
                const d = catalog.demos[id]!;
                return (
                  <li key={id}>
                    <button type="button" onClick={async () => { const m = await import('../store/lessons'); m.openDemo(store, d, (await m.lessonFiles())[`demos/${id}.yaml`]!, { present: true }); dialog.current?.close(); }}>{d.title}</button>
                    <span className="small muted"> {d.summary}</span>
                  </li>
                );
              })}
            </ul>
            <div className="row">
              <button type="button" onClick={() => {
                const a = document.createElement('a');
                a.href = URL.createObjectURL(new Blob([JSON.stringify(progress, null, 2)], { type: 'application/json' }));
                a.download = 'ecs-sandbox-progress.json';
                a.click();
              }}>Export progress</button>
              <button type="button" onClick={() => file.current?.click()}>Import progress…</button>
              <input ref={file} type="file" hidden accept="application/json,.json" aria-label="Progress file to import" onChange={async (e) => {
                const f = e.target.files?.[0];
                e.target.value = '';
                if (!f) return;
                const r = parseProgress(await f.text());
                if (!r.progress) notify(store, `The file is not lesson progress: ${r.problem}.`, 'error');
                else {
                  saveProgress(r.progress);
                  store.setState({ progress: r.progress });
                  notify(store, `Imported progress: ${Object.values(r.progress.lessons).filter((x) => x.passed).length} lessons passed.`);
                }
              }} />
              <form method="dialog"><button type="submit">Close</button></form>
            </div>
          </>
        )}
      </dialog>
    </>
  );
}
