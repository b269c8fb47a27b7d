import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../src/sim/core/errors';
import { parseCpu, parseMemory, validateTaskDefinition } from '../../../../src/sim/api/ecs/taskDefinitionRules';
import type { RegisterTaskDefinitionRequest } from '../../../../src/sim/api/ecs/inputs.generated';
import { Sim } from '../../../../src/sim';

const web = { name: 'web', image: 'nginx', memory: 512 };
const ec2 = (more: Record<string, unknown> = {}, containers: Record<string, unknown>[] = [web]) => ({ family: 'web', containerDefinitions: containers, ...more });
const ROLE = 'arn:aws:iam::123456789012:role/exec';
const fargate = (more: Record<string, unknown> = {}, containers: Record<string, unknown>[] = [{ name: 'web', image: 'nginx' }]) => ({
  family: 'f',
  requiresCompatibilities: ['FARGATE'],
  networkMode: 'awsvpc',
  cpu: '256',
  memory: '512',
  executionRoleArn: ROLE,
  containerDefinitions: containers,
  ...more,
});

/** What the rules refuse `input` with: its code, message and member path. */
function refusal(input: object): { code: string; message: string; path: unknown } {
  try {
    validateTaskDefinition(input as RegisterTaskDefinitionRequest);
  } catch (e) {
    if (e instanceof ApiError) return { code: e.code, message: e.message, path: e.path };
    throw e;
  }
  throw new Error('accepted');
}

const CD = 'containerDefinitions';

/** Each rule: a real bad request, AWS's (or the sandbox's) message, and the member it is about. */
const RULES: [string, object, string, (string | number)[] | undefined][] = [
  ['family', ec2({ family: 'web app' }), 'Family contains invalid characters. Up to 255 letters (uppercase and lowercase), numbers, hyphens, and underscores are allowed.', ['family']],
  ['no containers', ec2({}, []), 'Container list cannot be empty.', [CD]],
  [
    'too many containers',
    ec2(
      {},
      Array.from({ length: 11 }, (_, i) => ({ ...web, name: `c${i}` })),
    ),
    'Too many containers: 11. A task definition can have at most 10 containers.',
    [CD],
  ],
  ['too large', ec2({}, [{ ...web, environment: [{ name: 'X', value: 'x'.repeat(70000) }] }]), 'Task definition size exceeds the maximum of 64 KiB.', undefined],
  ['network mode', ec2({ networkMode: 'overlay' }), "Invalid networkMode 'overlay'. Valid values are bridge, host, awsvpc and none.", ['networkMode']],
  ['compatibility', ec2({ requiresCompatibilities: ['EC2', 'LAMBDA'] }), "Invalid requiresCompatibilities value 'LAMBDA'. Valid values are EC2, FARGATE, EXTERNAL and MANAGED_INSTANCES.", ['requiresCompatibilities', 1]],
  ['task cpu', ec2({ cpu: 'lots' }), "Invalid 'cpu' setting for task.", ['cpu']],
  ['task memory', ec2({ memory: '4' }), "Invalid 'memory' setting for task.", ['memory']],
  ['Fargate network mode', fargate({ networkMode: 'bridge' }), 'Fargate only supports network mode \u2018awsvpc\u2019.', ['networkMode']],
  ['Fargate cpu', fargate({ cpu: undefined }), "Fargate requires that 'cpu' be defined at the task level.", ['cpu']],
  ['Fargate memory', fargate({ memory: undefined }), "Fargate requires that 'memory' be defined at the task level.", ['memory']],
  ['Fargate size', fargate({ memory: '8192' }), 'No Fargate configuration exists for given values: 256 CPU, 8192 memory. See the Amazon ECS documentation for the valid values.', ['cpu']],
  ['Fargate constraints', fargate({ placementConstraints: [{ type: 'memberOf', expression: 'attribute:a exists' }] }), 'Task definition placement constraints are not supported by the Fargate launch type.', ['placementConstraints']],
  ['Fargate pidMode', fargate({ pidMode: 'host' }), "pidMode 'host' is not supported by the Fargate launch type.", ['pidMode']],
  ['Fargate ipcMode', fargate({ ipcMode: 'task' }), 'ipcMode is not supported by the Fargate launch type.', ['ipcMode']],
  [
    'Fargate Docker volume',
    fargate({ volumes: [{ name: 'a' }, { name: 'd', dockerVolumeConfiguration: { scope: 'task' } }] }),
    "Volume 'd': dockerVolumeConfiguration is not supported by the Fargate launch type.",
    ['volumes', 1, 'dockerVolumeConfiguration'],
  ],
  ['Fargate host path', fargate({ volumes: [{ name: 'h', host: { sourcePath: '/data' } }] }), "Volume 'h': host sourcePath is not supported by the Fargate launch type.", ['volumes', 0, 'host', 'sourcePath']],
  ['no essential container', ec2({}, [{ ...web, essential: false }]), 'At least one container in the task definition must be essential.', [CD]],
  [
    'container cpu sum',
    ec2({ cpu: '512' }, [
      { ...web, cpu: 256 },
      { ...web, name: 'b', cpu: 512 },
    ]),
    "The sum of the container 'cpu' values (768) exceeds the task 'cpu' value (512).",
    ['cpu'],
  ],
  ['container memory sum', ec2({ memory: '512' }, [web, { ...web, name: 'b', memoryReservation: 128 }]), "The sum of the container memory reservations (640 MiB) exceeds the task 'memory' value (512 MiB).", ['memory']],
  ['container name', ec2({}, [web, { ...web, name: 'my web' }]), "Invalid container name 'my web'. Up to 255 letters (uppercase and lowercase), numbers, hyphens, and underscores are allowed.", [CD, 1, 'name']],
  ['duplicate name', ec2({}, [web, web]), "Duplicate container name 'web'. Container names must be unique within a task definition.", [CD, 1, 'name']],
  ['no image', ec2({}, [web, { name: 'b', memory: 64 }]), 'Container.image should not be null or empty.', [CD, 1, 'image']],
  ['bad image', ec2({}, [{ ...web, image: 'nginx latest' }]), "Invalid image 'nginx latest' for container 'web'.", [CD, 0, 'image']],
  ['no memory', ec2({}, [{ name: 'web', image: 'nginx' }]), "Invalid setting for container 'web'. At least one of 'memory' or 'memoryReservation' must be specified.", [CD, 0]],
  ['reservation over memory', ec2({}, [web, { name: 'log', image: 'busybox', memory: 128, memoryReservation: 256 }]), "Invalid setting for container 'log'. 'memory' must be greater than or equal to 'memoryReservation'.", [CD, 1, 'memory']],
  ['memory minimum', ec2({}, [{ ...web, memory: 4 }]), "Invalid 'memory' setting for container 'web'. The minimum is 6 MiB.", [CD, 0, 'memory']],
  [
    'container port',
    ec2({}, [web, { ...web, name: 'b', portMappings: [{ containerPort: 80 }, { containerPort: 70000 }] }]),
    "Invalid 'containerPort' setting for container 'b': 70000. Ports must be between 1 and 65535.",
    [CD, 1, 'portMappings', 1, 'containerPort'],
  ],
  ['host port', ec2({}, [{ ...web, portMappings: [{ containerPort: 80, hostPort: 70000 }] }]), "Invalid 'hostPort' setting for container 'web': 70000. Ports must be between 0 and 65535.", [CD, 0, 'portMappings', 0, 'hostPort']],
  [
    'awsvpc ports',
    ec2({ networkMode: 'awsvpc' }, [{ ...web, portMappings: [{ containerPort: 80, hostPort: 81 }] }]),
    'When networkMode=awsvpc, the host ports and container ports in port mappings must match.',
    [CD, 0, 'portMappings', 0, 'hostPort'],
  ],
  [
    'host port twice',
    ec2({}, [
      {
        ...web,
        portMappings: [
          { containerPort: 80, hostPort: 8080 },
          { containerPort: 81, hostPort: 8080 },
        ],
      },
    ]),
    "Container 'web' maps host port 8080/tcp more than once.",
    [CD, 0, 'portMappings', 1],
  ],
  ['hostname on awsvpc', ec2({ networkMode: 'awsvpc' }, [{ ...web, hostname: 'web' }]), "Container 'web': hostname is not supported when networkMode=awsvpc.", [CD, 0, 'hostname']],
  ['links off bridge', ec2({ networkMode: 'host' }, [{ ...web, links: ['db'] }]), "Links are not supported when networkMode=host (container 'web').", [CD, 0, 'links']],
  [
    'Fargate log driver',
    fargate({}, [{ name: 'web', image: 'nginx', logConfiguration: { logDriver: 'syslog' } }]),
    "Log driver syslog is not supported by the Fargate launch type (container 'web'). Use awslogs, splunk or awsfirelens.",
    [CD, 0, 'logConfiguration', 'logDriver'],
  ],
  [
    'awslogs without role',
    fargate({ executionRoleArn: undefined }, [{ name: 'web', image: 'nginx', logConfiguration: { logDriver: 'awslogs' } }]),
    'Fargate requires task definition to have execution role ARN to support log driver awslogs.',
    [CD, 0, 'logConfiguration', 'logDriver'],
  ],
  [
    'ECR without role',
    fargate({ executionRoleArn: undefined }, [{ name: 'web', image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1' }]),
    'Fargate requires task definition to have execution role ARN to support ECR images.',
    [CD, 0, 'image'],
  ],
  ['Fargate privileged', fargate({}, [{ name: 'web', image: 'nginx', privileged: true }]), "Container 'web': privileged is not supported by the Fargate launch type.", [CD, 0, 'privileged']],
  // On Fargate (always awsvpc) the network mode's refusal of links comes first.
  ['Fargate links', fargate({}, [{ name: 'web', image: 'nginx', links: ['db'] }]), "Links are not supported when networkMode=awsvpc (container 'web').", [CD, 0, 'links']],
  ['Fargate stop timeout', fargate({}, [{ name: 'web', image: 'nginx', stopTimeout: 200 }]), "Invalid 'stopTimeout' setting for container 'web': 200. On Fargate it must be between 0 and 120 seconds.", [CD, 0, 'stopTimeout']],
  [
    'restart exit codes',
    ec2({}, [{ ...web, restartPolicy: { enabled: true, ignoredExitCodes: Array.from({ length: 51 }, (_, i) => i) } }]),
    "Invalid 'restartPolicy' setting for container 'web'. You can specify a maximum of 50 ignored exit codes.",
    [CD, 0, 'restartPolicy', 'ignoredExitCodes'],
  ],
  [
    'restart period',
    ec2({}, [{ ...web, restartPolicy: { enabled: true, restartAttemptPeriod: 30 } }]),
    "Invalid 'restartPolicy.restartAttemptPeriod' setting for container 'web': 30. The value must be between 60 and 1800 seconds.",
    [CD, 0, 'restartPolicy', 'restartAttemptPeriod'],
  ],
  ['empty health check', ec2({}, [{ ...web, healthCheck: { command: [] } }]), "Invalid 'healthCheck' setting for container 'web'. The command must not be empty.", [CD, 0, 'healthCheck', 'command']],
  [
    'health check interval',
    ec2({}, [web, { ...web, name: 'b', healthCheck: { command: ['CMD', 'true'], interval: 1 } }]),
    "Invalid 'interval' setting for the health check of container 'b': 1. The value must be between 5 and 300 seconds.",
    [CD, 1, 'healthCheck', 'interval'],
  ],
  ['unknown dependency', ec2({}, [{ ...web, dependsOn: [{ containerName: 'db', condition: 'START' }] }]), "Container 'web' depends on container 'db', which is not defined in the task definition.", [CD, 0, 'dependsOn', 0, 'containerName']],
  ['self dependency', ec2({}, [{ ...web, dependsOn: [{ containerName: 'web', condition: 'START' }] }]), "Container 'web' cannot depend on itself.", [CD, 0, 'dependsOn', 0, 'containerName']],
  [
    'dependency condition',
    ec2({}, [web, { ...web, name: 'b', dependsOn: [{ containerName: 'web', condition: 'READY' }] }]),
    "Invalid dependsOn condition 'READY' for container 'b'. Valid values are START, COMPLETE, SUCCESS and HEALTHY.",
    [CD, 1, 'dependsOn', 0, 'condition'],
  ],
  [
    'COMPLETE on essential',
    ec2({}, [web, { ...web, name: 'b', dependsOn: [{ containerName: 'web', condition: 'COMPLETE' }] }]),
    "Container 'b' has a COMPLETE dependency on container 'web', which is essential. COMPLETE and SUCCESS dependencies cannot target an essential container.",
    [CD, 1, 'dependsOn', 0, 'condition'],
  ],
  [
    'HEALTHY without check',
    ec2({}, [web, { ...web, name: 'b', dependsOn: [{ containerName: 'web', condition: 'HEALTHY' }] }]),
    "Container 'b' has a HEALTHY dependency on container 'web', which has no health check.",
    [CD, 1, 'dependsOn', 0, 'condition'],
  ],
  [
    'circular dependency',
    ec2({}, [
      { ...web, name: 'a', dependsOn: [{ containerName: 'b', condition: 'START' }] },
      { ...web, name: 'b', dependsOn: [{ containerName: 'a', condition: 'START' }] },
    ]),
    'Circular container dependency: a -> b -> a.',
    [CD, 1, 'dependsOn'],
  ],
  [
    'ephemeral storage',
    fargate({ ephemeralStorage: { sizeInGiB: 10 } }),
    "Invalid 'ephemeralStorage.sizeInGiB' setting for task: 10. The minimum supported value is 21 GiB and the maximum supported value is 200 GiB.",
    ['ephemeralStorage', 'sizeInGiB'],
  ],
  [
    'two volumes at launch',
    ec2({
      volumes: [{ name: 'a', configuredAtLaunch: true }, { name: 'b' }, { name: 'c', configuredAtLaunch: true }],
    }),
    'Only one volume in a task definition can be configured at launch.',
    ['volumes', 2, 'configuredAtLaunch'],
  ],
  [
    'configured at launch and in the definition',
    ec2({ volumes: [{ name: 'x' }, { name: 'a', configuredAtLaunch: true, host: { sourcePath: '/d' } }] }),
    "Volume 'a' is configured at launch: it cannot also have a host, Docker, EFS or FSx configuration in the task definition.",
    ['volumes', 1],
  ],
  [
    'too many constraints',
    ec2({ placementConstraints: Array.from({ length: 11 }, () => ({ type: 'memberOf', expression: 'attribute:a exists' })) }),
    'Too many placement constraints: a task definition can have at most 10.',
    ['placementConstraints'],
  ],
  ['constraint type', ec2({ placementConstraints: [{ type: 'distinctInstance' }] }), "Invalid placement constraint type 'distinctInstance' in a task definition. Only memberOf is supported.", ['placementConstraints', 0, 'type']],
  ['constraint without expression', ec2({ placementConstraints: [{ type: 'memberOf' }] }), 'A memberOf placement constraint requires an expression.', ['placementConstraints', 0]],
  [
    'constraint expression',
    ec2({
      placementConstraints: [
        { type: 'memberOf', expression: 'attribute:a exists' },
        { type: 'memberOf', expression: 'attribute:a ==' },
      ],
    }),
    "Invalid placement constraint expression 'attribute:a ==': expected a value at position 14.",
    ['placementConstraints', 1, 'expression'],
  ],
];

describe('RegisterTaskDefinition rules', () => {
  for (const [rule, input, message, path] of RULES) {
    it(`refuses: ${rule}`, () => {
      expect(refusal(input)).toEqual({ code: 'ClientException', message, path });
    });
  }

  it('accepts the good requests the rules are broken from, normalized', () => {
    const accepted = validateTaskDefinition(ec2() as RegisterTaskDefinitionRequest);
    expect(accepted.def).toMatchObject({ containerDefinitions: [{ name: 'web', cpu: 0, essential: true, portMappings: [] }] });
    expect(validateTaskDefinition(fargate() as RegisterTaskDefinitionRequest)).toMatchObject({ cpu: 256, memory: 512, def: { compatibilities: ['EC2', 'FARGATE'] } });
  });

  it('reads task sizes in units and in words', () => {
    expect([parseCpu('256'), parseCpu('1 vCPU'), parseCpu('.25 vcpu'), parseCpu('lots')]).toEqual([256, 1024, 256, undefined]);
    expect([parseMemory('512'), parseMemory('2 GB'), parseMemory('.5gb'), parseMemory('2 TB')]).toEqual([512, 2048, 512, undefined]);
  });
});

describe('the member path of a refusal', () => {
  it('comes back from Sim.call beside the error, which is as the API answers it', () => {
    const sim = new Sim({ seed: 1 });
    const r = sim.call('ecs.RegisterTaskDefinition', ec2({}, [web, { name: 'log', image: 'busybox', memory: 128, memoryReservation: 256 }]));
    expect(r).toEqual({
      error: { code: 'ClientException', message: "Invalid setting for container 'log'. 'memory' must be greater than or equal to 'memoryReservation'." },
      errorPath: [CD, 1, 'memory'],
    });
    expect(Object.keys(r.error!)).toEqual(['code', 'message']);
    // The SDK's and the service's checks name their member too.
    expect(sim.call('ecs.RegisterTaskDefinition', ec2({}, [web, { ...web, name: 'b', memory: '64' }])).errorPath).toEqual([CD, 1, 'memory']);
    expect(sim.call('ecs.RegisterTaskDefinition', ec2({}, [web, { ...web, name: 'b', bogus: 1 }])).errorPath).toEqual([CD, 1, 'bogus']);
    const big = sim.call('ecs.RegisterTaskDefinition', ec2({}, [web, { ...web, name: 'b', cpu: 3_000_000_000 }]));
    expect(big.error!.message).toBe("1 validation error detected: Value '3000000000' at 'containerDefinitions.2.member.cpu' failed to satisfy constraint: Member must have value less than or equal to 2147483647");
    expect(big.errorPath).toEqual([CD, 1, 'cpu']);
    // An error the checks cannot pin to a member has none.
    expect(sim.call('ecs.DescribeClusters', { clusters: ['nope'], include: [] }).errorPath).toBeUndefined();
  });

  it('never reaches what the served endpoint answers, nor what the console prints', async () => {
    const { ServedAccount } = await import('../../../../src/cli/serve/account');
    const account = new ServedAccount(new Sim({ seed: 1 }), 'test', '1', () => {});
    const bad = ec2({ networkMode: 'overlay' });
    expect(account.call('ecs.RegisterTaskDefinition', bad)).toEqual({ error: { code: 'ClientException', message: "Invalid networkMode 'overlay'. Valid values are bridge, host, awsvpc and none." } });
    const { sandbox } = await import('../../../support/sandbox');
    const { runAction } = await import('../../../../src/store/actions');
    const store = sandbox();
    runAction(store, 'console.run', `aws ecs register-task-definition --debug --cli-input-json '${JSON.stringify(bad)}'`);
    const shown = store.getState().world.timeline!.transcript.at(-1)!;
    expect(shown.output).toContain('DEBUG - Response: {"Error":{"code":"ClientException","message":"Invalid networkMode \'overlay\'. Valid values are bridge, host, awsvpc and none."}}');
    expect(shown.output).not.toContain('networkMode"]');
    expect(shown.output.endsWith("An error occurred (ClientException) when calling the RegisterTaskDefinition operation: Invalid networkMode 'overlay'. Valid values are bridge, host, awsvpc and none.")).toBe(true);
  });
});
