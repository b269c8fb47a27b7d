// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createElement, type ComponentType } from 'react';
import { nodeTypes, type Data } from '../../../src/ui/canvas/nodes';
import { selectWorldView, type InstanceView, type LoadBalancerView, type TaskView } from '../../../src/store/selectors/world';
import type { Selection } from '../../../src/store/store';
import { withTasks, sandbox } from '../../support/sandbox';
import { click, render } from '../../support/render';

let done: (() => Promise<void>) | undefined;
afterEach(async () => void (await done?.()));

/** Draws one node as React Flow would, with the data given. */
async function node(kind: keyof typeof nodeTypes, data: Data) {
  const C = nodeTypes[kind] as unknown as ComponentType<{ data: Data }>;
  const page = await render(sandbox(), createElement(C, { data }));
  done = page.unmount;
  return page.root;
}

const task = (over: Partial<TaskView> = {}): TaskView => ({
  arn: 'arn:task/abcdef0123',
  id: 'abcdef0123',
  cluster: 'demo',
  family: 'web',
  service: null,
  lastStatus: 'RUNNING',
  desiredStatus: 'RUNNING',
  health: 'UNKNOWN',
  launch: 'EC2',
  ...over,
});

describe('an instance node', () => {
  it('names the instance for a screen reader, shows its reservations as meters, and each task as a chip that inspects it', async () => {
    const inst: InstanceView = selectWorldView(withTasks(2).getState())!
      .azs.flatMap((z) => z.instances)
      .find((i) => i.tasks.length > 0)!;
    const picked: Selection[] = [];
    const root = await node('instance', { view: inst, select: (s) => picked.push(s) });
    const head = root.querySelector('button.inst-head')!;
    expect(head.getAttribute('aria-label')).toBe(`Container instance ${inst.ec2InstanceId}, ${inst.instanceType}, ACTIVE, agent connected, 1 task`);
    const meters = [...root.querySelectorAll('[role="meter"]')];
    expect(meters.map((m) => m.getAttribute('aria-label'))).toEqual(['CPU reserved', 'Mem reserved']);
    expect(meters[1]!.getAttribute('aria-valuenow')).toBe(String(inst.memory.used));
    expect(meters[1]!.getAttribute('aria-valuetext')).toBe(`${Math.round((inst.memory.used / inst.memory.registered) * 100)} %`);
    const chip = root.querySelector('button.chip')!;
    expect(chip.getAttribute('aria-label')).toBe(`Task ${inst.tasks[0]!.id.slice(0, 8)} (web): RUNNING`);
    await click(chip);
    await click(head);
    expect(picked).toEqual([
      { kind: 'task', id: inst.tasks[0]!.arn },
      { kind: 'instance', id: inst.arn },
    ]);
  });

  it('on a read-only canvas nothing is a button; a lost agent and an unhealthy or selected task are marked', async () => {
    const inst: InstanceView = {
      arn: 'arn:ci/1',
      id: '1',
      cluster: 'demo',
      ec2InstanceId: 'i-1',
      instanceType: 'm5.large',
      status: 'ACTIVE',
      agentConnected: false,
      cpu: { used: 0, registered: 2048 },
      memory: { used: 0, registered: 7987 },
      tasks: [task({ health: 'UNHEALTHY' })],
    };
    const root = await node('instance', { view: inst, chosen: 'arn:task/abcdef0123' });
    expect(root.querySelectorAll('button')).toHaveLength(0);
    expect(root.querySelector('.inst')!.className).toBe('inst st-active lost');
    expect(root.textContent).toContain('○ agent disconnected');
    const chip = root.querySelector('.chip')!;
    expect(chip.className).toBe('chip s-running unhealthy chosen');
    expect(chip.getAttribute('aria-label')).toBe('Task abcdef01 (web): RUNNING, selected');
    expect(chip.getAttribute('title')).toBe('web abcdef01: RUNNING, UNHEALTHY');
  });

  it('shows as many chips as its rows hold, then "+N more"', async () => {
    const tasks = Array.from({ length: 30 }, (_, i) => task({ arn: `arn:task/${i}`, id: `${i}`.padStart(8, '0'), family: 'a-long-family-name' }));
    const inst: InstanceView = {
      arn: 'arn:ci/1',
      id: '1',
      cluster: 'demo',
      ec2InstanceId: 'i-1',
      instanceType: 'm5.large',
      status: 'ACTIVE',
      agentConnected: true,
      cpu: { used: 0, registered: 2048 },
      memory: { used: 0, registered: 7987 },
      tasks,
    };
    const root = await node('instance', { view: inst });
    const shown = root.querySelectorAll('.chip').length;
    expect(shown).toBeLessThan(30);
    expect(root.querySelector('.more')!.textContent).toBe(`+${30 - shown} more`);
  });
});

describe('the other nodes', () => {
  it('a load balancer names each target group, its service first, with healthy counts and weights', async () => {
    const lb: LoadBalancerView = {
      arn: 'arn:lb',
      name: 'shop-lb',
      dns: 'x',
      targetGroups: [
        { arn: 'arn:tg/1', name: 'web-blue', service: 'web', healthy: 2, unhealthy: 1, other: 0, weights: ['90 %', '10 %'] },
        { arn: 'arn:tg/2', name: 'spare', healthy: 0, unhealthy: 0, other: 0, weights: [] },
      ],
    };
    const picked: Selection[] = [];
    const root = await node('lb', { view: lb, select: (s) => picked.push(s) });
    const tgs = [...root.querySelectorAll('button.tg')];
    expect(tgs.map((b) => b.getAttribute('aria-label'))).toEqual(['Target group web-blue of service web: 2 healthy, 1 unhealthy, 0 other, traffic 90 %, 10 %', 'Target group spare: 0 healthy, 0 unhealthy, 0 other']);
    expect(tgs[1]!.querySelector('.muted')!.textContent).toBe('0 healthy');
    await click(tgs[0]!);
    expect(picked).toEqual([{ kind: 'targetGroup', id: 'arn:tg/1' }]);
  });

  it('a Fargate lane says its zone and count, a cluster its instances, a zone its instances or Fargate tasks', async () => {
    let root = await node('lane', { view: { title: 'x', tasks: [], hint: 'Nothing here yet', zone: 'us-east-1b' } });
    expect(root.querySelector('.lane-title')!.textContent).toMatch(/us-east-1b.*\(0\)$/);
    expect(root.textContent).toContain('Nothing here yet');
    await done!();
    root = await node('cluster', { view: { name: 'prod', instances: 1 } });
    expect(root.textContent).toBe('Cluster prod 1 container instance');
    await done!();
    root = await node('zone', { view: { zone: 'us-east-1a', instances: 0, fargate: 3 } });
    expect(root.querySelector('.zone-title')!.textContent).toBe('us-east-1a');
  });

  it('the control plane inspects its part when clicked', async () => {
    const picked: Selection[] = [];
    const root = await node('control', { view: { id: 'scheduler', title: '', detail: '', count: 2 }, select: (s) => picked.push(s) });
    expect(root.textContent).toBe('Service scheduler2 services');
    await click(root.querySelector('button')!);
    expect(picked).toEqual([{ kind: 'control', id: 'scheduler' }]);
  });

  it('the local Docker host lists its processes and containers in their states', async () => {
    const root = await node('local', { view: { processes: [{ name: 'node', port: 3000, exitCode: 1 }], containers: [{ id: 'c1', name: 'forum', image: 'forum:1', ports: '0.0.0.0:80->3000/tcp', state: 'running', health: 'healthy' }] } });
    expect(root.querySelector('[role="group"]')!.getAttribute('aria-label')).toBe('Your machine (the local Docker host)');
    const procs = [...root.querySelectorAll('.proc')];
    expect(procs.map((p) => p.className)).toEqual(['proc down', 'proc up']);
    expect(procs[0]!.textContent).toBe('process node :3000 · exited (1)');
    expect(procs[1]!.textContent).toBe('forum (forum:1) · 0.0.0.0:80->3000/tcp · running (healthy)');
  });
});
