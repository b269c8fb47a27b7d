import type { Catalog } from '../store/lessons';
import type { Progress } from '../store/progress';
import { ActionButton } from './ActionButton';
import { useRun, useSandbox } from './context';
import { useDialog } from './useDialog';
import { useT } from './i18n';
import { useLocalizer } from './lessonText';
import { focusLessonWhenOpen } from './lessonFocus';
import { formatProblemIn } from '../formats/problem';

function Chapters({ catalog, progress }: { catalog: Catalog; progress: Progress }) {
  const run = useRun();
  const t = useT();
  const local = useLocalizer();
  return (
    <>
      {local.index(catalog.index).chapters.map((ch) => (
        <section key={ch.title}>
          <h3>{ch.title}</h3>
          <ul className="lesson-list">
            {ch.lessons
              .filter((id) => catalog.lessons[id])
              .map((id) => {
                const l = local.lesson(catalog.lessons[id]!);
                const p = progress.lessons[id];
                return (
                  <li key={id}>
                    <button
                      type="button"
                      onClick={() => {
                        focusLessonWhenOpen();
                        run('lesson.open', id);
                      }}
                    >
                      <span aria-hidden="true">{p?.passed ? '✓' : '○'}</span> {id}: {l.title}
                      <span className="sr-only">{p?.passed ? ` ${t('lessons.passed')}` : ''}</span>
                    </button>
                    <span className="small muted"> {l.summary}</span>
                  </li>
                );
              })}
          </ul>
        </section>
      ))}
    </>
  );
}

function Demos({ catalog }: { catalog: Catalog }) {
  const run = useRun();
  const t = useT();
  const local = useLocalizer();
  return (
    <>
      <h3>{t('lessons.demos')}</h3>
      <ul className="lesson-list">
        {catalog.index.demos
          .filter((id) => catalog.demos[id])
          .map((id) => (
            <li key={id}>
              <button type="button" onClick={() => run('demo.open', id)}>
                {local.demo(catalog.demos[id]!).title}
              </button>
              <span className="small muted"> {local.demo(catalog.demos[id]!).summary}</span>
            </li>
          ))}
      </ul>
    </>
  );
}

/** The lesson list by chapter with progress, the demos, and progress export / import. */
export function LessonsDialog() {
  const { ref } = useDialog('lessons');
  const progress = useSandbox((s) => s.lesson.progress);
  const catalog = useSandbox((s) => s.lesson.catalog);
  const t = useT();
  const done = catalog ? Object.keys(catalog.lessons).filter((id) => progress.lessons[id]?.passed).length : 0;
  return (
    <dialog ref={ref} className="lessons-dialog" aria-labelledby="lessons-title">
      <h2 id="lessons-title">
        {t('lessons.title')} {catalog && <span className="small muted">{t('lessons.count', { done, count: Object.keys(catalog.lessons).length })}</span>}
      </h2>
      {!catalog ? (
        <p>{t('lessons.loading')}</p>
      ) : (
        <>
          {catalog.problems.length > 0 && (
            <div className="notice error lesson-problems" role="alert">
              {t('lessons.problems')}
              <pre>{catalog.found.map((x) => (typeof x === 'string' ? x : x.map((p) => formatProblemIn(t.locale, p)).join('\n'))).join('\n')}</pre>
            </div>
          )}
          <Chapters catalog={catalog} progress={progress} />
          <Demos catalog={catalog} />
          <div className="row">
            <ActionButton id="progress.export">{t('lessons.export')}</ActionButton>
            <ActionButton id="progress.import">{t('lessons.import')}</ActionButton>
            <a href="?class" target="_blank" rel="noopener">
              {t('lessons.classPage')}
            </a>
            <form method="dialog">
              <button type="submit">{t('lessons.close')}</button>
            </form>
          </div>
        </>
      )}
    </dialog>
  );
}
