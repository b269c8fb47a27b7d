import { describe, expect, it } from 'vitest';
import { Sim } from '../../../../src/sim';
import { ok, refused } from '../../../support/simapiWorld';

const TD = (name: string) => `arn:aws:ecs:us-east-1:123456789012:task-definition/${name}`;
const container = { name: 'c', image: 'nginx', memory: 64 };

function withRevisions(): Sim {
  const sim = new Sim();
  for (const family of ['web', 'web', 'api', 'web']) ok(sim, 'ecs.RegisterTaskDefinition', { family, containerDefinitions: [container] });
  return sim;
}

describe('RegisterTaskDefinition', () => {
  it('numbers revisions per family from 1, ACTIVE, and answers the tags it was given', () => {
    const sim = new Sim();
    const first = ok(sim, 'ecs.RegisterTaskDefinition', { family: 'web', containerDefinitions: [container], tags: [{ key: 'app', value: 'forum' }] });
    expect(first.taskDefinition).toMatchObject({ taskDefinitionArn: TD('web:1'), family: 'web', revision: 1, status: 'ACTIVE' });
    expect(first.tags).toEqual([{ key: 'app', value: 'forum' }]);
    expect(ok(sim, 'ecs.RegisterTaskDefinition', { family: 'web', containerDefinitions: [container] }).taskDefinition.revision).toBe(2);
    expect(ok(sim, 'ecs.RegisterTaskDefinition', { family: 'api', containerDefinitions: [container] }).taskDefinition.revision).toBe(1);
  });

  it('refuses tags AWS refuses, registering nothing', () => {
    const sim = new Sim();
    expect(refused(sim, 'ecs.RegisterTaskDefinition', { family: 'web', containerDefinitions: [container], tags: [{ key: 'aws:owner', value: 'x' }] })).toEqual({
      code: 'InvalidParameterException',
      message: "Invalid tag key 'aws:owner': the aws: prefix is reserved for use by AWS.",
    });
    expect(ok(sim, 'ecs.ListTaskDefinitionFamilies').families).toEqual([]);
  });

  // RegisterTaskDefinition makes the family's (empty) list of revisions before it checks the tags, so a request
  // refused for its tags leaves a family without a revision, which ListTaskDefinitionFamilies with ALL lists.
  // Marked as failing until the tags are checked before the family is made.
  it('refused for its tags, leaves no family behind, not even for status ALL', () => {
    const sim = new Sim();
    refused(sim, 'ecs.RegisterTaskDefinition', { family: 'web', containerDefinitions: [container], tags: [{ key: 'aws:owner', value: 'x' }] });
    expect(ok(sim, 'ecs.ListTaskDefinitionFamilies', { status: 'ALL' }).families).toEqual([]);
  });
});

describe('DescribeTaskDefinition', () => {
  it('finds the latest ACTIVE revision by family, a revision by family:revision or ARN, and gives tags only with include TAGS', () => {
    const sim = withRevisions();
    expect(ok(sim, 'ecs.DescribeTaskDefinition', { taskDefinition: 'web' }).taskDefinition.revision).toBe(3);
    expect(ok(sim, 'ecs.DescribeTaskDefinition', { taskDefinition: 'web:2' }).taskDefinition.revision).toBe(2);
    const byArn = ok(sim, 'ecs.DescribeTaskDefinition', { taskDefinition: TD('api:1') });
    expect(byArn.taskDefinition.family).toBe('api');
    expect(byArn.tags).toBeUndefined();
    expect(ok(sim, 'ecs.DescribeTaskDefinition', { taskDefinition: 'api:1', include: ['TAGS'] }).tags).toEqual([]);
  });

  it('refuses a revision that does not exist with ClientException', () => {
    expect(refused(withRevisions(), 'ecs.DescribeTaskDefinition', { taskDefinition: 'web:9' })).toEqual({ code: 'ClientException', message: 'Unable to describe task definition.' });
  });
});

describe('DeregisterTaskDefinition', () => {
  it('makes a revision INACTIVE, which the family then skips; deregistering again answers it unchanged', () => {
    const sim = withRevisions();
    expect(ok(sim, 'ecs.DeregisterTaskDefinition', { taskDefinition: 'web:3' }).taskDefinition.status).toBe('INACTIVE');
    expect(ok(sim, 'ecs.DescribeTaskDefinition', { taskDefinition: 'web' }).taskDefinition.revision).toBe(2);
    expect(ok(sim, 'ecs.DeregisterTaskDefinition', { taskDefinition: TD('web:3') }).taskDefinition.status).toBe('INACTIVE');
    expect(sim.events.filter((e) => e.type === 'TaskDefinitionDeregistered')).toHaveLength(1);
    // A new revision takes the next number: numbers are never reused.
    expect(ok(sim, 'ecs.RegisterTaskDefinition', { family: 'web', containerDefinitions: [container] }).taskDefinition.revision).toBe(4);
  });

  it('refuses a family without a revision and a revision that does not exist, with ClientException', () => {
    const sim = withRevisions();
    expect(refused(sim, 'ecs.DeregisterTaskDefinition', { taskDefinition: 'web' })).toEqual({ code: 'ClientException', message: 'Invalid revision number. Number: ' });
    expect(refused(sim, 'ecs.DeregisterTaskDefinition', { taskDefinition: 'web:x' })).toEqual({ code: 'ClientException', message: 'Invalid revision number. Number: x' });
    expect(refused(sim, 'ecs.DeregisterTaskDefinition', { taskDefinition: 'web:7' })).toEqual({
      code: 'ClientException',
      message: 'The specified task definition does not exist. Specify a valid account, family, revision and try again.',
    });
  });
});

describe('DeleteTaskDefinitions', () => {
  it('deletes INACTIVE revisions (DELETE_IN_PROGRESS) and reports ACTIVE and unknown ones as failures', () => {
    const sim = withRevisions();
    ok(sim, 'ecs.DeregisterTaskDefinition', { taskDefinition: 'web:1' });
    const r = ok(sim, 'ecs.DeleteTaskDefinitions', { taskDefinitions: ['web:1', 'web:2', 'web', 'ghost:1'] });
    expect(r.taskDefinitions.map((t: { taskDefinitionArn: string; status: string }) => [t.taskDefinitionArn, t.status])).toEqual([[TD('web:1'), 'DELETE_IN_PROGRESS']]);
    expect(r.failures).toEqual([
      { arn: TD('web:2'), reason: 'TASK_DEFINITION_ACTIVE', detail: 'The task definition revision is ACTIVE: deregister it before deleting it.' },
      { arn: TD('web'), reason: 'TASK_DEFINITION_NOT_FOUND', detail: 'The specified task definition revision does not exist. Specify a family and revision.' },
      { arn: TD('ghost:1'), reason: 'TASK_DEFINITION_NOT_FOUND', detail: 'The specified task definition revision does not exist. Specify a family and revision.' },
    ]);
    expect(ok(sim, 'ecs.ListTaskDefinitions', { status: 'DELETE_IN_PROGRESS' }).taskDefinitionArns).toEqual([TD('web:1')]);
  });

  it('refuses more than 10 revisions at once', () => {
    expect(refused(withRevisions(), 'ecs.DeleteTaskDefinitions', { taskDefinitions: Array.from({ length: 11 }, (_, i) => `web:${i + 1}`) })).toEqual({
      code: 'InvalidParameterException',
      message: 'taskDefinitions must name between 1 and 10 task definition revisions.',
    });
  });
});

describe('ListTaskDefinitions and ListTaskDefinitionFamilies', () => {
  it('list ARNs sorted (DESC reversed), by status and family prefix', () => {
    const sim = withRevisions();
    ok(sim, 'ecs.DeregisterTaskDefinition', { taskDefinition: 'web:2' });
    expect(ok(sim, 'ecs.ListTaskDefinitions').taskDefinitionArns).toEqual([TD('api:1'), TD('web:1'), TD('web:3')]);
    expect(ok(sim, 'ecs.ListTaskDefinitions', { sort: 'DESC' }).taskDefinitionArns).toEqual([TD('web:3'), TD('web:1'), TD('api:1')]);
    expect(ok(sim, 'ecs.ListTaskDefinitions', { familyPrefix: 'we' }).taskDefinitionArns).toEqual([TD('web:1'), TD('web:3')]);
    expect(ok(sim, 'ecs.ListTaskDefinitions', { status: 'INACTIVE' }).taskDefinitionArns).toEqual([TD('web:2')]);
  });

  it('list families with an ACTIVE revision, or every family with ALL', () => {
    const sim = withRevisions();
    ok(sim, 'ecs.DeregisterTaskDefinition', { taskDefinition: 'api:1' });
    expect(ok(sim, 'ecs.ListTaskDefinitionFamilies').families).toEqual(['web']);
    expect(ok(sim, 'ecs.ListTaskDefinitionFamilies', { status: 'ALL' }).families).toEqual(['api', 'web']);
    expect(ok(sim, 'ecs.ListTaskDefinitionFamilies', { status: 'INACTIVE' }).families).toEqual(['api']);
    expect(ok(sim, 'ecs.ListTaskDefinitionFamilies', { familyPrefix: 'a', status: 'ALL' }).families).toEqual(['api']);
  });
});

describe('ListTaskDefinitions past revision 9', () => {
  // API:ListTaskDefinitions sort: "listed lexicographically by family name and in ascending numerical order by
  // revision so that the newest task definitions in a family are listed last"; as text, web:10 and web:11 would
  // come between web:1 and web:2.
  it('lists revisions in numerical order, the newest last (first with DESC)', () => {
    const sim = new Sim();
    for (let i = 0; i < 11; i++) ok(sim, 'ecs.RegisterTaskDefinition', { family: 'web', containerDefinitions: [container] });
    const revisions = (input: Record<string, unknown>) => (ok(sim, 'ecs.ListTaskDefinitions', input).taskDefinitionArns as string[]).map((a) => Number(a.split(':').pop()));
    expect(revisions({})).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(revisions({ sort: 'DESC' })).toEqual([11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
  });

  it('lists a family before the longer families it begins (web before web-api), though ":" sorts after "-" as text', () => {
    const sim = new Sim();
    for (const family of ['web-api', 'web']) ok(sim, 'ecs.RegisterTaskDefinition', { family, containerDefinitions: [container] });
    expect(ok(sim, 'ecs.ListTaskDefinitions').taskDefinitionArns).toEqual([TD('web:1'), TD('web-api:1')]);
    expect(ok(sim, 'ecs.ListTaskDefinitions', { sort: 'DESC' }).taskDefinitionArns).toEqual([TD('web-api:1'), TD('web:1')]);
  });
});
