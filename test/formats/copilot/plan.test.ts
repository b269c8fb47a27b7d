import { describe, expect, it } from 'vitest';
import { parseManifest, planDeployment } from '../../../src/formats/copilot';

const plan = (text: string, app = 'kudos', env = 'test') => {
  const { manifest, problems } = parseManifest(text);
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  return planDeployment(manifest!, app, env);
};

describe('what a manifest deploys', () => {
  it('names a service for svc show: Service Connect alias and Cloud Map name (CO-02)', () => {
    const p = plan('name: front-end\ntype: Load Balanced Web Service\nimage:\n  build: Dockerfile\n  port: 8080\nhttp:\n  path: /\nnetwork:\n  connect: true\n');
    expect(p.endpoints).toContain('front-end:80 (Service Connect)');
    expect(p.endpoints).toContain('front-end.test.kudos.local:8080 (Service Discovery)');
    expect(p.discovery.name).toBe('front-end.test.kudos.local');
    const env = (p.taskDefinition.containerDefinitions as { environment: { name: string; value: string }[] }[])[0]!.environment;
    expect(env).toContainEqual({ name: 'COPILOT_SERVICE_DISCOVERY_ENDPOINT', value: 'test.kudos.local' });
  });

  it('a backend without network.connect has no Service Connect endpoint', () => {
    const p = plan('name: api\ntype: Backend Service\nimage:\n  location: nginx\n  port: 8080\n');
    expect(p.endpoints).toEqual(['api.test.kudos.local:8080 (Service Discovery)']);
    expect(p.loadBalancer).toBeUndefined();
  });

  it('a string range "1-10" with cpu_percentage gives a scalable target and default cooldowns', () => {
    const p = plan('name: api\ntype: Backend Service\nimage:\n  location: nginx\ncount:\n  range: 1-10\n  cpu_percentage: 70\n  memory_percentage:\n    value: 80\n    cooldown:\n      in: 2m30s\n');
    expect(p.scaling).toEqual({
      min: 1,
      max: 10,
      policies: [
        { metric: 'ECSServiceAverageCPUUtilization', target: 70, scaleInCooldown: 120, scaleOutCooldown: 60 },
        { metric: 'ECSServiceAverageMemoryUtilization', target: 80, scaleInCooldown: 150, scaleOutCooldown: 60 },
      ],
    });
    expect(p.service!.desiredCount).toBe(1);
  });
});
