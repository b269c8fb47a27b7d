import { describe, expect, it } from 'vitest';
import { serviceEvent, taskIds, unableToPlaceMessage } from '../../../../src/sim/controllers/services/events';
import type { PlacementTrace, Task } from '../../../../src/sim/model/types';
import { ec2TaskDef, ec2World, ok } from '../../../support/controllerWorld';

const trace = (reason: string) => ({ failure: { reason, arn: 'arn:aws:ecs:us-east-1:123456789012:container-instance/demo/abc123' } }) as unknown as PlacementTrace;
const BASE = 'service web was unable to place a task because no container instance met all of its requirements.';
const MORE = ' For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.';

describe('service events', () => {
  it('word a placement failure as ECS does, naming the closest instance', () => {
    expect(unableToPlaceMessage('web', trace('MISSING'))).toBe(`${BASE} Reason: No Container Instances were found in your cluster.`);
    const inProvider = { failure: { reason: 'MISSING', detail: 'No Container Instances were found in your capacity provider.' } } as PlacementTrace;
    expect(unableToPlaceMessage('web', inProvider)).toBe(`${BASE} Reason: No Container Instances were found in your capacity provider.`);
    expect(unableToPlaceMessage('web', trace('RESOURCE:MEMORY'))).toBe(`${BASE} The closest matching container-instance abc123 has insufficient memory available.${MORE}`);
    expect(unableToPlaceMessage('web', trace('RESOURCE:CPU'))).toBe(`${BASE} The closest matching container-instance abc123 has insufficient CPU units available.${MORE}`);
    expect(unableToPlaceMessage('web', trace('RESOURCE:PORTS'))).toBe(`${BASE} The closest matching container-instance abc123 is already using a port required by your task.${MORE}`);
    expect(unableToPlaceMessage('web', trace('ATTRIBUTE'))).toBe(`${BASE} The closest matching container-instance abc123 is missing an attribute required by your task.${MORE}`);
    expect(unableToPlaceMessage('web', trace('INACTIVE'))).toBe(`${BASE} The closest matching container-instance abc123 is not ACTIVE.${MORE}`);
    expect(unableToPlaceMessage('web', trace('AGENT'))).toBe(`${BASE} The closest matching container-instance abc123 encountered error "AGENT".${MORE}`);
    expect(unableToPlaceMessage('web', {} as PlacementTrace)).toBe(BASE);
  });

  it('list tasks as “(task id)” separated by spaces', () => {
    expect(taskIds([{ id: 'a1' }, { id: 'b2' }] as Task[])).toBe('(task a1) (task b2)');
  });

  it('keep the newest first and at most 100; a repeated problem within six hours is written once, progress every time', () => {
    const sim = ec2World(0);
    ec2TaskDef(sim, 'web');
    ok(sim, 'ecs.CreateService', { cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 0 });
    const svc = Object.values(sim.world.services)[0]!;
    svc.events = [];
    const before = sim.events.length;
    serviceEvent(sim, svc, '(service web) was unable to place a task.');
    serviceEvent(sim, svc, '(service web) was unable to place a task.');
    serviceEvent(sim, svc, '(service web) has started 1 tasks: (task x).');
    serviceEvent(sim, svc, '(service web) has started 1 tasks: (task x).');
    expect(svc.events.map((e) => e.message)).toEqual(['(service web) has started 1 tasks: (task x).', '(service web) has started 1 tasks: (task x).', '(service web) was unable to place a task.']);
    expect(sim.events.slice(before).map((e) => e.type)).toEqual(['ServiceEvent', 'ServiceEvent', 'ServiceEvent']);
    sim.runUntil(sim.now + 6 * 3600 * 1000);
    serviceEvent(sim, svc, '(service web) was unable to place a task.');
    expect(svc.events[0]!.message).toBe('(service web) was unable to place a task.');
    for (let i = 0; i < 120; i++) serviceEvent(sim, svc, `progress ${i}`);
    expect(svc.events).toHaveLength(100);
    expect(svc.events[0]!.message).toBe('progress 119');
  });
});
