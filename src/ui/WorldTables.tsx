import type { WorldView } from '../store/selectors/world';
import { useRun } from './context';

/** The canvas as tables: every instance and every task, readable by a screen reader and by keyboard. */
export function WorldTables({ view }: { view: WorldView }) {
  const run = useRun();
  const tasks = [
    ...view.azs.flatMap((z) => z.instances.flatMap((i) => i.tasks.map((t) => ({ t, where: `${i.ec2InstanceId} (${z.zone})` })))),
    ...view.azs.flatMap((z) => z.fargate.map((t) => ({ t, where: `Fargate (${z.zone})` }))),
    ...view.waiting.map((t) => ({ t, where: 'waiting for a home' })),
  ];
  return (
    <div className="tables" role="region" aria-label="Cluster as tables">
      <table>
        <caption>Services ({view.services.length})</caption>
        <thead><tr><th scope="col">Service</th><th scope="col">Cluster</th><th scope="col">Status</th><th scope="col">Desired</th><th scope="col">Running</th><th scope="col">Pending</th><th scope="col">Deployments</th></tr></thead>
        <tbody>
          {view.services.map((s) => (
            <tr key={s.arn}>
              <td><button type="button" className="link" onClick={() => run('select', { kind: 'service', id: s.arn })}>{s.name}</button></td>
              <td>{s.cluster}</td><td>{s.status}</td><td>{s.desired}</td><td>{s.running}</td><td>{s.pending}</td><td>{s.deployments}{s.rollout ? ` (${s.rollout})` : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table>
        <caption>Container instances ({view.azs.reduce((n, z) => n + z.instances.length, 0)})</caption>
        <thead><tr><th scope="col">Instance</th><th scope="col">AZ</th><th scope="col">Type</th><th scope="col">Status</th><th scope="col">Agent</th><th scope="col">CPU reserved</th><th scope="col">Memory reserved</th><th scope="col">Tasks</th></tr></thead>
        <tbody>
          {view.azs.flatMap((z) => z.instances.map((i) => (
            <tr key={i.arn}>
              <td><button type="button" className="link" onClick={() => run('select', { kind: 'instance', id: i.arn })}>{i.ec2InstanceId}</button></td>
              <td>{z.zone}</td><td>{i.instanceType}</td><td>{i.status}</td><td>{i.agentConnected ? 'connected' : 'disconnected'}</td>
              <td>{i.cpu.used} / {i.cpu.registered}</td><td>{i.memory.used} / {i.memory.registered} MiB</td><td>{i.tasks.length}</td>
            </tr>
          )))}
        </tbody>
      </table>
      <table>
        <caption>Tasks ({tasks.length})</caption>
        <thead><tr><th scope="col">Task</th><th scope="col">Service or family</th><th scope="col">Last status</th><th scope="col">Desired</th><th scope="col">Health</th><th scope="col">Where</th></tr></thead>
        <tbody>
          {tasks.map(({ t, where }) => (
            <tr key={t.arn}>
              <td><button type="button" className="link" onClick={() => run('select', { kind: 'task', id: t.arn })}>{t.id.slice(0, 8)}</button></td>
              <td>{t.service ?? t.family}</td><td className={`st s-${t.lastStatus.toLowerCase()}`}>{t.lastStatus}</td><td>{t.desiredStatus}</td><td>{t.health}</td><td>{where}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
