import { describe, expect, it } from 'vitest';
import { ApiError, clientError, clusterNotFound, invalidParameter, serviceNotFound } from '../../../src/sim/core/errors';

describe('API errors', () => {
  it("carry AWS's error type as their code and name, and their message", () => {
    const e = new ApiError('ThrottlingException', 'Rate exceeded');
    expect(e).toBeInstanceOf(Error);
    expect([e.code, e.name, e.message]).toEqual(['ThrottlingException', 'ThrottlingException', 'Rate exceeded']);
    expect([clusterNotFound().code, clusterNotFound().message]).toEqual(['ClusterNotFoundException', 'Cluster not found.']);
    expect([serviceNotFound().code, serviceNotFound().message]).toEqual(['ServiceNotFoundException', 'Service not found.']);
  });

  it('say which member of the request they are about when given one, and have no path otherwise', () => {
    const e = clientError("Invalid 'memory' setting for container 'web'. The minimum is 6 MiB.", ['containerDefinitions', 0, 'memory']);
    expect([e.code, e.message, e.path]).toEqual(['ClientException', "Invalid 'memory' setting for container 'web'. The minimum is 6 MiB.", ['containerDefinitions', 0, 'memory']]);
    expect(invalidParameter('desiredCount must be 0 or more.', ['desiredCount'])).toMatchObject({ code: 'InvalidParameterException', path: ['desiredCount'] });
    const bare = clientError('Container list cannot be empty.');
    expect(bare.path).toBeUndefined();
    expect(Object.keys(bare)).not.toContain('path');
    expect(Object.keys(invalidParameter('x'))).not.toContain('path');
  });
});
