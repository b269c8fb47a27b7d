import { describe, expect, it } from 'vitest';
import { runCommand } from '../../../../src/content/console';
import { Sim } from '../../../../src/sim';

describe('console on the engine', () => {
  it('a learner creates a cluster, waits for instances, spreads tasks over the zones, and reads the CLI error for a missing cluster', () => {
    const sim = new Sim({ seed: 'console' });
    const run = (l: string) => runCommand(sim, l);
    expect(run('aws ecs create-cluster --cluster-name demo').exitCode).toBe(0);
    expect(run('sim launch-instances --cluster demo --count 3').exitCode).toBe(0);
    expect(run('aws ecs register-task-definition --family web --container-definitions name=web,image=nginx,memory=256').exitCode).toBe(0);
    expect(run('aws ecs run-task --cluster demo --task-definition web --count 3')).toMatchObject({
      exitCode: 254,
      output: '\nAn error occurred (InvalidParameterException) when calling the RunTask operation: No Container Instances were found in your cluster.',
    });
    expect(run('sleep 2m').exitCode).toBe(0);
    const ran = run('aws ecs run-task --cluster demo --task-definition web --count 3 --placement-strategy type=spread,field=attribute:ecs.availability-zone');
    expect(ran.exitCode).toBe(0);
    expect(ran.output).toMatch(/^\{\n {4}"tasks": \[/);
    const zones = (JSON.parse(ran.output) as { tasks: { availabilityZone: string }[] }).tasks.map((t) => t.availabilityZone).sort();
    expect(zones).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c']);
    expect(run(`aws ecs register-task-definition --cli-input-json '{"family": 5, "containerDefinitions": []}'`)).toMatchObject({
      exitCode: 252,
      output: expect.stringMatching(/^\nParameter validation failed:\nInvalid type for parameter family, value: 5, type: <class 'int'>/),
    });
    expect(run('aws ecs list-tasks --cluster nope')).toMatchObject({ exitCode: 254, output: expect.stringContaining('An error occurred (ClusterNotFoundException) when calling the ListTasks operation: Cluster not found.') });
  });
});

describe('what an aws command did, as data', () => {
  it('carries the API response or error and the request beside the printed text', () => {
    const sim = new Sim();
    const ok = runCommand(sim, 'aws ecs create-cluster --cluster-name demo');
    expect(ok.response).toMatchObject({ cluster: { clusterName: 'demo', status: 'ACTIVE' } });
    // Printed as the CLI prints it: the model's members in the model's order.
    expect(Object.keys((JSON.parse(ok.output) as { cluster: object }).cluster).slice(0, 3)).toEqual(['clusterArn', 'clusterName', 'status']);
    expect(ok.calls).toEqual([{ at: 0, call: 'ecs.CreateCluster', input: { clusterName: 'demo' }, output: ok.response }]);
    const bad = runCommand(sim, 'aws ecs list-tasks --cluster nope');
    expect(bad).toMatchObject({ exitCode: 254, error: { code: 'ClusterNotFoundException', message: 'Cluster not found.' }, calls: [{ call: 'ecs.ListTasks', input: { cluster: 'nope' }, error: { code: 'ClusterNotFoundException' } }] });
    expect(bad.response).toBeUndefined();
    const invalid = runCommand(sim, `aws ecs register-task-definition --cli-input-json '{"family": 5, "containerDefinitions": []}'`);
    // botocore's checks run before a request is sent: no call is made.
    expect(invalid).toMatchObject({ exitCode: 252, error: { code: 'ParamValidationError' } });
    expect(invalid.calls).toBeUndefined();
    // A line that never became a request made no call.
    expect(runCommand(sim, 'aws ecs run-task --cluster demo').calls).toBeUndefined();
  });
});
