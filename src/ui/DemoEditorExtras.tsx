import { useMemo, useState } from 'react';
import { parsePredicateText } from '../content/lesson/predicate';
import type { DemoStop } from '../store/demoFile';
import { MAX_CHOICES } from '../store/actions/demoEdit';
import { nodeChoices } from '../store/selectors/callouts';
import { clock } from '../store/selectors/time';
import { selectWorldView, type WorldView } from '../store/selectors/world';
import { ActionButton } from './ActionButton';
import { useRun, useSandbox } from './context';
import { useT } from './i18n';
import type { Translator } from '../i18n';
import './callouts.css';

/** Predicates the world offers now, ready to pick: tasks running per cluster and per instance, services' running counts. */
function readyMade(v: WorldView | null, t: Translator): { label: string; when: string }[] {
  if (!v) return [];
  const instances = v.azs.flatMap((z) => z.instances);
  const running = (t: { lastStatus: string }) => t.lastStatus === 'RUNNING';
  const inCluster = (c: string) =>
    instances
      .filter((i) => i.cluster === c)
      .flatMap((i) => i.tasks)
      .filter(running).length + v.azs.flatMap((z) => z.fargate).filter((t) => t.cluster === c && running(t)).length;
  return [
    ...v.clusters.map((c) => ({ label: t('demoEditor.readyMade.cluster', { count: inCluster(c), cluster: c }), when: `{ count: tasks, where: { clusterArn: { endsWith: "/${c}" }, lastStatus: RUNNING }, equals: ${inCluster(c)} }` })),
    ...instances.map((i) => ({
      label: t('demoEditor.readyMade.instance', { id: i.ec2InstanceId, count: i.tasks.filter(running).length }),
      when: `{ count: tasks, where: { ec2InstanceId: ${i.ec2InstanceId}, lastStatus: RUNNING }, equals: ${i.tasks.filter(running).length} }`,
    })),
    ...v.services.map((s) => ({ label: t('demoEditor.readyMade.service', { name: s.name, count: s.running }), when: `{ count: services, where: { serviceName: ${s.name}, runningCount: ${s.running} }, equals: 1 }` })),
  ];
}

/** A new answer choice for a question: its label and its predicate, read as it is typed. */
function AddChoice({ stop, index }: { stop: DemoStop; index: number }) {
  const run = useRun();
  const t = useT();
  const view = useSandbox(selectWorldView);
  const [label, setLabel] = useState('');
  const [when, setWhen] = useState('');
  const offers = useMemo(() => readyMade(view, t), [view, t]);
  const member = `presenter.pauses[${index}].choices[${stop.choices?.length ?? 0}].when`;
  const problems = when.trim() ? parsePredicateText(when, member).problems : [];
  const full = (stop.choices?.length ?? 0) >= MAX_CHOICES;
  const id = `choice-${stop.at}`;
  if (full) return <p className="muted small">{t('demoEditor.choicesFull', { count: MAX_CHOICES })}</p>;
  return (
    <form
      className="demo-choice-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!label.trim() || !when.trim() || problems.length) return;
        if (run('demo.addChoice', { at: stop.at, label, when })) {
          setLabel('');
          setWhen('');
        }
      }}
    >
      <div className="demo-add">
        <label className="field">
          <span>{t('demoEditor.choiceLabel')}</span>
          <input value={label} onChange={(e) => setLabel(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('demoEditor.readyMade')}</span>
          <select
            value=""
            onChange={(e) => {
              const o = offers[Number(e.target.value)];
              if (!o) return;
              setWhen(o.when);
              if (!label.trim()) setLabel(o.label);
            }}
          >
            <option value="">{t('demoEditor.readyMade.pick')}</option>
            {offers.map((o, i) => (
              <option key={i} value={i}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="field">
        <span>{t('demoEditor.predicate')}</span>
        <textarea rows={2} value={when} onChange={(e) => setWhen(e.target.value)} aria-describedby={`${id}-problems`} aria-invalid={problems.length > 0} spellCheck={false} />
      </label>
      <p id={`${id}-problems`} className="problems" role="status">
        {problems.join('\n')}
      </p>
      <button type="submit" disabled={!label.trim() || !when.trim() || problems.length > 0}>
        {t('demoEditor.addChoice')}
      </button>
    </form>
  );
}

/** A question's answer choices in the editor: each with a way to remove it, then a new one. */
export function StopChoices({ stop, index }: { stop: DemoStop; index: number }) {
  const t = useT();
  return (
    <div className="demo-stop-choices">
      {stop.choices?.length ? (
        <ol className="demo-stops">
          {stop.choices.map((c, i) => (
            <li key={i}>
              {c.label} <code className="small">{JSON.stringify(c.when)}</code>{' '}
              <ActionButton id="demo.removeChoice" arg={{ at: stop.at, index: i }} label={t('demoEditor.removeChoice', { label: c.label })}>
                ×
              </ActionButton>
            </li>
          ))}
        </ol>
      ) : null}
      <details>
        <summary>{t('demoEditor.choices', { time: clock(stop.at) })}</summary>
        <AddChoice stop={stop} index={index} />
      </details>
    </div>
  );
}

/** Where a callout is pinned: a node of the world now, or the moment. */
function PinSelect({ value, onChange, label }: { value: string; onChange: (v: string) => void; label: string }) {
  const t = useT();
  const nodes = useSandbox((s) => nodeChoices(selectWorldView(s)).join('\n'));
  const list = nodes ? nodes.split('\n') : [];
  return (
    <label className="field">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('demoEditor.moment')}</option>
        {list.map((n) => (
          <option key={n} value={n}>
            {n.replace(':', ' ')}
          </option>
        ))}
        {value && !list.includes(value) && <option value={value}>{value.replace(':', ' ')}</option>}
      </select>
    </label>
  );
}

/** The callouts placed so far (each pinned from a list or by a click on the canvas), and a new one at the clock's moment. */
export function CalloutsEditor() {
  const run = useRun();
  const t = useT();
  const callouts = useSandbox((s) => s.present.draft.callouts);
  const pinning = useSandbox((s) => s.present.pinning);
  const now = useSandbox((s) => Math.floor(s.world.now / 1000) * 1000);
  const [text, setText] = useState('');
  const [until, setUntil] = useState('');
  const [node, setNode] = useState('');
  return (
    <section className="demo-callouts-editor" aria-label={t('demoEditor.callouts')}>
      <h3>{t('demoEditor.callouts')}</h3>
      {callouts.length ? (
        <ol className="demo-stops">
          {callouts.map((c, i) => (
            <li key={`${c.at}-${i}`}>
              <time>{clock(c.at)}</time>
              {c.until !== undefined && (
                <>
                  –<time>{clock(c.until)}</time>
                </>
              )}{' '}
              {c.text} <PinSelect label={t('demoEditor.pinnedTo')} value={c.node ?? ''} onChange={(v) => run('demo.pinCallout', { index: i, node: v || null })} />
              <ActionButton id="demo.pickNode" arg={pinning === i ? null : i} label={t(pinning === i ? 'demoEditor.pickCancel' : 'demoEditor.pick')}>
                {t(pinning === i ? 'demoEditor.pickCancel' : 'demoEditor.pick')}
              </ActionButton>
              <ActionButton id="demo.removeCallout" arg={i} label={t('demoEditor.removeCallout', { time: clock(c.at) })}>
                ×
              </ActionButton>
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted small">{t('demoEditor.noCallouts')}</p>
      )}
      {pinning !== null && (
        <p className="small" role="status">
          {t('demoEditor.pickNow')}
        </p>
      )}
      <form
        className="demo-add"
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim() && run('demo.addCallout', { text, until: until.trim() || undefined, node: node || undefined })) {
            setText('');
            setUntil('');
            setNode('');
          }
        }}
      >
        <label className="field">
          <span>{t('demoEditor.calloutText', { time: clock(now) })}</span>
          <input value={text} maxLength={200} onChange={(e) => setText(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('demoEditor.calloutUntil')}</span>
          <input value={until} placeholder="5m30s" onChange={(e) => setUntil(e.target.value)} />
        </label>
        <PinSelect label={t('demoEditor.pinTo')} value={node} onChange={setNode} />
        <button type="submit">{t('demoEditor.addCallout')}</button>
      </form>
    </section>
  );
}
