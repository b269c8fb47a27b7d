import { useState } from 'react';
import { selectEventHash } from '../store/demoFile';
import { clock, selectActionCount } from '../store/selectors/time';
import { selectWorldView } from '../store/selectors/world';
import { ActionButton } from './ActionButton';
import { useRun, useSandbox } from './context';
import { useT } from './i18n';
import { CalloutsEditor, StopChoices } from './DemoEditorExtras';

/** The questions placed so far, each with a way to remove it. */
function Stops() {
  const stops = useSandbox((s) => s.present.draft.stops);
  const t = useT();
  if (!stops.length) return <p className="muted small">{t('demoEditor.none')}</p>;
  return (
    <ol className="demo-stops">
      {stops.map((x, i) => (
        <li key={x.at}>
          <time>{clock(x.at)}</time> {x.prompt}{' '}
          <span className="muted">
            → {x.revealAt !== undefined ? `${clock(x.revealAt)} ` : ''}
            {x.reveal}
          </span>{' '}
          <ActionButton id="demo.removeStop" arg={x.at} label={t('demoEditor.remove', { time: clock(x.at) })}>
            ×
          </ActionButton>
          <StopChoices stop={x} index={i} />
        </li>
      ))}
    </ol>
  );
}

/** The clock's speed per segment: each from a moment on, set from the speed chosen now. */
function Speeds() {
  const speeds = useSandbox((s) => s.present.draft.speeds);
  const speed = useSandbox((s) => s.world.speed);
  const now = useSandbox((s) => Math.floor(s.world.now / 1000) * 1000);
  const t = useT();
  return (
    <>
      <h3>{t('demoEditor.speeds')}</h3>
      {speeds.length ? (
        <ol className="demo-stops">
          {speeds.map((x) => (
            <li key={x.at}>
              {t('demoEditor.speedFrom', { speed: x.speed, time: clock(x.at) })}{' '}
              <ActionButton id="demo.removeSpeed" arg={x.at} label={t('demoEditor.removeSpeed', { time: clock(x.at) })}>
                ×
              </ActionButton>
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted small">{t('demoEditor.noSpeeds')}</p>
      )}
      <ActionButton id="demo.addSpeed">{t('demoEditor.addSpeed', { speed, time: clock(now) })}</ActionButton>
    </>
  );
}

/** A new question at the clock's moment. */
function AddStop() {
  const run = useRun();
  const now = useSandbox((s) => s.world.now);
  const [prompt, setPrompt] = useState('');
  const [reveal, setReveal] = useState('');
  const [after, setAfter] = useState('');
  const t = useT();
  return (
    <form
      className="demo-add"
      onSubmit={(e) => {
        e.preventDefault();
        if (run('demo.addStop', { prompt, reveal, revealAfter: after }) && prompt.trim() && reveal.trim()) {
          setPrompt('');
          setReveal('');
          setAfter('');
        }
      }}
    >
      <label className="field">
        <span>{t('demoEditor.ask', { time: clock(Math.floor(now / 1000) * 1000) })}</span>
        <input value={prompt} onChange={(e) => setPrompt(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('demoEditor.reveal')}</span>
        <input value={reveal} onChange={(e) => setReveal(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('demoEditor.revealAfter')}</span>
        <input inputMode="decimal" value={after} onChange={(e) => setAfter(e.target.value)} />
      </label>
      <button type="submit">{t('demoEditor.add')}</button>
    </form>
  );
}

/** The demo editor: a tool beside the console and the editor. */
export function DemoEditor() {
  const run = useRun();
  const draft = useSandbox((s) => s.present.draft);
  const actions = useSandbox(selectActionCount);
  const hash = useSandbox(selectEventHash);
  const now = useSandbox((s) => s.world.now);
  const clusters = useSandbox((s) => selectWorldView(s)?.clusters ?? null);
  const t = useT();
  return (
    <section className="demo-editor" aria-label={t('demoEditor.label')}>
      <p className="small">{t('demoEditor.intro')}</p>
      {/* The tab is for writing demos: the ready-made ones are played from the Lessons dialog. */}
      <p className="small">
        {t('demoEditor.shipped')}{' '}
        <ActionButton id="lessons.show" className="link">
          {t('demoEditor.shippedOpen')}
        </ActionButton>
      </p>
      <p className="small muted">
        <span>{t('demoEditor.recorded', { count: actions })}</span> · <output aria-label={t('demoEditor.fingerprintLabel')}>{t('demoEditor.fingerprint', { time: clock(now), hash })}</output>
      </p>
      <div className="demo-fields">
        <label className="field">
          <span>{t('demoEditor.title')}</span>
          <input value={draft.title} onChange={(e) => run('demo.draft', { title: e.target.value })} />
        </label>
        <label className="field">
          <span>{t('demoEditor.summary')}</span>
          <input value={draft.summary} onChange={(e) => run('demo.draft', { summary: e.target.value })} />
        </label>
        <label className="field">
          <span>{t('demoEditor.focus')}</span>
          <select value={draft.focus} onChange={(e) => run('demo.draft', { focus: e.target.value })}>
            <option value="">{t('demoEditor.whole')}</option>
            <option value="cluster:">{t('demoEditor.every')}</option>
            {(clusters ?? []).map((c) => (
              <option key={c} value={`cluster:${c}`}>
                {t('demoEditor.cluster', { cluster: c })}
              </option>
            ))}
            {draft.focus && draft.focus !== 'cluster:' && !(clusters ?? []).some((c) => `cluster:${c}` === draft.focus) && <option value={draft.focus}>{draft.focus.replace(':', ' ')}</option>}
          </select>
        </label>
      </div>
      <label className="field demo-notes-field">
        <span>{t('demoEditor.notes')}</span>
        <textarea rows={2} value={draft.notes} onChange={(e) => run('demo.draft', { notes: e.target.value })} />
      </label>
      <h3>{t('demoEditor.questions')}</h3>
      <Stops />
      <AddStop />
      <Speeds />
      <CalloutsEditor />
      <div className="row">
        <ActionButton id="demo.play">{t('demoEditor.play')}</ActionButton>
        <ActionButton id="demo.save">{t('demoEditor.save')}</ActionButton>
        <ActionButton id="demo.link">{t('demoEditor.link')}</ActionButton>
        <ActionButton id="demo.openFile">{t('demoEditor.open')}</ActionButton>
      </div>
    </section>
  );
}
