import { describe, expect, it } from 'vitest';
import { resolve } from '../../../src/sim/queries/discovery';
import type { CloudMapInstance } from '../../../src/sim/model/types';
import { demoSim, serviceRecord, serviceTask } from '../../support/simcoreRecords';

const instance = (n: number, HealthStatus: CloudMapInstance['HealthStatus'] = 'HEALTHY'): CloudMapInstance => ({ InstanceId: `task${n}`, Attributes: { AWS_INSTANCE_IPV4: `10.0.0.${n}`, AWS_INSTANCE_PORT: '8080' }, HealthStatus });

/** A private DNS namespace `corp.local` with a Cloud Map service `api` (A and SRV records), and an HTTP namespace `http.local` with `web`. */
function withCloudMap(instances: CloudMapInstance[]) {
  const { sim } = demoSim();
  sim.world.namespaces['ns-1'] = { Id: 'ns-1', Arn: 'arn:ns-1', Name: 'corp.local', Type: 'DNS_PRIVATE', CreateMs: 0 };
  sim.world.namespaces['ns-2'] = { Id: 'ns-2', Arn: 'arn:ns-2', Name: 'http.local', Type: 'HTTP', CreateMs: 0 };
  sim.world.discoveryServices['srv-1'] = {
    Id: 'srv-1',
    Arn: 'arn:srv-1',
    Name: 'api',
    NamespaceId: 'ns-1',
    DnsRecords: [
      { Type: 'A', TTL: 10 },
      { Type: 'SRV', TTL: 20 },
    ],
    instances,
    CreateMs: 0,
  };
  sim.world.discoveryServices['srv-2'] = { Id: 'srv-2', Arn: 'arn:srv-2', Name: 'web', NamespaceId: 'ns-2', DnsRecords: [{ Type: 'A', TTL: 10 }], instances: [instance(9)], CreateMs: 0 };
  sim.world.discoveryServices['srv-3'] = { Id: 'srv-3', Arn: 'arn:srv-3', Name: 'only-a', NamespaceId: 'ns-1', DnsRecords: [{ Type: 'A', TTL: 10 }], instances: [instance(7)], CreateMs: 0 };
  return sim;
}

describe('DNS as Cloud Map answers it', () => {
  it('answers the healthy instances of a private DNS name, A and SRV records with their TTLs, a trailing dot allowed', () => {
    const sim = withCloudMap([instance(1), instance(2, 'UNHEALTHY'), instance(3)]);
    expect(resolve(sim, 'api.corp.local', 'A')).toEqual({ answers: ['10.0.0.1', '10.0.0.3'], ttl: 10, rcode: 'NOERROR' });
    expect(resolve(sim, 'api.corp.local.', 'SRV')).toEqual({ answers: ['1 1 8080 task1.api.corp.local', '1 1 8080 task3.api.corp.local'], ttl: 20, rcode: 'NOERROR' });
  });

  it('answers every instance when none is healthy, at most eight', () => {
    const sim = withCloudMap(Array.from({ length: 10 }, (_, i) => instance(i + 1, 'UNHEALTHY')));
    expect(resolve(sim, 'api.corp.local', 'A').answers).toEqual(['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4', '10.0.0.5', '10.0.0.6', '10.0.0.7', '10.0.0.8']);
  });

  it('says a name without a record of the type has none, and an HTTP namespace or an unknown name does not resolve', () => {
    const sim = withCloudMap([instance(1)]);
    expect(resolve(sim, 'only-a.corp.local', 'SRV')).toEqual({ answers: [], rcode: 'NOERROR', note: 'only-a.corp.local has no SRV record' });
    expect(resolve(sim, 'web.http.local', 'A')).toEqual({ answers: [], rcode: 'NXDOMAIN' });
    expect(resolve(sim, 'nothing.corp.local', 'A')).toEqual({ answers: [], rcode: 'NXDOMAIN' });
  });
});

describe('DNS of Service Connect names', () => {
  function withServiceConnect() {
    const { sim } = demoSim();
    const sc = (ns: string, aliases: { port: number; dnsName: string }[] = []) => ({ enabled: true, namespace: ns, services: aliases.length ? [{ portName: 'http', discoveryName: 'api', clientAliases: aliases }] : [] });
    const api = serviceRecord(sim, 'api');
    api.serviceConnectConfiguration = sc('apps', [{ port: 80, dnsName: 'api.apps' }]);
    const client = serviceRecord(sim, 'client');
    client.serviceConnectConfiguration = sc('apps');
    const stranger = serviceRecord(sim, 'stranger');
    stranger.serviceConnectConfiguration = sc('other');
    return { sim, api, client, stranger };
  }

  it("resolve inside a task of a service in the namespace to the proxy's address, with the tasks it balances over", () => {
    const { sim, api, client } = withServiceConnect();
    serviceTask(sim, api, 'r1');
    serviceTask(sim, api, 'r2');
    serviceTask(sim, api, 'p1', { lastStatus: 'PENDING' });
    expect(resolve(sim, 'api.apps', 'A', client)).toEqual({ answers: ['127.255.0.1'], ttl: 0, rcode: 'NOERROR', note: 'the Service Connect proxy listens on 80 and balances over 2 task(s) of api' });
  });

  it('answer nothing while no task of the service runs, and do not resolve outside the namespace', () => {
    const { sim, client, stranger } = withServiceConnect();
    expect(resolve(sim, 'api.apps', 'A', client)).toMatchObject({ answers: [], rcode: 'NOERROR' });
    const outside = { answers: [], rcode: 'NXDOMAIN', note: 'api.apps is a Service Connect name of namespace apps: it resolves only in tasks of services in that namespace' };
    expect(resolve(sim, 'api.apps', 'A', stranger)).toEqual(outside);
    expect(resolve(sim, 'api.apps', 'A')).toEqual(outside);
  });

  it('of a service that is not ACTIVE do not resolve at all', () => {
    const { sim, api, client } = withServiceConnect();
    api.status = 'DRAINING';
    expect(resolve(sim, 'api.apps', 'A', client)).toEqual({ answers: [], rcode: 'NXDOMAIN' });
  });
});
