import { describe, expect, it } from 'vitest';
import { callNamed, parseRef, refsIn, resolveRefs, type CallRecord } from '../../src/content/calls';
import { workerWorld } from '../support/contentLesson';
import { Sim } from '../../src/sim';

describe('references between calls', () => {
  it("name an earlier call's output, a container instance, a task, or the part of a value after a marker", () => {
    const sim = new Sim();
    const lb: CallRecord = { at: 0, call: 'elbv2.CreateLoadBalancer', id: 'lb', input: {}, output: { LoadBalancers: [{ LoadBalancerArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/abc' }] } };
    const calls = [lb];
    expect(resolveRefs(sim, { arn: '${call:lb.LoadBalancers[0].LoadBalancerArn}' }, calls)).toEqual({ arn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/abc' });
    expect(resolveRefs(sim, '${call:0.LoadBalancers[0].LoadBalancerArn|after:loadbalancer/}', calls)).toBe('app/web/abc');
    expect(resolveRefs(sim, ['label ${call:lb.LoadBalancers[0].LoadBalancerArn|after:app/}'], calls)).toEqual(['label web/abc']);
    expect(resolveRefs(sim, '${ci:i-nope}', calls)).toBe('unresolved-container-instance-i-nope');
    expect(resolveRefs(sim, '${task:3}', calls)).toBe('unresolved-task-3');
    expect(resolveRefs(sim, '${other:x}', calls)).toBe('${other:x}');
    expect(resolveRefs(sim, 7, calls)).toBe(7);
  });
});

describe('parseRef', () => {
  it('reads each kind of reference with what it names and the |base64 and |after: it ends in', () => {
    expect(parseRef('ci:i-1')).toEqual({ kind: 'ci', instance: 'i-1' });
    expect(parseRef('task:0')).toEqual({ kind: 'task', n: 0 });
    expect(parseRef('taskIp:2|after:10.')).toEqual({ kind: 'taskIp', n: 2, after: '10.' });
    expect(parseRef('call:run.tasks[0].taskArn')).toEqual({ kind: 'call', key: 'run', path: 'tasks[0].taskArn' });
    expect(parseRef('call:run')).toEqual({ kind: 'call', key: 'run' });
    expect(parseRef('call:t.a|base64|after:AWS:')).toEqual({ kind: 'call', key: 't', path: 'a', base64: true, after: 'AWS:' });
  });

  it('a reference of a known kind written wrong says how to write it; any other ${…} is not a reference', () => {
    expect(parseRef('ci:')).toEqual({ kind: 'bad', message: '${ci:}: give ${ci:<ec2InstanceId>}, such as ${ci:i-1}' });
    expect(parseRef('ci')).toEqual({ kind: 'bad', message: '${ci}: give ${ci:<ec2InstanceId>}, such as ${ci:i-1}' });
    expect(parseRef('task:x')).toEqual({ kind: 'bad', message: "${task:x}: give ${task:<n>} with n the task's place in creation order (0, 1, …)" });
    expect(parseRef('task:1234567').kind).toBe('bad');
    expect(parseRef('call:.x')).toEqual({ kind: 'bad', message: '${call:.x}: give ${call:<id or index>.<path>}, such as ${call:run.tasks[0].taskArn}' });
    expect(parseRef('call:t|after:')).toEqual({ kind: 'bad', message: '${call:t|after:}: |after: needs the text to cut after' });
    expect(parseRef('HOME')).toEqual({ kind: 'other' });
    expect(parseRef('other:x')).toEqual({ kind: 'other' });
  });
});

describe('refsIn', () => {
  it('lists every ${…} text in the strings of a value with the path of its string', () => {
    expect(refsIn({ a: '${ci:i-1} and ${HOME}', b: ['${task:0}'], c: 5, d: { e: 'plain' } })).toEqual([
      { path: ['a'], text: 'ci:i-1' },
      { path: ['a'], text: 'HOME' },
      { path: ['b', 0], text: 'task:0' },
    ]);
  });
});

describe('callNamed', () => {
  const calls: (CallRecord | undefined)[] = [{ at: 0, call: 'a', id: 'x', input: {} }, undefined, { at: 0, call: 'b', id: 'y', input: {} }];
  it('finds a call by its index (a number or digits) or its id; undefined until it has run', () => {
    expect(callNamed(calls, 0)?.call).toBe('a');
    expect(callNamed(calls, '2')?.call).toBe('b');
    expect(callNamed(calls, 'y')?.call).toBe('b');
    expect(callNamed(calls, 1)).toBeUndefined();
    expect(callNamed(calls, 9)).toBeUndefined();
    expect(callNamed(calls, -1)).toBeUndefined();
    expect(callNamed(calls, 'z')).toBeUndefined();
  });
});

describe('resolveRefs in a world', () => {
  it('names container instances and tasks by creation order, decodes base64, and leaves what it cannot resolve said so', () => {
    const sim = workerWorld(2, 30_000);
    const token: CallRecord[] = [{ at: 0, call: 'ecr.GetAuthorizationToken', id: 't', input: {}, output: { authorizationData: [{ authorizationToken: btoa('AWS:secret') }] } }];
    expect(
      resolveRefs(
        sim,
        {
          ci: '${ci:i-a1}',
          task: '${task:1}',
          text: 'at ${task:0}!',
          pw: '${call:t.authorizationData[0].authorizationToken|base64|after:AWS:}',
          notText: '${call:t.authorizationData|base64}',
          ip: '${taskIp:0}',
          missing: '${call:nope.x}',
          bad: '${task:x}',
        },
        token,
      ),
    ).toEqual({
      ci: sim.world.ec2['i-a1']!.containerInstanceArn,
      task: sim.world.taskOrder[1],
      text: `at ${sim.world.taskOrder[0]!}!`,
      pw: 'secret',
      notText: 'unresolved-call:t.authorizationData|base64',
      // Tasks on an instance's bridge network have no private IP of their own.
      ip: 'unresolved-task-ip-0',
      missing: undefined,
      bad: '${task:x}',
    });
  });
});
