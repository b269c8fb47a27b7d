import { useState } from 'react';
import { SPEEDS } from '../store/actions/clock';
import { clock, selectActionCount, selectHead } from '../store/selectors/time';
import { ActionButton } from './ActionButton';
import { useRun, useSandbox } from './context';

/**
 * Play, pause, step, speed, jump, and the scrubber over everything this branch has reached, with one
 * readout of the time. (That the view is in the past is said over the world, so nothing here moves.)
 */
export function TimeControls() {
  const run = useRun();
  const playing = useSandbox((s) => s.world.playing);
  const speed = useSandbox((s) => s.world.speed);
  const now = useSandbox((s) => s.world.now);
  const head = useSandbox(selectHead);
  const actions = useSandbox(selectActionCount);
  const disabled = useSandbox((s) => s.world.timeline === null);
  const [jump, setJump] = useState('');
  const max = Math.max(head, now, 1000);
  return (
    <section className="bar time" aria-label="Time controls">
      <ActionButton id="clock.toggle" className="primary">{playing ? 'Pause' : 'Play'}</ActionButton>
      <ActionButton id="clock.step">Step</ActionButton>
      <label className="field">
        <span>Speed</span>
        <select value={speed} disabled={disabled} onChange={(e) => run('clock.speed', Number(e.target.value))}>
          {SPEEDS.map((s) => <option key={s} value={s}>{s}×</option>)}
        </select>
      </label>
      <output className="clock" aria-label="Simulated time" title="Simulated time (hours:minutes:seconds)">{clock(Math.floor(now / 1000) * 1000)}</output>
      <input
        type="range" className="scrub" aria-label="Timeline: drag back to see the world as it was" min={0} max={max} step={1000} value={Math.min(now, max)} disabled={disabled}
        aria-valuetext={`${clock(now)} of ${clock(head)}`} title={`The timeline, from 0:00:00 to ${clock(head)}, the furthest this world has reached`}
        onChange={(e) => run('clock.seek', Number(e.target.value))}
      />
      <form
        className="field"
        onSubmit={(e) => {
          e.preventDefault();
          if (jump.trim()) run('clock.jump', jump);
          setJump('');
        }}
      >
        <label htmlFor="jump">Jump to</label>
        <input id="jump" className="jump" placeholder="5m, 1h30m, 2:00:00" value={jump} onChange={(e) => setJump(e.target.value)} disabled={disabled} />
      </form>
      <ActionButton id="history.undo">Undo</ActionButton>
      <ActionButton id="history.redo">Redo</ActionButton>
      <span className="muted count" title="Your actions in this timeline">{actions} action{actions === 1 ? '' : 's'}</span>
    </section>
  );
}
