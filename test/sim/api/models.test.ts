import { describe, expect, it } from 'vitest';
import { Sim } from '../../../src/sim';
import { installModels, MODELS, RANGE_OF, SERVICE_ERROR } from '../../../src/sim/api/models';
import { RANGES } from '../../../src/sim/model/limits';

const namespaces = [...new Set(Sim.operations().map((o) => o.slice(0, o.indexOf('.'))))].sort();

describe('the request tables of every namespace', () => {
  it('cover every namespace Sim.call speaks, each with the error its service refuses a request with', () => {
    expect(Object.keys(MODELS).sort()).toEqual(namespaces);
    expect(Object.keys(SERVICE_ERROR).sort()).toEqual(namespaces);
    expect(SERVICE_ERROR.ecs).toBe('InvalidParameterException');
    expect(SERVICE_ERROR.elbv2).toBe('ValidationError');
  });

  it('name documented ranges by a structure member the model has and a figure model/limits.ts has', () => {
    for (const [ns, ranges] of Object.entries(RANGE_OF)) {
      for (const [key, range] of Object.entries(ranges)) {
        const [structure, memberName] = key.split('.') as [string, string];
        const shape = MODELS[ns]!.shapes[structure];
        // A shape the model no longer has (ECS daemons) is named ahead of it; one it has must have the member.
        if (shape) expect(Object.keys(shape.m ?? {}), `${ns} ${key}`).toContain(memberName);
        expect(Object.hasOwn(RANGES, range), `${ns} ${key} → ${range}`).toBe(true);
      }
    }
  });

  it('take the tables of a namespace that arrives later', () => {
    const before = MODELS.later;
    installModels({ later: { operations: { Op: 'OpInput' }, shapes: { OpInput: { t: 'structure', m: {} } } } });
    expect(MODELS.later?.operations).toEqual({ Op: 'OpInput' });
    delete MODELS.later;
    expect(before).toBeUndefined();
  });
});
