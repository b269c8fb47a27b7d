import { useEffect, useRef } from 'react';
import type { WorldView } from '../store/selectors/world';
import type { Selection } from '../store/store';
import { useRun } from './context';
import { useT } from './i18n';

type Props = { view: WorldView; selected?: Selection | null | undefined };

/**
 * The row of what the inspector shows, as the canvas rings it: aria-current (the tables are read, not a grid
 * to select in), a bar and a tint in either theme; its button is where Tab reaches it. The tables open
 * scrolled to it.
 */
function currentRow(selected: Selection | null | undefined, kind: Selection['kind'], id: string) {
  const on = selected?.kind === kind && selected.id === id;
  return on ? ({ 'aria-current': 'true', className: 'current' } as const) : {};
}

/** The canvas as tables: every instance and every task, readable by a screen reader and by keyboard. */
export function WorldTables({ view, selected }: Props) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  const key = selected ? `${selected.kind}:${selected.id}` : '';
  useEffect(() => {
    if (key) box.current?.querySelector('tr[aria-current="true"]')?.scrollIntoView?.({ block: 'nearest' });
  }, [key]);
  return (
    <div className="tables" role="region" aria-label={t('tables.label')} ref={box}>
      <ServicesTable view={view} selected={selected} />
      <InstancesTable view={view} selected={selected} />
      <TasksTable view={view} selected={selected} />
    </div>
  );
}

/** The services, with their counts and deployments. */
function ServicesTable({ view, selected }: Props) {
  const run = useRun();
  const t = useT();
  return (
    <table>
      <caption>{t('tables.services', { count: view.services.length })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('tables.col.service')}</th>
          <th scope="col">{t('tables.col.cluster')}</th>
          <th scope="col">{t('tables.col.status')}</th>
          <th scope="col">{t('tables.col.desired')}</th>
          <th scope="col">{t('tables.col.running')}</th>
          <th scope="col">{t('tables.col.pending')}</th>
          <th scope="col">{t('tables.col.deployments')}</th>
        </tr>
      </thead>
      <tbody>
        {view.services.map((s) => (
          <tr key={s.arn} {...currentRow(selected, 'service', s.arn)}>
            <td>
              <button type="button" className="link" onClick={() => run('select', { kind: 'service', id: s.arn })}>
                {s.name}
              </button>
            </td>
            <td>{s.cluster}</td>
            <td>{s.status}</td>
            <td>{s.desired}</td>
            <td>{s.running}</td>
            <td>{s.pending}</td>
            <td>
              {s.deployments}
              {s.rollout ? ` (${s.rollout})` : ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Every container instance, with its zone, agent, resources and task count. */
function InstancesTable({ view, selected }: Props) {
  const run = useRun();
  const t = useT();
  return (
    <table>
      <caption>{t('tables.instances', { count: view.azs.reduce((n, z) => n + z.instances.length, 0) })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('tables.col.instance')}</th>
          <th scope="col">{t('tables.col.az')}</th>
          <th scope="col">{t('tables.col.type')}</th>
          <th scope="col">{t('tables.col.status')}</th>
          <th scope="col">{t('tables.col.agent')}</th>
          <th scope="col">{t('tables.col.cpu')}</th>
          <th scope="col">{t('tables.col.memory')}</th>
          <th scope="col">{t('tables.col.tasks')}</th>
        </tr>
      </thead>
      <tbody>
        {view.azs.flatMap((z) =>
          z.instances.map((i) => (
            <tr key={i.arn} {...currentRow(selected, 'instance', i.arn)}>
              <td>
                <button type="button" className="link" onClick={() => run('select', { kind: 'instance', id: i.arn })}>
                  {i.ec2InstanceId}
                </button>
              </td>
              <td>{z.zone}</td>
              <td>{i.instanceType}</td>
              <td>{i.status}</td>
              <td>{t(i.agentConnected ? 'tables.connected' : 'tables.disconnected')}</td>
              <td>
                {i.cpu.used} / {i.cpu.registered}
              </td>
              <td>
                {i.memory.used} / {i.memory.registered} MiB
              </td>
              <td>{i.tasks.length}</td>
            </tr>
          )),
        )}
      </tbody>
    </table>
  );
}

/** Every task on the canvas, with where it runs: an instance, a Fargate lane, or waiting. */
function TasksTable({ view, selected }: Props) {
  const run = useRun();
  const t = useT();
  const tasks = [
    ...view.azs.flatMap((z) => z.instances.flatMap((i) => i.tasks.map((task) => ({ task, where: `${i.ec2InstanceId} (${z.zone})` })))),
    ...view.azs.flatMap((z) => z.fargate.map((task) => ({ task, where: `Fargate (${z.zone})` }))),
    ...view.waiting.map((task) => ({ task, where: t('tables.waiting') })),
  ];
  return (
    <table>
      <caption>{t('tables.tasks', { count: tasks.length })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('tables.col.task')}</th>
          <th scope="col">{t('tables.col.family')}</th>
          <th scope="col">{t('tables.col.last')}</th>
          <th scope="col">{t('tables.col.desiredStatus')}</th>
          <th scope="col">{t('tables.col.health')}</th>
          <th scope="col">{t('tables.col.where')}</th>
        </tr>
      </thead>
      <tbody>
        {tasks.map(({ task, where }) => (
          <tr key={task.arn} {...currentRow(selected, 'task', task.arn)}>
            <td>
              <button type="button" className="link" onClick={() => run('select', { kind: 'task', id: task.arn })}>
                {task.id.slice(0, 8)}
              </button>
            </td>
            <td>{task.service ?? task.family}</td>
            <td className={`st s-${task.lastStatus.toLowerCase()}`}>{task.lastStatus}</td>
            <td>{task.desiredStatus}</td>
            <td>{task.health}</td>
            <td>{where}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
