import { audienceShow } from '../store/present';
import { clock } from '../store/selectors/time';
import { EventLog } from './EventLog';
import { World } from './World';
import { useSandbox } from './context';
import { useT } from './i18n';
import { DemoChoices, MomentCallouts } from './DemoChoices';
import { useMomentCallouts } from './demoCallouts';
import type { AudienceShow } from '../store/store';
import { useShowIn } from './shownDemo';

/** Chosen once per state change: the presenter's show when it speaks, else this window's own (a deep link's demo). */
let last: { show: AudienceShow | null; own: string; value: AudienceShow } | null = null;
function selectShow(s: Parameters<typeof audienceShow>[0]): AudienceShow {
  if (s.present.show) return s.present.show;
  const own = audienceShow(s);
  const key = JSON.stringify(own);
  if (last && last.show === null && last.own === key) return last.value;
  last = { show: null, own: key, value: own };
  return own;
}

/**
 * The audience's window, for a projector: the demo's title and the simulated time in large type,
 * the question while one is asked, the world framed on what the demo is about, and the event log in
 * big print. Nothing else: no controls, no notes. It follows the presenter's window.
 */
export function AudienceView() {
  const show = useShowIn(useSandbox(selectShow));
  const now = useSandbox((s) => s.world.now);
  const presenter = useSandbox((s) => s.present.presenter);
  const ready = useSandbox((s) => s.present.presenter !== 'waiting' || s.lesson.demo !== null);
  const moment = useMomentCallouts();
  const t = useT();
  return (
    <div className="app presenting audience">
      <header className="bar audience-bar" aria-label={t('audience.label')}>
        <h1 className="brand">{show.title}</h1>
        <output className="clock" aria-label={t('time.clock')}>
          {clock(Math.floor(now / 1000) * 1000)}
        </output>
      </header>
      {presenter !== 'connected' && (
        <p className="audience-status" role="status">
          {t(presenter === 'gone' ? 'audience.gone' : 'audience.waiting')}
        </p>
      )}
      {show.question && (
        <section className="demo-bar" aria-label={t('audience.question')}>
          <div className="demo-question">
            <p>
              <strong>{t('demo.predict')}</strong> {show.question.prompt}
            </p>
            {show.question.choices && <DemoChoices choices={show.question.choices} />}
            {show.question.reveal !== null && (
              <p>
                <strong>{t('demo.reveal')}</strong> {show.question.reveal}
              </p>
            )}
          </div>
          <MomentCallouts callouts={moment} />
        </section>
      )}
      {!show.question && <MomentCallouts callouts={moment} banner />}
      {/* Until the presenter's world (or a demo of its own) is here, the room sees only that it waits: no other page shows first. */}
      {ready && (
        <main className="main">
          <World readOnly />
          <div className="separator" aria-hidden="true" />
          <aside className="side" aria-label={t('workspace.details')}>
            <EventLog filters={false} />
          </aside>
        </main>
      )}
    </div>
  );
}
