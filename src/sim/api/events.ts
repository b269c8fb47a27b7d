import type { SimContext } from '../model/context';
import type { Operation } from './operation';
import { PAGING, pageOf } from './paging';
import { own, setOwn } from '../core/own';
import { ApiError } from '../core/errors';
import type { EventRule } from '../model/types';
import { nextFiring, parseSchedule } from '../core/schedule';
import { say } from '../model/narration';

/**
 * Amazon EventBridge scheduled rules (`events.`) with ECS targets: each firing runs RunTask with the
 * target's EcsParameters, startedBy "events-rule/<rule name>". Failures are recorded, not thrown.
 */

const vErr = (m: string) => new ApiError('ValidationException', m);

function schedule(sim: SimContext, r: EventRule): void {
  if (r.State !== 'ENABLED') return;
  const t = nextFiring(parseSchedule(r.ScheduleExpression), sim.now, r.CreatedMs, sim.world.epochSeconds);
  if (t !== undefined) sim.engine.at(t, { k: 'events.fire', rule: r.Name, gen: r.gen });
}

/** RunTask's request from a target's EcsParameters (their PascalCase members). */
function runTaskInput(cluster: string, p: Record<string, unknown>, rule: string): Record<string, unknown> {
  const net = p.NetworkConfiguration as { awsvpcConfiguration?: { Subnets?: string[]; SecurityGroups?: string[]; AssignPublicIp?: string } } | undefined;
  return {
    cluster,
    taskDefinition: p.TaskDefinitionArn,
    count: p.TaskCount ?? 1,
    startedBy: `events-rule/${rule}`,
    ...(p.LaunchType ? { launchType: p.LaunchType } : {}),
    ...(p.PlatformVersion ? { platformVersion: p.PlatformVersion } : {}),
    ...(p.Group ? { group: p.Group } : {}),
    ...(p.CapacityProviderStrategy ? { capacityProviderStrategy: p.CapacityProviderStrategy as { capacityProvider: string; weight?: number; base?: number }[] } : {}),
    ...(net?.awsvpcConfiguration
      ? {
          networkConfiguration: {
            awsvpcConfiguration: {
              subnets: net.awsvpcConfiguration.Subnets ?? [],
              ...(net.awsvpcConfiguration.SecurityGroups ? { securityGroups: net.awsvpcConfiguration.SecurityGroups } : {}),
              ...(net.awsvpcConfiguration.AssignPublicIp ? { assignPublicIp: net.awsvpcConfiguration.AssignPublicIp } : {}),
            },
          },
        }
      : {}),
  };
}

export const EVENTS_OPERATIONS: Record<string, Operation> = {
  PutRule(sim, input) {
    const name = input.Name;
    if (typeof name !== 'string' || !/^[A-Za-z0-9._-]{1,64}$/.test(name)) throw vErr('Rule name must be 1-64 letters, numbers, periods, hyphens or underscores.');
    const expr = input.ScheduleExpression;
    if (typeof expr !== 'string') throw vErr('The simulator runs scheduled rules: ScheduleExpression is required.');
    try {
      const s = parseSchedule(expr);
      if (s.kind === 'at') throw new Error('EventBridge rules take rate() or cron() expressions');
    } catch (e) {
      throw vErr(`Parameter ScheduleExpression is not valid: ${(e as Error).message}.`);
    }
    const previous = own(sim.world.eventRules, name);
    const r: EventRule = {
      Name: name,
      Arn: `arn:aws:events:${sim.world.region}:${sim.world.account}:rule/${name}`,
      ScheduleExpression: expr,
      State: input.State === 'DISABLED' ? 'DISABLED' : 'ENABLED',
      Targets: previous?.Targets ?? [],
      CreatedMs: sim.now,
      gen: (previous?.gen ?? 0) + 1,
    };
    setOwn(sim.world.eventRules, name, r);
    schedule(sim, r);
    return { RuleArn: r.Arn };
  },

  PutTargets(sim, input) {
    const r = own(sim.world.eventRules, input.Rule);
    if (!r) throw new ApiError('ResourceNotFoundException', `Rule ${String(input.Rule)} does not exist on EventBus default.`);
    const targets = input.Targets as EventRule['Targets'] | undefined;
    if (!Array.isArray(targets) || targets.length === 0) throw vErr('Targets must contain at least one target.');
    for (const t of targets) {
      if (!t.Id || !t.Arn) throw vErr('Each target needs an Id and an Arn.');
      if (!t.EcsParameters) throw vErr(`Target ${t.Id}: the simulator runs ECS targets, which need EcsParameters.`);
      if (!t.EcsParameters.TaskDefinitionArn) throw vErr(`Target ${t.Id}: EcsParameters.TaskDefinitionArn is required.`);
      r.Targets = r.Targets.filter((x) => x.Id !== t.Id);
      r.Targets.push(t);
    }
    return { FailedEntryCount: 0, FailedEntries: [] };
  },

  RemoveTargets(sim, input) {
    const r = own(sim.world.eventRules, input.Rule);
    if (!r) throw new ApiError('ResourceNotFoundException', `Rule ${String(input.Rule)} does not exist on EventBus default.`);
    const ids = input.Ids;
    if (!Array.isArray(ids) || ids.length === 0) throw vErr('Ids must contain at least one target ID.');
    // Ids the rule does not have are no failure: what the request names is no longer a target.
    r.Targets = r.Targets.filter((x) => !ids.includes(x.Id));
    return { FailedEntryCount: 0, FailedEntries: [] };
  },

  DescribeRule(sim, input) {
    const r = own(sim.world.eventRules, input.Name);
    if (!r) throw new ApiError('ResourceNotFoundException', `Rule ${String(input.Name)} does not exist.`);
    return { Name: r.Name, Arn: r.Arn, ScheduleExpression: r.ScheduleExpression, State: r.State, EventBusName: 'default' };
  },

  ListTargetsByRule(sim, input) {
    const r = own(sim.world.eventRules, input.Rule);
    if (!r) throw new ApiError('ResourceNotFoundException', `Rule ${String(input.Rule)} does not exist.`);
    return pageOf(r.Targets, input, PAGING.events, 'Targets', (t) => t.Id);
  },

  DeleteRule(sim, input) {
    const r = own(sim.world.eventRules, input.Name);
    if (r?.Targets.length) throw vErr("Rule can't be deleted since it has targets.");
    delete sim.world.eventRules[input.Name as string];
    return {};
  },
};

export function registerEventHandlers(sim: SimContext): void {
  sim.engine.on('events.fire', (ev) => {
    const r = own(sim.world.eventRules, ev.rule);
    if (!r || r.gen !== ev.gen || r.State !== 'ENABLED') return;
    for (const t of r.Targets) {
      const cluster = t.Arn.slice(t.Arn.lastIndexOf('/') + 1);
      const res = sim.call('ecs.RunTask', runTaskInput(cluster, t.EcsParameters, r.Name));
      if (res.error) sim.emit('ScheduledTaskFailed', say('ScheduledTaskFailed.failed', { rule: r.Name, code: res.error.code, error: res.error.message }), { rule: r.Name, error: res.error });
      else sim.emit('ScheduledTaskRun', say('ScheduledTaskRun.ran', { rule: r.Name, count: (res.output as { tasks: unknown[] }).tasks.length }), { rule: r.Name });
    }
    schedule(sim, r);
  });
}
