import { describe, expect, it } from 'vitest';
import { Sim } from '../../../../src/sim';
import { apiWorld, ok, refused } from '../../../support/simapiWorld';

const ARN = (name: string) => `arn:aws:ecs:us-east-1:123456789012:cluster/${name}`;

describe('CreateCluster', () => {
  it('creates an ACTIVE cluster named default when no name is given, with Container Insights disabled', () => {
    const sim = new Sim();
    const c = ok(sim, 'ecs.CreateCluster').cluster;
    expect(c.clusterName).toBe('default');
    expect(c.clusterArn).toBe(ARN('default'));
    expect(c.status).toBe('ACTIVE');
    expect(c.settings).toEqual([{ name: 'containerInsights', value: 'disabled' }]);
    expect(ok(sim, 'ecs.ListClusters').clusterArns).toEqual([ARN('default')]);
  });

  it('is idempotent: creating an ACTIVE cluster again answers the same cluster and makes no second one', () => {
    const sim = new Sim();
    const first = ok(sim, 'ecs.CreateCluster', { clusterName: 'demo', tags: [{ key: 'team', value: 'a' }] }).cluster;
    const again = ok(sim, 'ecs.CreateCluster', { clusterName: 'demo' }).cluster;
    expect(again.clusterArn).toBe(first.clusterArn);
    expect(ok(sim, 'ecs.ListClusters').clusterArns).toEqual([ARN('demo')]);
    expect(sim.events.filter((e) => e.type === 'ClusterCreated')).toHaveLength(1);
  });

  it.each([
    ['a name with a dot', { clusterName: 'my.cluster' }, 'Cluster name can have up to 255 characters: letters, numbers, hyphens and underscores.'],
    ['a name of 256 characters', { clusterName: 'x'.repeat(256) }, 'Cluster name can have up to 255 characters: letters, numbers, hyphens and underscores.'],
    ['an unknown setting', { clusterName: 'c', settings: [{ name: 'logs', value: 'enabled' }] }, "Invalid cluster setting name 'logs'. The valid setting is containerInsights."],
    ['an unknown Container Insights value', { clusterName: 'c', settings: [{ name: 'containerInsights', value: 'on' }] }, "Invalid value 'on' for containerInsights. Valid values are enabled, enhanced and disabled."],
    ['a provider that does not exist', { clusterName: 'c', capacityProviders: ['nope'] }, "The specified capacity provider 'nope' does not exist. Specify a valid capacity provider and try again."],
    ['a provider named twice', { clusterName: 'c', capacityProviders: ['FARGATE', 'FARGATE'] }, 'The list of capacity providers names one more than once.'],
    [
      'a default strategy with a provider it does not use',
      { clusterName: 'c', capacityProviders: ['FARGATE'], defaultCapacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }] },
      "The specified default capacity provider strategy cannot contain a capacity provider that is not associated with the cluster: 'FARGATE_SPOT'.",
    ],
    ['OVERRIDE logging without a log configuration', { clusterName: 'c', configuration: { executeCommandConfiguration: { logging: 'OVERRIDE' } } }, 'logging OVERRIDE needs a logConfiguration.'],
    [
      'a log configuration without OVERRIDE',
      { clusterName: 'c', configuration: { executeCommandConfiguration: { logging: 'DEFAULT', logConfiguration: { cloudWatchLogGroupName: 'g' } } } },
      'A logConfiguration can be given only when logging is OVERRIDE.',
    ],
    ['an unknown Exec logging', { clusterName: 'c', configuration: { executeCommandConfiguration: { logging: 'ALL' } } }, "Invalid executeCommandConfiguration logging 'ALL'. Valid values are NONE, DEFAULT and OVERRIDE."],
  ])('refuses %s with InvalidParameterException, creating nothing', (_, input, message) => {
    const sim = new Sim();
    expect(refused(sim, 'ecs.CreateCluster', input)).toEqual({ code: 'InvalidParameterException', message });
    expect(ok(sim, 'ecs.ListClusters').clusterArns).toEqual([]);
  });

  it('refuses Service Connect defaults in a namespace that does not exist (NamespaceNotFoundException)', () => {
    expect(refused(new Sim(), 'ecs.CreateCluster', { clusterName: 'c', serviceConnectDefaults: { namespace: 'nowhere.local' } })).toEqual({
      code: 'NamespaceNotFoundException',
      message: "The specified namespace wasn't found.",
    });
  });

  it('keeps Service Connect defaults as the ARN of the namespace named', () => {
    const sim = new Sim();
    ok(sim, 'servicediscovery.CreateHttpNamespace', { Name: 'app.local' });
    const arn = (ok(sim, 'servicediscovery.ListNamespaces').Namespaces as { Name: string; Arn: string }[]).find((n) => n.Name === 'app.local')!.Arn;
    const c = ok(sim, 'ecs.CreateCluster', { clusterName: 'c', serviceConnectDefaults: { namespace: 'app.local' } }).cluster;
    expect(c.serviceConnectDefaults).toEqual({ namespace: arn });
  });

  it('sets the capacity providers and the default strategy it is given, filling weight and base with 0', () => {
    const c = ok(new Sim(), 'ecs.CreateCluster', {
      clusterName: 'c',
      capacityProviders: ['FARGATE', 'FARGATE_SPOT'],
      defaultCapacityProviderStrategy: [
        { capacityProvider: 'FARGATE', base: 1 },
        { capacityProvider: 'FARGATE_SPOT', weight: 3 },
      ],
    }).cluster;
    expect(c.capacityProviders).toEqual(['FARGATE', 'FARGATE_SPOT']);
    expect(c.defaultCapacityProviderStrategy).toEqual([
      { capacityProvider: 'FARGATE', weight: 0, base: 1 },
      { capacityProvider: 'FARGATE_SPOT', weight: 3, base: 0 },
    ]);
  });
});

describe('DescribeClusters', () => {
  it('describes the default cluster when none is named, and reports each missing one as a MISSING failure by ARN', () => {
    const sim = new Sim();
    ok(sim, 'ecs.CreateCluster');
    const both = ok(sim, 'ecs.DescribeClusters');
    expect(both.clusters.map((c: { clusterName: string }) => c.clusterName)).toEqual(['default']);
    const r = ok(sim, 'ecs.DescribeClusters', { clusters: ['default', 'ghost', ARN('other')] });
    expect(r.clusters).toHaveLength(1);
    expect(r.failures).toEqual([
      { arn: ARN('ghost'), reason: 'MISSING' },
      { arn: ARN('other'), reason: 'MISSING' },
    ]);
  });

  it('counts the registered instances of a cluster', () => {
    const c = ok(apiWorld(2), 'ecs.DescribeClusters', { clusters: ['demo'] }).clusters[0];
    expect(c.registeredContainerInstancesCount).toBe(2);
    expect(c.runningTasksCount).toBe(0);
  });
});

describe('DeleteCluster', () => {
  it('refuses while container instances are registered, then deletes once they are gone; a deleted cluster is INACTIVE and not listed', () => {
    const sim = apiWorld(1);
    expect(refused(sim, 'ecs.DeleteCluster', { cluster: 'demo' })).toEqual({
      code: 'ClusterContainsContainerInstancesException',
      message: 'The Cluster cannot be deleted while Container Instances are active or draining.',
    });
    const [ci] = ok(sim, 'ecs.ListContainerInstances', { cluster: 'demo' }).containerInstanceArns;
    ok(sim, 'ecs.DeregisterContainerInstance', { cluster: 'demo', containerInstance: ci, force: true });
    const deleted = ok(sim, 'ecs.DeleteCluster', { cluster: 'demo' }).cluster;
    expect(deleted.status).toBe('INACTIVE');
    expect(ok(sim, 'ecs.ListClusters').clusterArns).toEqual([]);
    expect(refused(sim, 'ecs.DeleteCluster', { cluster: 'demo' })).toEqual({ code: 'ClusterNotFoundException', message: 'Cluster not found.' });
  });

  it('refuses while a service is active, and while a standalone task runs', () => {
    const sim = new Sim();
    ok(sim, 'ecs.CreateCluster', { clusterName: 'f' });
    ok(sim, 'ecs.RegisterTaskDefinition', { family: 'app', networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'], cpu: '256', memory: '512', containerDefinitions: [{ name: 'app', image: 'nginx' }] });
    const net = { awsvpcConfiguration: { subnets: ['subnet-us-east-1a'] } };
    ok(sim, 'ecs.CreateService', { cluster: 'f', serviceName: 's', taskDefinition: 'app', desiredCount: 0, launchType: 'FARGATE', networkConfiguration: net });
    expect(refused(sim, 'ecs.DeleteCluster', { cluster: 'f' })).toEqual({ code: 'ClusterContainsServicesException', message: 'The Cluster cannot be deleted while Services are active.' });
    ok(sim, 'ecs.DeleteService', { cluster: 'f', service: 's' });
    sim.runUntil(600_000);
    ok(sim, 'ecs.RunTask', { cluster: 'f', taskDefinition: 'app', launchType: 'FARGATE', networkConfiguration: net });
    expect(refused(sim, 'ecs.DeleteCluster', { cluster: 'f' })).toEqual({ code: 'ClusterContainsTasksException', message: 'The Cluster cannot be deleted while Tasks are active.' });
  });

  it('lets a deleted cluster be created again, ACTIVE', () => {
    const sim = new Sim();
    ok(sim, 'ecs.CreateCluster', { clusterName: 'c' });
    ok(sim, 'ecs.DeleteCluster', { cluster: 'c' });
    expect(ok(sim, 'ecs.CreateCluster', { clusterName: 'c' }).cluster.status).toBe('ACTIVE');
    expect(ok(sim, 'ecs.ListClusters').clusterArns).toEqual([ARN('c')]);
  });
});

describe('UpdateCluster and UpdateClusterSettings', () => {
  it('replace the settings named and keep the others', () => {
    const sim = new Sim();
    ok(sim, 'ecs.CreateCluster', { clusterName: 'c' });
    expect(ok(sim, 'ecs.UpdateClusterSettings', { cluster: 'c', settings: [{ name: 'containerInsights', value: 'enhanced' }] }).cluster.settings).toEqual([{ name: 'containerInsights', value: 'enhanced' }]);
    const c = ok(sim, 'ecs.UpdateCluster', { cluster: 'c', configuration: { executeCommandConfiguration: { logging: 'NONE' } } }).cluster;
    expect(c.settings).toEqual([{ name: 'containerInsights', value: 'enhanced' }]);
    expect(c.configuration).toEqual({ executeCommandConfiguration: { logging: 'NONE' } });
  });

  it('refuse a cluster that does not exist and a bad setting, changing nothing', () => {
    const sim = new Sim();
    ok(sim, 'ecs.CreateCluster', { clusterName: 'c' });
    expect(refused(sim, 'ecs.UpdateCluster', { cluster: 'ghost', settings: [] })).toEqual({ code: 'ClusterNotFoundException', message: 'Cluster not found.' });
    expect(refused(sim, 'ecs.UpdateClusterSettings', { cluster: 'c', settings: [{ name: 'containerInsights', value: 'yes' }] }).code).toBe('InvalidParameterException');
    expect(ok(sim, 'ecs.DescribeClusters', { clusters: ['c'] }).clusters[0].settings).toEqual([{ name: 'containerInsights', value: 'disabled' }]);
  });
});

describe('PutClusterCapacityProviders', () => {
  it('replaces the providers and the default strategy; an empty list removes them', () => {
    const sim = new Sim();
    ok(sim, 'ecs.CreateCluster', { clusterName: 'c' });
    const c = ok(sim, 'ecs.PutClusterCapacityProviders', { cluster: 'c', capacityProviders: ['FARGATE_SPOT'], defaultCapacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }] }).cluster;
    expect(c.capacityProviders).toEqual(['FARGATE_SPOT']);
    expect(c.defaultCapacityProviderStrategy).toEqual([{ capacityProvider: 'FARGATE_SPOT', weight: 1, base: 0 }]);
    const none = ok(sim, 'ecs.PutClusterCapacityProviders', { cluster: 'c', capacityProviders: [], defaultCapacityProviderStrategy: [] }).cluster;
    expect(none.capacityProviders).toEqual([]);
    expect(none.defaultCapacityProviderStrategy).toEqual([]);
    expect(sim.events.filter((e) => e.type === 'ClusterCapacityProvidersChanged').map((e) => e.message)).toHaveLength(2);
  });

  it('refuses to remove a provider a running task uses (ResourceInUseException)', () => {
    const sim = new Sim();
    ok(sim, 'ecs.CreateCluster', { clusterName: 'c', capacityProviders: ['FARGATE'] });
    ok(sim, 'ecs.RegisterTaskDefinition', { family: 'app', networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'], cpu: '256', memory: '512', containerDefinitions: [{ name: 'app', image: 'nginx' }] });
    ok(sim, 'ecs.RunTask', { cluster: 'c', taskDefinition: 'app', capacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1 }], networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-us-east-1a'] } } });
    expect(refused(sim, 'ecs.PutClusterCapacityProviders', { cluster: 'c', capacityProviders: [], defaultCapacityProviderStrategy: [] })).toEqual({
      code: 'ResourceInUseException',
      message: 'The specified capacity provider is in use and cannot be removed.',
    });
    expect(ok(sim, 'ecs.DescribeClusters', { clusters: ['c'] }).clusters[0].capacityProviders).toEqual(['FARGATE']);
  });
});
