import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Sim } from '../../src/sim';

const root = resolve(import.meta.dirname, '../..');
// The published model is read in place from ../shared (never copied here).
const model = resolve(root, '../shared/corpus/schemas/botocore-ecs-service-2.json');
const present = existsSync(model);
if (!present) console.warn(`generated: ${model} is absent (as on a user's machine); the comparison with it is skipped.`);

// The other namespaces' tables come from the corpus's models and the installed AWS CLI's EC2 model.
const ec2Dir = '/usr/lib/python3/dist-packages/awscli/botocore/data/ec2';
const apiPresent = existsSync(resolve(root, '../shared/corpus/schemas/botocore-cloudwatch-service-2.json')) && existsSync(ec2Dir);
if (!apiPresent) console.warn("generated: the botocore models (../shared/corpus/schemas, Debian's awscli) are absent; the comparison with them is skipped.");

describe('the request tables generated from the other AWS models', () => {
  it.runIf(apiPresent)('are what scripts/gen-api-shapes.ts derives from the models', () => {
    const run = () => execFileSync(process.execPath, ['--import', 'tsx', 'scripts/gen-api-shapes.ts', '--check'], { cwd: root, encoding: 'utf8' });
    expect(run).not.toThrow();
  });
});

describe('files generated from the ECS API model', () => {
  it.runIf(present)('are what scripts/gen-ecs-shapes.mjs derives from the model', () => {
    const run = () => execFileSync(process.execPath, ['scripts/gen-ecs-shapes.mjs', model, '--check'], { cwd: root, encoding: 'utf8' });
    expect(run).not.toThrow();
  });

  it('type the requests the SDK-level check lets through: a request of the wrong type is refused before the operation runs', () => {
    const sim = new Sim();
    const r = sim.call('ecs.CreateCluster', { clusterName: 7 });
    expect(r.error?.code).toBe('ParamValidationError');
    expect(r.error?.message).toContain('Invalid type for parameter clusterName');
    expect(sim.call('ecs.CreateCluster', { clusterName: 'typed' }).output).toMatchObject({ cluster: { clusterName: 'typed' } });
  });
});
