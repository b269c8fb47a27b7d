import { clientError } from '../../core/errors';
import { own, setOwn } from '../../core/own';
import type { TaskDefinition } from '../../model/types';
import { describeTaskDefinition } from '../../queries/describe';
import { findTaskDefinition } from '../../queries/taskDefinitions';
import { validateTaskDefinition } from './taskDefinitionRules';
import type { EcsOperations } from './operation';

/** Task definitions and their revisions. */
export const TASK_DEFINITION_OPERATIONS = {
  RegisterTaskDefinition(sim, input) {
    const { def } = validateTaskDefinition(input);
    const family = input.family;
    const revs = own(sim.world.taskDefinitions, family) ?? setOwn(sim.world.taskDefinitions, family, []);
    const revision = revs.length + 1;
    const td: TaskDefinition = {
      taskDefinitionArn: sim.arn(`task-definition/${family}:${revision}`),
      ...def, revision, status: 'ACTIVE', registeredAtMs: sim.now,
    } as TaskDefinition;
    revs.push(td);
    sim.emit('TaskDefinitionRegistered', `Task definition ${family}:${revision} was registered.`, { taskDefinitionArn: td.taskDefinitionArn });
    return { taskDefinition: describeTaskDefinition(sim, td), tags: input.tags ?? [] };
  },

  DescribeTaskDefinition(sim, input) {
    const td = findTaskDefinition(sim, input.taskDefinition);
    if (!td) throw clientError('Unable to describe task definition.');
    return { taskDefinition: describeTaskDefinition(sim, td), tags: [] };
  },

  ListTaskDefinitions(sim, input) {
    const status = input.status ?? 'ACTIVE';
    const prefix = input.familyPrefix;
    const out: string[] = [];
    for (const [family, revs] of Object.entries(sim.world.taskDefinitions)) {
      if (prefix && !family.startsWith(prefix)) continue;
      for (const td of revs) if (td.status === status) out.push(td.taskDefinitionArn);
    }
    out.sort();
    if (input.sort === 'DESC') out.reverse();
    return { taskDefinitionArns: out };
  },

  ListTaskDefinitionFamilies(sim, input) {
    const status = input.status ?? 'ACTIVE';
    const prefix = input.familyPrefix;
    const families = Object.entries(sim.world.taskDefinitions)
      .filter(([f, revs]) => (!prefix || f.startsWith(prefix)) && (status === 'ALL' || revs.some((r) => r.status === status)))
      .map(([f]) => f)
      .sort();
    return { families };
  },

  DeregisterTaskDefinition(sim, input) {
    const ref = input.taskDefinition;
    const name = ref.startsWith('arn:') ? ref.slice(ref.lastIndexOf('/') + 1) : ref;
    if (!/:\d+$/.test(name)) throw clientError(`Invalid revision number. Number: ${name.includes(':') ? name.split(':')[1] : ''}`);
    const td = findTaskDefinition(sim, ref);
    if (!td) throw clientError('The specified task definition does not exist. Specify a valid account, family, revision and try again.');
    if (td.status === 'ACTIVE') {
      td.status = 'INACTIVE';
      td.deregisteredAtMs = sim.now;
      sim.emit('TaskDefinitionDeregistered', `Task definition ${td.family}:${td.revision} was deregistered (INACTIVE).`, { taskDefinitionArn: td.taskDefinitionArn });
    }
    return { taskDefinition: describeTaskDefinition(sim, td) };
  },
} satisfies EcsOperations;
