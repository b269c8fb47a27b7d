import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deployRequests, parseManifest, planDeployment, pushedBy } from '../../../src/formats/copilot';

const plan = (text: string, env = 'test') => {
  const { manifest, problems } = parseManifest(text);
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  return planDeployment(manifest!, 'kudos', env);
};
const rules = (text: string) =>
  deployRequests({ loadBalancer: true, rules: 0 }, plan(text), ['subnet-a'])
    .filter((r) => r.call === 'elbv2.CreateRule')
    .map((r) => ({ priority: r.input.Priority, values: (r.input.Conditions as { PathPatternConfig: { Values: string[] } }[])[0]!.PathPatternConfig.Values }));
const lbws = (http: string) => `name: api\ntype: Load Balanced Web Service\nimage:\n  location: nginx\n  port: 8080\nhttp:\n${http}`;

// Real manifests, read in place from ../shared (never copied here).
const corpus = resolve(import.meta.dirname, '../../../../shared/corpus/copilot');

describe('Copilot http rules', () => {
  it('a path without its leading slash is the same path; an empty path or / is every path', () => {
    expect(rules(lbws("  path: 'api'\n"))).toEqual([{ priority: 1, values: ['/api', '/api/*'] }]);
    expect(rules(lbws('  path: /api/\n'))).toEqual([{ priority: 1, values: ['/api', '/api/*'] }]);
    expect(rules(lbws("  path: ''\n"))).toEqual([{ priority: 50000, values: ['/*'] }]);
    expect(rules(lbws('  path: /\n'))).toEqual([{ priority: 50000, values: ['/*'] }]);
  });

  it('additional_rules get their own listener rules, target groups and container ports; a repeated path is named and left out', () => {
    const p = plan(lbws('  path: /\n  additional_rules:\n    - path: admin\n      target_port: 8081\n    - path: /\n      allowed_source_ips: ["10.0.0.0/8"]\n'));
    expect(p.additionalRules).toEqual([expect.objectContaining({ path: '/admin', port: 8081, containerName: 'api' })]);
    expect(p.findings).toContain('http.additional_rules[1]: another rule already routes /; a rule that differs only by alias or source IPs is not simulated, so it is left out.');
    expect(p.findings).toContain('http.additional_rules[1].allowed_source_ips (a source-IP condition) is not simulated; the rule matches on its path only.');
    expect((p.taskDefinition.containerDefinitions as { portMappings: { containerPort: number }[] }[])[0]!.portMappings.map((m) => m.containerPort)).toEqual([8080, 8081]);
    const services = deployRequests({ loadBalancer: true, rules: 0 }, p, ['subnet-a']).filter((r) => r.call === 'ecs.CreateService');
    expect((services[0]!.input.loadBalancers as { containerPort: number }[]).map((l) => l.containerPort)).toEqual([8080, 8081]);
  });

  it('target_container sends the traffic to a sidecar on its port', () => {
    const p = plan(`${lbws('  path: /\n  target_container: nginx\n')}sidecars:\n  nginx:\n    image: nginx:1.27\n    port: 80\n`);
    expect(p.loadBalancer).toMatchObject({ containerName: 'nginx', port: 80 });
    const p2 = plan(lbws('  path: /\n  target_container: proxy\n'));
    expect(p2.loadBalancer).toBeUndefined();
    expect(p2.findings).toContain("http.target_container 'proxy' is neither the service's container nor one of its sidecars, so this rule is left out.");
  });

  it('nlb and taskdef_overrides are applied or named, never dropped', () => {
    const p = plan(
      `${lbws('  path: /\n')}nlb:\n  port: 443/tcp\ntaskdef_overrides:\n  - path: ContainerDefinitions[0].Ulimits[-]\n    value:\n      Name: nofile\n      SoftLimit: 1024\n      HardLimit: 2048\n  - path: ContainerDefinitions[0].Bogus\n    value: 1\n  - path: ContainerDefinitions[0].LinuxParameters.Capabilities.Add\n    value: [SYS_PTRACE]\n  - path: Cpu\n`,
    );
    expect(p.findings).toEqual([
      "nlb: the service's own Network Load Balancer (listener 443/tcp) is not simulated; its traffic arrives through the environment's Application Load Balancer only.",
      'taskdef_overrides[0]: ContainerDefinitions[0].Ulimits[-] is set in the task definition.',
      'taskdef_overrides[1] (ContainerDefinitions[0].Bogus) is not applied: Bogus is not a member of the task definition there.',
      'taskdef_overrides[2]: ContainerDefinitions[0].LinuxParameters.Capabilities.Add is set in the task definition.',
      'taskdef_overrides[3] (Cpu) is not applied: it has no value.',
    ]);
    const c = (p.taskDefinition.containerDefinitions as Record<string, unknown>[])[0]!;
    expect(c.ulimits).toEqual([{ name: 'nofile', softLimit: 1024, hardLimit: 2048 }]);
    expect(c.linuxParameters).toEqual({ capabilities: { add: ['SYS_PTRACE'] } });
  });

  it.runIf(existsSync(corpus))('the corpus manifest with additional_rules: in prod the rules reach the nginx sidecar or the service on their ports, and what is not simulated is named', () => {
    const text = readFileSync(resolve(corpus, 'cp-lbws-environments-overrides.yml'), 'utf8');
    const prod = plan(text, 'prod');
    expect([prod.loadBalancer, ...(prod.additionalRules ?? [])].map((r) => `${r!.path} ${r!.containerName}:${r!.port}`)).toEqual(['/ nginx:8080', '/admin nginx:8081', '/superadmin fe:4000']);
    expect(prod.findings.filter((f) => f.includes('alias'))).toHaveLength(3);
    const staging = plan(text, 'staging');
    expect(staging.additionalRules?.map((r) => `${r.path} ${r.port}`)).toEqual(['/admin 4001']);
    expect(staging.findings).toContain('http.hosted_zone (DNS records for the alias) is not simulated; the rule matches on its path only.');
  });
});

describe('Copilot and ECR', () => {
  it('image.build: the repository <app>/<name> is created and the built image pushed before the task definition, once per application', () => {
    const p = plan('name: api\ntype: Backend Service\nimage:\n  build: ./api/Dockerfile\n');
    expect(p.image).toMatchObject({ repository: 'kudos/api', tag: 'latest', dockerfile: './api/Dockerfile' });
    expect(p.resources[0]).toBe('ECR repository kudos/api, with the image built from ./api/Dockerfile pushed as kudos/api:latest');
    const calls = (registry?: ReturnType<typeof pushedBy>) =>
      deployRequests({ loadBalancer: false, rules: 0 }, p, ['subnet-a'], registry)
        .map((r) => r.call)
        .slice(0, 3);
    expect(calls()).toEqual(['ecr.CreateRepository', 'ecr.PutImage', 'ecs.RegisterTaskDefinition']);
    expect(calls(pushedBy(p))).toEqual(['ecs.RegisterTaskDefinition', 'servicediscovery.CreateService', 'ecs.CreateService']);
    expect(plan('name: api\ntype: Backend Service\nimage:\n  location: nginx\n').image).toBeUndefined();
  });
});
