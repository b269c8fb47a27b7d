import { describe, expect, it } from 'vitest';
import { bytes, composeToEcs, fargateSize, parseCompose, rollingUpdateLimits } from '../../../src/formats/compose';

const translate = (text: string) => {
  const r = parseCompose(text, 'compose.yaml', { project: 'shop' });
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return composeToEcs(r.project!);
};

describe('Compose on ECS', () => {
  it('sizes tasks at the smallest Fargate size that fits (§11.1)', () => {
    expect(fargateSize(undefined, undefined)).toEqual({ cpu: 256, memory: 512 });
    expect(fargateSize(0.5, bytes('1G'))).toEqual({ cpu: 512, memory: 1024 });
    expect(fargateSize(0.25, bytes('600M'))).toEqual({ cpu: 256, memory: 1024 });
    expect(fargateSize(1, bytes('9G'))).toEqual({ cpu: 2048, memory: 9216 });
    expect(fargateSize(8, bytes('16G'))).toBeUndefined();
    const t = translate('services:\n  big:\n    image: x\n    deploy:\n      resources:\n        limits: { cpus: "8", memory: 16G }\n');
    expect(t.errors).toEqual([expect.objectContaining({ member: 'services.big.deploy.resources', line: 5, message: 'big: the resources requested are not supported by ECS/Fargate' })]);
  });

  it('rolling-update limits need replicas with parallelism (CM-02)', () => {
    expect(rollingUpdateLimits({ update_config: { parallelism: 1 } })).toBe('rolling update configuration require deploy.replicas to be set');
    expect(rollingUpdateLimits({ replicas: 1, update_config: { parallelism: 2 } })).toBe('deploy.replicas (1) must be greater than deploy.update_config.parallelism (2)');
    expect(rollingUpdateLimits({ replicas: 3, update_config: { parallelism: 1, 'x-aws-min_percent': 50 } })).toEqual({ minimumHealthyPercent: 50, maximumPercent: 133 });
  });

  it('refuses an asymmetric port mapping, and says which load balancer a port needs (CM-03)', () => {
    const asym = translate('services:\n  web:\n    image: nginx\n    ports: ["8080:80"]\n');
    expect(asym.errors[0]!.message).toMatch(/published port 8080 differs from target 80; on ECS only symmetric mappings are supported/);
    expect(translate('services:\n  web:\n    image: nginx\n    ports: ["80:80", "443:443"]\n').services[0]!.loadBalancer).toEqual({ type: 'application', ports: [80, 443] });
    const db = translate('services:\n  db:\n    image: postgres\n    ports: ["5432:5432"]\n');
    expect(db.services[0]!.loadBalancer).toEqual({ type: 'network', ports: [5432] });
    expect(db.findings.join('\n')).toMatch(/Network Load Balancer, which the sandbox does not simulate/);
  });

  it('lists what does not carry over: build, links, host volumes, privileged', () => {
    const t = translate('services:\n  web:\n    image: shop/web\n    build: .\n    links: [db]\n    privileged: true\n    volumes: ["./data:/data"]\n  db:\n    image: postgres\n');
    const f = t.findings.join('\n');
    for (const w of [/web: build is ignored/, /web: links does not carry over/, /web: privileged does not carry over/, /host path \.\/data cannot be mounted on Fargate/]) expect(f).toMatch(w);
    const noImage = translate('services:\n  web:\n    build: .\n');
    expect(noImage.errors[0]!.message).toMatch(/ECS runs images from a registry/);
  });

  it('maps healthcheck and depends_on to the task definition and the findings', () => {
    const t = translate(
      'services:\n  db:\n    image: postgres\n    healthcheck:\n      test: ["CMD", "pg_isready"]\n      interval: 10s\n      timeout: 3s\n      retries: 5\n      start_period: 20s\n  web:\n    image: nginx\n    depends_on:\n      db: { condition: service_healthy }\n',
    );
    const db = (t.services[0]!.taskDefinition.containerDefinitions as { healthCheck: unknown }[])[0]!;
    expect(db.healthCheck).toEqual({ command: ['CMD', 'pg_isready'], interval: 10, timeout: 3, retries: 5, startPeriod: 20 });
    expect(t.findings.join('\n')).toMatch(/web: depends_on orders service creation only \(after db\)/);
    expect(t.findings.filter((f) => f.includes('healthcheck.'))).toEqual([]);
  });

  it('says when a health check duration is not whole seconds within ECS’s ranges, and what it becomes', () => {
    const t = translate('services:\n  web:\n    image: nginx\n    healthcheck:\n      test: ["CMD", "true"]\n      interval: 500ms\n      timeout: 2.4s\n      start_period: 6m\n');
    const c = (t.services[0]!.taskDefinition.containerDefinitions as { healthCheck: unknown }[])[0]!;
    expect(c.healthCheck).toEqual({ command: ['CMD', 'true'], interval: 5, timeout: 2, startPeriod: 300 });
    expect(t.findings.filter((f) => f.includes('healthcheck.'))).toEqual([
      'web: healthcheck.interval 500ms becomes 5 s on ECS, whose interval is 5 to 300 whole seconds.',
      'web: healthcheck.timeout 2.4s is rounded to 2 s on ECS, which takes whole seconds.',
      'web: healthcheck.start_period 6m becomes 300 s on ECS, whose startPeriod is 0 to 300 whole seconds.',
    ]);
    const disabled = translate('services:\n  web:\n    image: nginx\n    healthcheck:\n      disable: true\n      interval: 500ms\n');
    expect(disabled.findings.filter((f) => f.includes('healthcheck.'))).toEqual([]);
  });
});
