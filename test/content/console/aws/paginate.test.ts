import { describe, expect, it } from 'vitest';
import { newSession, runCommand } from '../../../../src/content/console';
import { serviceModel, xform } from '../../../../src/content/console/aws/model';
import { encodeToken } from '../../../../src/content/console/aws/paginate';
import { Sim } from '../../../../src/sim';
import { busyWorld } from '../../../support/busyWorld';

/** The arguments each paginated operation needs in the busy world (the rest take none). */
const ARGS: Record<string, string> = {
  ListContainerInstances: '--cluster alpha',
  ListTasks: '--cluster alpha',
  ListServices: '--cluster alpha',
  ListServicesByNamespace: '--namespace one.local',
  ListAttributes: '--cluster alpha --target-type container-instance',
  DescribeScalableTargets: '--service-namespace ecs',
  DescribeScalingPolicies: '--service-namespace ecs',
  DescribeScheduledActions: '--service-namespace ecs',
  DescribeScalingActivities: '--service-namespace ecs',
  ListTargetsByRule: '--rule nightly',
  DescribeListeners: '--load-balancer-arn LB',
  DescribeRules: '--listener-arn LISTENER',
  ListInstances: '--service-id NONE',
};

const PAGINATED = Object.entries({ ecs: 'ecs', 'application-autoscaling': 'aas', elbv2: 'elbv2', cloudwatch: 'cw', servicediscovery: 'sd', events: 'ev', autoscaling: 'asg' })
  .flatMap(([cli]) =>
    Object.entries(serviceModel(cli)!.ops)
      .filter(([, o]) => o.p)
      .map(([op, o]) => ({ cli, op, p: o.p! })),
  )
  .filter(({ op }) => op !== 'ListInstances');

describe("the CLI's paginators over the engine's pages", () => {
  const world = busyWorld();
  const snapshot = world.snapshot();
  const fresh = () => {
    const sim = new Sim({ seed: 'paging' });
    sim.restore(snapshot);
    return sim;
  };
  const lb = (world.call('elbv2.DescribeLoadBalancers', {}).output as { LoadBalancers: { LoadBalancerArn: string }[] }).LoadBalancers[0]!.LoadBalancerArn;
  const listener = (world.call('elbv2.DescribeListeners', { LoadBalancerArn: lb }).output as { Listeners: { ListenerArn: string }[] }).Listeners[0]!.ListenerArn;
  const line = (cli: string, op: string, more: string) => `aws ${cli} ${xform(op)} ${(ARGS[op] ?? '').replace('LB', lb).replace('LISTENER', listener)} ${more}`;
  const json = (r: { output: string; exitCode: number }) => {
    expect(r.exitCode, r.output).toBe(0);
    return JSON.parse(r.output) as Record<string, unknown>;
  };

  it.each(PAGINATED.map((x) => [`${x.cli} ${xform(x.op)}`, x] as const))('%s: --max-items, its NextToken, --starting-token and --page-size give the same items', (_, { cli, op, p }) => {
    const key = Array.isArray(p.rk) ? p.rk[0]! : p.rk;
    const all = json(runCommand(fresh(), line(cli, op, '')));
    const items = all[key] as unknown[];
    expect(items.length).toBeGreaterThanOrEqual(1);
    expect(all.NextToken).toBeUndefined();
    // --max-items 1: the first item, and botocore's token to resume after it.
    const first = json(runCommand(fresh(), line(cli, op, '--max-items 1')));
    expect(first[key]).toEqual(items.slice(0, 1));
    if (items.length > 1) {
      expect(first.NextToken).toBe(encodeToken({ [p.it as string]: null, boto_truncate_amount: 1 }));
      const rest = json(runCommand(fresh(), line(cli, op, `--starting-token ${String(first.NextToken)}`)));
      expect(rest[key]).toEqual(items.slice(1));
    } else expect(first.NextToken).toBeUndefined();
    // --page-size 1: one request per item, the same items. ELBv2's own PageSize member has the same name: the
    // CLI then sends it and does not page, as botocore's paging customization does.
    const paged = runCommand(fresh(), line(cli, op, '--page-size 1'));
    if (cli === 'elbv2') {
      expect(json(paged)[key]).toEqual(items.slice(0, 1));
      expect(json(paged).NextMarker === undefined).toBe(items.length === 1);
      expect(paged.calls).toHaveLength(1);
    } else {
      expect(json(paged)[key]).toEqual(items);
      expect(paged.calls).toHaveLength(items.length);
    }
  });

  it('prints the resume token as the CLI does in each format, and refuses --no-paginate with paging options', () => {
    const text = runCommand(fresh(), 'aws ecs list-clusters --max-items 2 --output text').output.split('\n');
    expect(text).toEqual(['CLUSTERARNS\tarn:aws:ecs:us-east-1:123456789012:cluster/alpha', 'CLUSTERARNS\tarn:aws:ecs:us-east-1:123456789012:cluster/beta', `NEXTTOKEN\t${encodeToken({ nextToken: null, boto_truncate_amount: 2 })}`]);
    // With --page-size the engine's own token is inside botocore's.
    const sized = json(runCommand(fresh(), 'aws ecs list-clusters --page-size 1 --max-items 1'));
    const engine = (world.call('ecs.ListClusters', { maxResults: 1 }).output as { nextToken: string }).nextToken;
    expect(sized.NextToken).toBe(encodeToken({ nextToken: engine }));
    expect(json(runCommand(fresh(), `aws ecs list-clusters --starting-token ${String(sized.NextToken)}`)).clusterArns).toHaveLength(2);
    expect(runCommand(fresh(), 'aws ecs list-clusters --no-paginate --max-items 1')).toMatchObject({ exitCode: 252, output: '\nCannot specify --no-paginate along with pagination arguments: --max-items' });
    // A token of the service's own (--max-results, --next-token) turns paging off: the engine's answer as it is.
    expect(json(runCommand(fresh(), 'aws ecs list-clusters --max-results 1'))).toEqual({ clusterArns: ['arn:aws:ecs:us-east-1:123456789012:cluster/alpha'], nextToken: engine });
    expect(runCommand(fresh(), 'aws ecs list-clusters --max-results 101')).toMatchObject({ exitCode: 254, output: expect.stringContaining('(InvalidParameterException) when calling the ListClusters operation') });
  });
});

describe('a session of its own', () => {
  it('keeps nothing between worlds', () => {
    expect(runCommand(new Sim(), 'aws ecs list-clusters', newSession()).output).toBe('{\n    "clusterArns": []\n}');
  });
});
