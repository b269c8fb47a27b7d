import { useState } from 'react';
import { selectEventHash } from '../store/demoFile';
import { clock, selectActionCount } from '../store/selectors/time';
import { selectWorldView } from '../store/selectors/world';
import { ActionButton } from './ActionButton';
import { useRun, useSandbox } from './context';

/** What the demo editor says (plain English, in one place). */
const TEXT = {
  region: 'Demo editor',
  intro: 'Write a demo by doing it: everything you do in the console and the editor is recorded at its time. Place questions at the moments the clock should stop, then save the demo file (the format of the shipped demos), or make a link to it.',
  recorded: (n: number) => `${n} action${n === 1 ? '' : 's'} recorded`,
  fingerprint: (at: string, hash: string) => `World fingerprint at ${at}: ${hash}`,
  title: 'Title',
  summary: 'Summary',
  focus: 'The canvas frames',
  whole: 'the whole world',
  every: 'every cluster',
  cluster: (c: string) => `cluster ${c}`,
  other: (f: string) => f.replace(':', ' '),
  speeds: 'Speed per segment',
  noSpeeds: 'The demo plays at the speed the presenter picks.',
  speedFrom: (speed: number, at: string) => `${speed}× from ${at}`,
  removeSpeed: (at: string) => `Remove the speed from ${at}`,
  addSpeed: (speed: number, at: string) => `Play at ${speed}× from ${at}`,
  notes: 'Notes (only the presenter sees them)',
  questions: 'Questions ("predict, then reveal")',
  none: 'No questions yet.',
  remove: (at: string) => `Remove the question at ${at}`,
  ask: (at: string) => `Ask at ${at}`,
  reveal: 'What happens (the reveal)',
  add: 'Place the question here',
};

/** The questions placed so far, each with a way to remove it. */
function Stops() {
  const stops = useSandbox((s) => s.present.draft.stops);
  if (!stops.length) return <p className="muted small">{TEXT.none}</p>;
  return (
    <ol className="demo-stops">
      {stops.map((x) => (
        <li key={x.at}>
          <time>{clock(x.at)}</time> {x.prompt} <span className="muted">→ {x.reveal}</span>{' '}
          <ActionButton id="demo.removeStop" arg={x.at} label={TEXT.remove(clock(x.at))}>×</ActionButton>
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
  return (
    <>
      <h3>{TEXT.speeds}</h3>
      {speeds.length ? (
        <ol className="demo-stops">
          {speeds.map((x) => <li key={x.at}>{TEXT.speedFrom(x.speed, clock(x.at))} <ActionButton id="demo.removeSpeed" arg={x.at} label={TEXT.removeSpeed(clock(x.at))}>×</ActionButton></li>)}
        </ol>
      ) : <p className="muted small">{TEXT.noSpeeds}</p>}
      <ActionButton id="demo.addSpeed">{TEXT.addSpeed(speed, clock(now))}</ActionButton>
    </>
  );
}

/** A new question at the clock's moment. */
function AddStop() {
  const run = useRun();
  const now = useSandbox((s) => s.world.now);
  const [prompt, setPrompt] = useState('');
  const [reveal, setReveal] = useState('');
  return (
    <form
      className="demo-add"
      onSubmit={(e) => {
        e.preventDefault();
        if (run('demo.addStop', { prompt, reveal }) && prompt.trim() && reveal.trim()) {
          setPrompt('');
          setReveal('');
        }
      }}
    >
      <label className="field"><span>{TEXT.ask(clock(Math.floor(now / 1000) * 1000))}</span><input value={prompt} onChange={(e) => setPrompt(e.target.value)} /></label>
      <label className="field"><span>{TEXT.reveal}</span><input value={reveal} onChange={(e) => setReveal(e.target.value)} /></label>
      <button type="submit">{TEXT.add}</button>
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
  return (
    <section className="demo-editor" aria-label={TEXT.region}>
      <p className="small">{TEXT.intro}</p>
      <p className="small muted"><span>{TEXT.recorded(actions)}</span> · <output aria-label="World fingerprint">{TEXT.fingerprint(clock(now), hash)}</output></p>
      <div className="demo-fields">
        <label className="field"><span>{TEXT.title}</span><input value={draft.title} onChange={(e) => run('demo.draft', { title: e.target.value })} /></label>
        <label className="field"><span>{TEXT.summary}</span><input value={draft.summary} onChange={(e) => run('demo.draft', { summary: e.target.value })} /></label>
        <label className="field"><span>{TEXT.focus}</span>
          <select value={draft.focus} onChange={(e) => run('demo.draft', { focus: e.target.value })}>
            <option value="">{TEXT.whole}</option>
            <option value="cluster:">{TEXT.every}</option>
            {(clusters ?? []).map((c) => <option key={c} value={`cluster:${c}`}>{TEXT.cluster(c)}</option>)}
            {draft.focus && draft.focus !== 'cluster:' && !(clusters ?? []).some((c) => `cluster:${c}` === draft.focus) && <option value={draft.focus}>{TEXT.other(draft.focus)}</option>}
          </select>
        </label>
      </div>
      <label className="field demo-notes-field"><span>{TEXT.notes}</span><textarea rows={2} value={draft.notes} onChange={(e) => run('demo.draft', { notes: e.target.value })} /></label>
      <h3>{TEXT.questions}</h3>
      <Stops />
      <AddStop />
      <Speeds />
      <div className="row">
        <ActionButton id="demo.play">Play it</ActionButton>
        <ActionButton id="demo.save">Save the demo file</ActionButton>
        <ActionButton id="demo.link">Make a link</ActionButton>
        <ActionButton id="demo.openFile">Open a demo file…</ActionButton>
      </div>
    </section>
  );
}
