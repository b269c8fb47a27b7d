import { memo, useContext, type ReactNode } from 'react';
import type { Node, NodeProps } from '@xyflow/react';
import type { InstanceView, LoadBalancerView, LocalHostView, TaskView } from '../../store/selectors/world';
import type { Selection } from '../../store/store';
import { LANE_MAX_CHIPS, type ControlId } from './layout';
import { CHAR_W, chipText, instanceChips, INST_MAX_CHIPS, PANE_CHAR_W, PaneContext } from './chips';
import { useT } from '../i18n';

/** What every node gets: what it shows, and how to inspect something (absent on a read-only canvas). */
export type Data = {
  view: unknown;
  select?: (s: Selection) => void;
  /** The task in the spotlight, on the node holding it. */
  lit?: string;
  /** The task the inspector shows, on the node holding it. */
  chosen?: string;
};

/** What marks a task on the canvas: the presenter's spotlight, and the inspector's selection. */
type Marks = { lit?: string | undefined; chosen?: string | undefined };

/** A task: a button that inspects it, coloured by lastStatus (ringed while the inspector shows it); a plain chip on a read-only canvas. */
function Chip({ t, onSelect, lit, chosen }: { t: TaskView; onSelect: ((s: Selection) => void) | undefined } & Marks) {
  const tr = useT();
  const selected = chosen === t.arn;
  const cls = `chip s-${t.lastStatus.toLowerCase()}${t.health === 'UNHEALTHY' ? ' unhealthy' : ''}${lit === t.arn ? ' lit' : ''}${selected ? ' chosen' : ''}`;
  const base = t.service ? tr('canvas.task.service', { id: t.id.slice(0, 8), service: t.service, status: t.lastStatus }) : tr('canvas.task.family', { id: t.id.slice(0, 8), family: t.family, status: t.lastStatus });
  const named = t.revision ? `${base} (${t.revision})` : base;
  const name = selected ? tr('canvas.task.selected', { name: named }) : named;
  const title = `${t.family} ${t.id.slice(0, 8)}: ${t.lastStatus}${t.desiredStatus === 'STOPPED' && t.lastStatus !== 'STOPPED' ? ' → STOPPED' : ''}${t.health !== 'UNKNOWN' ? `, ${t.health}` : ''}`;
  // While a service runs two revisions (a deployment), each chip names its own.
  const text = chipText(t);
  if (!onSelect)
    return (
      <span className={cls} role="img" aria-label={name} title={title}>
        {text}
      </span>
    );
  return (
    <button
      type="button"
      className={cls}
      aria-label={name}
      aria-current={selected ? 'true' : undefined}
      title={title}
      onClick={(e) => {
        e.stopPropagation();
        onSelect({ kind: 'task', id: t.arn });
      }}
    >
      {text}
    </button>
  );
}

function Chips({ tasks, onSelect, max = INST_MAX_CHIPS, lit, chosen }: { tasks: TaskView[]; onSelect: ((s: Selection) => void) | undefined; max?: number } & Marks) {
  const t = useT();
  return (
    <div className="chips">
      {tasks.slice(0, max).map((t) => (
        <Chip key={t.arn} t={t} onSelect={onSelect} lit={lit} chosen={chosen} />
      ))}
      {tasks.length > max && <span className="more">{t('canvas.more', { count: tasks.length - max })}</span>}
    </div>
  );
}

function Bar({ label, used, total }: { label: string; used: number; total: number }) {
  const pct = total > 0 ? Math.min(100, Math.round((used / total) * 100)) : 0;
  const t = useT();
  return (
    <div className="meter" title={t('canvas.meter.title', { label, used: String(used), total: String(total) })}>
      <span className="meter-label">{label}</span>
      <span className="meter-track" role="meter" aria-label={t('canvas.meter.label', { label })} aria-valuemin={0} aria-valuemax={total} aria-valuenow={used} aria-valuetext={`${pct} %`}>
        <span className="meter-fill" style={{ width: `${pct}%` }} />
      </span>
      <span className="meter-pct">{pct}%</span>
    </div>
  );
}

/** A head that inspects what it names; a plain heading on a read-only canvas. */
function Head({ select, target, label, children }: { select: Data['select']; target: Selection; label: string; children: ReactNode }) {
  if (!select)
    return (
      <div className="inst-head" role="group" aria-label={label}>
        {children}
      </div>
    );
  return (
    <button type="button" className="inst-head" onClick={() => select(target)} aria-label={label}>
      {children}
    </button>
  );
}

const InstanceNode = memo(function InstanceNode({ data }: NodeProps<Node<Data>>) {
  const v = data.view as InstanceView;
  const t = useT();
  const pane = useContext(PaneContext);
  const agent = t(v.agentConnected ? 'canvas.agent.on' : 'canvas.agent.off');
  return (
    <div className={`inst st-${v.status.toLowerCase()}${v.agentConnected ? '' : ' lost'}`}>
      <Head select={data.select} target={{ kind: 'instance', id: v.arn }} label={t('canvas.instance', { id: v.ec2InstanceId, type: v.instanceType, status: v.status, agent, count: v.tasks.length })}>
        <strong>{v.ec2InstanceId}</strong>
        <span className="inst-sub">
          {v.instanceType} <span className={`agent ${v.agentConnected ? 'ok' : 'bad'}`}>{v.status === 'ACTIVE' ? `${v.agentConnected ? '●' : '○'} ${agent}` : v.status}</span>
        </span>
      </Head>
      <div className="meters">
        <Bar label="CPU" used={v.cpu.used} total={v.cpu.registered} />
        <Bar label="Mem" used={v.memory.used} total={v.memory.registered} />
      </div>
      {/* As many chips as the node's rows hold (the layout made it as tall as they need), then "+N more". */}
      <Chips tasks={v.tasks} onSelect={data.select} max={instanceChips(v.tasks, pane ? PANE_CHAR_W : CHAR_W).shown} lit={data.lit} chosen={data.chosen} />
    </div>
  );
});

const LaneNode = memo(function LaneNode({ data }: NodeProps<Node<Data>>) {
  const v = data.view as { title: string; tasks: TaskView[]; hint: string; zone?: string; waitingIn?: string; joined?: boolean };
  const t = useT();
  // A lane's words in the page's language: a zone's Fargate tasks, or the tasks a cluster has no instance for yet.
  const title = v.zone !== undefined ? t('canvas.lane.fargate', { zone: v.zone }) : v.waitingIn !== undefined ? t('canvas.lane.waiting') : v.title;
  const hint = v.waitingIn !== undefined ? [t('canvas.lane.waiting.hint'), v.joined ? '' : t('canvas.lane.noInstance', { name: v.waitingIn })].filter(Boolean).join(' ') : v.hint;
  return (
    <div className="lane">
      <div className="lane-title">
        {title} <span className="muted">({v.tasks.length})</span>
      </div>
      {v.tasks.length === 0 ? <div className="muted small">{hint}</div> : <Chips tasks={v.tasks} onSelect={data.select} max={LANE_MAX_CHIPS} lit={data.lit} chosen={data.chosen} />}
    </div>
  );
});

const ZoneNode = memo(function ZoneNode({ data }: NodeProps<Node<Data>>) {
  const v = data.view as { zone: string; instances: number; fargate: number };
  const t = useT();
  return (
    <div className="zone">
      <span className="zone-title">{v.zone}</span> <span className="muted small">{v.instances ? t('canvas.zone.instances', { count: v.instances }) : t('canvas.zone.fargate', { count: v.fargate })}</span>
    </div>
  );
});

const ClusterNode = memo(function ClusterNode({ data }: NodeProps<Node<Data>>) {
  const v = data.view as { name: string; instances: number };
  const t = useT();
  return (
    <div className="cluster">
      <span className="cluster-title">{t('canvas.cluster', { name: v.name })}</span> <span className="muted small">{t('canvas.cluster.instances', { count: v.instances })}</span>
    </div>
  );
});

const ControlNode = memo(function ControlNode({ data }: NodeProps<Node<Data>>) {
  const v = data.view as { id: ControlId; title: string; detail: string; count: number };
  const t = useT();
  const body = (
    <>
      <strong>{t(`canvas.control.${v.id}`)}</strong>
      <span className="small">{t(`canvas.control.${v.id}.detail`, { count: v.count })}</span>
    </>
  );
  return data.select ? (
    <button type="button" className="ctl" onClick={() => data.select!({ kind: 'control', id: v.id })}>
      {body}
    </button>
  ) : (
    <div className="ctl">{body}</div>
  );
});

const LbNode = memo(function LbNode({ data }: NodeProps<Node<Data>>) {
  const v = data.view as LoadBalancerView;
  const t = useT();
  return (
    <div className="lb">
      <Head select={data.select} target={{ kind: 'loadBalancer', id: v.arn }} label={t('canvas.lb', { name: v.name })}>
        <strong>ALB {v.name}</strong>
      </Head>
      {v.targetGroups.map((tg) => {
        const share = tg.weights.length ? t('canvas.tg.traffic', { weights: tg.weights.join(', ') }) : '';
        const label = t(tg.service ? 'canvas.tg.of' : 'canvas.tg', { name: tg.name, service: tg.service ?? '', healthy: tg.healthy, unhealthy: tg.unhealthy, other: tg.other }) + share;
        // The service it serves comes first, so a long generated name (Express Mode's) is what the row cuts short.
        const body = (
          <>
            {tg.service ? (
              <>
                <strong>{tg.service}</strong> <span className="tg-name">{tg.name}</span>
              </>
            ) : (
              <span className="tg-name">{tg.name}</span>
            )}
            : <span className={tg.healthy ? 'ok' : 'muted'}>{t('canvas.tg.healthy', { n: tg.healthy })}</span>
            {tg.unhealthy ? <span className="bad"> {t('canvas.tg.unhealthy', { n: tg.unhealthy })}</span> : null}
            {tg.other ? <span> {t('canvas.tg.other', { n: tg.other })}</span> : null}
            {tg.weights.length ? <span className="weights"> · {tg.weights.join(' · ')}</span> : null}
          </>
        );
        return data.select ? (
          <button key={tg.arn} type="button" className="tg" onClick={() => data.select!({ kind: 'targetGroup', id: tg.arn })} aria-label={label} title={label}>
            {body}
          </button>
        ) : (
          <div key={tg.arn} className="tg" role="group" aria-label={label} title={label}>
            {body}
          </div>
        );
      })}
    </div>
  );
});

const LocalNode = memo(function LocalNode({ data }: NodeProps<Node<Data>>) {
  const v = data.view as LocalHostView;
  const t = useT();
  return (
    <div className="local" role="group" aria-label={t('canvas.local.label')}>
      <div className="lane-title">{t('canvas.local')}</div>
      {v.processes.map((p) => {
        // The sandbox's own words for a bare process (the containers below say docker's states as docker does).
        const state = p.exitCode === null ? t('canvas.process.running') : t('canvas.process.exited', { code: String(p.exitCode) });
        return (
          <div key={p.name} className={`proc ${p.exitCode === null ? 'up' : 'down'}`} title={`${t('canvas.process')} ${p.name} :${p.port} · ${state}`}>
            {t('canvas.process')} <strong>{p.name}</strong> :{p.port} · {state}
          </div>
        );
      })}
      {v.containers.map((c) => {
        const text = `${c.name} (${c.image})${c.ports ? ` · ${c.ports}` : ''} · ${c.state}${c.health ? ` (${c.health})` : ''}`;
        return (
          <div key={c.id} className={`proc ${c.state === 'running' ? 'up' : c.state === 'created' ? '' : 'down'}`} title={text}>
            <strong>{c.name}</strong> ({c.image}) {c.ports && <span>· {c.ports}</span>} · {c.state}
            {c.health ? ` (${c.health})` : ''}
          </div>
        );
      })}
    </div>
  );
});

// Module scope: a new object each render would remount every node.
export const nodeTypes = { instance: InstanceNode, lane: LaneNode, zone: ZoneNode, control: ControlNode, lb: LbNode, local: LocalNode, cluster: ClusterNode };
