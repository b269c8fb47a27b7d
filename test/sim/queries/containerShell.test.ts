import { describe, expect, it } from 'vitest';
import { isInteractiveShell, runInContainer } from '../../../src/sim/queries/containerShell';
import type { Task } from '../../../src/sim/model/types';
import { containerRecord, demoSim, ok, taskRecord } from '../../support/simcoreRecords';

/** A task of `web:1` (container `web` listening on 80, with GREETING=hello) in the mode given. */
function shell(over: Partial<Task> = {}) {
  const { sim } = demoSim();
  ok(sim, 'ecs.RegisterTaskDefinition', {
    family: 'web',
    networkMode: over.networkMode ?? 'bridge',
    containerDefinitions: [
      {
        name: 'web',
        image: 'nginx',
        memory: 128,
        portMappings: [{ containerPort: 80 }],
        environment: [
          { name: 'GREETING', value: 'hello' },
          { name: 'AWS_REGION', value: 'overridden' },
        ],
      },
      { name: 'side', image: 'busybox', memory: 64, portMappings: [{ containerPort: 9000 }] },
    ],
  });
  const t = taskRecord(sim, 'abcdef0123456789', {
    containers: [containerRecord({ name: 'web', containerArn: sim.arn('container/demo/abcdef0123456789/11112222-3333-4444-5555-666677778888') }), containerRecord({ name: 'side', image: 'busybox' })],
    overrides: {
      containerOverrides: [
        {
          name: 'web',
          environment: [
            { name: 'GREETING', value: 'hi' },
            { name: 'EXTRA', value: '1' },
          ],
        },
      ],
    },
    ...over,
  });
  const run = (command: string) => runInContainer(sim, t, t.containers[0]!, command);
  return { sim, t, run };
}

describe('a shell in a container', () => {
  it('opens interactively for a bare shell, and runs a command otherwise', () => {
    for (const c of ['sh', '/bin/sh', ' bash ', '/bin/bash']) expect(isInteractiveShell(c), c).toBe(true);
    for (const c of ['sh -c env', 'env', 'zsh']) expect(isInteractiveShell(c), c).toBe(false);
  });

  it("has ECS's variables, then the task definition's, then the overrides', each name once", () => {
    const { run, t } = shell();
    const env = run('env').output.split('\n');
    expect(env.slice(0, 3)).toEqual(['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'HOSTNAME=666677778888', 'HOME=/root']);
    expect(env).toContain('AWS_EXECUTION_ENV=AWS_ECS_EC2');
    expect(env).toContain('AWS_REGION=overridden');
    expect(env).toContain('AWS_DEFAULT_REGION=us-east-1');
    expect(env).toContain(`ECS_CONTAINER_METADATA_URI_V4=http://169.254.170.2/v4/${t.id}-77778888`);
    expect(env).toContain(`ECS_CONTAINER_METADATA_URI=http://169.254.170.2/v3/${t.id}-77778888`);
    expect(env.filter((l) => l.startsWith('GREETING='))).toEqual(['GREETING=hi']);
    expect(env.at(-1)).toBe('EXTRA=1');
    expect(run('printenv GREETING')).toEqual({ output: 'hi', exitCode: 0 });
    expect(run('printenv NOPE')).toEqual({ output: '', exitCode: 1 });
    expect(run('printenv').output).toBe(run('env').output);
  });

  it('says Fargate in AWS_EXECUTION_ENV on Fargate', () => {
    const { run } = shell({ launchType: 'FARGATE', networkMode: 'awsvpc', privateIp: '10.0.1.5' });
    expect(run('printenv AWS_EXECUTION_ENV').output).toBe('AWS_ECS_FARGATE');
  });

  it("is named after the task's ENI in awsvpc mode, after the instance in host mode, and by its short container id in bridge mode", () => {
    expect(shell({ networkMode: 'awsvpc', privateIp: '10.0.1.5' }).run('hostname').output).toBe('ip-10-0-1-5.ec2.internal');
    const host = shell({ networkMode: 'host', ec2InstanceId: 'i-1' });
    host.sim.world.ec2['i-1'] = { privateIp: '172.31.4.4' } as never;
    expect(host.run('hostname').output).toBe('ip-172-31-4-4.ec2.internal');
    expect(shell().run('hostname').output).toBe('666677778888');
  });

  it('chains commands with ; and &&, runs sh -c scripts, stops at exit, and says a missing program is not found', () => {
    const { run } = shell();
    expect(run('echo one; echo two && echo three')).toEqual({ output: 'one\ntwo\nthree', exitCode: 0 });
    expect(run("sh -c 'echo a; exit 3; echo b'")).toEqual({ output: 'a', exitCode: 3 });
    expect(run('ls /')).toEqual({ output: 'sh: ls: not found', exitCode: 127 });
    expect(run('echo "two words"  spaced').output).toBe('two words spaced');
  });

  it('resolves localhost, addresses and its own name, and nothing else it does not know', () => {
    const { run } = shell({ networkMode: 'awsvpc', privateIp: '10.0.1.5' });
    expect(run('getent hosts localhost')).toEqual({ output: '127.0.0.1       localhost', exitCode: 0 });
    expect(run('getent hosts ip-10-0-1-5.ec2.internal').output).toBe('10.0.1.5        ip-10-0-1-5.ec2.internal');
    expect(run('getent hosts nowhere.local')).toEqual({ output: '', exitCode: 2 });
    expect(run('getent')).toEqual({ output: 'getent: usage: getent hosts <name>', exitCode: 1 });
    expect(run('nslookup 10.1.2.3')).toEqual({ output: 'Server:\t\t169.254.169.253\nAddress:\t169.254.169.253#53\n\nNon-authoritative answer:\nName:\t10.1.2.3\nAddress: 10.1.2.3', exitCode: 0 });
    expect(run('nslookup nowhere.local')).toEqual({ output: "** server can't find nowhere.local: NXDOMAIN", exitCode: 1 });
  });

  it("curls its own ports: a bridge container only its own, an awsvpc container any of its task's", () => {
    const bridge = shell();
    expect(bridge.run('curl http://localhost/health')).toEqual({ output: `200 OK /health (answered by task ${bridge.t.id})`, exitCode: 0 });
    expect(bridge.run('curl localhost:9000')).toEqual({ output: "curl: (7) Failed to connect to localhost port 9000 after 0 ms: Couldn't connect to server", exitCode: 7 });
    const awsvpc = shell({ networkMode: 'awsvpc', privateIp: '10.0.1.5' });
    expect(awsvpc.run('curl -s 127.0.0.1:9000/').exitCode).toBe(0);
    expect(awsvpc.run('curl 10.0.1.5:80/x').output).toBe(`200 OK /x (answered by task ${awsvpc.t.id})`);
  });

  it('says what curl says for no URL, a malformed URL, an unknown host, and an address no running task has', () => {
    const { run } = shell();
    expect(run('curl')).toEqual({ output: "curl: try 'curl --help' for more information", exitCode: 2 });
    expect(run('curl http://')).toEqual({ output: 'curl: (3) URL rejected: Malformed input to a URL function', exitCode: 3 });
    expect(run('curl http://nowhere.local/')).toEqual({ output: 'curl: (6) Could not resolve host: nowhere.local', exitCode: 6 });
    expect(run('curl 10.9.9.9')).toEqual({ output: "curl: (7) Failed to connect to 10.9.9.9 port 80 after 0 ms: Couldn't connect to server", exitCode: 7 });
  });

  it('answers 404 for a path the application does not serve', () => {
    const { sim, run, t } = shell();
    sim.world.images.nginx = { routes: { '/': { cpuMs: 1 } } };
    expect(run('curl localhost/missing').output).toBe(`404 Not Found /missing (answered by task ${t.id})`);
  });

  it('curls a load balancer by its DNS name: a task behind it answers, or the load balancer says 503 when none receives', () => {
    const { sim, run, t } = shell();
    const lb = (ok(sim, 'elbv2.CreateLoadBalancer', { Name: 'front' }) as { LoadBalancers: { LoadBalancerArn: string; DNSName: string }[] }).LoadBalancers[0]!;
    const tg = (ok(sim, 'elbv2.CreateTargetGroup', { Name: 'tg' }) as { TargetGroups: { TargetGroupArn: string }[] }).TargetGroups[0]!.TargetGroupArn;
    ok(sim, 'elbv2.CreateListener', { LoadBalancerArn: lb.LoadBalancerArn, Port: 80, DefaultActions: [{ Type: 'forward', TargetGroupArn: tg }] });
    expect(run(`curl http://${lb.DNSName}/`)).toEqual({ output: '503 Service Unavailable / (answered by load balancer front)', exitCode: 0 });
    const backend = taskRecord(sim, 'b4ck3nd', { lbTargets: [{ targetGroupArn: tg, id: '10.0.0.8', port: 80 }] });
    sim.world.targetGroups[tg]!.targets.push({ Id: '10.0.0.8', Port: 80, State: 'healthy', passes: 0, failures: 0, registeredMs: 0, gen: 0, taskArn: backend.taskArn });
    expect(run(`curl http://${lb.DNSName}/api`)).toEqual({ output: `200 OK /api (answered by task ${backend.id} behind front)`, exitCode: 0 });
    expect(run(`getent hosts ${lb.DNSName}`).output).toBe(`10.0.0.10       ${lb.DNSName}`);
    expect(t.id).not.toBe(backend.id);
  });
});
