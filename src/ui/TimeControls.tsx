import { useState } from 'react';
import { SPEEDS } from '../store/actions/clock';
import { clock, selectActionCount, selectHead } from '../store/selectors/time';
import { ActionButton } from './ActionButton';
import { useRun, useSandbox } from './context';
import { useT } from './i18n';

/**
 * Play, pause, step, speed, jump, and the scrubber over everything this branch has reached, with one
 * readout of the time. (That the view is in the past is said over the world, so nothing here moves.)
 */
export function TimeControls() {
  const run = useRun();
  const t = useT();
  const playing = useSandbox((s) => s.world.playing);
  const speed = useSandbox((s) => s.world.speed);
  const now = useSandbox((s) => s.world.now);
  const head = useSandbox(selectHead);
  const actions = useSandbox(selectActionCount);
  const disabled = useSandbox((s) => s.world.timeline === null);
  const [jump, setJump] = useState('');
  const max = Math.max(head, now, 1000);
  return (
    <section className="bar time" aria-label={t('time.label')}>
      <ActionButton id="clock.toggle" className="primary">
        {t(playing ? 'time.pause' : 'time.play')}
      </ActionButton>
      <ActionButton id="clock.step">{t('time.step')}</ActionButton>
      <label className="field">
        <span>{t('time.speed')}</span>
        <select value={speed} disabled={disabled} onChange={(e) => run('clock.speed', Number(e.target.value))}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      <output className="clock" aria-label={t('time.clock')} title={t('time.clockTitle')}>
        {clock(Math.floor(now / 1000) * 1000)}
      </output>
      <input
        type="range"
        className="scrub"
        aria-label={t('time.scrub')}
        min={0}
        max={max}
        step={1000}
        value={Math.min(now, max)}
        disabled={disabled}
        aria-valuetext={t('time.scrubValue', { now: clock(now), head: clock(head) })}
        title={t('time.scrubTitle', { head: clock(head) })}
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
        <label htmlFor="jump">{t('time.jump')}</label>
        <input id="jump" className="jump" placeholder={t('time.jumpPlaceholder')} value={jump} onChange={(e) => setJump(e.target.value)} disabled={disabled} />
      </form>
      <ActionButton id="history.undo">{t('time.undo')}</ActionButton>
      <ActionButton id="history.redo">{t('time.redo')}</ActionButton>
      <span className="muted count" title={t('time.actionsTitle')}>
        {t('time.actions', { count: actions })}
      </span>
    </section>
  );
}
