import { clientError, invalidParameter } from '../../core/errors';
import { own, setOwn } from '../../core/own';
import type { TaskDefinition } from '../../model/types';
import { describeTaskDefinition } from '../../queries/describe';
import { findTaskDefinition } from '../../queries/taskDefinitions';
import { validateTaskDefinition } from './taskDefinitionRules';
import type { EcsOperations } from './operation';
import { checkTags } from './tags';
import { ecsPage } from './paging';
import { say } from '../../model/narration';

/** Task definitions and their revisions. */
export const TASK_DEFINITION_OPERATIONS = {
  RegisterTaskDefinition(sim, input) {
    const { def } = validateTaskDefinition(input);
    const family = input.family;
    // Every check before the first change: a request refused for its tags leaves no family behind.
    const tags = checkTags(input.tags ?? []);
    const revs = own(sim.world.taskDefinitions, family) ?? setOwn(sim.world.taskDefinitions, family, []);
    const revision = revs.length + 1;
    const td: TaskDefinition = {
      taskDefinitionArn: sim.arn(`task-definition/${family}:${revision}`),
      ...def,
      revision,
      status: 'ACTIVE',
      registeredAtMs: sim.now,
      tags,
    } as TaskDefinition;
    revs.push(td);
    sim.emit('TaskDefinitionRegistered', say('TaskDefinitionRegistered.registered', { name: `${family}:${revision}` }), { taskDefinitionArn: td.taskDefinitionArn });
    return { taskDefinition: describeTaskDefinition(sim, td), tags };
  },

  DescribeTaskDefinition(sim, input) {
    const td = findTaskDefinition(sim, input.taskDefinition);
    if (!td) throw clientError('Unable to describe task definition.');
    // The tags only when asked for (include TAGS), as API:DescribeTaskDefinition says.
    return { taskDefinition: describeTaskDefinition(sim, td), ...(input.include?.includes('TAGS') ? { tags: td.tags ?? [] } : {}) };
  },

  /**
   * DeleteTaskDefinitions (API:DeleteTaskDefinitions): up to 10 revisions, each deregistered first; a
   * deleted revision is DELETE_IN_PROGRESS: it runs no new task, and the tasks and services that use
   * it go on. [INF] the failure texts.
   */
  DeleteTaskDefinitions(sim, input) {
    const refs = input.taskDefinitions;
    if (refs.length < 1 || refs.length > 10) throw invalidParameter('taskDefinitions must name between 1 and 10 task definition revisions.');
    const taskDefinitions: unknown[] = [];
    const failures: { arn: string; reason: string; detail?: string }[] = [];
    for (const ref of refs) {
      const name = ref.startsWith('arn:') ? ref.slice(ref.lastIndexOf('/') + 1) : ref;
      const td = /:\d+$/.test(name) ? findTaskDefinition(sim, ref) : undefined;
      const arn = td?.taskDefinitionArn ?? (ref.startsWith('arn:') ? ref : sim.arn(`task-definition/${name}`));
      if (!td) failures.push({ arn, reason: 'TASK_DEFINITION_NOT_FOUND', detail: 'The specified task definition revision does not exist. Specify a family and revision.' });
      else if (td.status === 'ACTIVE') failures.push({ arn, reason: 'TASK_DEFINITION_ACTIVE', detail: 'The task definition revision is ACTIVE: deregister it before deleting it.' });
      else {
        if (td.status === 'INACTIVE') {
          td.status = 'DELETE_IN_PROGRESS';
          td.deleteRequestedAtMs = sim.now;
          sim.emit('TaskDefinitionDeregistered', say('TaskDefinitionDeregistered.deleting', { name: `${td.family}:${td.revision}` }), { taskDefinitionArn: td.taskDefinitionArn });
        }
        taskDefinitions.push(describeTaskDefinition(sim, td));
      }
    }
    return { taskDefinitions, failures };
  },

  ListTaskDefinitions(sim, input) {
    const status = input.status ?? 'ACTIVE';
    const prefix = input.familyPrefix;
    // API:ListTaskDefinitions sort: by family name, then by revision as a number (web:2 before web:10), so
    // that the newest revisions of a family come last; DESC reverses the whole list.
    const listed: TaskDefinition[] = [];
    for (const [family, revs] of Object.entries(sim.world.taskDefinitions)) {
      if (prefix && !family.startsWith(prefix)) continue;
      for (const td of revs) if (td.status === status) listed.push(td);
    }
    listed.sort((a, b) => (a.family < b.family ? -1 : a.family > b.family ? 1 : a.revision - b.revision));
    const out = listed.map((td) => td.taskDefinitionArn);
    if (input.sort === 'DESC') out.reverse();
    return ecsPage(out, input, 'taskDefinitionArns');
  },

  ListTaskDefinitionFamilies(sim, input) {
    const status = input.status ?? 'ACTIVE';
    const prefix = input.familyPrefix;
    const families = Object.entries(sim.world.taskDefinitions)
      .filter(([f, revs]) => (!prefix || f.startsWith(prefix)) && (status === 'ALL' || revs.some((r) => r.status === status)))
      .map(([f]) => f)
      .sort();
    return ecsPage(families, input, 'families');
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
      sim.emit('TaskDefinitionDeregistered', say('TaskDefinitionDeregistered.inactive', { name: `${td.family}:${td.revision}` }), { taskDefinitionArn: td.taskDefinitionArn });
    }
    return { taskDefinition: describeTaskDefinition(sim, td) };
  },
} satisfies EcsOperations;
