import { describe, expect, it } from 'vitest';
import { parseUserData } from '../../../src/sim/queries/userData';

const RESERVED_PORTS = [22, 2375, 2376, 51678, 51679];

describe('the agent settings of a user-data script', () => {
  it('reads ECS_CLUSTER, ECS_RESERVED_MEMORY and ECS_INSTANCE_ATTRIBUTES, quoted or not', () => {
    const script = [
      '#!/bin/bash',
      'echo ECS_CLUSTER=prod >> /etc/ecs/ecs.config',
      'echo "ECS_RESERVED_MEMORY=256" >> /etc/ecs/ecs.config',
      'echo ECS_INSTANCE_ATTRIBUTES={\\"stack\\":\\"blue\\",\\"tier\\":\\"web\\"} >> /etc/ecs/ecs.config',
    ].join('\n');
    expect(parseUserData(script)).toEqual({ cluster: 'prod', agent: { reservedMemory: 256, reservedPorts: RESERVED_PORTS, reservedPortsUdp: [], instanceAttributes: { stack: 'blue', tier: 'web' } } });
    expect(parseUserData('ECS_CLUSTER="quoted"').cluster).toBe('quoted');
  });

  it('reads a script given in base64, as EC2 takes user data', () => {
    expect(parseUserData(btoa('#!/bin/bash\necho ECS_CLUSTER=from-b64 >> /etc/ecs/ecs.config\n')).cluster).toBe('from-b64');
  });

  it("joins cluster 'default' with no reserved memory and no attributes when the script says nothing, and ignores attributes it cannot parse", () => {
    expect(parseUserData('')).toEqual({ cluster: 'default', agent: { reservedMemory: 0, reservedPorts: RESERVED_PORTS, reservedPortsUdp: [], instanceAttributes: {} } });
    const bad = parseUserData('ECS_CLUSTER=x\nECS_RESERVED_MEMORY=lots\nECS_INSTANCE_ATTRIBUTES={not json}');
    expect(bad.agent).toMatchObject({ reservedMemory: 0, instanceAttributes: {} });
    expect(bad.cluster).toBe('x');
  });
});
