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
