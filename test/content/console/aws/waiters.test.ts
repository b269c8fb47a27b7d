import { describe, expect, it } from 'vitest';
import { newSession, runCommand } from '../../../../src/content/console';
import { serviceModel, xform } from '../../../../src/content/console/aws/model';
import { Sim } from '../../../../src/sim';

function world(): { sim: Sim; run: (l: string) => ReturnType<typeof runCommand> } {
  const sim = new Sim({ seed: 'waiters' });
  const session = newSession();
  const run = (l: string) => runCommand(sim, l, session);
  run('aws ecs create-cluster --cluster-name demo');
  run('sim launch-instances --cluster demo --count 2');
  run('aws ecs register-task-definition --family web --container-definitions name=web,image=nginx,memory=128,cpu=64');
  run('aws ecs register-task-definition --family huge --container-definitions name=huge,image=nginx,memory=999999,cpu=64');
  return { sim, run };
}

describe("the CLI's waiters, polling on simulated time", () => {
  it('services-stable polls every 15 s until the deployment has settled, and prints nothing', () => {
    const { sim, run } = world();
    run('sleep 2m');
    run('aws ecs create-service --cluster demo --service-name web --task-definition web --desired-count 2');
    const start = sim.now;
    const r = run('aws ecs wait services-stable --cluster demo --services web');
    expect(r).toMatchObject({ exitCode: 0, output: '' });
    const polls = r.calls!.filter((c) => c.call === 'ecs.DescribeServices');
    expect(polls.length).toBeGreaterThan(1);
    expect(sim.now - start).toBe((polls.length - 1) * 15_000);
    expect(run('aws ecs describe-services --cluster demo --services web --query "services[0].runningCount"').output).toBe('2');
  });

  it('services-stable gives up after 40 polls of a service that cannot place its tasks, and says so as botocore does', () => {
    const { sim, run } = world();
    run('sleep 2m');
    run('aws ecs create-service --cluster demo --service-name huge --task-definition huge --desired-count 1');
    const start = sim.now;
    const r = run('aws ecs wait services-stable --cluster demo --services huge');
    expect(r).toMatchObject({ exitCode: 255, output: '\nWaiter ServicesStable failed: Max attempts exceeded' });
    expect(r.calls).toHaveLength(40);
    expect(sim.now - start).toBe(39 * 15_000);
  });

  it('services-inactive and services-stable stop at a failure state, and an error no acceptor expects stops them too', () => {
    const { run } = world();
    expect(run('aws ecs wait services-inactive --cluster demo --services nope')).toMatchObject({
      exitCode: 255,
      output: '\nWaiter ServicesInactive failed: Waiter encountered a terminal failure state: For expression "failures[].reason" we matched expected path: "MISSING" at least once',
    });
    expect(run('aws ecs wait services-stable --cluster nowhere --services web')).toMatchObject({
      exitCode: 255,
      output: '\nWaiter ServicesStable failed: An error occurred (ClusterNotFoundException): Cluster not found.',
    });
    run('sleep 2m');
    run('aws ecs create-service --cluster demo --service-name web --task-definition web --desired-count 1');
    run('aws ecs delete-service --cluster demo --service web --force');
    expect(run('aws ecs wait services-inactive --cluster demo --services web')).toMatchObject({ exitCode: 0, output: '' });
  });

  it('tasks-running and tasks-stopped follow a task through its life', () => {
    const { run } = world();
    run('sleep 2m');
    const arn = run(`aws ecs run-task --cluster demo --task-definition web --query 'tasks[0].taskArn' --output text`).output;
    expect(run(`aws ecs wait tasks-running --cluster demo --tasks ${arn}`)).toMatchObject({ exitCode: 0, output: '' });
    run(`aws ecs stop-task --cluster demo --task ${arn}`);
    expect(run(`aws ecs wait tasks-stopped --cluster demo --tasks ${arn}`)).toMatchObject({ exitCode: 0, output: '' });
    expect(run(`aws ecs wait tasks-running --cluster demo --tasks ${arn}`)).toMatchObject({
      exitCode: 255,
      output: '\nWaiter TasksRunning failed: Waiter encountered a terminal failure state: For expression "tasks[].lastStatus" we matched expected path: "STOPPED" at least once',
    });
  });

  it("elbv2's waiters: a load balancer that exists and is active, one that never existed counts as deleted", () => {
    const { run } = world();
    run('aws elbv2 create-load-balancer --name front --subnets subnet-us-east-1a subnet-us-east-1b');
    expect(run('aws elbv2 wait load-balancer-exists --names front')).toMatchObject({ exitCode: 0, output: '' });
    expect(run('aws elbv2 wait load-balancer-available --names front')).toMatchObject({ exitCode: 0, output: '' });
    expect(run('aws elbv2 wait load-balancers-deleted --names gone')).toMatchObject({ exitCode: 0, output: '' });
    const tg = run(`aws elbv2 create-target-group --name web-tg --protocol HTTP --port 80 --vpc-id vpc-default --target-type ip --query 'TargetGroups[0].TargetGroupArn' --output text`).output;
    expect(run(`aws elbv2 wait target-in-service --target-group-arn ${tg}`)).toMatchObject({ exitCode: 255, output: '\nWaiter TargetInService failed: Max attempts exceeded' });
  });

  it("cloudwatch's waiters, and an acceptor whose expression fails on the response, in Python's words", () => {
    const { run } = world();
    run('aws cloudwatch put-metric-alarm --alarm-name cpu-high --metric-name CPUUtilization --namespace AWS/ECS --statistic Average --period 60 --evaluation-periods 1 --threshold 50 --comparison-operator GreaterThanThreshold');
    expect(run('aws cloudwatch wait alarm-exists --alarm-names cpu-high')).toMatchObject({ exitCode: 0, output: '' });
    expect(run('aws cloudwatch wait composite-alarm-exists --alarm-names cpu-high')).toMatchObject({
      exitCode: 255,
      output: "\nIn function length(), invalid type for value: None, expected one of: ['string', 'array', 'object'], received: \"null\"",
    });
  });

  it('lists every waiter of the model, says which the sandbox does not simulate, and reads WaiterConfig from --cli-input-json', () => {
    const { sim, run } = world();
    const names = Object.keys(serviceModel('ecs')!.waiters).map(xform);
    expect(run('aws ecs wait nope').output).toContain(
      names
        .map((n) => n)
        .slice(0, 2)
        .map((n) => n.padEnd(40))
        .join(' | '),
    );
    expect(run('aws ecs wait daemon-active --cluster demo --daemon-arn x')).toMatchObject({ exitCode: 255, output: expect.stringContaining('does not simulate ecs wait daemon-active') });
    const start = sim.now;
    const r = run(`aws ecs wait services-stable --cluster demo --cli-input-json '{"services": ["nothing"], "WaiterConfig": {"Delay": 1, "MaxAttempts": 3}}'`);
    expect(r.exitCode).toBe(255);
    expect(sim.now - start).toBe(0);
    const slow = run(`aws ecs wait tasks-stopped --cluster demo --cli-input-json '{"tasks": ["nothing"], "WaiterConfig": {"Delay": 1, "MaxAttempts": 3}}'`);
    expect(slow).toMatchObject({ exitCode: 255, output: '\nWaiter TasksStopped failed: Max attempts exceeded' });
    expect(slow.calls).toHaveLength(3);
  });
});
